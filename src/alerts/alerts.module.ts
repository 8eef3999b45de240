import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionsModule } from '../sessions/sessions.module';
import { Alert } from './alert.entity';
import { AlertSettings } from './alert-settings.entity';
import { AlertsController } from './alerts.controller';
import { AlertsResolver } from './alerts.resolver';
import { AlertsService } from './alerts.service';

@Module({
  imports: [TypeOrmModule.forFeature([Alert, AlertSettings]), SessionsModule],
  providers: [AlertsService, AlertsResolver],
  controllers: [AlertsController],
  exports: [AlertsService],
})
export class AlertsModule {}
