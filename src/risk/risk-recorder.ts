import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { recordDomainEvent } from '../webhooks/domain-events';
import { Session } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { RiskAssessment, RiskLevelChange } from './risk-assessment.entity';
import { readObjectiveStandstills, readStudentSessionFacts, studentsOfSession } from './risk-facts';
import { riskLevel, riskScore, riskSignals } from './risk-rules';

export const RISK_LEVEL_CHANGED = 'risk.level_changed';

/**
 * Recomputes the risk signals of every student of a session when it becomes documented. It runs
 * inside the documenting transaction and reads only through its manager, so it sees the progress
 * records written by the progress listener, which registers first because RiskModule imports
 * ProgressModule.
 */
@Injectable()
export class RiskRecorder implements OnModuleInit {
  private readonly logger = new Logger(RiskRecorder.name);

  constructor(private readonly sessions: SessionsService) {}

  onModuleInit(): void {
    this.sessions.onSessionDocumented((ctx, session, manager) =>
      this.record(ctx, session, manager),
    );
  }

  async record(ctx: RequestContext, session: Session, manager: EntityManager): Promise<void> {
    const studentIds = await studentsOfSession(manager, ctx.organizationId, session.id);
    let changes = 0;
    for (const studentId of studentIds) {
      if (await this.recordStudent(manager, ctx.organizationId, studentId, session.id)) {
        changes += 1;
      }
    }
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        sessionId: session.id,
        students: studentIds.length,
        levelChanges: changes,
      },
      'Risk signals recomputed for the documented session',
    );
  }

  /** Stores the student's assessment and returns true when the level changed. */
  private async recordStudent(
    manager: EntityManager,
    organizationId: string,
    studentId: string,
    sessionId: string,
  ): Promise<boolean> {
    const facts = await readStudentSessionFacts(manager, organizationId, studentId);
    const standstills = await readObjectiveStandstills(manager, organizationId, studentId);
    const signals = riskSignals(facts, standstills);
    const level = riskLevel(signals);
    const score = riskScore(signals);
    const computedAt = new Date();
    const previous = await manager.findOne(RiskAssessment, {
      where: { organizationId, studentId },
      lock: { mode: 'pessimistic_write' },
    });
    const fromLevel = previous?.level ?? 'low';
    await manager.upsert(
      RiskAssessment,
      { organizationId, studentId, level, score, signals, lastSessionId: sessionId, computedAt },
      ['organizationId', 'studentId'],
    );
    if (fromLevel === level) {
      return false;
    }
    await manager.insert(RiskLevelChange, {
      organizationId,
      studentId,
      fromLevel,
      toLevel: level,
      score,
      sessionId,
      changedAt: computedAt,
    });
    await recordDomainEvent(manager, organizationId, RISK_LEVEL_CHANGED, {
      studentId,
      fromLevel,
      toLevel: level,
      score,
      sessionId,
      signals: signals.map((signal) => ({ kind: signal.kind, score: signal.score })),
    });

    return true;
  }
}
