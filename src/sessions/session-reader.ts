import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { EntityColumns } from '../database/entity-columns';
import { queryPrepared } from '../database/prepared-query';
import { Room } from '../rooms/room.entity';
import { Participant } from './participant.entity';
import { Session } from './session.entity';

/** Related rows that `SessionReader.read` returns together with the session. */
export interface SessionReadOptions {
  room: boolean;
  participants: boolean;
}

/** A session with the rows that were read in the same statement. */
export interface SessionView {
  session: Session;
  /** Set when requested: the session's room, or null when the organization has no such room. */
  room?: Room | null;
  /** Set when requested: every participant, removed ones included, by creation time and id. */
  participants?: Participant[];
}

/**
 * Reads one session together with its room and participants in a single SQL statement, so the
 * `session` query makes one database round trip where separate loaders make three.
 */
@Injectable()
export class SessionReader {
  private readonly sessionColumns: EntityColumns<Session>;
  private readonly roomColumns: EntityColumns<Room>;
  private readonly participantColumns: EntityColumns<Participant>;
  private readonly statements = new Map<string, { name: string; sql: string }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sessionColumns = new EntityColumns(dataSource, Session, 's');
    this.roomColumns = new EntityColumns(dataSource, Room, 'r');
    this.participantColumns = new EntityColumns(dataSource, Participant, 'p');
  }

  /** Returns undefined when the organization has no session with this id. */
  async read(
    ctx: RequestContext,
    id: string,
    options: SessionReadOptions,
  ): Promise<SessionView | undefined> {
    const { name, sql } = this.statement(options);
    const rows = await queryPrepared<Record<string, unknown>>(this.dataSource, name, sql, [
      id,
      ctx.organizationId,
    ]);
    const first = rows[0];
    const session = first && this.sessionColumns.hydrate(first);
    if (!session) {
      return undefined;
    }
    const view: SessionView = { session };
    if (options.room) {
      view.room = this.roomColumns.hydrate(first) ?? null;
    }
    if (options.participants) {
      view.participants = rows.flatMap((row) => this.participantColumns.hydrate(row) ?? []);
    }

    return view;
  }

  /** Builds the statement for one combination of options once; its name is unique to its text. */
  private statement(options: SessionReadOptions): { name: string; sql: string } {
    const key = `${options.room ? 'room_' : ''}${options.participants ? 'participants_' : ''}`;
    let statement = this.statements.get(key);
    if (statement === undefined) {
      statement = { name: `hilink_session_${key}view`, sql: this.buildStatement(options) };
      this.statements.set(key, statement);
    }

    return statement;
  }

  private buildStatement(options: SessionReadOptions): string {
    const { sessionColumns: s, roomColumns: r, participantColumns: p } = this;
    const selects = [s.selectList];
    const joins: string[] = [];
    if (options.room) {
      selects.push(r.selectList);
      joins.push(
        `LEFT JOIN ${r.table} r ON r.id = s.room_id AND r.organization_id = s.organization_id`,
      );
    }
    if (options.participants) {
      selects.push(p.selectList);
      // One row per participant: the session and room columns repeat on each.
      joins.push(
        `LEFT JOIN ${p.table} p ON p.session_id = s.id AND p.organization_id = s.organization_id`,
      );
    }
    const order = options.participants ? ' ORDER BY p.created_at ASC, p.id ASC' : '';

    return (
      `SELECT ${selects.join(', ')} FROM ${s.table} s ${joins.join(' ')} ` +
      `WHERE s.id = $1 AND s.organization_id = $2${order}`
    );
  }
}
