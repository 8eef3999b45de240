import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import {
  PROGRESS_CHANGES,
  PROGRESS_STATUSES,
  ProgressChangeKind,
  ProgressChangeKindEnum,
  ProgressStatus,
  ProgressStatusEnum,
} from './progress-status';

/** One change of a progress record. Rows are only ever appended. */
@ObjectType('ProgressChange')
@Entity('progress_history')
export class ProgressChange {
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
  progressRecordId: string;

  @ApiProperty({ enum: PROGRESS_CHANGES })
  @Field(() => ProgressChangeKindEnum)
  @Column({ type: 'varchar', length: 20 })
  change: ProgressChangeKind;

  @ApiPropertyOptional({
    enum: PROGRESS_STATUSES,
    nullable: true,
    description: 'Null for the first change.',
  })
  @Field(() => ProgressStatusEnum, { nullable: true, description: 'Null for the first change.' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: ProgressStatus | null;

  @ApiProperty({ enum: PROGRESS_STATUSES })
  @Field(() => ProgressStatusEnum)
  @Column({ type: 'varchar', length: 16 })
  toStatus: ProgressStatus;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  fromConfidence: number | null;

  @ApiProperty()
  @Field(() => Float)
  @Column('double precision')
  toConfidence: number;

  @ApiProperty({
    enum: PROGRESS_STATUSES,
    description:
      'The status the rules derived at this change; it differs from toStatus while an override is in effect.',
  })
  @Field(() => ProgressStatusEnum, {
    description:
      'The status the rules derived at this change; it differs from toStatus while an override is in effect.',
  })
  @Column({ type: 'varchar', length: 16 })
  automaticStatus: ProgressStatus;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The instructor’s reason, for overrides.',
  })
  @Field(() => String, { nullable: true, description: 'The instructor’s reason, for overrides.' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The documented session that caused the change.',
  })
  @Field(() => ID, {
    nullable: true,
    description: 'The documented session that caused the change.',
  })
  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @ApiProperty({ enum: ['api_key', 'participant', 'system'] })
  @Field({ description: 'One of: api_key, participant, system.' })
  @Column({ type: 'varchar', length: 16 })
  actorKind: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  actorId: string | null;

  @ApiProperty()
  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
