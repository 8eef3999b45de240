import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AuthGuard } from './auth.guard';
import { ParticipantTokenService } from './participant-token.service';

@Global()
@Module({
  imports: [OrganizationsModule],
  providers: [ParticipantTokenService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ParticipantTokenService],
})
export class AuthModule {}
