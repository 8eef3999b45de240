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

export const SESSION_STATUSES = ['scheduled', 'live', 'ended', 'documented', 'cancelled'] as const;

export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SessionStatusEnum = Object.fromEntries(SESSION_STATUSES.map((s) => [s, s])) as {
  [K in SessionStatus]: K;
};

registerEnumType(SessionStatusEnum, {
  name: 'SessionStatus',
  description: 'scheduled → live → ended → documented, or scheduled → cancelled.',
});

/** One scheduled lesson in a room, with its lesson plan and lifecycle. */
@ObjectType()
@Entity('sessions')
export class Session {
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
  roomId: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Field()
  @Column({ length: 200 })
  title: string;

  @ApiProperty({ enum: SESSION_STATUSES })
  @Field(() => SessionStatusEnum)
  @Column({ type: 'varchar', length: 16, default: 'scheduled' })
  status: SessionStatus;

  @ApiProperty()
  @Field()
  @Column({ type: 'timestamptz' })
  scheduledStart: Date;

  @ApiProperty()
  @Field()
  @Column({ type: 'timestamptz' })
  scheduledEnd: Date;

  @ApiProperty({
    example: 'Europe/Berlin',
    description: 'IANA time zone the session is planned in.',
  })
  @Field({ description: 'IANA time zone the session is planned in.' })
  @Column({ length: 64 })
  timeZone: string;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  actualStart: Date | null;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  actualEnd: Date | null;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @ApiProperty({ description: 'Name of the LiveKit room that carries this session’s media.' })
  @Field({ description: 'Name of the LiveKit room that carries this session’s media.' })
  @Column({ length: 128 })
  livekitRoomName: string;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Link of a session to one enrollment it teaches. */
@Entity('session_enrollments')
export class SessionEnrollment {
  @Column('uuid', { primary: true })
  sessionId: string;

  @Column('uuid', { primary: true })
  enrollmentId: string;

  @Column('uuid')
  organizationId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
