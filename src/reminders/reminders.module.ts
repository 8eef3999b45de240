import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module';
import { Mailer } from '../parent-updates/mailer';
import { SessionsModule } from '../sessions/sessions.module';
import { ReminderDeliveryWorker } from './reminder-delivery.worker';
import { ReminderSettings, SessionReminder } from './reminder.entity';
import { RemindersController } from './reminders.controller';
import { RemindersResolver } from './reminders.resolver';
import { RemindersService } from './reminders.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReminderSettings, SessionReminder]), JobsModule, SessionsModule],
  providers: [Mailer, RemindersService, ReminderDeliveryWorker, RemindersResolver],
  controllers: [RemindersController],
})
export class RemindersModule {}
