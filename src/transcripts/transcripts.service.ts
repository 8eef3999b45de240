import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { RealtimeEvents } from '../realtime/realtime-events';
import { SessionsService } from '../sessions/sessions.service';
import { TranscriptSegmentInput } from './dto/transcript-segment.input';
import { TranscriptWriteResult } from './dto/transcript-results';
import { SessionTranscript } from './session-transcript.entity';
import { SegmentRow } from './segment-merge';
import { rowFromInput, rowFromParsed } from './segment-rows';
import { writeSegments, WriteOutcome } from './segment-writer';
import { SpeakerAttributor } from './speaker-attribution';
import { TranscriptSegment } from './transcript-segment.entity';
import { MAX_BATCH_SEGMENTS, SegmentSource } from './transcript-limits';
import { parseUpload } from './transcript-upload';
import { TranscriptErrors, WRITABLE_SESSION_STATUSES } from './transcripts.errors';
import { recordDomainEvent } from '../webhooks/domain-events';

/** All final segments of a session in order, with the transcript version they belong to. */
export interface FinalTranscript {
  sessionId: string;
  transcriptVersion: number;
  segments: TranscriptSegment[];
}

/** A write's result, with the clientSegmentIds it inserted or replaced. */
type WrittenSegments = TranscriptWriteResult & { changedClientSegmentIds: string[] };

/** Sort key of segment lists and cursors. */
/**
 * Builds the payload of `transcript.updated`: the counts and time span of the segments that one
 * write added or replaced. Receivers read the segments themselves through the API.
 */
function transcriptEventData(
  sessionId: string,
  source: SegmentSource,
  outcome: WriteOutcome,
  rows: SegmentRow[],
): Record<string, unknown> {
  const changedIds = new Set(outcome.changedClientSegmentIds);
  const changed = rows.filter((row) => changedIds.has(row.clientSegmentId));

  return {
    sessionId,
    source,
    inserted: outcome.inserted,
    replaced: outcome.replaced,
    finalSegments: changed.filter((row) => row.isFinal).length,
    startMs: changed.reduce((min, row) => Math.min(min, row.startMs), Infinity),
    endMs: changed.reduce((max, row) => Math.max(max, row.endMs), 0),
    transcriptVersion: outcome.transcriptVersion,
  };
}

export const segmentSortValue = (segment: TranscriptSegment): number => segment.startMs;

@Injectable()
export class TranscriptsService {
  private readonly logger = new Logger(TranscriptsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly realtime: RealtimeEvents,
  ) {}

  /** Stores one segment and returns the stored version, which differs from the input on an idempotent repeat. */
  async addSegment(
    ctx: RequestContext,
    sessionId: string,
    input: TranscriptSegmentInput,
  ): Promise<TranscriptSegment> {
    const attributor = await this.writableSession(ctx, sessionId);
    const row = rowFromInput(input, attributor, sessionId, '');

    const { segment, changed } = await this.dataSource.transaction(async (manager) => {
      const written = await this.write(ctx, manager, sessionId, 'live', [row]);
      const stored = await manager.findOneByOrFail(TranscriptSegment, {
        organizationId: ctx.organizationId,
        sessionId,
        clientSegmentId: row.clientSegmentId,
      });

      return { segment: stored, changed: written.changedClientSegmentIds.length > 0 };
    });
    if (changed) {
      await this.realtime.publish(ctx.organizationId, sessionId, 'transcriptSegmentAdded', [
        segment,
      ]);
    }

    return segment;
  }

  /**
   * Stores up to MAX_BATCH_SEGMENTS segments in one transaction. Every segment is checked
   * before anything is written, so one invalid segment rejects the whole batch.
   */
  async addSegments(
    ctx: RequestContext,
    sessionId: string,
    inputs: TranscriptSegmentInput[],
  ): Promise<TranscriptWriteResult> {
    if (inputs.length > MAX_BATCH_SEGMENTS) {
      throw TranscriptErrors.tooManySegments(inputs.length);
    }
    const attributor = await this.writableSession(ctx, sessionId);
    const rows = inputs.map((input, index) =>
      rowFromInput(input, attributor, sessionId, `segments.${index}.`),
    );
    // A final segment that the same batch repeats with other content would otherwise be
    // reported as a change of an accepted segment.
    const finals = new Map<string, number>();
    rows.forEach((row, index) => {
      const earlier = finals.get(row.clientSegmentId);
      if (earlier !== undefined) {
        const first = rows[earlier]!;
        if (
          first.text !== row.text ||
          first.speakerLabel !== row.speakerLabel ||
          first.startMs !== row.startMs ||
          first.endMs !== row.endMs
        ) {
          throw TranscriptErrors.repeatedInBatch(row.clientSegmentId, earlier, index);
        }
      } else if (row.isFinal) {
        finals.set(row.clientSegmentId, index);
      }
    });

    const written = await this.dataSource.transaction((manager) =>
      this.write(ctx, manager, sessionId, 'live', rows),
    );

    return this.publishWritten(ctx, sessionId, written);
  }

  /**
   * Parses a whole transcript file and stores its segments as final, with clientSegmentId
   * `upload:<n>` in file order. Re-uploading the same file changes nothing.
   */
  async upload(
    ctx: RequestContext,
    sessionId: string,
    format: string,
    content: unknown,
  ): Promise<TranscriptWriteResult> {
    const attributor = await this.writableSession(ctx, sessionId);
    const rows = parseUpload(format, content).map((segment, index) =>
      rowFromParsed(segment, index, attributor),
    );

    const written = await this.dataSource.transaction((manager) =>
      this.write(ctx, manager, sessionId, 'upload', rows),
    );

    return this.publishWritten(ctx, sessionId, written);
  }

  /** Lists final segments ordered by (startMs, id), and interim ones too when asked. */
  async listSegments(
    ctx: RequestContext,
    sessionId: string,
    page: PageRequest,
    options: { includeInterim?: boolean } = {},
  ): Promise<Page<TranscriptSegment>> {
    await this.sessions.get(ctx, sessionId, 'sessionId');
    const query = this.dataSource
      .getRepository(TranscriptSegment)
      .createQueryBuilder('segment')
      .where('segment.organizationId = :organizationId', { organizationId: ctx.organizationId })
      .andWhere('segment.sessionId = :sessionId', { sessionId });
    if (!options.includeInterim) {
      query.andWhere('segment.isFinal = true');
    }

    return paginate(query, page, {
      sortColumn: 'segment.startMs',
      idColumn: 'segment.id',
      sortValue: segmentSortValue,
    });
  }

  /** Returns the transcript version and final segment count. Before the first segment the version is 0. */
  async getTranscript(ctx: RequestContext, sessionId: string): Promise<SessionTranscript> {
    await this.sessions.get(ctx, sessionId, 'sessionId');
    const stored = await this.dataSource
      .getRepository(SessionTranscript)
      .findOneBy({ sessionId, organizationId: ctx.organizationId });

    return stored ?? this.emptyTranscript(ctx, sessionId);
  }

  /**
   * Returns every final segment of a session ordered by (startMs, id), with the version they
   * belong to. Both are read in one REPEATABLE READ transaction, so they always match.
   */
  async getFinalSegments(ctx: RequestContext, sessionId: string): Promise<FinalTranscript> {
    await this.sessions.get(ctx, sessionId, 'sessionId');

    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const transcript = await manager.findOneBy(SessionTranscript, {
        sessionId,
        organizationId: ctx.organizationId,
      });
      const segments = await manager.find(TranscriptSegment, {
        where: { organizationId: ctx.organizationId, sessionId, isFinal: true },
        order: { startMs: 'ASC', id: 'ASC' },
      });

      return { sessionId, transcriptVersion: transcript?.version ?? 0, segments };
    });
  }

  /** Loads the session, rejects a closed one, and returns an attributor over its participants. */
  private async writableSession(
    ctx: RequestContext,
    sessionId: string,
  ): Promise<SpeakerAttributor> {
    const session = await this.sessions.get(ctx, sessionId, 'sessionId');
    if (!WRITABLE_SESSION_STATUSES.includes(session.status)) {
      throw TranscriptErrors.sessionClosed(sessionId, session.status);
    }

    return new SpeakerAttributor(await this.sessions.findParticipants(ctx, [sessionId]));
  }

  /**
   * Publishes the segments that a committed write inserted or replaced, read back in transcript
   * order, and returns the write's result without the changed ids.
   */
  private async publishWritten(
    ctx: RequestContext,
    sessionId: string,
    written: WrittenSegments,
  ): Promise<TranscriptWriteResult> {
    const { changedClientSegmentIds, ...result } = written;
    const event = 'transcriptSegmentAdded';
    if (
      changedClientSegmentIds.length > 0 &&
      this.realtime.mayHaveSubscribers(ctx.organizationId, sessionId, event)
    ) {
      try {
        const segments = await this.dataSource
          .getRepository(TranscriptSegment)
          .createQueryBuilder('segment')
          .where('segment.organizationId = :organizationId', { organizationId: ctx.organizationId })
          .andWhere('segment.sessionId = :sessionId', { sessionId })
          .andWhere('segment.clientSegmentId = ANY(:ids)', { ids: changedClientSegmentIds })
          .orderBy('segment.startMs', 'ASC')
          .addOrderBy('segment.id', 'ASC')
          .getMany();
        await this.realtime.publish(ctx.organizationId, sessionId, event, segments);
      } catch (error) {
        // The segments are committed, so the write still succeeds; only its events are lost.
        this.logger.error(
          {
            err: error,
            organizationId: ctx.organizationId,
            sessionId,
            segments: changedClientSegmentIds.length,
          },
          'Failed to load written segments for subscription events',
        );
      }
    }

    return result;
  }

  private async write(
    ctx: RequestContext,
    manager: EntityManager,
    sessionId: string,
    source: SegmentSource,
    rows: SegmentRow[],
  ): Promise<WrittenSegments> {
    const ids = { organizationId: ctx.organizationId, sessionId, source };
    const outcome = await writeSegments(manager, ids, rows);
    const { inserted, replaced, unchanged, transcriptVersion } = outcome;
    this.logger.log(
      {
        organizationId: ctx.organizationId,
        sessionId,
        source,
        inserted,
        replaced,
        unchanged,
        transcriptVersion,
      },
      'Transcript segments written',
    );
    if (outcome.changedClientSegmentIds.length > 0) {
      await recordDomainEvent(
        manager,
        ctx.organizationId,
        'transcript.updated',
        transcriptEventData(sessionId, source, outcome, rows),
      );
    }

    return { sessionId, received: rows.length, ...outcome };
  }

  private emptyTranscript(ctx: RequestContext, sessionId: string): SessionTranscript {
    return Object.assign(new SessionTranscript(), {
      sessionId,
      organizationId: ctx.organizationId,
      version: 0,
      finalSegmentCount: 0,
      updatedAt: new Date(),
    });
  }
}
