import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const PARTICIPANT_ROLES = ['instructor', 'student', 'observer'] as const;

export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const ParticipantRoleEnum = Object.fromEntries(PARTICIPANT_ROLES.map((r) => [r, r])) as {
  [K in ParticipantRole]: K;
};

registerEnumType(ParticipantRoleEnum, { name: 'ParticipantRole' });

/** A person's presence in one session: who they are, their role, and when they were there. */
@ObjectType()
@Entity('participants')
@Index(['sessionId', 'identity'], { unique: true })
export class Participant {
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

  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @Field(() => ParticipantRoleEnum)
  @Column({ type: 'varchar', length: 16 })
  role: ParticipantRole;

  @ApiProperty({
    description: 'Stable identity in the session: `member:<id>`, `student:<id>` or custom.',
  })
  @Field({
    description: 'Stable identity in the session: `member:<id>`, `student:<id>` or custom.',
  })
  @Column({ length: 200 })
  identity: string;

  @ApiProperty({ maxLength: 200 })
  @Field()
  @Column({ length: 200 })
  displayName: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  memberId: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  studentId: string | null;

  @ApiPropertyOptional({ type: Date, nullable: true, description: 'First time they joined.' })
  @Field(() => Date, { nullable: true, description: 'First time they joined.' })
  @Column({ type: 'timestamptz', nullable: true })
  joinedAt: Date | null;

  @ApiPropertyOptional({ type: Date, nullable: true, description: 'Last time they left.' })
  @Field(() => Date, { nullable: true, description: 'Last time they left.' })
  @Column({ type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  @ApiPropertyOptional({
    type: Date,
    nullable: true,
    description: 'Time of removal. A removed participant gets no new join tokens.',
  })
  @Field(() => Date, {
    nullable: true,
    description: 'Time of removal. A removed participant gets no new join tokens.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
