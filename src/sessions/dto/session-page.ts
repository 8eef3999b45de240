import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Connection } from '../../common/pagination';
import { ParticipantRole, ParticipantRoleEnum, PARTICIPANT_ROLES } from '../participant.entity';
import { SessionPhase } from '../session-phase.entity';
import { Session, SESSION_STATUSES, SessionStatus, SessionStatusEnum } from '../session.entity';

@ObjectType()
export class SessionConnection extends Connection(Session, 'Session') {}

/** One page of sessions over REST. */
export class SessionPage {
  @ApiProperty({ type: [Session] })
  items: Session[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor: string | null;
}

/** A session with its plan, roster and enrollment ids, as REST returns it. */
export class SessionDetails extends Session {
  @ApiProperty({ type: [SessionPhase] })
  phases: SessionPhase[];

  @ApiProperty({ type: [String], format: 'uuid' })
  enrollmentIds: string[];
}

/** The part of a session that its participant token may read. */
@ObjectType()
export class ParticipantSessionView {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  id: string;

  @ApiProperty()
  @Field()
  title: string;

  @ApiProperty({ enum: SESSION_STATUSES })
  @Field(() => SessionStatusEnum)
  status: SessionStatus;

  @ApiProperty()
  @Field()
  scheduledStart: Date;

  @ApiProperty()
  @Field()
  scheduledEnd: Date;

  @ApiProperty({ type: [SessionPhase] })
  @Field(() => [SessionPhase])
  phases: SessionPhase[];

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  participantId: string;

  @ApiProperty({ enum: PARTICIPANT_ROLES, description: 'The caller’s own role.' })
  @Field(() => ParticipantRoleEnum, { description: 'The caller’s own role.' })
  role: ParticipantRole;
}
