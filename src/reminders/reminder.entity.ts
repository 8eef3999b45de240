import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  Max,
  Min,
} from 'class-validator';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const DEFAULT_LEAD_MINUTES = [1_440, 60];
export const MIN_LEAD_MINUTES = 5;
/** 14 days. */
export const MAX_LEAD_MINUTES = 20_160;
export const MAX_LEAD_TIMES = 10;
export const REMINDER_JOB = 'session.reminder';

export const REMINDER_STATUSES = ['pending', 'sent', 'skipped', 'cancelled', 'failed'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];
export const RECIPIENT_KINDS = ['member', 'guardian', 'student'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** An organization's reminder lead times; an organization without a row uses the defaults. */
@ObjectType()
@Entity('reminder_settings')
export class ReminderSettings {
  @Exclude()
  @PrimaryColumn('uuid')
  organizationId: string;

  @ApiProperty({ description: 'Whether new sessions get reminders.' })
  @Field({ description: 'Whether new sessions get reminders.' })
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @ApiProperty({
    type: [Number],
    example: DEFAULT_LEAD_MINUTES,
    description:
      'Minutes before the start at which reminders are sent. Whole days are calendar days in the session’s time zone.',
  })
  @Field(() => [Int], {
    description:
      'Minutes before the start at which reminders are sent. Whole days are calendar days in the session’s time zone.',
  })
  @Column('integer', { array: true })
  leadMinutes: number[];
}

@InputType()
export class ReminderSettingsInput {
  @ApiProperty({ description: 'Whether new sessions get reminders.' })
  @Field({ description: 'Whether new sessions get reminders.' })
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled: boolean;

  @ApiProperty({
    type: [Number],
    minItems: 1,
    maxItems: MAX_LEAD_TIMES,
    example: DEFAULT_LEAD_MINUTES,
    description: `1 to ${MAX_LEAD_TIMES} distinct lead times in minutes, each from ${MIN_LEAD_MINUTES} to ${MAX_LEAD_MINUTES}.`,
  })
  @Field(() => [Int], {
    description: `1 to ${MAX_LEAD_TIMES} distinct lead times in minutes, each from ${MIN_LEAD_MINUTES} to ${MAX_LEAD_MINUTES}.`,
  })
  @IsArray({ message: 'leadMinutes must be an array of whole minutes, e.g. [1440, 60]' })
  @ArrayMinSize(1, { message: 'leadMinutes must contain at least one lead time' })
  @ArrayMaxSize(MAX_LEAD_TIMES, {
    message: `leadMinutes must contain at most ${MAX_LEAD_TIMES} lead times`,
  })
  @ArrayUnique({ message: 'leadMinutes must not repeat a lead time' })
  @IsInt({ each: true, message: 'each value of leadMinutes must be a whole number of minutes' })
  @Min(MIN_LEAD_MINUTES, {
    each: true,
    message: `each value of leadMinutes must be at least ${MIN_LEAD_MINUTES} minutes`,
  })
  @Max(MAX_LEAD_MINUTES, {
    each: true,
    message: `each value of leadMinutes must be at most ${MAX_LEAD_MINUTES} minutes (14 days)`,
  })
  leadMinutes: number[];
}

/** One reminder of one session to one recipient at one lead time. */
@ObjectType()
@Entity('session_reminders')
export class SessionReminder {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Exclude()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  sessionId: string;

  @ApiProperty({ enum: RECIPIENT_KINDS })
  @Field(() => String, { description: 'member, guardian or student.' })
  @Column({ type: 'varchar', length: 16 })
  recipientKind: RecipientKind;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  recipientId: string;

  @ApiProperty()
  @Field()
  @Column({ length: 320 })
  email: string;

  @ApiProperty()
  @Field(() => Int)
  @Column('integer')
  leadMinutes: number;

  @ApiProperty({ description: 'When the reminder is due.' })
  @Field({ description: 'When the reminder is due.' })
  @Column({ type: 'timestamptz' })
  sendAt: Date;

  @ApiProperty({ enum: REMINDER_STATUSES })
  @Field(() => String, { description: 'pending, sent, skipped, cancelled or failed.' })
  @Column({ type: 'varchar', length: 16 })
  status: ReminderStatus;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'SEND_TIME_PASSED' })
  @Field(() => String, { nullable: true, description: 'Why it was skipped, cancelled or failed.' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  reason: string | null;

  @ApiProperty()
  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  jobId: string | null;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
