import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { deleteSessionRows, insertSessionRows, refreshDays } from './rollup-writer';
import { computeSessionFacts } from './session-facts';

/** Sessions whose facts are computed and written per statement batch while rebuilding. */
export const REBUILD_BATCH_SESSIONS = 500;

/** Counts of the rows that a rebuild wrote. */
export interface RebuildResult {
  sessions: number;
  studentSessions: number;
  durationMs: number;
}

/**
 * Rebuilds an organization's dashboard rollups from raw rows: facts per batch of sessions, each
 * batch in its own transaction, then every daily aggregate in one transaction. Dashboards read
 * partial results while it runs, so run it when the rollups are missing or known to be wrong.
 */
@Injectable()
export class DashboardRebuildService {
  private readonly logger = new Logger(DashboardRebuildService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rebuild(
    ctx: RequestContext,
    onProgress?: (done: number, total: number) => void,
  ): Promise<RebuildResult> {
    const started = Date.now();
    const organizationId = ctx.organizationId;
    this.logger.log({ organizationId }, 'Dashboard rollup rebuild started');
    const idRows: { id: string }[] = await this.dataSource.query(
      // In day order, so the rows of one day land in few table pages.
      `SELECT id FROM sessions WHERE organization_id = $1 ORDER BY scheduled_start, id`,
      [organizationId],
    );
    const ids = idRows.map((row) => row.id);
    await this.dataSource.query(
      `DELETE FROM dashboard_student_sessions WHERE organization_id = $1`,
      [organizationId],
    );
    await this.dataSource.query(`DELETE FROM dashboard_session_facts WHERE organization_id = $1`, [
      organizationId,
    ]);
    let studentSessions = 0;
    for (let offset = 0; offset < ids.length; offset += REBUILD_BATCH_SESSIONS) {
      const batch = ids.slice(offset, offset + REBUILD_BATCH_SESSIONS);
      studentSessions += await this.dataSource.transaction(async (manager) => {
        const computed = await computeSessionFacts(manager, organizationId, batch);
        // A session written by a listener since the delete above is replaced, not duplicated.
        await deleteSessionRows(manager, organizationId, batch);
        await insertSessionRows(manager, computed.sessions, computed.students);

        return computed.students.length;
      });
      onProgress?.(Math.min(offset + batch.length, ids.length), ids.length);
    }
    await this.dataSource.transaction((manager) => refreshDays(manager, organizationId, null));
    const result = { sessions: ids.length, studentSessions, durationMs: Date.now() - started };
    this.logger.log({ organizationId, ...result }, 'Dashboard rollup rebuild finished');

    return result;
  }
}
