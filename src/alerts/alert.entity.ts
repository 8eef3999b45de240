import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import { GraphQLJSONObject } from 'graphql-type-json';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ALERT_TYPES = [
  'incorrect_streak',
  'class_incorrect',
  'missed_responses',
  'help_requested',
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];
export const AlertTypeEnum = Object.fromEntries(ALERT_TYPES.map((type) => [type, type])) as {
  [K in AlertType]: K;
};
registerEnumType(AlertTypeEnum, {
  name: 'AlertType',
  description:
    'incorrect_streak: a student answered their last three checks incorrectly; class_incorrect: more ' +
    'than the session’s threshold share answered a check incorrectly; missed_responses: a student did ' +
    'not respond to the last N activities; help_requested: a breakout group asked for help.',
});

/** A notice for the session's instructors about a student or the class. */
@ObjectType()
@Entity('alerts')
export class Alert {
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

  @ApiProperty({ enum: ALERT_TYPES })
  @Field(() => AlertTypeEnum)
  @Column({ type: 'varchar', length: 32 })
  type: AlertType;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, {
    nullable: true,
    description: 'The student concerned; null for a class alert.',
  })
  @Column({ type: 'uuid', nullable: true })
  participantId: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The activity that raised it, if any.' })
  @Column({ type: 'uuid', nullable: true })
  activityId: string | null;

  /** Identifies the condition, so the same condition raises one alert only. */
  @Exclude()
  @Column({ type: 'varchar', length: 300 })
  conditionKey: string;

  @ApiProperty()
  @Field()
  @Column({ type: 'varchar', length: 1000 })
  message: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @Field(() => GraphQLJSONObject)
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @ApiProperty()
  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  acknowledgedAt: Date | null;
}
