import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { RecapResult } from '../ai/ai-provider';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { recordDomainEvent } from '../webhooks/domain-events';
import { toStoredError } from '../jobs/job-store';
import { JobsService } from '../jobs/jobs.service';
import { Session } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { SessionRecap } from './dto/session-recap';
import { RecapStatus } from './recap-limits';
import { queueRecapGeneration } from './recap-queue';
import { RecapVersion } from './recap-version.entity';
import { Recap } from './recap.entity';
import { RecapErrors } from './recaps.errors';

/** Sort key of recap lists and cursors: newest first. */
export const recapSortValue = (recap: Recap): string => recap.createdAt.toISOString();
export const versionSortValue = (version: RecapVersion): number => version.number;

const RECAPPABLE_SESSION_STATUSES: Session['status'][] = ['ended', 'documented'];

/** Provenance of a generated draft: the provider's result and the inputs it was made from. */
export interface GeneratedDraft {
  result: RecapResult;
  transcriptVersion: number;
  segmentCount: number;
  objectiveCodes: string[];
  plannedObjectiveCodes: string[];
}

/** Reads recaps, requests new ones and stores what the generation job produces. */
@Injectable()
export class RecapsService {
  private readonly logger = new Logger(RecapsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Recap) private readonly recaps: Repository<Recap>,
    @InjectRepository(RecapVersion) private readonly versions: Repository<RecapVersion>,
    private readonly sessions: SessionsService,
    private readonly jobs: JobsService,
  ) {}

  /** Returns a recap of the caller's organization with its current content, or raises NOT_FOUND. */
  async get(ctx: RequestContext, id: string, field = 'id'): Promise<Recap> {
    const recap = await this.recaps.findOne({
      where: { id, organizationId: ctx.organizationId },
      relations: { currentVersion: true },
    });
    if (!recap) {
      throw RecapErrors.notFound(id, field);
    }

    return recap;
  }

  /** Lists the recaps of a session, newest first, and raises NOT_FOUND for an unknown session. */
  async listForSession(
    ctx: RequestContext,
    sessionId: string,
    page: PageRequest,
  ): Promise<Page<Recap>> {
    await this.sessions.get(ctx, sessionId, 'sessionId');
    const query = this.recaps
      .createQueryBuilder('recap')
      .leftJoinAndSelect('recap.currentVersion', 'version')
      .where('recap.organizationId = :organizationId', { organizationId: ctx.organizationId })
      .andWhere('recap.sessionId = :sessionId', { sessionId });

    return paginate(query, page, {
      sortColumn: 'recap.createdAt',
      idColumn: 'recap.id',
      sortValue: recapSortValue,
      direction: 'DESC',
    });
  }

  /** Returns the approved, draft, in-progress and failed recaps of a session in separate fields. */
  async overviewForSession(ctx: RequestContext, sessionId: string): Promise<SessionRecap> {
    await this.sessions.get(ctx, sessionId, 'sessionId');
    const [approved, draft, inProgress, newest] = await Promise.all([
      this.latest(ctx, sessionId, 'approved', 'approvedAt'),
      this.latest(ctx, sessionId, 'draft', 'createdAt'),
      this.latest(ctx, sessionId, 'pending', 'createdAt'),
      this.latest(ctx, sessionId, undefined, 'createdAt'),
    ]);
    const failed = newest?.status === 'failed' ? newest : null;

    return { sessionId, approved, draft, inProgress, failed };
  }

  /** Lists the versions of a recap, oldest first. */
  async listVersions(
    ctx: RequestContext,
    recapId: string,
    page: PageRequest,
  ): Promise<Page<RecapVersion>> {
    await this.get(ctx, recapId);
    const query = this.versions
      .createQueryBuilder('version')
      .where('version.organizationId = :organizationId', { organizationId: ctx.organizationId })
      .andWhere('version.recapId = :recapId', { recapId });

    return paginate(query, page, {
      sortColumn: 'version.number',
      idColumn: 'version.id',
      sortValue: versionSortValue,
    });
  }

  /** Returns every version of a recap, oldest first, for the GraphQL `versions` field. */
  findVersions(ctx: RequestContext, recapId: string): Promise<RecapVersion[]> {
    return this.versions.find({
      where: { organizationId: ctx.organizationId, recapId },
      order: { number: 'ASC' },
    });
  }

  /** Queues a new recap of an ended or documented session; raises CONFLICT while one is generating. */
  async request(ctx: RequestContext, sessionId: string): Promise<Recap> {
    const session = await this.sessions.get(ctx, sessionId, 'sessionId');
    if (!RECAPPABLE_SESSION_STATUSES.includes(session.status)) {
      throw RecapErrors.sessionNotEnded(sessionId, session.status);
    }
    const pending = await this.recaps.findOneBy({
      organizationId: ctx.organizationId,
      sessionId,
      status: 'pending',
    });
    if (pending) {
      throw RecapErrors.generationInProgress(sessionId, pending.id);
    }
    const recap = await this.dataSource.transaction((manager) =>
      queueRecapGeneration(this.jobs, manager, {
        organizationId: ctx.organizationId,
        sessionId,
        trigger: 'requested',
      }),
    );
    this.logger.log(
      { organizationId: ctx.organizationId, sessionId, recapId: recap.id, jobId: recap.jobId },
      'Recap requested',
    );

    return this.get(ctx, recap.id);
  }

  /** Returns the recap while it waits for generation, else null because an earlier attempt finished it. */
  findPending(ctx: RequestContext, id: string): Promise<Recap | null> {
    return this.recaps.findOneBy({ id, organizationId: ctx.organizationId, status: 'pending' });
  }

  /** Stores a generated draft as version 1; returns false when the recap is no longer pending. */
  storeDraft(ctx: RequestContext, recapId: string, draft: GeneratedDraft): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const recap = await manager.findOne(Recap, {
        where: { id: recapId, organizationId: ctx.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!recap || recap.status !== 'pending') {
        return false;
      }
      const version = await manager.save(
        manager.create(RecapVersion, {
          organizationId: ctx.organizationId,
          recapId,
          number: 1,
          source: 'generated',
          content: draft.result.draft,
          editor: { kind: 'system', id: null },
          note: null,
        }),
      );
      await manager.update(
        Recap,
        { id: recapId, organizationId: ctx.organizationId },
        this.draftChanges(draft, version),
      );
      await recordDomainEvent(manager, ctx.organizationId, 'recap.drafted', {
        recapId,
        sessionId: recap.sessionId,
        provider: draft.result.provider,
        model: draft.result.model,
      });

      return true;
    });
  }

  /** Marks a pending recap failed inside the caller's transaction, when its job gives up. */
  async markFailed(
    manager: EntityManager,
    organizationId: string,
    recapId: string,
    reason: string,
  ): Promise<void> {
    const failed = await manager.update(
      Recap,
      { id: recapId, organizationId, status: 'pending' },
      { status: 'failed', failureReason: toStoredError(reason) },
    );
    if (failed.affected) {
      const recap = await manager.findOneByOrFail(Recap, { id: recapId, organizationId });
      await recordDomainEvent(manager, organizationId, 'recap.failed', {
        recapId,
        sessionId: recap.sessionId,
        reason: toStoredError(reason),
      });
    }
    this.logger.warn({ organizationId, recapId, reason }, 'Recap generation failed');
  }

  private draftChanges(draft: GeneratedDraft, version: RecapVersion): Partial<Recap> {
    const { result } = draft;

    return {
      status: 'draft',
      currentVersionId: version.id,
      provider: result.provider,
      model: result.model,
      promptVersion: result.promptVersion,
      transcriptVersion: draft.transcriptVersion,
      usage: {
        promptTokens: result.usage.promptTokens,
        completionTokens: result.usage.completionTokens,
        totalTokens: result.usage.totalTokens,
        requests: result.usage.requests,
        costUsd: result.usage.costUsd ?? null,
      },
      input: {
        segmentCount: draft.segmentCount,
        objectiveCodes: draft.objectiveCodes,
        plannedObjectiveCodes: draft.plannedObjectiveCodes,
      },
      generatedAt: new Date(),
      failureReason: null,
    };
  }

  private latest(
    ctx: RequestContext,
    sessionId: string,
    status: RecapStatus | undefined,
    orderBy: 'approvedAt' | 'createdAt',
  ): Promise<Recap | null> {
    return this.recaps.findOne({
      where: { organizationId: ctx.organizationId, sessionId, ...(status ? { status } : {}) },
      relations: { currentVersion: true },
      order: { [orderBy]: 'DESC', id: 'DESC' },
    });
  }
}
