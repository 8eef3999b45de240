import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { EntityColumns } from '../database/entity-columns';
import { queryPrepared } from '../database/prepared-query';
import { TurnBatch } from '../database/turn-batch';
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

interface SessionKey {
  organizationId: string;
  id: string;
}

/**
 * Reads a session with its room and participants in one SQL statement, shared by the reads of
 * one event-loop turn (see TurnBatch).
 */
@Injectable()
export class SessionReader {
  private readonly sessionColumns: EntityColumns<Session>;
  private readonly roomColumns: EntityColumns<Room>;
  private readonly participantColumns: EntityColumns<Participant>;
  private readonly statements = new Map<string, { name: string; sql: string }>();
  /** One batch per combination of options, since they read different columns. */
  private readonly batches = new Map<string, TurnBatch<SessionKey, SessionView>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sessionColumns = new EntityColumns(dataSource, Session, 's');
    this.roomColumns = new EntityColumns(dataSource, Room, 'r');
    this.participantColumns = new EntityColumns(dataSource, Participant, 'p');
  }

  /** Returns undefined when the organization has no session with this id. */
  read(
    ctx: RequestContext,
    id: string,
    options: SessionReadOptions,
  ): Promise<SessionView | undefined> {
    const key = optionsKey(options);
    let batch = this.batches.get(key);
    if (batch === undefined) {
      batch = new TurnBatch(sessionKey, (keys) => this.readViews(keys, options));
      this.batches.set(key, batch);
    }

    return batch.load({ organizationId: ctx.organizationId, id });
  }

  private async readViews(
    keys: SessionKey[],
    options: SessionReadOptions,
  ): Promise<Map<string, SessionView>> {
    const single = keys.length === 1;
    const { name, sql } = this.statement(options, single);
    const parameters = single
      ? [keys[0].id, keys[0].organizationId]
      : [keys.map((key) => key.id), keys.map((key) => key.organizationId)];
    const rows = await queryPrepared<Record<string, unknown>>(
      this.dataSource,
      name,
      sql,
      parameters,
    );
    const views = new Map<string, SessionView>();
    for (const row of rows) {
      const rowKey = sessionKey({
        organizationId: String(row.s_organization_id),
        id: String(row.s_id),
      });
      let view = views.get(rowKey);
      if (view === undefined) {
        const session = this.sessionColumns.hydrate(row);
        if (!session) {
          continue;
        }
        view = { session };
        if (options.room) {
          view.room = this.roomColumns.hydrate(row) ?? null;
        }
        if (options.participants) {
          view.participants = [];
        }
        views.set(rowKey, view);
      }
      const participant = options.participants && this.participantColumns.hydrate(row);
      if (participant) {
        view.participants?.push(participant);
      }
    }

    return views;
  }

  /**
   * Builds the statement for one combination of options once; its name is unique to its text.
   * The single form looks up one id; the batch form joins arrays of ids and organization ids.
   */
  private statement(options: SessionReadOptions, single: boolean): { name: string; sql: string } {
    const key = `${optionsKey(options)}${single ? 'view' : 'views'}`;
    let statement = this.statements.get(key);
    if (statement === undefined) {
      statement = { name: `hilink_session_${key}`, sql: this.buildStatement(options, single) };
      this.statements.set(key, statement);
    }

    return statement;
  }

  private buildStatement(options: SessionReadOptions, single: boolean): string {
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
    const order = options.participants ? ' ORDER BY s.id, p.created_at ASC, p.id ASC' : '';
    const from = single
      ? `${s.table} s`
      : `unnest($1::uuid[], $2::uuid[]) AS k(id, organization_id) ` +
        `JOIN ${s.table} s ON s.id = k.id AND s.organization_id = k.organization_id`;
    const where = single ? ' WHERE s.id = $1 AND s.organization_id = $2' : '';

    return `SELECT ${selects.join(', ')} FROM ${from} ${joins.join(' ')}${where}${order}`;
  }
}

/** `room_participants_` for both options: a part of statement names and of the batches' keys. */
function optionsKey(options: SessionReadOptions): string {
  return `${options.room ? 'room_' : ''}${options.participants ? 'participants_' : ''}`;
}

function sessionKey(key: SessionKey): string {
  return `${key.organizationId}/${key.id}`;
}
