import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Session, SessionStatus, SessionStatusEnum } from '../session.entity';

/** One lifecycle step of a session, as sent to `sessionStatusChanged` subscribers. */
@ObjectType({ description: 'One lifecycle step of a session.' })
export class SessionStatusChange {
  @Field(() => ID)
  sessionId: string;

  @Field(() => SessionStatusEnum, { description: 'The status after the change.' })
  status: SessionStatus;

  @Field(() => SessionStatusEnum, { description: 'The status before the change.' })
  previousStatus: SessionStatus;

  @Field({ description: 'When the change was committed.' })
  changedAt: Date;
}

/** The event published for a status change; dates travel as ISO strings. */
export interface SessionStatusEvent {
  sessionId: string;
  status: SessionStatus;
  previousStatus: SessionStatus;
  changedAt: string;
}

export function sessionStatusEvent(
  session: Session,
  previousStatus: SessionStatus,
): SessionStatusEvent {
  return {
    sessionId: session.id,
    status: session.status,
    previousStatus,
    changedAt: session.updatedAt.toISOString(),
  };
}

export function statusChangeFromEvent(event: SessionStatusEvent): SessionStatusChange {
  return Object.assign(new SessionStatusChange(), event, { changedAt: new Date(event.changedAt) });
}
