import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import {
  AfterLoad,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { RecapActor } from '../recaps/recap-actor';
import { RecapUsage } from '../recaps/recap.entity';
import {
  DELIVERY_STATUSES,
  DeliveryStatus,
  PARENT_UPDATE_STATUSES,
  ParentUpdateStatus,
} from './parent-update-limits';

export const ParentUpdateStatusEnum = Object.fromEntries(
  PARENT_UPDATE_STATUSES.map((s) => [s, s]),
) as { [K in ParentUpdateStatus]: K };

registerEnumType(ParentUpdateStatusEnum, {
  name: 'ParentUpdateStatus',
  description:
    '`draft` until a person approves it (`approved`, then sent) or rejects it (`rejected`).',
});

export const DeliveryStatusEnum = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, s])) as {
  [K in DeliveryStatus]: K;
};

registerEnumType(DeliveryStatusEnum, {
  name: 'ParentUpdateDeliveryStatus',
  description:
    '`pending` until the email is accepted by the SMTP server (`sent`) or given up (`failed`).',
});

/** The email delivery of one approved update to its guardian. At most one exists per update. */
@ObjectType()
@Entity('parent_update_deliveries')
export class ParentUpdateDelivery {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  parentUpdateId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  guardianId: string;

  @ApiProperty({ description: 'The address the email is sent to, copied at approval.' })
  @Field({ description: 'The address the email is sent to, copied at approval.' })
  @Column({ length: 320 })
  recipient: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  @Field(() => DeliveryStatusEnum)
  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: DeliveryStatus;

  @ApiProperty({ description: 'SMTP attempts so far.' })
  @Field(() => Int, { description: 'SMTP attempts so far.' })
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'SMTP_NOT_CONFIGURED',
    description:
      'Why the delivery is still pending or failed: SMTP_NOT_CONFIGURED, SMTP_TEMPORARY_FAILURE, SMTP_PERMANENT_FAILURE or SMTP_RETRIES_EXHAUSTED.',
  })
  @Field(() => String, {
    nullable: true,
    description:
      'Why the delivery is still pending or failed: SMTP_NOT_CONFIGURED, SMTP_TEMPORARY_FAILURE, SMTP_PERMANENT_FAILURE or SMTP_RETRIES_EXHAUSTED.',
  })
  @Column({ type: 'varchar', length: 40, nullable: true })
  reason: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The last SMTP error message.',
  })
  @Field(() => String, { nullable: true, description: 'The last SMTP error message.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  lastError: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  messageId: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  jobId: string | null;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * An AI-drafted message to one guardian about one student's approved session recap. Only an
 * approved update gets a delivery, and the unique index on parent_update_deliveries allows one.
 */
@ObjectType()
@Entity('parent_updates')
export class ParentUpdate {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  sessionId: string;

  @ApiProperty({ format: 'uuid', description: 'The approved recap the draft was built from.' })
  @Field(() => ID, { description: 'The approved recap the draft was built from.' })
  @Column('uuid')
  recapId: string;

  @ApiProperty({ description: 'Version of the recap the draft was built from.' })
  @Field(() => Int, { description: 'Version of the recap the draft was built from.' })
  @Column('integer')
  recapVersion: number;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  studentId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  guardianId: string;

  @ApiProperty({ enum: PARENT_UPDATE_STATUSES })
  @Field(() => ParentUpdateStatusEnum)
  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: ParentUpdateStatus;

  @ApiProperty({
    example: 'es',
    description: 'BCP 47 tag of the language the update is written in.',
  })
  @Field({ description: 'BCP 47 tag of the language the update is written in.' })
  @Column({ length: 35 })
  language: string;

  @ApiProperty({ example: 'es-MX', description: "The guardian's preferred language when drafted." })
  @Field({ description: "The guardian's preferred language when drafted." })
  @Column({ length: 35 })
  requestedLanguage: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Set when the update is not in the requested language, saying why.',
  })
  @Field(() => String, {
    nullable: true,
    description: 'Set when the update is not in the requested language, saying why.',
  })
  @Column({ type: 'varchar', length: 300, nullable: true })
  languageNote: string | null;

  @ApiProperty({ maxLength: 200 })
  @Field()
  @Column({ length: 200 })
  subject: string;

  @ApiProperty({ maxLength: 5000 })
  @Field()
  @Column({ type: 'text' })
  body: string;

  @ApiProperty({ description: '1 for the generated draft, then one more per edit.' })
  @Field(() => Int, { description: '1 for the generated draft, then one more per edit.' })
  @Column({ type: 'integer', default: 1 })
  currentVersionNumber: number;

  @ApiProperty({ example: 'local' })
  @Field()
  @Column({ type: 'varchar', length: 16 })
  provider: string;

  @ApiProperty()
  @Field()
  @Column({ type: 'varchar', length: 100 })
  model: string;

  @ApiProperty()
  @Field()
  @Column({ type: 'varchar', length: 50 })
  promptVersion: string;

  @ApiProperty({ type: RecapUsage, description: 'Token use and cost of drafting this update.' })
  @Field(() => RecapUsage, { description: 'Token use and cost of drafting this update.' })
  @Column(() => RecapUsage, { prefix: false })
  usage: RecapUsage;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  rejectedAt: Date | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  rejectionReason: string | null;

  @ApiPropertyOptional({
    type: RecapActor,
    nullable: true,
    description: 'Who approved or rejected it.',
  })
  @Field(() => RecapActor, { nullable: true, description: 'Who approved or rejected it.' })
  @Column(() => RecapActor, { prefix: 'reviewer' })
  reviewer: RecapActor | null;

  @ApiPropertyOptional({
    type: ParentUpdateDelivery,
    nullable: true,
    description: 'The email delivery; null until the update is approved.',
  })
  @Field(() => ParentUpdateDelivery, {
    nullable: true,
    description: 'The email delivery; null until the update is approved.',
  })
  delivery: ParentUpdateDelivery | null;

  @Exclude()
  @Column({ type: 'uuid', nullable: true })
  jobId: string | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @AfterLoad()
  deriveFields(): void {
    this.delivery ??= null;
    if (!this.reviewer?.kind) {
      this.reviewer = null;
    }
  }
}
