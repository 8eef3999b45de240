import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKey } from './api-key.entity';
import { ApiKeysService } from './api-keys.service';
import { Organization } from './organization.entity';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, ApiKey])],
  providers: [OrganizationsService, ApiKeysService, OrganizationsResolver],
  controllers: [OrganizationsController],
  exports: [OrganizationsService, ApiKeysService],
})
export class OrganizationsModule {}
