import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const PHASE_TRANSITION_ACTIONS = ['started', 'ended', 'skipped', 'reordered'] as const;

export type PhaseTransitionAction = (typeof PHASE_TRANSITION_ACTIONS)[number];

export const PhaseTransitionActionEnum = Object.fromEntries(
  PHASE_TRANSITION_ACTIONS.map((action) => [action, action]),
) as { [K in PhaseTransitionAction]: K };

registerEnumType(PhaseTransitionActionEnum, {
  name: 'PhaseTransitionAction',
  description: 'What happened to a lesson phase while its session was live.',
});

/** One recorded change of a lesson phase. Rows are only ever inserted. */
@ObjectType()
@Entity('session_phase_transitions')
export class SessionPhaseTransition {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Insertion order: the transitions of one transaction share occurredAt. */
  @Exclude()
  @Column({ type: 'bigint', insert: false, update: false })
  sequence: string;

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
  phaseId: string;

  @ApiProperty({ enum: PHASE_TRANSITION_ACTIONS })
  @Field(() => PhaseTransitionActionEnum)
  @Column({ type: 'varchar', length: 16 })
  action: PhaseTransitionAction;

  @ApiProperty({ description: 'Place of the phase in the lesson plan after the change, from 0.' })
  @Field(() => Int, {
    description: 'Place of the phase in the lesson plan after the change, from 0.',
  })
  @Column('integer')
  position: number;

  @ApiProperty()
  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The API key that made the change; null when no API key made it.',
  })
  @Field(() => ID, {
    nullable: true,
    description: 'The API key that made the change; null when no API key made it.',
  })
  @Column({ type: 'uuid', nullable: true })
  apiKeyId: string | null;
}
