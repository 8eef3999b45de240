import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DEFAULT_INCORRECT_SHARE = 0.5;
export const DEFAULT_MISSED_ACTIVITIES = 3;
export const MAX_MISSED_ACTIVITIES = 20;
/** Incorrect answers in a row, over a student's latest checks, that raise incorrect_streak. */
export const INCORRECT_STREAK_LENGTH = 3;
/** Responses a check needs before class_incorrect is evaluated while it is open. */
export const MIN_RESPONSES_FOR_CLASS_ALERT = 3;

/** When a session raises class_incorrect and missed_responses alerts. */
@ObjectType()
@Entity('session_alert_settings')
export class AlertSettings {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryColumn('uuid')
  sessionId: string;

  @Exclude()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({
    minimum: 0.05,
    maximum: 1,
    description:
      'class_incorrect is raised when more than this share of responses to a check is incorrect.',
  })
  @Field(() => Float, {
    description:
      'class_incorrect is raised when more than this share of responses to a check is incorrect.',
  })
  @Column({ type: 'double precision', default: DEFAULT_INCORRECT_SHARE })
  incorrectShareThreshold: number;

  @ApiProperty({
    minimum: 1,
    maximum: MAX_MISSED_ACTIVITIES,
    description:
      'missed_responses is raised when a student did not respond to this many activities in a row.',
  })
  @Field(() => Int, {
    description:
      'missed_responses is raised when a student did not respond to this many activities in a row.',
  })
  @Column({ type: 'integer', default: DEFAULT_MISSED_ACTIVITIES })
  missedActivitiesThreshold: number;
}

@InputType()
export class AlertSettingsInput {
  @ApiPropertyOptional({ minimum: 0.05, maximum: 1, default: DEFAULT_INCORRECT_SHARE })
  @Field(() => Float, {
    nullable: true,
    description: `From 0.05 to 1; default ${DEFAULT_INCORRECT_SHARE}.`,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.05)
  @Max(1)
  incorrectShareThreshold?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_MISSED_ACTIVITIES,
    default: DEFAULT_MISSED_ACTIVITIES,
  })
  @Field(() => Int, {
    nullable: true,
    description: `From 1 to ${MAX_MISSED_ACTIVITIES}; default ${DEFAULT_MISSED_ACTIVITIES}.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_MISSED_ACTIVITIES)
  missedActivitiesThreshold?: number;
}
