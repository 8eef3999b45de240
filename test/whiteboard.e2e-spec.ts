import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { HiLinkClient, HiLinkError } from '../sdk/src';
import { Classroom, createClassroom, createSession } from './support/classroom-fixtures';
import { clientFor, subscribe, waitForSubscriber } from './support/subscription-client';
import { bearer, startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const OPERATION_FIELDS = `id boardId sessionId sequence type clientOperationId elementId undoneSequence
  elements { id kind properties deleted } participantId apiKeyId createdAt`;

const OPERATION_ADDED = `subscription ($sessionId: ID!, $boardId: ID) {
  boardOperationAdded(sessionId: $sessionId, boardId: $boardId) { ${OPERATION_FIELDS} }
}`;

const SUBMIT = `mutation ($boardId: ID!, $input: SubmitBoardOperationsInput!) {
  submitBoardOperations(boardId: $boardId, input: $input) {
    boardId applied repeated latestSequence operations { ${OPERATION_FIELDS} }
  }
}`;

interface Person {
  id: string;
  role: string;
}

interface Element {
  id: string;
  kind: string;
  properties: Record<string, unknown> | null;
  deleted: boolean;
}

interface Operation {
  sequence: number;
  type: string;
  clientOperationId: string;
  elements: Element[];
  participantId: string | null;
}

/** A live session with its main board and a participant token per participant. */
interface Lesson {
  sessionId: string;
  boardId: string;
  instructor: { id: string; token: string };
  students: { id: string; token: string }[];
  phaseIds: string[];
}

let counter = 0;

/** Returns a unique client operation id. */
function nextId(prefix = 'op'): string {
  counter += 1;

  return `${prefix}-${counter}`;
}

function rect(elementId: string, x = 0) {
  return {
    clientOperationId: nextId(),
    type: 'add',
    elementId,
    kind: 'rectangle',
    properties: { x, y: 0, width: 10, height: 10 },
  };
}

function stroke(elementId: string, points = 3) {
  return {
    clientOperationId: nextId(),
    type: 'add',
    elementId,
    kind: 'stroke',
    properties: {
      points: Array.from({ length: points }, (_, index) => [index, index * 2]),
      color: '#222',
    },
  };
}

/** Applies operations to elements the way a client does: clear empties the board, then each changed element's state. */
function replay(start: Element[], operations: Operation[]): Map<string, Element> {
  const elements = new Map(start.map((element) => [element.id, element]));
  for (const operation of operations) {
    if (operation.type === 'clear') {
      elements.clear();
    }
    for (const element of operation.elements) {
      if (element.deleted) {
        elements.delete(element.id);
      } else {
        elements.set(element.id, element);
      }
    }
  }

  return elements;
}

describe('shared whiteboard', () => {
  let t: TestApp;
  let classroom: Classroom;

  beforeAll(async () => {
    t = await startTestApp({ HILINK_JOBS_ENABLED: 'false' });
    classroom = await createClassroom(t, t.adminKey, { students: 3 });
  });

  afterAll(async () => {
    await t?.close();
  });

  async function participantsOf(sessionId: string): Promise<Person[]> {
    const response = await t.http
      .get(`/v1/sessions/${sessionId}/participants`)
      .set(...bearer(t.adminKey));

    return response.body.items;
  }

  async function join(sessionId: string, participantId: string): Promise<string> {
    const response = await t.http
      .post(`/v1/sessions/${sessionId}/join`)
      .set(...bearer(t.adminKey))
      .send({ participantId });
    expect(response.status).toBe(200);

    return response.body.participantToken;
  }

  /** Creates a session (live unless `start` is false), its main board, and tokens for everyone. */
  async function lesson(
    options: { start?: boolean; overrides?: Record<string, unknown>; board?: boolean } = {},
  ): Promise<Lesson> {
    const session = await createSession(t, t.adminKey, classroom, options.overrides ?? {});
    if (options.start !== false) {
      const started = await t.http
        .post(`/v1/sessions/${session.id}/start`)
        .set(...bearer(t.adminKey));
      expect(started.status).toBe(200);
    }
    const people = await participantsOf(session.id);
    const instructor = people.find((person) => person.role === 'instructor') as Person;
    const students = people.filter((person) => person.role === 'student');
    let boardId = '';
    if (options.board !== false) {
      const created = await t.http
        .post(`/v1/sessions/${session.id}/boards`)
        .set(...bearer(t.adminKey))
        .send({});
      expect(created.status).toBe(201);
      boardId = created.body.id;
    }

    return {
      sessionId: session.id,
      boardId,
      instructor: { id: instructor.id, token: await join(session.id, instructor.id) },
      students: await Promise.all(
        students.map(async (student) => ({
          id: student.id,
          token: await join(session.id, student.id),
        })),
      ),
      phaseIds: session.phases.map((phase: { id: string }) => phase.id),
    };
  }

  function submit(boardId: string, operations: unknown[], key = t.adminKey) {
    return t.http
      .post(`/v1/boards/${boardId}/operations`)
      .set(...bearer(key))
      .send({ operations });
  }

  function snapshot(boardId: string, key = t.adminKey) {
    return t.http.get(`/v1/boards/${boardId}/snapshot`).set(...bearer(key));
  }

  function operationsAfter(
    boardId: string,
    afterSequence: number,
    key = t.adminKey,
    limit?: number,
  ) {
    return t.http
      .get(`/v1/boards/${boardId}/operations`)
      .query({ afterSequence, ...(limit ? { limit } : {}) })
      .set(...bearer(key));
  }

  describe('boards', () => {
    it('creates a main board once per session', async () => {
      const { sessionId } = await lesson({ board: false });

      const created = await t.http
        .post(`/v1/sessions/${sessionId}/boards`)
        .set(...bearer(t.adminKey))
        .set('Idempotency-Key', `board-${sessionId}`)
        .send({ title: 'Fractions', drawPolicy: 'everyone' });
      const retried = await t.http
        .post(`/v1/sessions/${sessionId}/boards`)
        .set(...bearer(t.adminKey))
        .set('Idempotency-Key', `board-${sessionId}`)
        .send({ title: 'Fractions', drawPolicy: 'everyone' });
      const second = await t.http
        .post(`/v1/sessions/${sessionId}/boards`)
        .set(...bearer(t.adminKey))
        .send({});
      const listed = await t.http
        .get(`/v1/sessions/${sessionId}/boards`)
        .set(...bearer(t.adminKey));
      const read = await t.http.get(`/v1/boards/${created.body.id}`).set(...bearer(t.adminKey));

      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        sessionId,
        breakoutGroupId: null,
        title: 'Fractions',
        drawPolicy: 'everyone',
        locked: false,
        sequence: 0,
        elementCount: 0,
      });
      expect(retried.status).toBe(201);
      expect(retried.body.id).toBe(created.body.id);
      expect(second.status).toBe(409);
      expect(second.body.title).toBe('BOARD_EXISTS');
      expect(second.body.boardId).toBe(created.body.id);
      expect(listed.status).toBe(200);
      expect(listed.body.map((board: { id: string }) => board.id)).toEqual([created.body.id]);
      expect(read.status).toBe(200);
      expect(read.body.title).toBe('Fractions');
    });

    it('creates and reads boards over GraphQL', async () => {
      const { sessionId, instructor } = await lesson({ board: false });

      const created = await t.gql(
        `mutation ($sessionId: ID!) { createBoard(sessionId: $sessionId, input: { title: "Board A", locked: true }) { id title locked drawPolicy } }`,
        { sessionId },
        instructor.token,
      );
      const boardId = created.data?.createBoard.id;
      const listed = await t.gql(
        `query ($sessionId: ID!) { boards(sessionId: $sessionId) { id } }`,
        { sessionId },
      );
      const read = await t.gql(
        `query ($id: ID!) { board(id: $id) { id sessionId createdByParticipantId } }`,
        {
          id: boardId,
        },
      );

      expect(created.errors).toBeUndefined();
      expect(created.data?.createBoard).toMatchObject({
        title: 'Board A',
        locked: true,
        drawPolicy: 'everyone',
      });
      expect(listed.data?.boards).toEqual([{ id: boardId }]);
      expect(read.data?.board).toEqual({
        id: boardId,
        sessionId,
        createdByParticipantId: instructor.id,
      });
    });

    it('lets only instructors and API keys create boards and change settings', async () => {
      const { sessionId, boardId, students } = await lesson();
      const other = await lesson({ board: false });
      const token = students[0].token;

      const create = await t.http
        .post(`/v1/sessions/${other.sessionId}/boards`)
        .set(...bearer(other.students[0].token))
        .send({});
      const update = await t.http
        .patch(`/v1/boards/${boardId}`)
        .set(...bearer(token))
        .send({ locked: true });
      const graphql = await t.gql(
        `mutation ($id: ID!) { updateBoard(id: $id, input: { locked: true }) { id } }`,
        { id: boardId },
        token,
      );
      const metrics = await t.http
        .get(`/v1/sessions/${sessionId}/board-metrics`)
        .set(...bearer(token));

      expect(create.status).toBe(403);
      expect(create.body.title).toBe('INSTRUCTOR_ONLY');
      expect(update.status).toBe(403);
      expect(update.body.title).toBe('INSTRUCTOR_ONLY');
      expect(graphql.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(metrics.status).toBe(403);
    });

    it('validates board settings', async () => {
      const { boardId, instructor } = await lesson();

      const policy = await t.http
        .patch(`/v1/boards/${boardId}`)
        .set(...bearer(t.adminKey))
        .send({ drawPolicy: 'anyone' });
      const title = await t.http
        .patch(`/v1/boards/${boardId}`)
        .set(...bearer(t.adminKey))
        .send({ title: 'x'.repeat(201) });
      const unknown = await t.http
        .patch(`/v1/boards/${boardId}`)
        .set(...bearer(t.adminKey))
        .send({ drawPolicy: 'selected', selectedParticipantIds: [UNKNOWN_ID] });
      const tooMany = await t.http
        .patch(`/v1/boards/${boardId}`)
        .set(...bearer(t.adminKey))
        .send({
          selectedParticipantIds: Array.from(
            { length: 501 },
            (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
          ),
        });
      const notUuid = await t.http
        .patch(`/v1/boards/${boardId}`)
        .set(...bearer(t.adminKey))
        .send({ selectedParticipantIds: ['nope'] });
      const graphql = await t.gql(
        `mutation ($id: ID!, $input: UpdateBoardInput!) { updateBoard(id: $id, input: $input) { id } }`,
        {
          id: boardId,
          input: { drawPolicy: 'anyone' },
        },
      );
      const badId = await t.http.get('/v1/boards/not-a-uuid').set(...bearer(t.adminKey));
      const selected = await t.http
        .patch(`/v1/boards/${boardId}`)
        .set(...bearer(instructor.token))
        .send({ drawPolicy: 'selected', selectedParticipantIds: [instructor.id] });

      expect(policy.status).toBe(400);
      expect(policy.body.field).toBe('drawPolicy');
      expect(title.status).toBe(400);
      expect(title.body.field).toBe('title');
      expect(unknown.status).toBe(400);
      expect(unknown.body.title).toBe('UNKNOWN_PARTICIPANTS');
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.field).toBe('selectedParticipantIds');
      expect(notUuid.status).toBe(400);
      expect(graphql.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(badId.status).toBe(400);
      expect(badId.body.field).toBe('boardId');
      expect(selected.status).toBe(200);
      expect(selected.body.selectedParticipantIds).toEqual([instructor.id]);
    });
  });

  describe('operations', () => {
    it('serves a snapshot and the operations after it', async () => {
      const { boardId, students, instructor } = await lesson();
      const student = students[0];

      const first = await submit(boardId, [rect('r1'), stroke('s1'), rect('r2', 5)], student.token);
      const early = await snapshot(boardId, student.token);
      const second = await submit(
        boardId,
        [
          {
            clientOperationId: nextId(),
            type: 'update',
            elementId: 'r1',
            properties: { x: 40, color: 'red' },
          },
          { clientOperationId: nextId(), type: 'delete', elementId: 's1' },
        ],
        student.token,
      );
      const undo = await submit(
        boardId,
        [{ clientOperationId: nextId(), type: 'undo' }],
        student.token,
      );
      const third = await submit(
        boardId,
        [{ clientOperationId: nextId(), type: 'clear' }],
        instructor.token,
      );
      const cleared = await snapshot(boardId, student.token);
      const fourth = await submit(
        boardId,
        [{ clientOperationId: nextId(), type: 'undo' }, rect('r3', 1)],
        instructor.token,
      );
      const late = await snapshot(boardId, student.token);
      const after = await operationsAfter(boardId, early.body.sequence, student.token);

      expect(first.status).toBe(200);
      expect(first.body.operations.map((op: Operation) => op.sequence)).toEqual([1, 2, 3]);
      expect(first.body.operations[0]).toMatchObject({
        type: 'add',
        elementId: 'r1',
        participantId: student.id,
      });
      expect(early.status).toBe(200);
      expect(early.body.sequence).toBe(3);
      expect(early.body.elements.map((element: Element) => element.id)).toEqual(['r1', 's1', 'r2']);
      expect(second.status).toBe(200);
      expect(second.body.operations[0].elements[0].properties).toEqual({
        x: 40,
        y: 0,
        width: 10,
        height: 10,
        color: 'red',
      });
      expect(undo.status).toBe(200);
      expect(undo.body.operations[0]).toMatchObject({ type: 'undo', undoneSequence: 5 });
      expect(third.status).toBe(200);
      expect(cleared.body.elements).toEqual([]);
      expect(fourth.body.operations[0]).toMatchObject({ type: 'undo', undoneSequence: 7 });
      expect(late.body.sequence).toBe(9);
      expect(late.body.board.elementCount).toBe(late.body.elements.length);
      expect(after.status).toBe(200);
      expect(after.body.latestSequence).toBe(9);
      expect(after.body.hasMore).toBe(false);
      expect(after.body.operations.map((op: Operation) => op.sequence)).toEqual([4, 5, 6, 7, 8, 9]);
      const replayed = replay(early.body.elements, after.body.operations);
      expect(Object.fromEntries(replayed)).toEqual(
        Object.fromEntries(late.body.elements.map((element: Element) => [element.id, element])),
      );
      expect([...replayed.keys()].sort()).toEqual(['r1', 'r2', 'r3', 's1']);
    });

    it('pages operations with a limit', async () => {
      const { boardId } = await lesson();
      await submit(boardId, [rect('a'), rect('b'), rect('c')]);

      const page = await operationsAfter(boardId, 0, t.adminKey, 2);
      const next = await operationsAfter(boardId, 2, t.adminKey, 2);
      const negative = await operationsAfter(boardId, -1);
      const tooLarge = await operationsAfter(boardId, 0, t.adminKey, 1001);

      expect(page.body.operations.map((op: Operation) => op.sequence)).toEqual([1, 2]);
      expect(page.body.hasMore).toBe(true);
      expect(next.body.operations.map((op: Operation) => op.sequence)).toEqual([3]);
      expect(next.body.hasMore).toBe(false);
      expect(negative.status).toBe(400);
      expect(negative.body.field).toBe('afterSequence');
      expect(tooLarge.status).toBe(400);
      expect(tooLarge.body.field).toBe('limit');
    });

    it('assigns gap-free sequences under concurrent submissions', async () => {
      const { boardId, students, instructor } = await lesson();
      const authors = [...students.map((student) => student.token), instructor.token, t.adminKey];

      const responses = await Promise.all(
        authors.flatMap((token, author) =>
          [0, 1, 2, 3].map((batch) =>
            submit(
              boardId,
              [0, 1, 2].map((index) => stroke(`a${author}-b${batch}-${index}`)),
              token,
            ),
          ),
        ),
      );
      const log = await operationsAfter(boardId, 0);
      const final = await snapshot(boardId);

      expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));
      const total = authors.length * 4 * 3;
      expect(log.body.operations.map((op: Operation) => op.sequence)).toEqual(
        Array.from({ length: total }, (_, index) => index + 1),
      );
      for (const response of responses) {
        const sequences = response.body.operations.map((op: Operation) => op.sequence);
        expect(sequences).toEqual([sequences[0], sequences[0] + 1, sequences[0] + 2]);
      }
      expect(final.body.sequence).toBe(total);
      expect(final.body.elements).toHaveLength(total);
    });

    it('returns the stored operation for a repeated clientOperationId', async () => {
      const { boardId, students } = await lesson();
      const token = students[0].token;
      const operation = rect('same');

      const first = await submit(boardId, [operation], token);
      const repeat = await submit(boardId, [operation, rect('other')], token);
      const changed = await submit(
        boardId,
        [{ ...operation, properties: { x: 9, y: 0, width: 1, height: 1 } }],
        token,
      );
      const byAnother = await submit(boardId, [operation], students[1].token);
      const twice = await submit(
        boardId,
        [
          rect('x1'),
          { ...rect('x2'), clientOperationId: 'dup' },
          { ...rect('x3'), clientOperationId: 'dup' },
        ],
        token,
      );
      const graphql = await t.gql(SUBMIT, { boardId, input: { operations: [operation] } }, token);
      const log = await operationsAfter(boardId, 0);

      expect(first.body).toMatchObject({ applied: 1, repeated: 0, latestSequence: 1 });
      expect(repeat.status).toBe(200);
      expect(repeat.body).toMatchObject({ applied: 1, repeated: 1, latestSequence: 2 });
      expect(repeat.body.operations[0].id).toBe(first.body.operations[0].id);
      expect(repeat.body.operations[0].sequence).toBe(1);
      expect(changed.status).toBe(409);
      expect(changed.body.title).toBe('CLIENT_OPERATION_ID_REUSED');
      expect(changed.body.field).toBe('operations.0.clientOperationId');
      expect(byAnother.status).toBe(409);
      expect(twice.status).toBe(400);
      expect(twice.body.field).toBe('operations.2.clientOperationId');
      expect(graphql.errors).toBeUndefined();
      expect(graphql.data?.submitBoardOperations).toMatchObject({
        applied: 0,
        repeated: 1,
        latestSequence: 2,
      });
      expect(log.body.operations).toHaveLength(2);
    });

    it('writes a board_operation engagement event per operation', async () => {
      const { sessionId, boardId, students } = await lesson();

      await submit(
        boardId,
        [rect('e1'), { clientOperationId: nextId(), type: 'delete', elementId: 'e1' }],
        students[0].token,
      );
      await submit(boardId, [rect('e2')]);
      const rows: { participant_id: string; data: Record<string, unknown> }[] = await t.app
        .get(DataSource)
        .query(
          `SELECT participant_id, data FROM engagement_events WHERE session_id = $1 AND type = 'board_operation' ORDER BY sequence`,
          [sessionId],
        );

      expect(rows).toHaveLength(2);
      expect(rows.map((row) => row.participant_id)).toEqual([students[0].id, students[0].id]);
      expect(rows.map((row) => row.data)).toEqual([
        { boardId, operation: 'add', sequence: 1 },
        { boardId, operation: 'delete', sequence: 2 },
      ]);
    });

    it('rejects malformed operations with the field named', async () => {
      const { boardId } = await lesson();
      await submit(boardId, [rect('known')]);
      const cases: [string, unknown, string, string?][] = [
        ['unknown type', { clientOperationId: nextId(), type: 'paint' }, 'operations.0.type'],
        ['unknown kind', { ...rect('k'), kind: 'hexagon' }, 'operations.0.kind'],
        [
          'invalid element id',
          { ...rect('has space') },
          'operations.0.elementId',
          'INVALID_ELEMENT_ID',
        ],
        ['long element id', { ...rect('x'.repeat(101)) }, 'operations.0.elementId'],
        [
          'missing element id',
          { clientOperationId: nextId(), type: 'delete' },
          'operations.0.elementId',
          'MISSING_FIELD',
        ],
        ['missing kind', { ...rect('nk'), kind: undefined }, 'operations.0.kind', 'MISSING_FIELD'],
        [
          'missing properties',
          { ...rect('np'), properties: undefined },
          'operations.0.properties',
          'MISSING_FIELD',
        ],
        [
          'properties on delete',
          { clientOperationId: nextId(), type: 'delete', elementId: 'known', properties: {} },
          'operations.0.properties',
          'UNEXPECTED_FIELD',
        ],
        [
          'element on clear',
          { clientOperationId: nextId(), type: 'clear', elementId: 'known' },
          'operations.0.elementId',
          'UNEXPECTED_FIELD',
        ],
        [
          'missing property',
          { ...rect('mp'), properties: { x: 0, y: 0 } },
          'operations.0.properties.width',
          'MISSING_PROPERTY',
        ],
        [
          'wrong property type',
          { ...rect('wp'), properties: { x: 'left', y: 0, width: 1, height: 1 } },
          'operations.0.properties.x',
        ],
        [
          'update of unknown element',
          { clientOperationId: nextId(), type: 'update', elementId: 'ghost', properties: { x: 1 } },
          'operations.0.elementId',
          'UNKNOWN_ELEMENT',
        ],
        [
          'delete of unknown element',
          { clientOperationId: nextId(), type: 'delete', elementId: 'ghost' },
          'operations.0.elementId',
          'UNKNOWN_ELEMENT',
        ],
        [
          'long client operation id',
          { ...rect('lc'), clientOperationId: 'c'.repeat(101) },
          'operations.0.clientOperationId',
        ],
        ['unknown field', { ...rect('uf'), color: 'red' }, 'operations.0.color'],
      ];

      for (const [name, operation, field, reason] of cases) {
        const response = await submit(boardId, [operation]);
        expect({ name, status: response.status, field: response.body.field }).toEqual({
          name,
          status: 400,
          field,
        });
        if (reason) {
          expect({ name, reason: response.body.title }).toEqual({ name, reason });
        }
      }
      const exists = await submit(boardId, [rect('known')]);
      const empty = await submit(boardId, []);
      const log = await operationsAfter(boardId, 0);
      expect(exists.status).toBe(409);
      expect(exists.body.title).toBe('ELEMENT_EXISTS');
      expect(empty.status).toBe(400);
      expect(log.body.operations).toHaveLength(1);
    });

    it('rejects a bad enum over GraphQL', async () => {
      const { boardId } = await lesson();

      const response = await t.gql(SUBMIT, {
        boardId,
        input: {
          operations: [
            {
              clientOperationId: 'g1',
              type: 'add',
              elementId: 'a',
              kind: 'hexagon',
              properties: {},
            },
          ],
        },
      });

      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('rejects a whole batch when one operation fails', async () => {
      const { boardId } = await lesson();

      const response = await submit(boardId, [
        rect('a'),
        { clientOperationId: nextId(), type: 'update', elementId: 'missing', properties: { x: 1 } },
      ]);
      const log = await operationsAfter(boardId, 0);
      const board = await snapshot(boardId);

      expect(response.status).toBe(400);
      expect(response.body.field).toBe('operations.1.elementId');
      expect(log.body.operations).toEqual([]);
      expect(board.body.sequence).toBe(0);
      expect(board.body.elements).toEqual([]);
    });

    it('rejects undo of another author’s change and with nothing to undo', async () => {
      const { boardId, students } = await lesson();
      const [first, second] = students;

      await submit(boardId, [rect('shared')], first.token);
      await submit(
        boardId,
        [
          {
            clientOperationId: nextId(),
            type: 'update',
            elementId: 'shared',
            properties: { x: 3 },
          },
        ],
        second.token,
      );
      const conflict = await submit(
        boardId,
        [{ clientOperationId: nextId(), type: 'undo' }],
        first.token,
      );
      const nothing = await submit(
        boardId,
        [{ clientOperationId: nextId(), type: 'undo' }],
        students[2].token,
      );
      const own = await submit(
        boardId,
        [{ clientOperationId: nextId(), type: 'undo' }],
        second.token,
      );

      expect(conflict.status).toBe(409);
      expect(conflict.body.title).toBe('UNDO_CONFLICT');
      expect(nothing.status).toBe(409);
      expect(nothing.body.title).toBe('NOTHING_TO_UNDO');
      expect(own.status).toBe(200);
      expect(own.body.operations[0].elements[0].properties.x).toBe(0);
    });
  });

  describe('who may draw', () => {
    it('follows the active phase’s tools for students', async () => {
      const session = await lesson({
        overrides: {
          phases: [{ kind: 'instruction', title: 'I', plannedMinutes: 10, tools: ['chat'] }],
        },
      });
      const started = await t.http
        .post(`/v1/sessions/${session.sessionId}/phases/${session.phaseIds[0]}/start`)
        .set(...bearer(t.adminKey));

      const student = await submit(session.boardId, [rect('s')], session.students[0].token);
      const graphql = await t.gql(
        SUBMIT,
        { boardId: session.boardId, input: { operations: [rect('g')] } },
        session.students[0].token,
      );
      const instructor = await submit(session.boardId, [rect('i')], session.instructor.token);
      const key = await submit(session.boardId, [rect('k')]);

      expect(started.status).toBe(200);
      expect(student.status).toBe(403);
      expect(student.body.title).toBe('TOOL_NOT_ENABLED');
      expect(graphql.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'TOOL_NOT_ENABLED',
      });
      expect(instructor.status).toBe(200);
      expect(key.status).toBe(200);
    });

    it('applies the draw policy and the lock', async () => {
      const { boardId, students, instructor } = await lesson();
      const [chosen, other] = students;
      const settings = (body: Record<string, unknown>) =>
        t.http
          .patch(`/v1/boards/${boardId}`)
          .set(...bearer(instructor.token))
          .send(body);

      await settings({ drawPolicy: 'instructor_only' });
      const instructorOnly = await submit(boardId, [rect('a')], chosen.token);
      const instructorDraws = await submit(boardId, [rect('b')], instructor.token);
      await settings({ drawPolicy: 'selected', selectedParticipantIds: [chosen.id] });
      const selected = await submit(boardId, [rect('c')], chosen.token);
      const notSelected = await submit(boardId, [rect('d')], other.token);
      const locked = await settings({ locked: true });
      const frozen = await submit(boardId, [rect('e')], chosen.token);
      const keyDraws = await submit(boardId, [rect('f')]);
      await settings({ locked: false, drawPolicy: 'everyone' });
      const open = await submit(boardId, [rect('g')], other.token);

      expect(instructorOnly.status).toBe(403);
      expect(instructorOnly.body.title).toBe('DRAW_POLICY_INSTRUCTOR_ONLY');
      expect(instructorDraws.status).toBe(200);
      expect(selected.status).toBe(200);
      expect(notSelected.status).toBe(403);
      expect(notSelected.body.title).toBe('NOT_SELECTED_TO_DRAW');
      expect(locked.body.locked).toBe(true);
      expect(frozen.status).toBe(403);
      expect(frozen.body.title).toBe('BOARD_LOCKED');
      expect(keyDraws.status).toBe(200);
      expect(open.status).toBe(200);
    });

    it('refuses other sessions’ students, removed participants and observers', async () => {
      const { sessionId, boardId, students } = await lesson();
      const other = await lesson();
      await t.http
        .delete(`/v1/sessions/${sessionId}/participants/${students[1].id}`)
        .set(...bearer(t.adminKey));
      const observer = await t.http
        .post(`/v1/sessions/${sessionId}/participants`)
        .set(...bearer(t.adminKey))
        .send({ identity: 'observer:coach', displayName: 'Coach' });
      const observerToken = await join(sessionId, observer.body.id);

      const foreign = await submit(boardId, [rect('a')], other.students[0].token);
      const foreignRead = await snapshot(boardId, other.students[0].token);
      const removed = await submit(boardId, [rect('b')], students[1].token);
      const watching = await submit(boardId, [rect('c')], observerToken);
      const observerRead = await snapshot(boardId, observerToken);

      expect(foreign.status).toBe(403);
      expect(foreign.body.title).toBe('PARTICIPANT_WRONG_SESSION');
      expect(foreignRead.status).toBe(403);
      expect(removed.status).toBe(403);
      expect(removed.body.title).toBe('PARTICIPANT_REMOVED');
      expect(watching.status).toBe(403);
      expect(watching.body.title).toBe('OBSERVER_CANNOT_DRAW');
      expect(observerRead.status).toBe(200);
    });

    it('lets students draw only while the session is live', async () => {
      const scheduled = await lesson({ start: false });
      const live = await lesson();

      const student = await submit(scheduled.boardId, [rect('a')], scheduled.students[0].token);
      const instructor = await submit(scheduled.boardId, [rect('b')], scheduled.instructor.token);
      const ended = await t.http
        .post(`/v1/sessions/${live.sessionId}/end`)
        .set(...bearer(t.adminKey));
      const afterEnd = await submit(live.boardId, [rect('c')]);
      const readAfterEnd = await snapshot(live.boardId);
      const settingsAfterEnd = await t.http
        .patch(`/v1/boards/${live.boardId}`)
        .set(...bearer(t.adminKey))
        .send({ locked: true });

      expect(student.status).toBe(409);
      expect(student.body.title).toBe('SESSION_NOT_LIVE');
      expect(instructor.status).toBe(200);
      expect(ended.status).toBe(200);
      expect(afterEnd.status).toBe(409);
      expect(afterEnd.body.title).toBe('BOARD_READ_ONLY');
      expect(readAfterEnd.status).toBe(200);
      expect(settingsAfterEnd.status).toBe(409);
    });
  });

  describe('limits', () => {
    it('rejects an operation over 32 KB', async () => {
      const { boardId } = await lesson();

      const response = await submit(boardId, [
        rect('ok'),
        {
          ...rect('big'),
          kind: 'text',
          properties: { x: 0, y: 0, text: 'a', note: 'n'.repeat(33 * 1024) },
        },
      ]);

      expect(response.status).toBe(400);
      expect(response.body.title).toBe('OPERATION_TOO_LARGE');
      expect(response.body.field).toBe('operations.1');
    });

    it('rejects a stroke over 1,500 points', async () => {
      const { boardId } = await lesson();
      const fits = await submit(boardId, [
        {
          ...stroke('full', 1500),
          properties: {
            points: Array.from({ length: 1500 }, (_, i) => [(123456 + i) / 100, 789.01]),
          },
        },
      ]);

      const response = await submit(boardId, [
        {
          ...stroke('long', 1501),
          properties: { points: Array.from({ length: 1501 }, () => [1, 2]) },
        },
      ]);

      expect(fits.status).toBe(200);

      expect(response.status).toBe(400);
      expect(response.body.title).toBe('TOO_MANY_POINTS');
      expect(response.body.field).toBe('operations.0.properties.points');
    });

    it('rejects more than 100 operations in a submission', async () => {
      const { boardId } = await lesson();

      const response = await submit(
        boardId,
        Array.from({ length: 101 }, (_, index) => rect(`r${index}`)),
      );

      expect(response.status).toBe(400);
      expect(response.body.field).toBe('operations');
    });

    it('rejects a board over 5,000 elements', async () => {
      const { boardId } = await lesson();
      for (let batch = 0; batch < 50; batch += 1) {
        const response = await submit(
          boardId,
          Array.from({ length: 100 }, (_, index) => ({
            clientOperationId: `fill-${batch}-${index}`,
            type: 'add',
            elementId: `e${batch}-${index}`,
            kind: 'stroke',
            properties: { points: [[0, 0]] },
          })),
        );
        expect(response.status).toBe(200);
      }

      const full = await submit(boardId, [stroke('one-more', 1)]);
      const deleted = await submit(boardId, [
        { clientOperationId: nextId(), type: 'delete', elementId: 'e0-0' },
      ]);
      const board = await t.http.get(`/v1/boards/${boardId}`).set(...bearer(t.adminKey));

      expect(full.status).toBe(409);
      expect(full.body.title).toBe('BOARD_FULL');
      expect(full.body.field).toBe('operations.0');
      expect(deleted.status).toBe(200);
      expect(board.body.elementCount).toBe(4999);
    });

    it('rejects a board over 5 MB', async () => {
      const { boardId } = await lesson();
      // Each element is just under 32 KB, so 160 of them pass 5 MB.
      const bigText = 't'.repeat(32 * 1024 - 200);
      let last = { status: 200, body: {} as Record<string, unknown> };
      for (let batch = 0; batch < 20 && last.status === 200; batch += 1) {
        last = await submit(
          boardId,
          Array.from({ length: 10 }, (_, index) => ({
            clientOperationId: `big-${batch}-${index}`,
            type: 'add',
            elementId: `big${batch}-${index}`,
            kind: 'text',
            properties: {
              x: 0,
              y: 0,
              text: bigText.slice(0, 10_000),
              extra: bigText.slice(10_000),
            },
          })),
        );
      }
      const board = await t.http.get(`/v1/boards/${boardId}`).set(...bearer(t.adminKey));

      expect(last.status).toBe(409);
      expect(last.body.title).toBe('BOARD_FULL');
      expect(board.body.byteSize).toBeLessThanOrEqual(5 * 1024 * 1024);
      expect(board.body.elementCount).toBeGreaterThan(150);
    });

    it('rate-limits a participant to 100 operations in 2 seconds', async () => {
      const { boardId, students } = await lesson();
      const token = students[0].token;

      const burst = await submit(
        boardId,
        Array.from({ length: 100 }, (_, index) => stroke(`burst-${index}`, 1)),
        token,
      );
      const limited = await submit(boardId, [stroke('over', 1)], token);
      const graphql = await t.gql(
        SUBMIT,
        { boardId, input: { operations: [stroke('over-gql', 1)] } },
        token,
      );
      const otherStudent = await submit(boardId, [stroke('other', 1)], students[1].token);
      const key = await submit(boardId, [stroke('key', 1)]);
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const later = await submit(boardId, [stroke('later', 1)], token);

      expect(burst.status).toBe(200);
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
      expect(limited.body.title).toBe('RATE_LIMITED');
      expect(limited.body.field).toBe('operations');
      expect(graphql.errors?.[0]?.extensions).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        reason: 'RATE_LIMITED',
      });
      expect(otherStudent.status).toBe(200);
      expect(key.status).toBe(200);
      expect(later.status).toBe(200);
    });
  });

  describe('metrics', () => {
    it('reports per-participant metrics on a known sequence', async () => {
      const { sessionId, boardId, students, instructor } = await lesson();
      const [student, other] = students;
      const board = await t.http.get(`/v1/boards/${boardId}`).set(...bearer(t.adminKey));

      await submit(
        boardId,
        [
          rect('m1'),
          { clientOperationId: nextId(), type: 'update', elementId: 'm1', properties: { x: 2 } },
        ],
        student.token,
      );
      await submit(
        boardId,
        [{ clientOperationId: nextId(), type: 'delete', elementId: 'm1' }],
        student.token,
      );
      await submit(boardId, [{ clientOperationId: nextId(), type: 'undo' }], student.token);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      await submit(
        boardId,
        [rect('m2'), { clientOperationId: nextId(), type: 'clear' }],
        student.token,
      );
      await submit(boardId, [stroke('o1')], other.token);
      await submit(boardId, [rect('k1')]);

      const rest = await t.http
        .get(`/v1/boards/${boardId}/metrics`)
        .query({ idleGapSeconds: 1 })
        .set(...bearer(instructor.token));
      const session = await t.gql(
        `query ($sessionId: ID!) { sessionBoardMetrics(sessionId: $sessionId, idleGapSeconds: 1) {
          sessionId boardId boardCount totalOperations participants { participantId operations erasures undos idleGapCount }
        } }`,
        { sessionId },
      );
      const defaults = await t.http.get(`/v1/boards/${boardId}/metrics`).set(...bearer(t.adminKey));
      const invalid = await t.http
        .get(`/v1/boards/${boardId}/metrics`)
        .query({ idleGapSeconds: 0 })
        .set(...bearer(t.adminKey));

      expect(rest.status).toBe(200);
      expect(rest.body).toMatchObject({
        sessionId,
        boardId,
        boardCount: 1,
        totalOperations: 8,
        idleGapSeconds: 1,
      });
      const [first, second] = rest.body.participants;
      expect(first).toMatchObject({
        participantId: student.id,
        role: 'student',
        operations: 6,
        adds: 2,
        updates: 1,
        erasures: 2,
        undos: 1,
        idleGapCount: 1,
        timeToFirstAddFrom: 'board_created',
      });
      expect(first.longestIdleGapMs).toBeGreaterThanOrEqual(1_000);
      expect(first.timeToFirstAddMs).toBe(
        Date.parse(first.firstOperationAt) - Date.parse(board.body.createdAt),
      );
      expect(second).toMatchObject({
        participantId: other.id,
        operations: 1,
        adds: 1,
        idleGapCount: 0,
        longestIdleGapMs: null,
      });
      expect(session.errors).toBeUndefined();
      expect(session.data?.sessionBoardMetrics).toMatchObject({
        sessionId,
        boardId: null,
        boardCount: 1,
        totalOperations: 8,
      });
      expect(session.data?.sessionBoardMetrics.participants[0]).toEqual({
        participantId: student.id,
        operations: 6,
        erasures: 2,
        undos: 1,
        idleGapCount: 1,
      });
      expect(defaults.body.idleGapSeconds).toBe(60);
      expect(defaults.body.participants[0].idleGapCount).toBe(0);
      expect(invalid.status).toBe(400);
      expect(invalid.body.field).toBe('idleGapSeconds');
    });

    it('times the first add from a later phase start', async () => {
      const { boardId, students, phaseIds, sessionId } = await lesson();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = await t.http
        .post(`/v1/sessions/${sessionId}/phases/${phaseIds[0]}/start`)
        .set(...bearer(t.adminKey));
      await submit(boardId, [rect('p1')], students[0].token);
      const phaseStart = Date.parse(started.body.phases[0].startedAt);

      const metrics = await t.http.get(`/v1/boards/${boardId}/metrics`).set(...bearer(t.adminKey));

      const [entry] = metrics.body.participants;
      expect(entry.timeToFirstAddFrom).toBe('phase_started');
      expect(entry.timeToFirstAddMs).toBe(Date.parse(entry.firstOperationAt) - phaseStart);
    });
  });

  describe('subscriptions', () => {
    it('delivers operations in sequence order to subscribers', async () => {
      const { sessionId, boardId, students, instructor } = await lesson();
      const client = clientFor(t.url, students[0].token);
      const probe = subscribe(client, OPERATION_ADDED, { sessionId, boardId });
      await waitForSubscriber(t, t.organizationId, sessionId, 'boardOperationAdded');

      const authors = [...students.map((student) => student.token), instructor.token];
      const responses = await Promise.all(
        authors.flatMap((token, author) =>
          [0, 1, 2].map((batch) =>
            submit(
              boardId,
              [stroke(`live-${author}-${batch}-a`), stroke(`live-${author}-${batch}-b`)],
              token,
            ),
          ),
        ),
      );
      const total = authors.length * 3 * 2;
      const received: number[] = [];
      for (let index = 0; index < total; index += 1) {
        const result = await probe.nextResult();
        expect(result.errors).toBeUndefined();
        received.push(result.data?.boardOperationAdded.sequence);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));

      expect(responses.every((response) => response.status === 200)).toBe(true);
      expect(received).toEqual(Array.from({ length: total }, (_, index) => index + 1));
      expect(probe.results).toHaveLength(total);
      expect(probe.results[0].data?.boardOperationAdded).toMatchObject({
        boardId,
        sessionId,
        type: 'add',
      });
      probe.stop();
      await client.dispose();
    });

    it('rejects subscriptions to other sessions and organizations', async () => {
      const { sessionId, boardId } = await lesson();
      const other = await lesson();
      const otherOrganization = await t.createOrganization('Whiteboard other school');
      const wrongSession = clientFor(t.url, other.students[0].token);
      const wrongOrganization = clientFor(t.url, otherOrganization.adminKey);
      const mismatchedBoard = clientFor(t.url, t.adminKey);

      const first = subscribe(wrongSession, OPERATION_ADDED, { sessionId });
      const second = subscribe(wrongOrganization, OPERATION_ADDED, { sessionId });
      const third = subscribe(mismatchedBoard, OPERATION_ADDED, {
        sessionId: other.sessionId,
        boardId,
      });
      const results = [
        await first.nextResult(),
        await second.nextResult(),
        await third.nextResult(),
      ];

      expect(results.map((result) => result.errors?.[0]?.extensions?.code)).toEqual([
        'FORBIDDEN',
        'NOT_FOUND',
        'NOT_FOUND',
      ]);
      await Promise.all([
        wrongSession.dispose(),
        wrongOrganization.dispose(),
        mismatchedBoard.dispose(),
      ]);
    });
  });

  describe('tenancy', () => {
    it('answers NOT_FOUND for another organization’s boards', async () => {
      const { sessionId, boardId } = await lesson();
      const other = await t.createOrganization('Whiteboard tenant B');
      const key = other.adminKey;

      const responses = await Promise.all([
        t.http.get(`/v1/boards/${boardId}`).set(...bearer(key)),
        snapshot(boardId, key),
        operationsAfter(boardId, 0, key),
        submit(boardId, [rect('x')], key),
        t.http
          .patch(`/v1/boards/${boardId}`)
          .set(...bearer(key))
          .send({ locked: true }),
        t.http.get(`/v1/boards/${boardId}/metrics`).set(...bearer(key)),
        t.http.get(`/v1/sessions/${sessionId}/boards`).set(...bearer(key)),
        t.http
          .post(`/v1/sessions/${sessionId}/boards`)
          .set(...bearer(key))
          .send({}),
        t.http.get(`/v1/sessions/${sessionId}/board-metrics`).set(...bearer(key)),
        t.http.get(`/v1/boards/${UNKNOWN_ID}`).set(...bearer(t.adminKey)),
      ]);
      const graphql = await t.gql(
        `query ($id: ID!) { boardSnapshot(boardId: $id) { sequence } }`,
        { id: boardId },
        key,
      );
      const unchanged = await snapshot(boardId);

      expect(responses.map((response) => response.status)).toEqual(responses.map(() => 404));
      expect(responses[0].body.detail).not.toContain('Whiteboard');
      expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(unchanged.body.sequence).toBe(0);
    });
  });

  describe('SDK', () => {
    it('drives a board through the SDK', async () => {
      const { sessionId } = await lesson({ board: false });
      const sdk = new HiLinkClient({ url: t.url, apiKey: t.adminKey, webSocket: WebSocket });
      const other = new HiLinkClient({
        url: t.url,
        apiKey: (await t.createOrganization('SDK board tenant')).adminKey,
      });

      const board = await sdk.createBoard({ sessionId, input: { title: 'SDK board' } });
      const live = sdk.boardOperationAdded({ sessionId, boardId: board.id });
      await waitForSubscriber(t, t.organizationId, sessionId, 'boardOperationAdded');
      const submitted = await sdk.submitBoardOperations({
        boardId: board.id,
        input: {
          operations: [
            {
              clientOperationId: 'sdk-1',
              type: 'add',
              elementId: 'n1',
              kind: 'sticky_note',
              properties: { x: 1, y: 2, text: 'Idea' },
            },
            {
              clientOperationId: 'sdk-2',
              type: 'update',
              elementId: 'n1',
              properties: { text: 'Better idea' },
            },
          ],
        },
      });
      const event = await live.next();
      await live.return();
      const snap = await sdk.boardSnapshot(board.id);
      const page = await sdk.boardOperations({ boardId: board.id, afterSequence: 1 });
      const updated = await sdk.updateBoard({
        id: board.id,
        input: { drawPolicy: 'instructor_only' },
      });
      const listed = await sdk.boards(sessionId);
      const read = await sdk.board(board.id);
      const metrics = await sdk.boardMetrics({ boardId: board.id });
      const sessionMetrics = await sdk.sessionBoardMetrics({ sessionId });
      const failure = await other.boardSnapshot(board.id).catch((error: unknown) => error);
      await sdk.close();

      expect(submitted.applied).toBe(2);
      expect(event.value).toMatchObject({ sequence: 1, clientOperationId: 'sdk-1', type: 'add' });
      expect(snap.sequence).toBe(2);
      expect(snap.elements).toEqual([
        {
          id: 'n1',
          kind: 'sticky_note',
          properties: { x: 1, y: 2, text: 'Better idea' },
          deleted: false,
        },
      ]);
      expect(page.operations.map((op) => op.sequence)).toEqual([2]);
      expect(updated.drawPolicy).toBe('instructor_only');
      expect(listed.map((entry) => entry.id)).toEqual([board.id]);
      expect(read.title).toBe('SDK board');
      expect(metrics.totalOperations).toBe(2);
      expect(metrics.participants).toEqual([]);
      expect(sessionMetrics.boardCount).toBe(1);
      expect(failure).toBeInstanceOf(HiLinkError);
      expect((failure as HiLinkError).code).toBe('NOT_FOUND');
    });
  });
});
