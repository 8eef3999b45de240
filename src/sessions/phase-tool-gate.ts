import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { RoomTool } from '../rooms/room.entity';
import { SessionToolsView } from './dto/session-tools';
import { SessionErrors } from './sessions.errors';

/** The tools students may use in a session right now, and the phase that decides it. */
export interface SessionTools {
  /** The active phase, or null when no phase is active and the room's tools apply. */
  phase: { id: string; title: string; kind: string } | null;
  tools: RoomTool[];
  /** Every tool the session's room enables. */
  roomTools: RoomTool[];
}

interface ToolRow {
  room_tools: RoomTool[];
  phase_id: string | null;
  phase_title: string | null;
  phase_kind: string | null;
  phase_tools: RoomTool[] | null;
}

/**
 * Decides which classroom tools students may use. The active phase's tools apply while a phase
 * is active; otherwise every tool of the room does. Instructors, observers and API keys are
 * never limited by the phase: they run the session.
 */
@Injectable()
export class PhaseToolGate {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Reads the tools students may use in the session now. Raises NOT_FOUND for an unknown session. */
  async currentTools(
    ctx: RequestContext,
    sessionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SessionTools> {
    const rows: ToolRow[] = await manager.query(
      `SELECT r.enabled_tools AS room_tools, p.id AS phase_id, p.title AS phase_title,
              p.kind AS phase_kind, p.tools AS phase_tools
         FROM sessions s
         JOIN rooms r ON r.id = s.room_id
         LEFT JOIN session_phases p ON p.session_id = s.id AND p.status = 'active'
        WHERE s.id = $1 AND s.organization_id = $2`,
      [sessionId, ctx.organizationId],
    );
    const row = rows[0];
    if (!row) {
      throw SessionErrors.notFound(sessionId, 'sessionId');
    }
    if (row.phase_id === null) {
      return { phase: null, tools: row.room_tools, roomTools: row.room_tools };
    }
    const phase = { id: row.phase_id, title: row.phase_title ?? '', kind: row.phase_kind ?? '' };
    const tools =
      row.phase_tools === null
        ? row.room_tools
        : row.phase_tools.filter((tool) => row.room_tools.includes(tool));

    return { phase, tools, roomTools: row.room_tools };
  }

  /** The session's tools as the API returns them. */
  async view(ctx: RequestContext, sessionId: string): Promise<SessionToolsView> {
    const current = await this.currentTools(ctx, sessionId);

    return Object.assign(new SessionToolsView(), {
      sessionId,
      phaseId: current.phase?.id ?? null,
      studentTools: current.tools,
      roomTools: current.roomTools,
    });
  }

  /**
   * Raises FORBIDDEN when a student may not use `tool` in the session now. Other callers pass
   * when the room enables the tool.
   */
  async assertToolEnabled(
    ctx: RequestContext,
    sessionId: string,
    tool: RoomTool,
    manager?: EntityManager,
  ): Promise<void> {
    const current = await this.currentTools(ctx, sessionId, manager);
    if (!isStudent(ctx)) {
      if (!current.roomTools.includes(tool)) {
        throw SessionErrors.toolNotEnabled(tool, null);
      }

      return;
    }
    if (!current.tools.includes(tool)) {
      throw SessionErrors.toolNotEnabled(tool, current.phase);
    }
  }
}

/** True for a participant token of a student. */
export function isStudent(ctx: RequestContext): boolean {
  return ctx.actor.kind === 'participant' && ctx.actor.role === 'student';
}
