import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Classroom, createSession } from './classroom-fixtures';
import { bearer, TestApp } from './test-app';

const MATHDIAL_DIR = join(__dirname, '../../examples/data/transcripts/mathdial');

/** Turns of a MathDial dialogue in examples/data/transcripts/mathdial. */
export function mathDialTurns(file: string): { speaker: string; name: string; text: string }[] {
  return JSON.parse(readFileSync(join(MATHDIAL_DIR, file), 'utf8')).segments;
}

async function expectOk(
  response: { status: number; body: unknown },
  action: string,
  status = 200,
): Promise<void> {
  if (response.status !== status) {
    throw new Error(`${action} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
}

/**
 * Creates a session in the classroom, starts it, uploads the MathDial dialogue through the
 * transcript API (unless `file` is null) and ends it. Returns the session id.
 */
export async function endSessionWithDialogue(
  t: TestApp,
  key: string,
  classroom: Classroom,
  file: string | null = 'mathdial-5000005-s3.json',
): Promise<string> {
  const session = await createSession(t, key, classroom);
  const start = await t.http.post(`/v1/sessions/${session.id}/start`).set(...bearer(key));
  await expectOk(start, 'Starting the session');
  if (file) {
    const upload = await t.http
      .post(`/v1/sessions/${session.id}/transcript/upload`)
      .set(...bearer(key))
      .set('content-type', 'application/json')
      .send(readFileSync(join(MATHDIAL_DIR, file), 'utf8'));
    await expectOk(upload, 'Uploading the transcript');
  }
  const end = await t.http.post(`/v1/sessions/${session.id}/end`).set(...bearer(key));
  await expectOk(end, 'Ending the session');

  return session.id as string;
}

/** Polls GET /v1/recaps/:id until the recap leaves `pending`; fails after `timeoutMs`. */
export async function waitForRecap(
  t: TestApp,
  recapId: string,
  key = t.adminKey,
  timeoutMs = 30_000,
): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await t.http.get(`/v1/recaps/${recapId}`).set(...bearer(key));
    await expectOk(response, 'Reading the recap');
    if (response.body.status !== 'pending') {
      return response.body;
    }
    if (Date.now() > deadline) {
      throw new Error(`Recap ${recapId} is still pending after ${timeoutMs} ms.`);
    }
    await sleep(50);
  }
}

/** Returns the recap that ending the session queued, once it has left `pending`. */
export async function waitForSessionRecap(
  t: TestApp,
  sessionId: string,
  key = t.adminKey,
): Promise<Record<string, any>> {
  const list = await t.http.get(`/v1/sessions/${sessionId}/recaps`).set(...bearer(key));
  await expectOk(list, 'Listing recaps');
  const recap = list.body.items[0];
  if (!recap) {
    throw new Error(`Session ${sessionId} has no recap.`);
  }

  return waitForRecap(t, recap.id, key);
}

/** Polls GET /v1/jobs/:id until the job has one of `statuses`; fails after `timeoutMs`. */
export async function waitForJob(
  t: TestApp,
  jobId: string,
  statuses: string[],
  timeoutMs = 30_000,
): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await t.http.get(`/v1/jobs/${jobId}`).set(...bearer(t.adminKey));
    await expectOk(response, 'Reading the job');
    if (statuses.includes(response.body.status)) {
      return response.body;
    }
    if (Date.now() > deadline) {
      throw new Error(`Job ${jobId} is ${response.body.status} after ${timeoutMs} ms.`);
    }
    await sleep(50);
  }
}
