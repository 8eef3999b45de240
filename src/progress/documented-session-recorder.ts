import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { recordDomainEvent } from '../webhooks/domain-events';
import { RequestContext } from '../common/request-context';
import { Objective } from '../curricula/objective.entity';
import { Enrollment } from '../enrollments/enrollment.entity';
import { Recap } from '../recaps/recap.entity';
import { SessionPhase } from '../sessions/session-phase.entity';
import { Session, SessionEnrollment } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { ProgressEvidence } from './progress-evidence.entity';
import { classifySessionObjective, SessionObjectiveFacts } from './progress-rules';
import { lockRecord, recomputeRecord } from './progress-store';
import { SessionObjectiveCoverage } from './session-objective-coverage.entity';

/** A student's graded answer to a named check linked to an objective. */
interface CheckAnswer {
  activityId: string;
  objectiveCode: string;
  studentId: string;
  correct: boolean;
}

/** The session's observations about its objectives, shared by all of its enrollments. */
interface SessionObservations {
  doneCodes: Set<string>;
  skippedCodes: Set<string>;
  recap: { id: string; confidenceByCode: Map<string, number> } | null;
  answers: CheckAnswer[];
}

/**
 * Updates progress records and the coverage table when a session becomes documented. It runs
 * inside the transaction that documents the session, so the session, its coverage and its
 * students' progress commit together, and a failure here rolls the approval back.
 */
@Injectable()
export class DocumentedSessionRecorder implements OnModuleInit {
  private readonly logger = new Logger(DocumentedSessionRecorder.name);

  constructor(private readonly sessions: SessionsService) {}

  onModuleInit(): void {
    this.sessions.onSessionDocumented((ctx, session, manager) =>
      this.record(ctx, session, manager),
    );
  }

  async record(ctx: RequestContext, session: Session, manager: EntityManager): Promise<void> {
    const links = await manager.find(SessionEnrollment, {
      where: { organizationId: ctx.organizationId, sessionId: session.id },
    });
    if (links.length === 0) {
      return;
    }
    const enrollments = await manager.find(Enrollment, {
      where: { organizationId: ctx.organizationId, id: In(links.map((link) => link.enrollmentId)) },
    });
    const objectives = await manager.find(Objective, {
      where: {
        organizationId: ctx.organizationId,
        curriculumId: In([...new Set(enrollments.map((e) => e.curriculumId))]),
      },
    });
    const observations = await this.observe(manager, ctx, session.id);
    let records = 0;
    for (const enrollment of enrollments) {
      const curriculumObjectives = new Map(
        objectives
          .filter((o) => o.curriculumId === enrollment.curriculumId)
          .map((o) => [o.code, o]),
      );
      const updated = await this.recordEnrollment(
        manager,
        ctx,
        session,
        enrollment,
        curriculumObjectives,
        observations,
      );
      if (updated > 0) {
        await recordDomainEvent(manager, ctx.organizationId, 'progress.updated', {
          sessionId: session.id,
          studentId: enrollment.studentId,
          enrollmentId: enrollment.id,
          objectivesUpdated: updated,
        });
      }
      records += updated;
    }
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        sessionId: session.id,
        enrollments: enrollments.length,
        records,
      },
      'Progress and coverage recorded for the documented session',
    );
  }

  private async observe(
    manager: EntityManager,
    ctx: RequestContext,
    sessionId: string,
  ): Promise<SessionObservations> {
    const phases = await manager.find(SessionPhase, {
      where: { organizationId: ctx.organizationId, sessionId },
    });
    const doneCodes = new Set(
      phases.filter((p) => p.status === 'done').flatMap((p) => p.objectiveCodes),
    );
    // A phase still planned when the session ended never ran, which counts as skipped.
    const skippedCodes = new Set(
      phases
        .filter((p) => p.status === 'skipped' || p.status === 'planned')
        .flatMap((p) => p.objectiveCodes),
    );
    const recapRow = await manager.findOne(Recap, {
      where: { organizationId: ctx.organizationId, sessionId, status: 'approved' },
      relations: { currentVersion: true },
      order: { approvedAt: 'DESC' },
    });
    const recap = recapRow
      ? {
          id: recapRow.id,
          confidenceByCode: new Map(
            (recapRow.content?.objectivesCovered ?? []).map((o) => [o.code, o.confidence]),
          ),
        }
      : null;
    const checks = await manager.find(Activity, {
      select: { id: true, objectiveCode: true },
      where: {
        organizationId: ctx.organizationId,
        sessionId,
        kind: 'check',
        anonymous: false,
        objectiveCode: Not(IsNull()),
      },
    });
    const codeByActivity = new Map(checks.map((c) => [c.id, c.objectiveCode as string]));
    const rows: { activity_id: string; student_id: string; correct: boolean }[] =
      checks.length === 0
        ? []
        : await manager.query(
            `SELECT r.activity_id, p.student_id, r.correct
               FROM activity_responses r
               JOIN participants p ON p.id = r.participant_id AND p.organization_id = r.organization_id
              WHERE r.organization_id = $1 AND r.session_id = $2
                AND r.correct IS NOT NULL AND p.student_id IS NOT NULL
                AND r.activity_id = ANY($3::uuid[])`,
            [ctx.organizationId, sessionId, [...codeByActivity.keys()]],
          );
    const answers = rows.map((row) => ({
      activityId: row.activity_id,
      objectiveCode: codeByActivity.get(row.activity_id) as string,
      studentId: row.student_id,
      correct: row.correct,
    }));

    return { doneCodes, skippedCodes, recap, answers };
  }

  /** Writes the coverage rows and progress evidence of one enrollment; returns the records touched. */
  private async recordEnrollment(
    manager: EntityManager,
    ctx: RequestContext,
    session: Session,
    enrollment: Enrollment,
    objectives: Map<string, Objective>,
    observed: SessionObservations,
  ): Promise<number> {
    const answers = observed.answers.filter((a) => a.studentId === enrollment.studentId);
    const codes = new Set([
      ...observed.doneCodes,
      ...observed.skippedCodes,
      ...(observed.recap?.confidenceByCode.keys() ?? []),
      ...answers.map((a) => a.objectiveCode),
    ]);
    let records = 0;
    const recordedAt = new Date();
    for (const code of [...codes].sort()) {
      const objective = objectives.get(code);
      if (!objective) {
        continue;
      }
      const own = answers.filter((a) => a.objectiveCode === code);
      const facts: SessionObjectiveFacts = {
        plannedDone: observed.doneCodes.has(code),
        plannedSkipped: observed.skippedCodes.has(code),
        recapMatched: observed.recap?.confidenceByCode.has(code) ?? false,
        checksAnswered: own.length,
        checksCorrect: own.filter((a) => a.correct).length,
      };
      await manager
        .createQueryBuilder()
        .insert()
        .into(SessionObjectiveCoverage)
        .values({
          organizationId: ctx.organizationId,
          sessionId: session.id,
          enrollmentId: enrollment.id,
          studentId: enrollment.studentId,
          instructorId: enrollment.instructorId,
          curriculumId: enrollment.curriculumId,
          objectiveId: objective.id,
          objectiveCode: code,
          status: classifySessionObjective(facts),
          ...facts,
          sessionStart: session.scheduledStart,
        })
        .orIgnore()
        .execute();
      const evidence = this.evidenceFor(code, facts, own, observed, session.id, recordedAt);
      if (evidence.length === 0) {
        continue;
      }
      const { record, created } = await lockRecord(manager, ctx, enrollment.studentId, objective);
      await manager.insert(
        ProgressEvidence,
        evidence.map((item) => ({
          ...item,
          organizationId: ctx.organizationId,
          progressRecordId: record.id,
        })),
      );
      await recomputeRecord(manager, ctx, record, {
        change: 'automatic',
        created,
        sessionId: session.id,
      });
      records += 1;
    }

    return records;
  }

  private evidenceFor(
    code: string,
    facts: SessionObjectiveFacts,
    answers: CheckAnswer[],
    observed: SessionObservations,
    sessionId: string,
    recordedAt: Date,
  ): Partial<ProgressEvidence>[] {
    const evidence: Partial<ProgressEvidence>[] = [];
    if (facts.plannedDone) {
      evidence.push({ kind: 'lesson_plan', sessionId, recordedAt });
    }
    if (observed.recap && facts.recapMatched) {
      evidence.push({
        kind: 'recap',
        sessionId,
        recapId: observed.recap.id,
        recapConfidence: observed.recap.confidenceByCode.get(code) ?? null,
        recordedAt,
      });
    }
    for (const answer of answers) {
      evidence.push({
        kind: 'check_result',
        sessionId,
        activityId: answer.activityId,
        correct: answer.correct,
        recordedAt,
      });
    }

    return evidence;
  }
}
