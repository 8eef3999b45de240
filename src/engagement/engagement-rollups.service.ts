import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { Participant } from '../sessions/participant.entity';
import { Session } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { StudentsService } from '../students/students.service';
import { summarizeAttendance, TimelineEvent } from './attendance';
import {
  EngagementTrendPoint,
  ParticipantEngagement,
  SessionEngagement,
  StudentEngagementTrend,
} from './dto/engagement-rollups';
import { ActivityCounts, readActivityCounts, readTimelines } from './engagement-queries';
import { DEFAULT_TREND_SESSIONS, TREND_MOVING_AVERAGE_WINDOW } from './engagement-limits';
import { movingAverages, participationScore, slope } from './participation-score';

/** Session statuses that have a start, so they belong in a student's trend. */
const STARTED_STATUSES = new Set(['live', 'ended', 'documented']);

const ZERO_COUNTS: Omit<ActivityCounts, 'sessionId' | 'participantId'> = {
  talkMs: 0,
  responses: 0,
  gradedResponses: 0,
  correctResponses: 0,
  boardOperations: 0,
  handRaises: 0,
  chatMessages: 0,
  reactions: 0,
  helpRequests: 0,
};

const round2 = (value: number) => Math.round(value * 100) / 100;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Computes engagement rollups from the event log when they are read: two aggregate statements
 * per request, whatever the number of sessions, and interval arithmetic in memory.
 */
@Injectable()
export class EngagementRollupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly students: StudentsService,
  ) {}

  /** Returns the rollups of every participant of one session, in roster order. */
  async sessionEngagement(ctx: RequestContext, sessionId: string): Promise<SessionEngagement> {
    const session = await this.sessions.get(ctx, sessionId, 'sessionId');
    const [rollup] = await this.compute(ctx, [session]);

    return rollup;
  }

  /**
   * Returns a student's participation score in each started session they took part in, oldest
   * first, limited to the latest `last` sessions, with a moving average and a slope.
   */
  async studentTrend(
    ctx: RequestContext,
    studentId: string,
    last = DEFAULT_TREND_SESSIONS,
  ): Promise<StudentEngagementTrend> {
    await this.students.get(ctx, studentId, 'studentId');
    const participations = await this.sessions.findStudentParticipants(ctx, studentId);
    const sessions = (
      await this.sessions.findByIds(ctx, [...new Set(participations.map((p) => p.sessionId))])
    )
      .filter((session) => STARTED_STATUSES.has(session.status))
      .sort((a, b) => startOf(a).getTime() - startOf(b).getTime() || a.id.localeCompare(b.id))
      .slice(-last);
    const rollups = await this.compute(ctx, sessions);
    const participantIds = new Set(participations.map((participation) => participation.id));
    const points: EngagementTrendPoint[] = [];
    rollups.forEach((rollup, index) => {
      const session = sessions[index];
      for (const participant of rollup.participants.filter((p) =>
        participantIds.has(p.participantId),
      )) {
        points.push(
          Object.assign(new EngagementTrendPoint(), {
            sessionId: session.id,
            sessionTitle: session.title,
            startedAt: startOf(session),
            participantId: participant.participantId,
            participationScore: participant.participationScore,
            attendedMinutes: participant.attendedMinutes,
            movingAverage: 0,
          }),
        );
      }
    });
    const scores = points.map((point) => point.participationScore);
    movingAverages(scores, TREND_MOVING_AVERAGE_WINDOW).forEach((average, index) => {
      points[index].movingAverage = round2(average);
    });
    const trendSlope = slope(scores);

    return Object.assign(new StudentEngagementTrend(), {
      studentId,
      sessions: points,
      slope: trendSlope === null ? null : round4(trendSlope),
      movingAverage: points.length > 0 ? points[points.length - 1].movingAverage : null,
    });
  }

  /** Computes the rollups of the sessions, in the given order. */
  private async compute(ctx: RequestContext, sessions: Session[]): Promise<SessionEngagement[]> {
    if (sessions.length === 0) {
      return [];
    }
    const ids = sessions.map((session) => session.id);
    const manager = this.dataSource.manager;
    const [participants, counts, timelines] = await Promise.all([
      this.sessions.findParticipants(ctx, ids),
      readActivityCounts(manager, ctx.organizationId, ids),
      readTimelines(manager, ctx.organizationId, ids),
    ]);
    const computedAt = new Date();
    const countsByKey = new Map(
      counts.map((row) => [`${row.sessionId}:${row.participantId}`, row]),
    );
    const eventsByKey = new Map(
      timelines.map((timeline) => [
        `${timeline.sessionId}:${timeline.participantId}`,
        timeline.events,
      ]),
    );

    return sessions.map((session) =>
      rollUpSession(
        session,
        participants.filter((participant) => participant.sessionId === session.id),
        (participantId) => countsByKey.get(`${session.id}:${participantId}`),
        (participantId) => eventsByKey.get(`${session.id}:${participantId}`) ?? [],
        computedAt,
      ),
    );
  }
}

function startOf(session: Session): Date {
  return session.actualStart ?? session.scheduledStart;
}

/**
 * Returns the window that attendance is counted in: from the actual start to the actual end,
 * or to now while the session runs. A session that never started counts from each join to now.
 */
function attendanceWindow(session: Session, now: Date): { start: number | null; end: number } {
  const end = (session.actualEnd ?? now).getTime();
  const start = session.actualStart ? Math.min(session.actualStart.getTime(), end) : null;

  return { start, end };
}

function sessionMinutes(session: Session, now: Date): number {
  if (!session.actualStart) {
    return (session.scheduledEnd.getTime() - session.scheduledStart.getTime()) / 60_000;
  }

  return Math.max(
    0,
    ((session.actualEnd ?? now).getTime() - session.actualStart.getTime()) / 60_000,
  );
}

/** Computes the rollups of one session from its participants, activity counts and timelines. */
export function rollUpSession(
  session: Session,
  participants: Participant[],
  countsOf: (participantId: string) => ActivityCounts | undefined,
  eventsOf: (participantId: string) => TimelineEvent[],
  now: Date,
): SessionEngagement {
  const window = attendanceWindow(session, now);
  const minutes = sessionMinutes(session, now);
  const counts = participants.map((participant) => ({
    ...ZERO_COUNTS,
    ...countsOf(participant.id),
  }));
  const totalTalkMs = counts.reduce((sum, row) => sum + row.talkMs, 0);
  const maxResponses = Math.max(0, ...counts.map((row) => row.responses));
  const speakers = participants.filter((participant) => participant.role !== 'observer').length;

  const rollups = participants.map((participant, index) => {
    const row = counts[index];
    const attendance = summarizeAttendance(eventsOf(participant.id), window);
    const attendedMinutes = attendance.attendedMs / 60_000;
    const attendanceShare = minutes > 0 ? Math.min(1, attendedMinutes / minutes) : null;
    const talkShare = totalTalkMs > 0 ? row.talkMs / totalTalkMs : 0;
    const interactions = row.handRaises + row.chatMessages + row.reactions + row.boardOperations;

    return Object.assign(new ParticipantEngagement(), {
      participantId: participant.id,
      role: participant.role,
      displayName: participant.displayName,
      studentId: participant.studentId,
      attendedMinutes: round2(attendedMinutes),
      attendanceShare: attendanceShare === null ? null : round4(attendanceShare),
      talkSeconds: round2(row.talkMs / 1000),
      talkShare: round4(talkShare),
      responses: row.responses,
      gradedResponses: row.gradedResponses,
      correctResponses: row.correctResponses,
      correctRate:
        row.gradedResponses > 0 ? round4(row.correctResponses / row.gradedResponses) : null,
      boardOperations: row.boardOperations,
      attentionShare: attendance.attentionShare === null ? null : round4(attendance.attentionShare),
      handRaises: row.handRaises,
      chatMessages: row.chatMessages,
      reactions: row.reactions,
      helpRequests: row.helpRequests,
      participationScore: participationScore({
        attendanceShare,
        attentionShare: attendance.attentionShare,
        talkShare,
        speakers,
        responses: row.responses,
        maxResponses,
        interactions,
      }),
    });
  });

  return Object.assign(new SessionEngagement(), {
    sessionId: session.id,
    sessionStatus: session.status,
    sessionMinutes: round2(minutes),
    totalTalkSeconds: round2(totalTalkMs / 1000),
    computedAt: now,
    participants: rollups,
  });
}
