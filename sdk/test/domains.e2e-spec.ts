import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HiLinkClient, HiLinkError, listAll } from '../src';
import { waitForDraft } from '../../examples/tutoring-day/recap-review';
import { startTestApp, TestApp } from '../../test/support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const MATHDIAL = readFileSync(
  join(
    __dirname,
    '..',
    '..',
    'examples',
    'data',
    'transcripts',
    'mathdial',
    'mathdial-5000005-s3.json',
  ),
  'utf8',
);

async function expectHiLinkError(promise: Promise<unknown>): Promise<HiLinkError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HiLinkError);

  return error as HiLinkError;
}

/** Creates the smallest setup that a session needs: curriculum, instructor, student, enrollment, room. */
async function createTutoringSetup(client: HiLinkClient, tag: string) {
  const curriculum = await client.createCurriculum({
    name: `Ratios ${tag}`,
    subject: 'math',
    objectives: [
      { code: '7.RP.A.1', title: 'Compute unit rates', grade: '7' },
      { code: '7.RP.A.2', title: 'Recognize proportional relationships', grade: '7' },
    ],
  });
  const instructor = await client.createMember({
    name: 'Maya Okafor',
    email: `maya+${tag}@example.org`,
    role: 'instructor',
  });
  const student = await client.createStudent({ name: 'Student 01', gradeLevel: '7' });
  const enrollment = await client.createEnrollment({
    studentId: student.id,
    instructorId: instructor.id,
    curriculumId: curriculum.id,
    startDate: '2026-09-01',
    plannedObjectiveCodes: ['7.RP.A.1', '7.RP.A.2'],
  });
  const room = await client.createRoom({ name: `Room ${tag}`, capacity: 4 });

  return { curriculum, instructor, student, enrollment, room };
}

describe('SDK domain flows', () => {
  let app: TestApp;
  let client: HiLinkClient;
  let otherClient: HiLinkClient;

  beforeAll(async () => {
    app = await startTestApp();
    client = new HiLinkClient({ url: app.url, apiKey: app.adminKey });
    const other = await app.createOrganization('SDK other tenant');
    otherClient = client.withApiKey(other.adminKey);
  });

  afterAll(async () => {
    await app.close();
  });

  it('manages members', async () => {
    const member = await client.createMember({
      name: 'Ops Lead',
      email: 'ops@example.org',
      role: 'operations',
    });
    const updated = await client.updateMember({
      id: member.id,
      input: { name: 'Operations Lead' },
    });
    const instructors = await listAll((after) =>
      client.members({ first: 1, after, role: 'operations' }),
    );
    const deactivated = await client.deactivateMember(member.id);

    expect(updated.name).toBe('Operations Lead');
    expect(instructors.map((item) => item.id)).toContain(member.id);
    expect(deactivated.deactivatedAt).not.toBeNull();
    expect((await client.member(member.id)).role).toBe('operations');
  });

  it('links students and guardians', async () => {
    const student = await client.createStudent({ name: 'Student 02', gradeLevel: '7' });
    const guardian = await client.createGuardian({
      name: 'Guardian 02',
      email: 'guardian02@example.org',
      preferredLanguage: 'es',
    });
    const linked = await client.linkGuardian({ studentId: student.id, guardianId: guardian.id });
    const loaded = await client.student(student.id);

    expect(linked.map((item) => item.id)).toEqual([guardian.id]);
    expect(loaded.guardians.map((item) => item.preferredLanguage)).toEqual(['es']);
    expect((await client.guardian(guardian.id)).students.map((item) => item.id)).toEqual([
      student.id,
    ]);

    const unlinked = await client.unlinkGuardian({
      studentId: student.id,
      guardianId: guardian.id,
    });
    expect(unlinked).toEqual([]);
  });

  it('imports a curriculum document', async () => {
    const document = JSON.stringify({
      name: 'Imported ratios',
      items: [{ code: '6.RP.A.1', title: 'Understand ratios', grade: '6' }],
    });

    const result = await client.importCurriculum(document);

    expect(result.objectiveCount).toBe(1);
    expect(result.curriculum.objectives.map((objective) => objective.code)).toEqual(['6.RP.A.1']);
    expect((await client.curriculum(result.curriculum.id)).name).toBe('Imported ratios');
  });

  it('runs a session from schedule to end', async () => {
    const setup = await createTutoringSetup(client, 'flow');
    const session = await client.createSession({
      roomId: setup.room.id,
      enrollmentIds: [setup.enrollment.id],
      title: 'Unit rates',
      timeZone: 'America/Chicago',
      scheduledStart: '2026-09-02T15:00:00Z',
      scheduledEnd: '2026-09-02T15:30:00Z',
    });
    expect(session.status).toBe('scheduled');
    expect(session.participants.map((participant) => participant.role).sort()).toEqual([
      'instructor',
      'student',
    ]);

    const live = await client.startSession(session.id);
    const student = session.participants.find((participant) => participant.role === 'student');
    const joined = await client.joinSession({
      sessionId: session.id,
      participantId: student?.id ?? '',
    });
    const participantClient = client.withApiKey(joined.participantToken);
    const view = await participantClient.participantSession();
    const media = await participantClient.issueMediaToken(session.id);
    const ended = await client.endSession(session.id);

    expect(live.status).toBe('live');
    expect(joined.media.available).toBe(false);
    expect(view.id).toBe(session.id);
    expect(view.role).toBe('student');
    expect(media).toEqual(joined.media);
    expect(media.available).toBe(false);
    expect(ended.status).toBe('ended');
  });

  it('raises BAD_USER_INPUT naming the field', async () => {
    const setup = await createTutoringSetup(client, 'bad-input');

    const error = await expectHiLinkError(
      client.createSession({
        roomId: setup.room.id,
        enrollmentIds: [setup.enrollment.id],
        title: 'Backwards',
        timeZone: 'America/Chicago',
        scheduledStart: '2026-09-02T15:30:00Z',
        scheduledEnd: '2026-09-02T15:00:00Z',
      }),
    );

    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('scheduledEnd');
    const sessions = await client.sessions({ roomId: setup.room.id });
    expect(sessions.nodes).toEqual([]);
  });

  it('raises a CONFLICT for an illegal transition', async () => {
    const setup = await createTutoringSetup(client, 'transition');
    const session = await client.createSession({
      roomId: setup.room.id,
      enrollmentIds: [setup.enrollment.id],
      title: 'Not started',
      timeZone: 'UTC',
      scheduledStart: '2026-09-03T15:00:00Z',
      scheduledEnd: '2026-09-03T15:30:00Z',
    });

    const error = await expectHiLinkError(client.endSession(session.id));

    expect(error.code).toBe('CONFLICT');
    expect(error.reason).toBe('SESSION_ILLEGAL_TRANSITION');
    expect((await client.session(session.id)).status).toBe('scheduled');
  });

  it('hides every entity from another tenant', async () => {
    const setup = await createTutoringSetup(client, 'tenancy');
    const lookups: [string, () => Promise<unknown>][] = [
      ['member', () => otherClient.member(setup.instructor.id)],
      ['student', () => otherClient.student(setup.student.id)],
      ['curriculum', () => otherClient.curriculum(setup.curriculum.id)],
      ['enrollment', () => otherClient.enrollment(setup.enrollment.id)],
      ['room', () => otherClient.room(setup.room.id)],
      [
        'updateRoom',
        () => otherClient.updateRoom({ id: setup.room.id, input: { name: 'Taken over' } }),
      ],
    ];

    for (const [name, lookup] of lookups) {
      const error = await expectHiLinkError(lookup());
      expect({ name, code: error.code }).toEqual({ name, code: 'NOT_FOUND' });
    }
    expect((await client.room(setup.room.id)).name).toBe('Room tenancy');
    expect((await otherClient.rooms()).nodes).toEqual([]);
  });

  it('uploads a transcript and approves its recap', async () => {
    const setup = await createTutoringSetup(client, 'recap');
    const session = await client.createSession({
      roomId: setup.room.id,
      enrollmentIds: [setup.enrollment.id],
      title: 'Word problem',
      timeZone: 'Europe/Berlin',
      scheduledStart: '2026-09-04T15:00:00Z',
      scheduledEnd: '2026-09-04T15:30:00Z',
    });
    await client.startSession(session.id);
    const upload = await client.uploadTranscript({
      sessionId: session.id,
      format: 'json',
      content: MATHDIAL,
    });
    await client.endSession(session.id);
    const segments = await listAll((after) =>
      client.transcriptSegments({ sessionId: session.id, first: 5, after }),
    );
    const draft = await waitForDraft(client, session.id, 60_000);

    const otherError = await expectHiLinkError(otherClient.approveRecap(draft.id));
    expect(otherError.code).toBe('NOT_FOUND');
    const blankError = await expectHiLinkError(
      client.rejectRecap({ id: draft.id, input: { reason: ' ' } }),
    );
    expect(blankError.code).toBe('BAD_USER_INPUT');
    expect(blankError.field).toBe('reason');

    const approved = await client.approveRecap(draft.id);
    expect(upload.inserted).toBe(segments.length);
    expect((await client.transcript(session.id)).finalSegmentCount).toBe(segments.length);
    expect(approved.status).toBe('approved');
    expect(approved.isFinal).toBe(true);
    expect(approved.transcriptVersion).toBe(upload.transcriptVersion);
    expect((await client.session(session.id)).status).toBe('documented');
    expect((await client.recap(draft.id)).versions.length).toBeGreaterThan(0);
  });

  it('raises NOT_FOUND for unknown ids', async () => {
    const error = await expectHiLinkError(client.session(UNKNOWN_ID));

    expect(error.code).toBe('NOT_FOUND');
    expect(error.field).toBe('id');
  });
});
