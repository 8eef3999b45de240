import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The content of one answer; only the field of the question type is set. */
@ObjectType()
export class ActivityAnswer {
  @ApiPropertyOptional({ type: [String], description: 'Chosen option ids, sorted.' })
  @Field(() => [String], { nullable: true, description: 'Chosen option ids, sorted.' })
  optionIds?: string[];

  @ApiPropertyOptional({ type: Number })
  @Field(() => Float, { nullable: true })
  number?: number;

  @ApiPropertyOptional({ type: String })
  @Field(() => String, { nullable: true })
  text?: string;
}

/**
 * One participant's answer to an activity. A participant has at most one response per activity,
 * which a later submission replaces while the activity is open.
 */
@ObjectType()
@Entity('activity_responses')
export class ActivityResponse {
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

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  activityId: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The responding participant; always null for an anonymous activity.',
  })
  @Field(() => ID, {
    nullable: true,
    description: 'The responding participant; always null for an anonymous activity.',
  })
  @Column('uuid')
  participantId: string | null;

  @ApiProperty({ type: ActivityAnswer })
  @Field(() => ActivityAnswer)
  @Column({ type: 'jsonb' })
  answer: ActivityAnswer;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description:
      'Whether the answer is correct; null without a correct answer, and hidden (null) from students until the activity closes.',
  })
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the answer is correct; null without a correct answer, and hidden (null) from students until the activity closes.',
  })
  @Column({ type: 'boolean', nullable: true })
  correct: boolean | null;

  @ApiProperty({ description: 'Starts at 1 and grows by 1 each time the answer changes.' })
  @Field(() => Int, { description: 'Starts at 1 and grows by 1 each time the answer changes.' })
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @ApiProperty({ description: 'When the first answer arrived.' })
  @Field({ description: 'When the first answer arrived.' })
  @Column({ type: 'timestamptz', precision: 3 })
  submittedAt: Date;

  @ApiProperty({ description: 'When the answer last changed.' })
  @Field({ description: 'When the answer last changed.' })
  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** A response of a named activity with the responder's display name, for instructors. */
@ObjectType()
export class NamedActivityResponse extends ActivityResponse {
  @ApiProperty()
  @Field()
  displayName: string;
}
