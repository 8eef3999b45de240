import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { HiLinkClient } from '../sdk/src';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';
import { createClassroom, sessionBody } from './support/classroom-fixtures';
import { SmtpTestServer, startSmtpTestServer } from './support/smtp-test-server';
import { bearer, startTestApp, TestApp } from './support/test-app';

const MAIL_FROM = 'HiLink Reminders <reminders@hilink.test>';

/** A session starting 5 minutes and `seconds` from now, so a 5-minute reminder is due in `seconds`. */
function soon(seconds: number): { scheduledStart: string; scheduledEnd: string } {
  const start = Date.now() + 5 * 60_000 + seconds * 1_000;

  return {
    scheduledStart: new Date(start).toISOString(),
    scheduledEnd: new Date(start + 3_600_000).toISOString(),
  };
}

async function reminders(t: TestApp, sessionId: string, key = t.adminKey): Promise<any[]> {
  const response = await t.http.get(`/v1/sessions/${sessionId}/reminders`).set(...bearer(key));
  expect(response.status).toBe(200);

  return response.body;
}

describe('Session reminders', () => {
  let smtp: SmtpTestServer;
  let t: TestApp;
  let replica: NestFastifyApplication | undefined;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM });
    if (process.env.DATABASE_URL) {
      // A second API instance on the same database, with its own job worker.
      replica = await createApp(
        loadConfig({
          LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
          DATABASE_URL: t.config.databaseUrl!,
          HILINK_JOBS_POLL_MS: '50',
          SMTP_URL: smtp.url,
          MAIL_FROM,
        }),
      );
      await replica.init();
    }
  });

  afterAll(async () => {
    await replica?.close();
    await t?.close();
    await smtp?.close();
  });

  it('returns default settings', async () => {
    const response = await t.http.get('/v1/reminder-settings').set(...bearer(t.adminKey));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ enabled: true, leadMinutes: [1440, 60] });
  });

  it.each([
    [
      'too many lead times',
      { enabled: true, leadMinutes: [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] },
      'leadMinutes',
    ],
    ['lead time below range', { enabled: true, leadMinutes: [4] }, 'leadMinutes'],
    ['lead time above range', { enabled: true, leadMinutes: [20161] }, 'leadMinutes'],
    ['empty list', { enabled: true, leadMinutes: [] }, 'leadMinutes'],
    ['string lead time', { enabled: true, leadMinutes: ['60'] }, 'leadMinutes'],
    ['string enabled', { enabled: 'yes', leadMinutes: [60] }, 'enabled'],
  ])('rejects settings with %s', async (_case, body, field) => {
    const response = await t.http
      .put('/v1/reminder-settings')
      .set(...bearer(t.adminKey))
      .send(body);

    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain(field);
  });

  it('reads and changes settings through the SDK', async () => {
    const other = await t.createOrganization('Reminder SDK organization');
    const client = new HiLinkClient({ url: t.url, apiKey: other.adminKey });

    const before = await client.reminderSettings();
    const after = await client.updateReminderSettings({ enabled: false, leadMinutes: [120, 30] });
    const reminders = await client
      .sessionReminders('00000000-0000-4000-8000-000000000000')
      .catch((error: { code?: string }) => error.code);

    expect(before).toEqual({ enabled: true, leadMinutes: [1440, 60] });
    expect(after).toEqual({ enabled: false, leadMinutes: [120, 30] });
    expect(reminders).toBe('NOT_FOUND');
  });

  it('rejects bad settings over GraphQL', async () => {
    const result = await t.gql(
      'mutation($input: ReminderSettingsInput!) { updateReminderSettings(input: $input) { leadMinutes } }',
      { input: { enabled: true, leadMinutes: [1] } },
    );

    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('leadMinutes');
  });

  it('sends each reminder once and records an event', async () => {
    const saved = await t.gql(
      'mutation($input: ReminderSettingsInput!) { updateReminderSettings(input: $input) { enabled leadMinutes } }',
      { input: { enabled: true, leadMinutes: [60, 5] } },
    );
    expect(saved.data?.updateReminderSettings).toEqual({ enabled: true, leadMinutes: [60, 5] });
    const classroom = await createClassroom(t, t.adminKey, { students: 1 });
    const guardian = await t.http
      .post('/v1/guardians')
      .set(...bearer(t.adminKey))
      .send({ name: 'Ana Reed', email: 'ana-reminder@example.com', preferredLanguage: 'en' });
    expect(guardian.status).toBe(201);
    const link = await t.http
      .put(`/v1/students/${classroom.studentIds[0]}/guardians/${guardian.body.id}`)
      .set(...bearer(t.adminKey))
      .send({});
    expect(link.status).toBeLessThan(300);
    const created = await t.http
      .post('/v1/sessions')
      .set(...bearer(t.adminKey))
      .send(sessionBody(classroom, { ...soon(3), timeZone: 'America/New_York' }));
    expect(created.status).toBe(201);
    const sessionId = created.body.id;

    const initial = await reminders(t, sessionId);
    // Instructor and guardian, each at 60 minutes (already passed) and 5 minutes.
    expect(initial).toHaveLength(4);
    expect(initial.filter((r) => r.leadMinutes === 60).map((r) => r.status)).toEqual([
      'skipped',
      'skipped',
    ]);
    expect(
      initial.filter((r) => r.leadMinutes === 60).every((r) => r.reason === 'SEND_TIME_PASSED'),
    ).toBe(true);
    expect(initial.filter((r) => r.leadMinutes === 5).map((r) => r.status)).toEqual([
      'pending',
      'pending',
    ]);

    const deadline = Date.now() + 30_000;
    let current = initial;
    while (current.some((r) => r.status === 'pending') && Date.now() < deadline) {
      await sleep(200);
      current = await reminders(t, sessionId);
    }
    expect(current.filter((r) => r.status === 'sent')).toHaveLength(2);
    // Let both instances poll again, so a duplicate would have time to arrive.
    await sleep(1_500);
    const recipients = smtp.received.flatMap((mail) => mail.to).sort();
    expect(recipients.filter((to) => to === 'ana-reminder@example.com')).toHaveLength(1);
    expect(recipients.filter((to) => to.startsWith('instructor-'))).toHaveLength(1);
    expect(smtp.received[0]?.headers.subject).toContain('Fractions, week 3');

    const events: { count: string }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT count(*) FROM domain_events WHERE type = 'session.reminder' AND payload->>'sessionId' = $1`,
        [sessionId],
      );
    expect(Number(events[0]?.count)).toBe(2);

    const graph = await t.gql(
      'query($id: ID!) { sessionReminders(sessionId: $id) { status leadMinutes } }',
      { id: sessionId },
    );
    expect(graph.data?.sessionReminders).toHaveLength(4);
  });

  it('cancels pending reminders with the session', async () => {
    const classroom = await createClassroom(t, t.adminKey, { students: 1 });
    const created = await t.http
      .post('/v1/sessions')
      .set(...bearer(t.adminKey))
      .send(sessionBody(classroom, { ...soon(2), timeZone: 'Europe/Berlin' }));
    expect(created.status).toBe(201);
    const before = smtp.received.length;
    const cancelled = await t.http
      .post(`/v1/sessions/${created.body.id}/cancel`)
      .set(...bearer(t.adminKey))
      .send({});
    expect(cancelled.status).toBeLessThan(300);

    const after = await reminders(t, created.body.id);
    expect(after.filter((r) => r.leadMinutes === 5).map((r) => r.status)).toEqual(['cancelled']);
    await sleep(4_000);
    expect(smtp.received.length).toBe(before);
  });

  it('hides another organization’s session reminders', async () => {
    const classroom = await createClassroom(t, t.adminKey, { students: 1 });
    const created = await t.http
      .post('/v1/sessions')
      .set(...bearer(t.adminKey))
      .send(sessionBody(classroom));
    const other = await t.createOrganization();

    const rest = await t.http
      .get(`/v1/sessions/${created.body.id}/reminders`)
      .set(...bearer(other.adminKey));
    expect(rest.status).toBe(404);
    const graph = await t.gql(
      'query($id: ID!) { sessionReminders(sessionId: $id) { id } }',
      { id: created.body.id },
      other.adminKey,
    );
    expect(graph.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
