import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import { ROOM_TOOLS, RoomTool, RoomToolEnum } from '../rooms/room.entity';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const PHASE_KINDS = ['warm_up', 'instruction', 'practice', 'feedback', 'close'] as const;

export type PhaseKind = (typeof PHASE_KINDS)[number];

export const PhaseKindEnum = Object.fromEntries(PHASE_KINDS.map((kind) => [kind, kind])) as {
  [K in PhaseKind]: K;
};

registerEnumType(PhaseKindEnum, {
  name: 'PhaseKind',
  description: 'The kind of a lesson plan step.',
});

export const PHASE_STATUSES = ['planned', 'active', 'done', 'skipped'] as const;

export type PhaseStatus = (typeof PHASE_STATUSES)[number];

export const PhaseStatusEnum = Object.fromEntries(
  PHASE_STATUSES.map((status) => [status, status]),
) as { [K in PhaseStatus]: K };

registerEnumType(PhaseStatusEnum, {
  name: 'PhaseStatus',
  description:
    'planned → active → done, or planned → skipped. At most one phase of a session is active.',
});

export const MAX_PHASES = 20;
export const MAX_PHASE_MINUTES = 240;
export const MAX_PHASE_OBJECTIVES = 50;
export const MAX_PHASE_ACTIVITIES = 20;
export const MAX_PHASE_ACTIVITY_LENGTH = 500;

/** One step of a session's lesson plan, in plan order. */
@ObjectType()
@Entity('session_phases')
export class SessionPhase {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Exclude()
  @Column('uuid')
  organizationId: string;

  @Exclude()
  @Column('uuid')
  sessionId: string;

  @ApiProperty({ description: 'Place in the lesson plan, from 0.' })
  @Field(() => Int, { description: 'Place in the lesson plan, from 0.' })
  @Column('integer')
  position: number;

  @ApiProperty({ enum: PHASE_KINDS })
  @Field(() => PhaseKindEnum)
  @Column({ type: 'varchar', length: 16 })
  kind: PhaseKind;

  @ApiProperty({ maxLength: 200 })
  @Field()
  @Column({ length: 200 })
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes: string | null;

  @ApiProperty({ minimum: 1, maximum: MAX_PHASE_MINUTES })
  @Field(() => Int, { description: 'Planned duration, minutes.' })
  @Column('integer')
  plannedMinutes: number;

  @ApiProperty({ type: [String], description: 'Codes of the curriculum objectives planned here.' })
  @Field(() => [String], { description: 'Codes of the curriculum objectives planned here.' })
  @Column('text', { array: true, default: () => "'{}'" })
  objectiveCodes: string[];

  @ApiProperty({
    type: [String],
    maxItems: MAX_PHASE_ACTIVITIES,
    description: 'What the class plans to do in this phase, in order.',
  })
  @Field(() => [String], { description: 'What the class plans to do in this phase, in order.' })
  @Column('text', { array: true, default: () => "'{}'" })
  activities: string[];

  @ApiPropertyOptional({
    enum: ROOM_TOOLS,
    isArray: true,
    nullable: true,
    description:
      'The room tools students may use while this phase is active; null enables every tool of the room.',
  })
  @Field(() => [RoomToolEnum], {
    nullable: true,
    description:
      'The room tools students may use while this phase is active; null enables every tool of the room.',
  })
  @Column('text', { array: true, nullable: true })
  tools: RoomTool[] | null;

  @ApiProperty({ enum: PHASE_STATUSES })
  @Field(() => PhaseStatusEnum)
  @Column({ type: 'varchar', length: 16, default: 'planned' })
  status: PhaseStatus;

  @ApiPropertyOptional({ type: Date, nullable: true, description: 'When the phase started.' })
  @Field(() => Date, { nullable: true, description: 'When the phase started.' })
  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Exclude()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Exclude()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
