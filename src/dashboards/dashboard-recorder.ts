import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { Session } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { writeSessionRollups } from './rollup-writer';

/**
 * Keeps the dashboard rollups of a session current as its lifecycle moves. Creation, cancelling
 * and documenting run inside the transaction that changes the session; the documented listener
 * registers after progress and risk, because DashboardsModule imports RiskModule, so it sees the
 * coverage rows and the approved recap of that transaction. The end is recorded after commit.
 */
@Injectable()
export class DashboardRecorder implements OnModuleInit {
  private readonly logger = new Logger(DashboardRecorder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  onModuleInit(): void {
    const inTransaction = (ctx: RequestContext, session: Session, manager: EntityManager) =>
      this.record(ctx, session, manager);
    this.sessions.onSessionCreated(inTransaction);
    this.sessions.onSessionCancelled(inTransaction);
    this.sessions.onSessionDocumented(inTransaction);
    this.sessions.onSessionEnded((ctx, session) =>
      this.dataSource.transaction((manager) => this.record(ctx, session, manager)),
    );
  }

  async record(ctx: RequestContext, session: Session, manager: EntityManager): Promise<void> {
    const started = Date.now();
    await writeSessionRollups(manager, ctx.organizationId, [session.id]);
    this.logger.debug(
      {
        organizationId: ctx.organizationId,
        sessionId: session.id,
        status: session.status,
        durationMs: Date.now() - started,
      },
      'Dashboard rollups written for the session',
    );
  }
}
