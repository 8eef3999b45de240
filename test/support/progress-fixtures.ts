import { createActivity, choiceCheck, LiveLesson, respond, startLesson } from './activity-fixtures';
import { Classroom } from './classroom-fixtures';
import { waitForSessionRecap } from './recap-fixtures';
import { bearer, TestApp } from './test-app';

export interface LessonScript {
  /** Objective codes planned per phase, in plan order. */
  phases: string[][];
  /** Index of the phase to skip, if any. */
  skipPhase?: number;
  /**
   * Checks linked to objectives, with one answer per student in classroom.studentIds order: true
   * correct, false incorrect, null none.
   */
  checks?: { objectiveCode: string; answers: (boolean | null)[]; anonymous?: boolean }[];
  /** Objective codes that the approved recap lists as covered. */
  recapCodes?: string[];
  scheduledStart?: string;
  /** Runs while the session is live, after the checks. */
  whileLive?: (lesson: LiveLesson) => Promise<void>;
}

function expectStatus(
  response: { status: number; body: unknown },
  status: number,
  action: string,
): void {
  if (response.status !== status) {
    throw new Error(`${action} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
}

const PHASE_KINDS = ['warm_up', 'instruction', 'practice', 'feedback', 'close'];

/**
 * Runs a whole lesson through the public API: starts it, answers checks, skips a phase, ends it,
 * sets the recap's covered objectives and approves the recap, which documents the session.
 */
export async function runDocumentedLesson(
  t: TestApp,
  key: string,
  classroom: Classroom,
  script: LessonScript,
): Promise<{ sessionId: string; recapId: string; lesson: LiveLesson }> {
  const start = script.scheduledStart ?? '2026-03-02T16:00:00+01:00';
  const end = new Date(new Date(start).getTime() + 3_600_000).toISOString();
  const lesson = await startLesson(t, key, classroom, {
    scheduledStart: start,
    scheduledEnd: end,
    phases: script.phases.map((codes, index) => ({
      kind: PHASE_KINDS[index % PHASE_KINDS.length],
      title: `Phase ${index + 1}`,
      plannedMinutes: 10,
      objectiveCodes: codes,
    })),
  });
  const sessionId = lesson.sessionId;
  const listed = await t.http.get(`/v1/sessions/${sessionId}/phases`).set(...bearer(key));
  expectStatus(listed, 200, 'Listing phases');
  const phaseIds = (listed.body.phases as { id: string }[]).map((phase) => phase.id);
  const advance = async () =>
    expectStatus(
      await t.http.post(`/v1/sessions/${sessionId}/phases/advance`).set(...bearer(key)),
      200,
      'Advancing the phase',
    );

  await advance();
  for (const check of script.checks ?? []) {
    const activityId = await createActivity(
      t,
      key,
      sessionId,
      choiceCheck({ objectiveCode: check.objectiveCode, anonymous: check.anonymous ?? false }),
    );
    for (const [index, correct] of check.answers.entries()) {
      const student = lesson.students.find(
        (person) => person.identity === `student:${classroom.studentIds[index]}`,
      );
      if (correct === null || !student) {
        continue;
      }
      const answer = correct ? ['a', 'c'] : ['b'];
      expectStatus(
        await respond(t, student.token, activityId, { optionIds: answer }),
        201,
        'Answering',
      );
    }
  }
  if (script.skipPhase !== undefined) {
    const skipped = await t.http
      .post(`/v1/sessions/${sessionId}/phases/${phaseIds[script.skipPhase]}/skip`)
      .set(...bearer(key));
    expectStatus(skipped, 200, 'Skipping the phase');
  }
  const remaining = phaseIds.length - 1 - (script.skipPhase === undefined ? 0 : 1);
  for (let step = 0; step < remaining; step += 1) {
    await advance();
  }
  await script.whileLive?.(lesson);
  expectStatus(
    await t.http.post(`/v1/sessions/${sessionId}/end`).set(...bearer(key)),
    200,
    'Ending the session',
  );
  const recap = await waitForSessionRecap(t, sessionId, key);
  if (script.recapCodes) {
    const edited = await t.http
      .patch(`/v1/recaps/${recap.id}`)
      .set(...bearer(key))
      .send({
        content: {
          ...recap.content,
          objectivesCovered: script.recapCodes.map((code) => ({
            code,
            confidence: 0.7,
            evidence: [],
          })),
        },
      });
    expectStatus(edited, 200, 'Editing the recap');
  }
  expectStatus(
    await t.http.post(`/v1/recaps/${recap.id}/approve`).set(...bearer(key)),
    200,
    'Approving the recap',
  );

  return { sessionId, recapId: recap.id as string, lesson };
}
