import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { CurriculaService } from '../curricula/curricula.service';
import { Objective } from '../curricula/objective.entity';
import { Enrollment } from '../enrollments/enrollment.entity';
import { StudentsService } from '../students/students.service';
import { ClearProgressOverrideInput, OverrideProgressInput } from './dto/progress.input';
import { ProgressChange } from './progress-change.entity';
import { ProgressEvidence } from './progress-evidence.entity';
import { ProgressEvidenceView, ProgressRecord, ProgressRecordView } from './progress-record.entity';
import { EVIDENCE_PER_RECORD } from './progress-status';
import { actorColumns, lockRecord, recomputeRecord } from './progress-store';
import { ProgressErrors } from './progress.errors';

/** Evidence items returned with a single record. */
const EVIDENCE_PER_SINGLE_RECORD = 200;

export const progressChangeSortValue = (change: ProgressChange): string =>
  change.createdAt.toISOString();

/** Progress records: reads, and instructors' overrides. */
@Injectable()
export class ProgressService {
  private readonly logger = new Logger(ProgressService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly students: StudentsService,
    private readonly curricula: CurriculaService,
  ) {}

  /**
   * Returns one record per objective of the curricula the student is enrolled in (or of
   * `curriculumId` alone), with not_started placeholders where nothing is recorded yet.
   */
  async studentProgress(
    ctx: RequestContext,
    studentId: string,
    curriculumId?: string,
  ): Promise<ProgressRecordView[]> {
    await this.students.get(ctx, studentId, 'studentId');
    if (curriculumId) {
      await this.curricula.get(ctx, curriculumId, 'curriculumId');
    }
    const enrollments = await this.dataSource.getRepository(Enrollment).find({
      where: {
        organizationId: ctx.organizationId,
        studentId,
        ...(curriculumId ? { curriculumId } : {}),
      },
      order: { createdAt: 'ASC' },
    });
    const curriculumIds = [...new Set(enrollments.map((e) => e.curriculumId))];
    if (curriculumIds.length === 0) {
      return [];
    }
    const [objectives, records] = await Promise.all([
      this.dataSource.getRepository(Objective).find({
        where: { organizationId: ctx.organizationId, curriculumId: In(curriculumIds) },
      }),
      this.dataSource.getRepository(ProgressRecord).find({
        where: { organizationId: ctx.organizationId, studentId, curriculumId: In(curriculumIds) },
      }),
    ]);
    objectives.sort(
      (a, b) =>
        curriculumIds.indexOf(a.curriculumId) - curriculumIds.indexOf(b.curriculumId) ||
        a.position - b.position,
    );
    const evidence = await this.loadEvidence(
      ctx,
      records.map((r) => r.id),
      EVIDENCE_PER_RECORD,
    );
    const recordByObjective = new Map(records.map((r) => [r.objectiveId, r]));

    return objectives.map((objective) =>
      this.toView(studentId, objective, recordByObjective.get(objective.id), evidence),
    );
  }

  async getRecord(ctx: RequestContext, id: string, field = 'id'): Promise<ProgressRecordView> {
    const record = await this.findRecord(this.dataSource.manager, ctx, id, field);
    const objective = await this.dataSource
      .getRepository(Objective)
      .findOneByOrFail({ id: record.objectiveId, organizationId: ctx.organizationId });
    const evidence = await this.loadEvidence(ctx, [record.id], EVIDENCE_PER_SINGLE_RECORD);

    return this.toView(record.studentId, objective, record, evidence);
  }

  async history(
    ctx: RequestContext,
    recordId: string,
    page: PageRequest,
  ): Promise<Page<ProgressChange>> {
    await this.findRecord(this.dataSource.manager, ctx, recordId, 'recordId');
    const query = this.dataSource
      .getRepository(ProgressChange)
      .createQueryBuilder('change')
      .where('change.organizationId = :organizationId', { organizationId: ctx.organizationId })
      .andWhere('change.progressRecordId = :recordId', { recordId });

    return paginate(query, page, {
      sortColumn: 'change.createdAt',
      idColumn: 'change.id',
      sortValue: progressChangeSortValue,
    });
  }

  /**
   * Sets an instructor's status on a student's objective. The override stays in effect through later
   * automatic updates until an instructor clears it or overrides again.
   */
  async override(ctx: RequestContext, input: OverrideProgressInput): Promise<ProgressRecordView> {
    const reason = this.checkReason(input.reason);
    if (ctx.actor.kind === 'participant' && ctx.actor.role !== 'instructor') {
      throw ProgressErrors.studentTokenForbidden();
    }
    await this.students.get(ctx, input.studentId, 'studentId');
    // Raises NOT_FOUND naming objectiveCode for a code that is not in the curriculum.
    const [objective] = await this.curricula.findObjectivesByCodes(
      ctx,
      input.curriculumId,
      [input.objectiveCode],
      'objectiveCode',
    );
    if (!objective) {
      throw ProgressErrors.unknownObjective(input.objectiveCode, input.curriculumId);
    }
    const sessionId = await this.ratingSession(ctx, input);
    const record = await this.dataSource.transaction(async (manager) => {
      const { record: locked, created } = await lockRecord(
        manager,
        ctx,
        input.studentId,
        objective,
      );
      const actor = actorColumns(ctx);
      const now = new Date();
      await manager.insert(ProgressEvidence, {
        organizationId: ctx.organizationId,
        progressRecordId: locked.id,
        sessionId,
        kind: 'instructor_rating',
        ratedStatus: input.status,
        note: reason,
        recordedAt: now,
      });
      await manager.update(
        ProgressRecord,
        { id: locked.id, organizationId: ctx.organizationId },
        {
          overrideStatus: input.status,
          overrideReason: reason,
          overriddenAt: now,
          overriddenByKind: actor.kind,
          overriddenById: actor.id,
        },
      );
      locked.overrideStatus = input.status;

      return recomputeRecord(manager, ctx, locked, {
        change: 'override',
        created,
        sessionId,
        reason,
      });
    });
    this.logger.log(
      { organizationId: ctx.organizationId, progressRecordId: record.id, status: input.status },
      'Progress overridden',
    );

    return this.getRecord(ctx, record.id);
  }

  /** Ends an override, so the record shows its automatic status again. */
  async clearOverride(
    ctx: RequestContext,
    id: string,
    input: ClearProgressOverrideInput,
  ): Promise<ProgressRecordView> {
    const reason = this.checkReason(input.reason);
    if (ctx.actor.kind === 'participant') {
      throw ProgressErrors.studentTokenForbidden();
    }
    await this.dataSource.transaction(async (manager) => {
      const record = await this.findRecord(manager, ctx, id, 'id', true);
      if (!record.overrideStatus) {
        throw ProgressErrors.noOverride(id);
      }
      await manager.update(
        ProgressRecord,
        { id, organizationId: ctx.organizationId },
        {
          overrideStatus: null,
          overrideReason: null,
          overriddenAt: null,
          overriddenByKind: null,
          overriddenById: null,
        },
      );
      record.overrideStatus = null;
      await recomputeRecord(manager, ctx, record, {
        change: 'override_cleared',
        created: false,
        reason,
      });
    });
    this.logger.log(
      { organizationId: ctx.organizationId, progressRecordId: id },
      'Progress override cleared',
    );

    return this.getRecord(ctx, id);
  }

  private checkReason(reason: string): string {
    const trimmed = reason.trim();
    if (trimmed === '') {
      throw ProgressErrors.blankReason();
    }

    return trimmed;
  }

  /**
   * Returns the session an override is rated in: an instructor token's own session, which must
   * teach the student in the curriculum, or the optional sessionId of an API key's request.
   */
  private async ratingSession(
    ctx: RequestContext,
    input: OverrideProgressInput,
  ): Promise<string | null> {
    const sessionId = ctx.actor.kind === 'participant' ? ctx.actor.sessionId : input.sessionId;
    const rows: { enrolled: boolean; teaches: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM enrollments e
                       WHERE e.organization_id = $1 AND e.student_id = $2 AND e.curriculum_id = $3) AS enrolled,
              EXISTS (SELECT 1 FROM enrollments e
                        JOIN session_enrollments l ON l.enrollment_id = e.id AND l.organization_id = e.organization_id
                       WHERE e.organization_id = $1 AND e.student_id = $2 AND e.curriculum_id = $3
                         AND l.session_id = $4) AS teaches`,
      [ctx.organizationId, input.studentId, input.curriculumId, sessionId ?? null],
    );
    const { enrolled, teaches } = rows[0] ?? { enrolled: false, teaches: false };
    if (!enrolled) {
      throw ProgressErrors.notEnrolled(input.studentId, input.curriculumId);
    }
    if (sessionId && !teaches) {
      throw ctx.actor.kind === 'participant'
        ? ProgressErrors.notInstructorOfStudent()
        : ProgressErrors.sessionNotOfStudent(sessionId);
    }

    return sessionId ?? null;
  }

  private async findRecord(
    manager: EntityManager,
    ctx: RequestContext,
    id: string,
    field: string,
    lock = false,
  ): Promise<ProgressRecord> {
    const record = await manager.findOne(ProgressRecord, {
      where: { id, organizationId: ctx.organizationId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!record) {
      throw ProgressErrors.recordNotFound(id, field);
    }

    return record;
  }

  /** Loads the newest `perRecord` evidence items of each record, and each record's total. */
  private async loadEvidence(
    ctx: RequestContext,
    recordIds: string[],
    perRecord: number,
  ): Promise<Map<string, { items: ProgressEvidence[]; total: number }>> {
    const result = new Map<string, { items: ProgressEvidence[]; total: number }>();
    if (recordIds.length === 0) {
      return result;
    }
    const [items, totals] = await Promise.all([
      this.dataSource
        .getRepository(ProgressEvidence)
        .createQueryBuilder('e')
        .where(
          `e.id IN (SELECT ranked.id FROM (
             SELECT x.id, row_number() OVER (PARTITION BY x.progress_record_id ORDER BY x.recorded_at DESC, x.id) AS rank
               FROM progress_evidence x
              WHERE x.organization_id = :organizationId AND x.progress_record_id IN (:...recordIds)
           ) ranked WHERE ranked.rank <= :perRecord)`,
          { organizationId: ctx.organizationId, recordIds, perRecord },
        )
        .orderBy('e.recordedAt', 'DESC')
        .addOrderBy('e.id', 'ASC')
        .getMany(),
      this.dataSource.query(
        `SELECT progress_record_id, count(*)::int AS total FROM progress_evidence
          WHERE organization_id = $1 AND progress_record_id = ANY($2::uuid[])
          GROUP BY progress_record_id`,
        [ctx.organizationId, recordIds],
      ) as Promise<{ progress_record_id: string; total: number }[]>,
    ]);
    for (const row of totals) {
      result.set(row.progress_record_id, { items: [], total: Number(row.total) });
    }
    for (const item of items) {
      result.get(item.progressRecordId)?.items.push(item);
    }

    return result;
  }

  private toView(
    studentId: string,
    objective: Objective,
    record: ProgressRecord | undefined,
    evidence: Map<string, { items: ProgressEvidence[]; total: number }>,
  ): ProgressRecordView {
    const own = record ? evidence.get(record.id) : undefined;

    return {
      id: record?.id ?? null,
      studentId,
      curriculumId: objective.curriculumId,
      objectiveId: objective.id,
      objectiveCode: objective.code,
      objectiveTitle: objective.title,
      status: record?.status ?? 'not_started',
      confidence: record?.confidence ?? 0,
      automaticStatus: record?.automaticStatus ?? 'not_started',
      automaticConfidence: record?.automaticConfidence ?? 0,
      override:
        record?.overrideStatus && record.overriddenAt
          ? {
              status: record.overrideStatus,
              reason: record.overrideReason ?? '',
              at: record.overriddenAt,
              by: { kind: record.overriddenByKind ?? 'system', id: record.overriddenById },
            }
          : null,
      lastSessionId: record?.lastSessionId ?? null,
      updatedAt: record?.updatedAt ?? null,
      evidenceCount: own?.total ?? 0,
      evidence: (own?.items ?? []).map((item): ProgressEvidenceView => ({
        id: item.id,
        kind: item.kind,
        sessionId: item.sessionId,
        activityId: item.activityId,
        recapId: item.recapId,
        correct: item.correct,
        recapConfidence: item.recapConfidence,
        ratedStatus: item.ratedStatus,
        note: item.note,
        recordedAt: item.recordedAt,
      })),
    };
  }
}
