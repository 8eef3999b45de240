import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { HiLinkClient, HiLinkError, verifyWebhook } from '../sdk/src';
import {
  Classroom,
  createClassroom,
  createSession,
  participantToken,
} from './support/classroom-fixtures';
import { createGuardian } from './support/people-fixtures';
import { endSessionWithDialogue, waitForSessionRecap } from './support/recap-fixtures';
import { SmtpTestServer, startSmtpTestServer } from './support/smtp-test-server';
import { bearer, startTestApp, TestApp } from './support/test-app';
import { startWebhookReceiver, WebhookReceiver } from './support/webhook-receiver';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const MAIL_FROM = 'HiLink Updates <updates@hilink.test>';

const UPDATE_FIELDS = `
  id sessionId recapId recapVersion studentId guardianId status language requestedLanguage
  languageNote subject body currentVersionNumber provider model promptVersion approvedAt
  usage { promptTokens completionTokens totalTokens requests costUsd }
  versions { number source subject editor { kind } }
  delivery { status attempts reason lastError recipient sentAt }`;

interface Family {
  classroom: Classroom;
  englishEmail: string;
  spanishEmail: string;
  frenchEmail: string;
}

/** Creates a classroom whose first student has an English and a Spanish guardian, and the second a French one. */
async function createFamily(t: TestApp, key = t.adminKey): Promise<Family> {
  const classroom = await createClassroom(t, key);
  const tag = Math.random().toString(36).slice(2, 8);
  const guardians = [
    { email: `en-${tag}@example.com`, preferredLanguage: 'en', student: 0, name: 'Alex Reed' },
    { email: `es-${tag}@example.com`, preferredLanguage: 'es-MX', student: 0, name: 'Maria Reed' },
    { email: `fr-${tag}@example.com`, preferredLanguage: 'fr', student: 1, name: 'Luc Martin' },
  ];
  for (const guardian of guardians) {
    const created = await createGuardian(
      t,
      { name: guardian.name, email: guardian.email, preferredLanguage: guardian.preferredLanguage },
      key,
    );
    const studentId = classroom.studentIds[guardian.student];
    const link = await t.http
      .put(`/v1/students/${studentId}/guardians/${created.id}`)
      .set(...bearer(key))
      .send({});
    if (link.status >= 300) {
      throw new Error(`Linking a guardian failed: ${link.status} ${JSON.stringify(link.body)}`);
    }
  }

  return {
    classroom,
    englishEmail: guardians[0]!.email,
    spanishEmail: guardians[1]!.email,
    frenchEmail: guardians[2]!.email,
  };
}

/** Ends a session, approves its recap and waits for the three parent update drafts. */
async function draftUpdates(
  t: TestApp,
  family: Family,
  key = t.adminKey,
): Promise<{ sessionId: string; updates: Record<string, any>[] }> {
  const sessionId = await endSessionWithDialogue(t, key, family.classroom);

  return { sessionId, updates: await approveRecapAndWait(t, sessionId, key) };
}

/** Approves the ended session's recap and returns the parent update drafts once all three exist. */
async function approveRecapAndWait(
  t: TestApp,
  sessionId: string,
  key = t.adminKey,
): Promise<Record<string, any>[]> {
  const recap = await waitForSessionRecap(t, sessionId, key);
  const approved = await t.http
    .post(`/v1/recaps/${recap.id}/approve`)
    .set(...bearer(key))
    .send({});
  if (approved.status !== 200) {
    throw new Error(
      `Approving the recap failed: ${approved.status} ${JSON.stringify(approved.body)}`,
    );
  }
  const deadline = Date.now() + 30_000;
  for (;;) {
    const list = await t.http.get(`/v1/parent-updates?sessionId=${sessionId}`).set(...bearer(key));
    if (list.status === 200 && list.body.items.length >= 3) {
      return list.body.items;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Session ${sessionId} has ${list.body.items?.length} parent updates after 30 s.`,
      );
    }
    await sleep(50);
  }
}

function byRecipientLanguage(
  updates: Record<string, any>[],
  language: string,
): Record<string, any> {
  const update = updates.find((item) => item.requestedLanguage === language);
  if (!update) {
    throw new Error(`No parent update requested in ${language}.`);
  }

  return update;
}

async function waitForDelivery(
  t: TestApp,
  id: string,
  statuses: string[],
  timeoutMs = 30_000,
): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await t.http.get(`/v1/parent-updates/${id}`).set(...bearer(t.adminKey));
    if (response.body.delivery && statuses.includes(response.body.delivery.status)) {
      return response.body;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Delivery of ${id} is ${JSON.stringify(response.body.delivery)} after ${timeoutMs} ms.`,
      );
    }
    await sleep(50);
  }
}

async function domainEvents(t: TestApp, parentUpdateId: string): Promise<string[]> {
  const rows: { type: string }[] = await t.app
    .get(DataSource)
    .query(
      `SELECT type FROM domain_events WHERE payload->>'parentUpdateId' = $1 ORDER BY occurred_at`,
      [parentUpdateId],
    );

  return rows.map((row) => row.type);
}

describe('parent updates (SMTP configured)', () => {
  let t: TestApp;
  let smtp: SmtpTestServer;
  let family: Family;
  let updates: Record<string, any>[];
  let receiver: WebhookReceiver;
  let webhookSecret: string;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    receiver = await startWebhookReceiver();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    });
    const client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
    ({ secret: webhookSecret } = await client.createWebhookSubscription({
      url: receiver.url,
      eventTypes: ['parent_update.*'],
    }));
    family = await createFamily(t);
    ({ updates } = await draftUpdates(t, family));
  });

  afterAll(async () => {
    await t.close();
    await smtp.close();
    await receiver.close();
  });

  function post(path: string, body: object = {}, key = t.adminKey) {
    return t.http
      .post(path)
      .set(...bearer(key))
      .send(body);
  }

  it('drafts one update per guardian after recap approval', async () => {
    const english = byRecipientLanguage(updates, 'en');
    const spanish = byRecipientLanguage(updates, 'es-MX');
    const french = byRecipientLanguage(updates, 'fr');

    expect(updates).toHaveLength(3);
    expect(new Set(updates.map((update) => update.guardianId)).size).toBe(3);
    expect(english.status).toBe('draft');
    expect(english.language).toBe('en');
    expect(english.languageNote).toBeNull();
    expect(english.body).toContain('Dear Alex Reed');
    expect(english.provider).toBe('local');
    expect(english.usage).toEqual({
      promptTokens: 0,
      completionTokens: 0,
      totalTokens: 0,
      requests: 0,
      costUsd: 0,
    });
    expect(english.promptVersion).toEqual(expect.any(String));
    expect(english.model).toEqual(expect.any(String));
    expect(english.recapVersion).toBe(1);
    expect(english.delivery).toBeNull();
    expect(spanish.language).toBe('es');
    expect(spanish.body).toContain('Estimado/a Maria Reed');
    expect(french.language).toBe('en');
    expect(french.languageNote).toContain('"fr"');
    expect(french.studentId).toBe(family.classroom.studentIds[1]);
    expect(smtp.attempts).toBe(0);
  });

  it('sends an approved update once in its language', async () => {
    const spanish = byRecipientLanguage(updates, 'es-MX');

    const approved = await post(`/v1/parent-updates/${spanish.id}/approve`);
    const delivered = await waitForDelivery(t, spanish.id, ['sent', 'failed']);
    await sleep(300);
    const emails = smtp.received.filter((email) => email.to.includes(family.spanishEmail));

    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.delivery.status).toBe('pending');
    expect(delivered.delivery.status).toBe('sent');
    expect(delivered.delivery.attempts).toBe(1);
    expect(delivered.delivery.recipient).toBe(family.spanishEmail);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.headers.subject).toBe(spanish.subject);
    expect(emails[0]?.headers['content-language']).toBe('es');
    expect(emails[0]?.headers.from).toContain('updates@hilink.test');
    expect(emails[0]?.raw).toContain('Estimado/a Maria Reed');
    expect(await domainEvents(t, spanish.id)).toEqual([
      'parent_update.drafted',
      'parent_update.approved',
      'parent_update.delivered',
    ]);
  });

  it('delivers the update events as signed webhooks', async () => {
    const spanish = byRecipientLanguage(updates, 'es-MX');
    const deadline = Date.now() + 10_000;
    const typesFor = () =>
      receiver
        .accepted()
        .map((request) =>
          verifyWebhook(request.body, request.headers as Record<string, string>, webhookSecret),
        )
        .filter((event) => event.data.parentUpdateId === spanish.id)
        .map((event) => event.type);
    while (typesFor().length < 3 && Date.now() < deadline) {
      await sleep(50);
    }

    expect(typesFor()).toEqual([
      'parent_update.drafted',
      'parent_update.approved',
      'parent_update.delivered',
    ]);
  });

  it('rejects a second approval without sending again', async () => {
    const spanish = byRecipientLanguage(updates, 'es-MX');
    await waitForDelivery(t, spanish.id, ['sent']);
    const before = smtp.attempts;

    const again = await post(`/v1/parent-updates/${spanish.id}/approve`);
    const graphql = await t.gql(`mutation A($id: ID!) { approveParentUpdate(id: $id) { id } }`, {
      id: spanish.id,
    });
    await sleep(500);

    expect(again.status).toBe(409);
    expect(again.body.title).toBe('PARENT_UPDATE_ILLEGAL_TRANSITION');
    expect(graphql.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(smtp.attempts).toBe(before);
  });

  it('rejects an edit after approval', async () => {
    const spanish = byRecipientLanguage(updates, 'es-MX');

    const edit = await t.http
      .patch(`/v1/parent-updates/${spanish.id}`)
      .set(...bearer(t.adminKey))
      .send({ subject: 'Late change', body: 'Too late.' });

    expect(edit.status).toBe(409);
    expect(edit.body.title).toBe('PARENT_UPDATE_ILLEGAL_TRANSITION');
  });

  it('keeps versions of edits over GraphQL', async () => {
    const english = byRecipientLanguage(updates, 'en');

    const edited = await t.gql(
      `mutation E($id: ID!, $input: EditParentUpdateInput!) {
        editParentUpdate(id: $id, input: $input) { ${UPDATE_FIELDS} } }`,
      {
        id: english.id,
        input: { subject: 'Lesson update', body: 'Sam did well today.', note: 'Shorter.' },
      },
    );
    const read = await t.gql(`query R($id: ID!) { parentUpdate(id: $id) { ${UPDATE_FIELDS} } }`, {
      id: english.id,
    });
    const versions = await t.http
      .get(`/v1/parent-updates/${english.id}/versions`)
      .set(...bearer(t.adminKey));

    expect(edited.errors).toBeUndefined();
    expect(edited.data?.editParentUpdate.currentVersionNumber).toBe(2);
    expect(read.data?.parentUpdate.subject).toBe('Lesson update');
    expect(read.data?.parentUpdate.versions.map((v: any) => v.source)).toEqual([
      'generated',
      'edited',
    ]);
    expect(versions.body.items).toHaveLength(2);
    expect(versions.body.items[0].subject).toBe(english.subject);
  });

  it('never sends a rejected or unapproved draft', async () => {
    const english = byRecipientLanguage(updates, 'en');

    const rejected = await post(`/v1/parent-updates/${english.id}/reject`, {
      reason: 'Not needed.',
    });
    const approveRejected = await post(`/v1/parent-updates/${english.id}/approve`);
    await sleep(500);

    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.delivery).toBeNull();
    expect(approveRejected.status).toBe(409);
    expect(smtp.received.some((email) => email.to.includes(family.englishEmail))).toBe(false);
    expect(smtp.received.some((email) => email.to.includes(family.frenchEmail))).toBe(false);
  });

  it('retries a temporary SMTP failure until it is sent', async () => {
    const next = await draftUpdates(t, family);
    const update = byRecipientLanguage(next.updates, 'en');
    smtp.enqueue(
      { kind: 'reject', code: 451, message: 'Try again later' },
      { kind: 'reject', code: 451, message: 'Try again later' },
    );

    await post(`/v1/parent-updates/${update.id}/approve`);
    const delivered = await waitForDelivery(t, update.id, ['sent', 'failed']);
    const emails = smtp.received.filter((email) => email.to.includes(family.englishEmail));

    expect(delivered.delivery.status).toBe('sent');
    expect(delivered.delivery.attempts).toBe(3);
    expect(emails).toHaveLength(1);
  });

  it('marks a permanent SMTP failure failed with the reason', async () => {
    const next = await draftUpdates(t, family);
    const update = byRecipientLanguage(next.updates, 'fr');
    smtp.enqueue({ kind: 'reject', code: 550, message: 'Mailbox unavailable' });

    await post(`/v1/parent-updates/${update.id}/approve`);
    const failed = await waitForDelivery(t, update.id, ['sent', 'failed']);
    await sleep(300);

    expect(failed.delivery.status).toBe('failed');
    expect(failed.delivery.reason).toBe('SMTP_PERMANENT_FAILURE');
    expect(failed.delivery.lastError).toContain('Mailbox unavailable');
    expect(failed.delivery.attempts).toBe(1);
    expect(await domainEvents(t, update.id)).toEqual([
      'parent_update.drafted',
      'parent_update.approved',
      'parent_update.failed',
    ]);
  });

  it('rejects bad input naming the field', async () => {
    const french = byRecipientLanguage(updates, 'fr');
    const cases = [
      { body: { subject: '', body: 'Hello' }, field: 'subject' },
      { body: { subject: 'x'.repeat(201), body: 'Hello' }, field: 'subject' },
      { body: { subject: 'Hi', body: '   ' }, field: 'body' },
      { body: { subject: 'Hi', body: 'x'.repeat(5001) }, field: 'body' },
      { body: { subject: 'Hi' }, field: 'body' },
    ];
    for (const { body, field } of cases) {
      const response = await t.http
        .patch(`/v1/parent-updates/${french.id}`)
        .set(...bearer(t.adminKey))
        .send(body);

      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
    }
    const emptyReason = await post(`/v1/parent-updates/${french.id}/reject`, { reason: '' });
    const graphql = await t.gql(
      `mutation E($id: ID!) { editParentUpdate(id: $id, input: { subject: "", body: "x" }) { id } }`,
      { id: french.id },
    );

    expect(emptyReason.status).toBe(400);
    expect(graphql.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('returns NOT_FOUND for unknown and other-organization ids', async () => {
    const other = await t.createOrganization('Other school');
    const french = byRecipientLanguage(updates, 'fr');

    const unknown = await post(`/v1/parent-updates/${UNKNOWN_ID}/approve`);
    const foreign = await post(`/v1/parent-updates/${french.id}/approve`, {}, other.adminKey);
    const foreignRead = await t.gql(
      `query R($id: ID!) { parentUpdate(id: $id) { id } }`,
      { id: french.id },
      other.adminKey,
    );
    const foreignList = await t.http.get('/v1/parent-updates').set(...bearer(other.adminKey));

    expect(unknown.status).toBe(404);
    expect(foreign.status).toBe(404);
    expect(foreignRead.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreignList.body.items).toEqual([]);
  });

  it('lets an instructor token review but not a student token', async () => {
    const session = await createSession(t, t.adminKey, family.classroom);
    await post(`/v1/sessions/${session.id}/start`);
    const student = await participantToken(t, t.adminKey, session.id, { role: 'student' });
    const instructor = await participantToken(t, t.adminKey, session.id, { role: 'instructor' });
    await post(`/v1/sessions/${session.id}/end`);
    const french = byRecipientLanguage(await approveRecapAndWait(t, session.id), 'fr');
    const otherSession = byRecipientLanguage(updates, 'fr');

    const studentApprove = await post(`/v1/parent-updates/${french.id}/approve`, {}, student.token);
    const studentList = await t.http.get('/v1/parent-updates').set(...bearer(student.token));
    const instructorList = await t.http.get('/v1/parent-updates').set(...bearer(instructor.token));
    const instructorOtherSession = await post(
      `/v1/parent-updates/${otherSession.id}/approve`,
      {},
      instructor.token,
    );
    const instructorReject = await t.gql(
      `mutation R($id: ID!) { rejectParentUpdate(id: $id, input: { reason: "Duplicate" }) { status } }`,
      { id: french.id },
      instructor.token,
    );

    expect(studentApprove.status).toBe(403);
    expect(studentList.status).toBe(403);
    expect(instructorList.status).toBe(200);
    expect(instructorList.body.items.every((item: any) => item.sessionId === session.id)).toBe(
      true,
    );
    expect(instructorOtherSession.status).toBe(403);
    expect(instructorReject.errors).toBeUndefined();
    expect(instructorReject.data?.rejectParentUpdate.status).toBe('rejected');
  });
});

describe('parent updates (SMTP not configured)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('keeps an approved update pending with the reason', async () => {
    const family = await createFamily(t);
    const { updates } = await draftUpdates(t, family);
    const update = byRecipientLanguage(updates, 'en');

    const approved = await t.http
      .post(`/v1/parent-updates/${update.id}/approve`)
      .set(...bearer(t.adminKey))
      .send({});
    await sleep(300);
    const read = await t.http.get(`/v1/parent-updates/${update.id}`).set(...bearer(t.adminKey));

    expect(approved.status).toBe(200);
    expect(read.body.status).toBe('approved');
    expect(read.body.delivery.status).toBe('pending');
    expect(read.body.delivery.reason).toBe('SMTP_NOT_CONFIGURED');
    expect(read.body.delivery.attempts).toBe(0);
  });
});

describe('parent updates SDK', () => {
  let t: TestApp;
  let smtp: SmtpTestServer;
  let client: HiLinkClient;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM });
    client = new HiLinkClient({ url: t.url, apiKey: t.adminKey });
  });

  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('lists, edits, approves and rejects through the client', async () => {
    const family = await createFamily(t);
    const { sessionId } = await draftUpdates(t, family);

    const listed = await client.parentUpdates({ sessionId, status: 'draft', first: 10 });
    const [first, second] = listed.nodes;
    const edited = await client.editParentUpdate({
      id: first!.id,
      input: { subject: 'Today in class', body: 'A short, plain update.' },
    });
    const approved = await client.approveParentUpdate(first!.id);
    const rejected = await client.rejectParentUpdate({
      id: second!.id,
      input: { reason: 'Duplicate' },
    });
    const read = await client.parentUpdate(first!.id);
    const error = await client.approveParentUpdate(first!.id).then(
      () => undefined,
      (reason: unknown) => reason,
    );

    expect(listed.nodes).toHaveLength(3);
    expect(edited.currentVersionNumber).toBe(2);
    expect(approved.status).toBe('approved');
    expect(approved.delivery?.status).toBe('pending');
    expect(rejected.status).toBe('rejected');
    expect(read.versions).toHaveLength(2);
    expect(error).toBeInstanceOf(HiLinkError);
    expect((error as HiLinkError).code).toBe('CONFLICT');
  });
});
