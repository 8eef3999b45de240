import { Client } from 'pg';

/** Sizes of the generated organization. */
export interface DashboardDataSize {
  students: number;
  instructors: number;
  curricula: number;
  objectivesPerCurriculum: number;
  sessions: number;
  events: number;
  /** Days that the sessions spread over, ending DAYS_AHEAD days after today. */
  days: number;
}

/** Days after today that the last scheduled sessions start on, so some sessions are still open. */
export const DAYS_AHEAD = 10;

/** Sessions generated per INSERT of engagement events, so progress can be reported. */
const EVENT_CHUNK_SESSIONS = 20_000;

export interface GenerationStep {
  name: string;
  rows: number;
  ms: number;
}

/** Returns a function that runs one timed generation statement and records it in `steps`. */
function stepRunner(
  client: Client,
  steps: GenerationStep[],
  log: (message: string) => void,
): (name: string, sql: string, params?: unknown[]) => Promise<void> {
  return async (name, sql, params = []) => {
    const started = Date.now();
    const result = await client.query(sql, params);
    const step = { name, rows: result.rowCount ?? 0, ms: Date.now() - started };
    steps.push(step);
    log(`${name}: ${step.rows.toLocaleString('en-US')} rows in ${(step.ms / 1000).toFixed(1)} s`);
  };
}

/**
 * Generates an organization's rows with INSERT … SELECT generate_series, in the schema of the
 * migrations: instructors, curricula with objectives, students with one enrollment each, one
 * room per instructor, 1:1 sessions over `days` days with participants, engagement events,
 * one graded check per held session, recaps, coverage rows and risk assessments. Helper tables
 * `bench_*` map generated indexes to ids. The statements are deterministic apart from the ids.
 */
export async function generateDashboardData(
  client: Client,
  organizationId: string,
  size: DashboardDataSize,
  log: (message: string) => void,
): Promise<GenerationStep[]> {
  const steps: GenerationStep[] = [];
  const run = stepRunner(client, steps, log);
  const org = organizationId;

  await client.query(`SELECT setseed(0.42)`);
  await run(
    'instructors',
    `WITH ids AS (
       INSERT INTO members (id, organization_id, role, name, email)
       SELECT gen_random_uuid(), $1::uuid, 'instructor', 'Instructor ' || lpad(i::text, 4, '0'),
              'instructor' || i || '@bench.example.com'
         FROM generate_series(0, $2 - 1) i RETURNING id, email)
     SELECT 1 FROM ids`,
    [org, size.instructors],
  );
  await client.query(`
    CREATE TABLE bench_instructors AS
    SELECT substring(email FROM 'instructor(\\d+)@')::int AS idx, id FROM members
     WHERE role = 'instructor'`);
  await run(
    'curricula',
    `INSERT INTO curricula (organization_id, name) SELECT $1::uuid, 'Curriculum ' || lpad(i::text, 3, '0')
       FROM generate_series(0, $2 - 1) i`,
    [org, size.curricula],
  );
  await client.query(`
    CREATE TABLE bench_curricula AS
    SELECT substring(name FROM '(\\d+)$')::int AS idx, id FROM curricula`);
  await run(
    'objectives',
    `INSERT INTO objectives (organization_id, curriculum_id, code, title, position)
     SELECT $1::uuid, c.id, 'OBJ.' || n, 'Objective ' || n, n - 1
       FROM bench_curricula c CROSS JOIN generate_series(1, $2) n`,
    [org, size.objectivesPerCurriculum],
  );
  await run(
    'students',
    `INSERT INTO students (organization_id, name, external_id)
     SELECT $1::uuid, 'Student ' || lpad(i::text, 6, '0'), i::text FROM generate_series(0, $2 - 1) i`,
    [org, size.students],
  );
  await client.query(
    `CREATE TABLE bench_students AS SELECT external_id::int AS idx, id FROM students`,
  );
  await client.query(`ALTER TABLE bench_students ADD PRIMARY KEY (idx)`);
  // Instructor i teaches curriculum i % curricula; student s learns with instructor s % instructors.
  await client.query(`
    CREATE TABLE bench_enrollments AS
    SELECT s.idx, gen_random_uuid() AS id, s.id AS student_id, i.id AS instructor_id,
           c.id AS curriculum_id, i.idx AS instructor_idx
      FROM bench_students s
      JOIN bench_instructors i ON i.idx = s.idx % ${size.instructors}
      JOIN bench_curricula c ON c.idx = i.idx % ${size.curricula}`);
  await client.query(`ALTER TABLE bench_enrollments ADD PRIMARY KEY (idx)`);
  await run(
    'enrollments',
    `INSERT INTO enrollments (id, organization_id, student_id, instructor_id, curriculum_id, status, start_date, planned_objective_codes)
     SELECT e.id, $1::uuid, e.student_id, e.instructor_id, e.curriculum_id, 'active', '2025-01-01',
            ARRAY(SELECT 'OBJ.' || n FROM generate_series(1, $2) n)
       FROM bench_enrollments e`,
    [org, size.objectivesPerCurriculum],
  );
  await client.query(`
    CREATE TABLE bench_rooms AS SELECT idx, gen_random_uuid() AS id FROM bench_instructors`);
  await run(
    'rooms',
    `INSERT INTO rooms (id, organization_id, name, enabled_tools, capacity, livekit_room_prefix)
     SELECT id, $1::uuid, 'Room ' || idx, '{}', 4, 'bench-' || idx FROM bench_rooms`,
    [org],
  );
  // Sessions spread evenly from `days` days before the last day; about 1 in 50 is cancelled,
  // 1 in 33 ended without documentation, and the ones in the future are scheduled.
  await client.query(
    `CREATE TABLE bench_sessions AS
     WITH base AS (
       SELECT g AS idx,
              date_trunc('day', now()) + make_interval(days => ${DAYS_AHEAD} - $2)
                + (g::float8 / $1) * make_interval(days => $2) AS start
         FROM generate_series(0, $1 - 1) g)
     SELECT b.idx, gen_random_uuid() AS id, b.idx % ${size.students} AS enrollment_idx,
            b.start AS scheduled_start,
            CASE WHEN b.start > now() THEN 'scheduled'
                 WHEN b.idx % 50 = 0 THEN 'cancelled'
                 WHEN b.idx % 33 = 1 THEN 'ended'
                 ELSE 'documented' END AS status,
            gen_random_uuid() AS instructor_participant_id,
            gen_random_uuid() AS student_participant_id
       FROM base b`,
    [size.sessions, size.days],
  );
  await client.query(`ALTER TABLE bench_sessions ADD PRIMARY KEY (idx)`);
  await run(
    'sessions',
    `INSERT INTO sessions (id, organization_id, room_id, title, status, scheduled_start, scheduled_end,
                           time_zone, actual_start, actual_end, cancelled_at, livekit_room_name)
     SELECT s.id, $1::uuid, r.id, 'Lesson ' || s.idx, s.status, s.scheduled_start,
            s.scheduled_start + interval '1 hour', 'UTC',
            CASE WHEN s.status IN ('ended', 'documented') THEN s.scheduled_start END,
            CASE WHEN s.status IN ('ended', 'documented') THEN s.scheduled_start + interval '1 hour' END,
            CASE WHEN s.status = 'cancelled' THEN s.scheduled_start - interval '1 day' END,
            'bench-' || replace(s.id::text, '-', '')
       FROM bench_sessions s
       JOIN bench_enrollments e ON e.idx = s.enrollment_idx
       JOIN bench_rooms r ON r.idx = e.instructor_idx`,
    [org],
  );
  await run(
    'session enrollments',
    `INSERT INTO session_enrollments (session_id, enrollment_id, organization_id)
     SELECT s.id, e.id, $1 FROM bench_sessions s JOIN bench_enrollments e ON e.idx = s.enrollment_idx`,
    [org],
  );
  // 1 in 10 students misses the session and 1 in 10 joins 15 minutes late.
  await run(
    'participants',
    `INSERT INTO participants (id, organization_id, session_id, role, identity, display_name,
                               member_id, student_id, joined_at, left_at)
     SELECT s.instructor_participant_id, $1::uuid, s.id, 'instructor', 'member:' || e.instructor_id,
            'Instructor', e.instructor_id, NULL,
            CASE WHEN s.status IN ('ended', 'documented') THEN s.scheduled_start END,
            CASE WHEN s.status IN ('ended', 'documented') THEN s.scheduled_start + interval '1 hour' END
       FROM bench_sessions s JOIN bench_enrollments e ON e.idx = s.enrollment_idx
     UNION ALL
     SELECT s.student_participant_id, $1::uuid, s.id, 'student', 'student:' || e.student_id,
            'Student', NULL, e.student_id,
            CASE WHEN s.status NOT IN ('ended', 'documented') OR s.idx % 10 = 3 THEN NULL
                 WHEN s.idx % 10 = 4 THEN s.scheduled_start + interval '15 minutes'
                 ELSE s.scheduled_start END,
            CASE WHEN s.status IN ('ended', 'documented') AND s.idx % 10 <> 3
                 THEN s.scheduled_start + interval '1 hour' END
       FROM bench_sessions s JOIN bench_enrollments e ON e.idx = s.enrollment_idx`,
    [org],
  );
  const held = Number(
    (
      await client.query(
        `SELECT count(*) AS n FROM bench_sessions WHERE status IN ('ended', 'documented')`,
      )
    ).rows[0].n,
  );
  const perSession = Math.max(8, Math.round(size.events / held));
  log(
    `engagement events: ${perSession} per held session over ${held.toLocaleString('en-US')} sessions`,
  );
  const eventsStarted = Date.now();
  let eventRows = 0;
  for (let from = 0; from < size.sessions; from += EVENT_CHUNK_SESSIONS) {
    // Events 0 to 3 are the joins and leaves, and the rest alternate between the two
    // participants, cycling through talk, chat, responses, hand raises, reactions and board
    // operations. An absent student has no events, so the instructor gets their slots.
    const result = await client.query(
      `INSERT INTO engagement_events (organization_id, session_id, participant_id, type,
                                      occurred_at, duration_ms, data)
       SELECT $1::uuid, s.id,
              CASE WHEN k IN (0, 2) OR (k > 3 AND k % 2 = 0) OR s.idx % 10 = 3
                   THEN s.instructor_participant_id
                   ELSE s.student_participant_id END,
              CASE WHEN k IN (1, 3) AND s.idx % 10 = 3 THEN 'chat_message'
                   WHEN k IN (0, 1) THEN 'joined'
                   WHEN k IN (2, 3) THEN 'left'
                   ELSE (ARRAY['spoke', 'chat_message', 'responded', 'hand_raised', 'reaction',
                               'spoke', 'board_operation', 'chat_message'])[1 + (k / 2) % 8] END,
              CASE WHEN k = 1 AND s.idx % 10 = 4 THEN s.scheduled_start + interval '15 minutes'
                   WHEN k IN (2, 3) THEN s.scheduled_start + interval '1 hour'
                   ELSE s.scheduled_start + make_interval(secs => k * 3000.0 / $2) END,
              CASE WHEN k > 3 AND (ARRAY['spoke', 'chat_message', 'responded', 'hand_raised',
                                         'reaction', 'spoke', 'board_operation', 'chat_message'])[1 + (k / 2) % 8] = 'spoke'
                   THEN 5000 + (s.idx * 7 + k * 13) % 20000 END,
              CASE WHEN k IN (1, 3) AND s.idx % 10 = 3 THEN jsonb_build_object('text', 'Note')
                   WHEN k IN (0, 1, 2, 3) THEN jsonb_build_object('connectionId', 'c' || (k % 2))
                   WHEN (k / 2) % 8 = 2 THEN jsonb_build_object('correct', (s.idx + k) % 3 <> 0)
                   WHEN (k / 2) % 8 = 1 OR (k / 2) % 8 = 7 THEN jsonb_build_object('text', 'Note')
                   ELSE '{}'::jsonb END
         FROM bench_sessions s CROSS JOIN generate_series(0, $2 - 1) k
        WHERE s.idx >= $3 AND s.idx < $4 AND s.status IN ('ended', 'documented')`,
      [org, perSession, from, from + EVENT_CHUNK_SESSIONS],
    );
    eventRows += result.rowCount ?? 0;
    log(
      `engagement events: ${eventRows.toLocaleString('en-US')} rows after ${((Date.now() - eventsStarted) / 1000).toFixed(0)} s`,
    );
  }
  steps.push({ name: 'engagement events', rows: eventRows, ms: Date.now() - eventsStarted });
  await run(
    'lesson plan phases of ended sessions',
    `INSERT INTO session_phases (organization_id, session_id, position, kind, title, planned_minutes,
                                 objective_codes, status)
     SELECT $1::uuid, s.id, p, (ARRAY['warm_up', 'instruction', 'practice'])[p + 1], 'Phase ' || p, 20,
            ARRAY['OBJ.' || (1 + (s.idx + p) % $2)], CASE WHEN p = 2 THEN 'skipped' ELSE 'done' END
       FROM bench_sessions s CROSS JOIN generate_series(0, 2) p WHERE s.status = 'ended'`,
    [org, size.objectivesPerCurriculum],
  );
  // Ended sessions keep one graded check each for the post-session measurement; documented
  // sessions get theirs from generateDocumentedSessionSources.
  await client.query(`
    CREATE TABLE bench_checks AS
    SELECT s.idx, s.id AS session_id, gen_random_uuid() AS id, s.student_participant_id,
           'OBJ.' || (1 + s.idx % ${size.objectivesPerCurriculum}) AS objective_code
      FROM bench_sessions s WHERE s.status = 'ended'`);
  await run(
    'checks of ended sessions',
    `INSERT INTO activities (id, organization_id, session_id, kind, question_type, prompt, options,
                             correct_option_ids, objective_code, status)
     SELECT c.id, $1::uuid, c.session_id, 'check', 'single_choice', 'Which is right?',
            '[{"id":"a","label":"A"},{"id":"b","label":"B"}]'::jsonb, ARRAY['a'],
            c.objective_code, 'closed'
       FROM bench_checks c`,
    [org],
  );
  await run(
    'check responses of ended sessions',
    `INSERT INTO activity_responses (organization_id, session_id, activity_id, participant_id, answer, correct)
     SELECT $1::uuid, c.session_id, c.id, c.student_participant_id,
            CASE WHEN random() < 0.7 THEN '{"optionIds":["a"]}'::jsonb ELSE '{"optionIds":["b"]}'::jsonb END,
            NULL
       FROM bench_checks c WHERE c.idx % 10 <> 3`,
    [org],
  );
  await client.query(
    `UPDATE activity_responses SET correct = (answer->'optionIds'->>0 = 'a') WHERE correct IS NULL`,
  );
  // Documented sessions have an approved recap 10 minutes to 48 hours after the draft; ended
  // ones have a draft for the post-session measurement to approve.
  await run(
    'recaps',
    `INSERT INTO recaps (organization_id, session_id, status, trigger, provider, generated_at, approved_at,
                         reviewer_kind, reviewer_id)
     SELECT $1::uuid, s.id, CASE WHEN s.status = 'documented' THEN 'approved' ELSE 'draft' END,
            'session_ended', 'local', s.scheduled_start + interval '62 minutes',
            CASE WHEN s.status = 'documented'
                 THEN s.scheduled_start + interval '62 minutes' + (600 + random() * 172200) * interval '1 second' END,
            CASE WHEN s.status = 'documented' THEN 'api_key' END,
            CASE WHEN s.status = 'documented' THEN 'bench' END
       FROM bench_sessions s WHERE s.status IN ('ended', 'documented')`,
    [org],
  );
  steps.push(...(await generateDocumentedSessionSources(client, org, size, log)));
  // 5% of students are at high risk and 15% at medium, spread over every instructor: the level
  // follows idx / instructors, because idx % instructors is the instructor.
  await run(
    'risk assessments',
    `INSERT INTO risk_assessments (organization_id, student_id, level, score, signals, last_session_id, computed_at)
     SELECT $1::uuid, st.id, lvl.level, lvl.score,
            jsonb_build_array(
              jsonb_build_object('kind', 'absences_and_late_joins', 'score', lvl.score,
                                 'explanation', 'Missed or joined late.', 'evidence', '[]'::jsonb),
              jsonb_build_object('kind', 'repeated_incorrect_checks', 'score', round((lvl.score / 2)::numeric, 2),
                                 'explanation', 'Checks answered incorrectly.', 'evidence', '[]'::jsonb)),
            s.id, now()
       FROM bench_students st
       JOIN bench_sessions s ON s.idx = st.idx
       CROSS JOIN LATERAL (SELECT (st.idx / $2) % 20 AS bucket) b
       CROSS JOIN LATERAL (SELECT CASE WHEN b.bucket = 0 THEN 'high'
                                       WHEN b.bucket < 4 THEN 'medium' ELSE 'low' END AS level,
                                  CASE WHEN b.bucket = 0 THEN 0.7 + (st.idx % 7) / 30.0
                                       WHEN b.bucket < 4 THEN 0.4 + (st.idx % 7) / 30.0
                                       ELSE (st.idx % 7) / 30.0 END AS score) lvl`,
    [org, size.instructors],
  );
  const analyzeStarted = Date.now();
  await client.query('ANALYZE');
  steps.push({ name: 'ANALYZE', rows: 0, ms: Date.now() - analyzeStarted });

  return steps;
}

/**
 * Writes the raw sources of the coverage of documented sessions (lesson plan phases, graded
 * checks and the student's answers, the approved recap's objectives) and the
 * session_objective_coverage rows that DocumentedSessionRecorder derives from them when a session
 * becomes documented. Each of a session's three planned objectives follows one of twenty patterns,
 * picked by a hash of the session and objective, and the coverage row states the status that the
 * pattern leads to under classifySessionObjective, written out here by hand (the bench checks a
 * sample against DocumentedSessionRecorder, and the raw recomputation against the rollups).
 *
 * It first deletes those rows of the generated documented sessions, so it can regenerate them on
 * a kept database (--regenerate-sources). Sessions that the post-session measurement documented
 * were ended in bench_sessions and keep the rows that the recorder wrote.
 */
export async function generateDocumentedSessionSources(
  client: Client,
  organizationId: string,
  size: DashboardDataSize,
  log: (message: string) => void,
): Promise<GenerationStep[]> {
  const steps: GenerationStep[] = [];
  const run = stepRunner(client, steps, log);
  const org = organizationId;
  const objectives = size.objectivesPerCurriculum;
  const documented = `SELECT id FROM bench_sessions WHERE status = 'documented'`;
  await run(
    'clear: coverage rows of documented sessions',
    `DELETE FROM session_objective_coverage WHERE organization_id = $1 AND session_id IN (${documented})`,
    [org],
  );
  await run(
    'clear: checks of documented sessions',
    `DELETE FROM activities WHERE organization_id = $1 AND session_id IN (${documented})`,
    [org],
  );
  await run(
    'clear: phases of documented sessions',
    `DELETE FROM session_phases WHERE organization_id = $1 AND session_id IN (${documented})`,
    [org],
  );
  await client.query(
    `UPDATE recaps SET current_version_id = NULL
      WHERE organization_id = $1 AND session_id IN (${documented}) AND current_version_id IS NOT NULL`,
    [org],
  );
  await run(
    'clear: recap versions of documented sessions',
    `DELETE FROM recap_versions v USING recaps r
      WHERE r.id = v.recap_id AND r.organization_id = $1 AND r.session_id IN (${documented})`,
    [org],
  );
  await client.query(`DROP TABLE IF EXISTS bench_objective_plan, bench_documented_checks`);
  // Patterns (h): 0-5 done phase, recap, one right answer; 6-8 done phase and recap; 9-10 done
  // phase only; 11 skipped phase and recap; 12 done phase plus a phase still planned at the end,
  // recap, one right answer; 13 skipped phase, one right answer; 14 and 16 skipped phase; 15 phase
  // still planned; 17 done phase, recap, one wrong answer; 18 done phase, one right and one wrong
  // answer (exactly half, so it lands); 19 done phase, recap, one right and two wrong answers.
  // A student who missed the session (idx % 10 = 3) answered nothing.
  await client.query(
    `CREATE TABLE bench_objective_plan AS
     SELECT s.idx, s.id AS session_id, s.enrollment_idx, s.student_participant_id, p,
            'OBJ.' || n.n AS code, h.h, s.idx % 10 <> 3 AS attended,
            CASE WHEN h.h IN (11, 13, 14, 16) THEN 'skipped' WHEN h.h = 15 THEN 'planned'
                 ELSE 'done' END AS phase_status,
            h.h = 12 AS extra_planned,
            h.h <= 8 OR h.h IN (11, 12, 17, 19) AS recap,
            CASE WHEN h.h <= 5 OR h.h IN (12, 13, 17) THEN 1 WHEN h.h = 18 THEN 2
                 WHEN h.h = 19 THEN 3 ELSE 0 END AS checks,
            CASE WHEN h.h <= 5 OR h.h IN (12, 13, 18, 19) THEN 1 ELSE 0 END AS right_answers
       FROM bench_sessions s
       CROSS JOIN generate_series(0, 2) p
       CROSS JOIN LATERAL (SELECT 1 + (s.idx + p) % ${objectives} AS n) n
       CROSS JOIN LATERAL (SELECT abs(hashtext(s.idx || ':' || n.n)) % 20 AS h) h
      WHERE s.status = 'documented'`,
  );
  // Tables just filled have no statistics until autovacuum analyzes them. Without statistics of
  // recaps the planner joins the recap versions below as a nested loop over every documented
  // session, which at full scale ran for over ten minutes.
  await client.query('ANALYZE');
  await run(
    'phases of documented sessions',
    `INSERT INTO session_phases (organization_id, session_id, position, kind, title, planned_minutes,
                                 objective_codes, status)
     SELECT $1::uuid, b.session_id, b.p, (ARRAY['warm_up', 'instruction', 'practice'])[b.p + 1],
            'Phase ' || b.p, 20, ARRAY[b.code], b.phase_status
       FROM bench_objective_plan b
     UNION ALL
     SELECT $1::uuid, b.session_id, 3 + b.p, 'feedback', 'Review ' || b.p, 10, ARRAY[b.code], 'planned'
       FROM bench_objective_plan b WHERE b.extra_planned`,
    [org],
  );
  // Every 13th session also has checks that coverage ignores: an anonymous one, one whose answer
  // is not graded, and one on a code outside the curriculum, each answered wrong.
  await client.query(
    `CREATE TABLE bench_documented_checks AS
     SELECT b.session_id, b.student_participant_id, b.attended, b.code, j <= b.right_answers AS correct,
            false AS anonymous, gen_random_uuid() AS id
       FROM bench_objective_plan b CROSS JOIN generate_series(1, b.checks) j
     UNION ALL
     SELECT b.session_id, b.student_participant_id, b.attended,
            CASE WHEN x = 3 THEN 'EXTRA.1' ELSE b.code END,
            CASE WHEN x = 2 THEN NULL ELSE false END, x = 1, gen_random_uuid()
       FROM bench_objective_plan b CROSS JOIN generate_series(1, 3) x
      WHERE b.p = 0 AND b.idx % 13 = 0`,
  );
  await run(
    'checks of documented sessions',
    `INSERT INTO activities (id, organization_id, session_id, kind, question_type, prompt, options,
                             correct_option_ids, objective_code, anonymous, status)
     SELECT c.id, $1::uuid, c.session_id, 'check', 'single_choice', 'Which is right?',
            '[{"id":"a","label":"A"},{"id":"b","label":"B"}]'::jsonb, ARRAY['a'],
            c.code, c.anonymous, 'closed'
       FROM bench_documented_checks c`,
    [org],
  );
  await run(
    'check responses of documented sessions',
    `INSERT INTO activity_responses (organization_id, session_id, activity_id, participant_id, answer, correct)
     SELECT $1::uuid, c.session_id, c.id, c.student_participant_id,
            CASE WHEN c.correct THEN '{"optionIds":["a"]}'::jsonb ELSE '{"optionIds":["b"]}'::jsonb END,
            c.correct
       FROM bench_documented_checks c WHERE c.attended`,
    [org],
  );
  // The approved recap names the objectives of the recap patterns, and every 7th one also an
  // objective that no phase planned (covered by the recap alone) and a code outside the curriculum.
  await run(
    'recap versions of documented sessions',
    `WITH codes AS (
       SELECT b.session_id, b.code FROM bench_objective_plan b WHERE b.recap
       UNION ALL
       SELECT s.id, unnest(ARRAY['OBJ.' || (1 + (s.idx + 5) % ${objectives}), 'EXTRA.2'])
         FROM bench_sessions s WHERE s.status = 'documented' AND s.idx % 7 = 0),
     covered AS (
       SELECT session_id,
              jsonb_agg(jsonb_build_object('code', code, 'confidence', 0.8, 'evidence', '[]'::jsonb)
                        ORDER BY code) AS objectives
         FROM codes GROUP BY session_id)
     INSERT INTO recap_versions (organization_id, recap_id, number, source, content, editor_kind)
     SELECT $1::uuid, r.id, 1, 'generated',
            jsonb_build_object(
              'summary', 'Generated lesson summary.',
              'objectivesCovered', coalesce(c.objectives, '[]'::jsonb),
              'misconceptions', '[]'::jsonb,
              'studentPerformance', jsonb_build_object('summary', 'Generated.', 'studentTurns', 0,
                'instructorTurns', 0, 'studentTalkShare', 0, 'errorsFound', 0, 'errorsCorrected', 0),
              'nextSteps', '[]'::jsonb, 'followUps', '[]'::jsonb),
            'system'
       FROM bench_sessions s
       JOIN recaps r ON r.session_id = s.id AND r.organization_id = $1 AND r.status = 'approved'
       LEFT JOIN covered c ON c.session_id = s.id
      WHERE s.status = 'documented'`,
    [org],
  );
  // A separate statement: joined to the INSERT's RETURNING rows, which carry no statistics, the
  // update ran as a nested loop over both sets of about 190,000 rows.
  await run(
    'current versions of approved recaps',
    `UPDATE recaps r SET current_version_id = v.id
       FROM recap_versions v
      WHERE v.recap_id = r.id AND v.number = 1 AND v.organization_id = $1
        AND r.organization_id = $1 AND r.status = 'approved'`,
    [org],
  );
  await run(
    'coverage rows',
    `INSERT INTO session_objective_coverage (organization_id, session_id, enrollment_id, student_id,
       instructor_id, curriculum_id, objective_id, objective_code, status, planned_done,
       planned_skipped, recap_matched, checks_answered, checks_correct, session_start)
     SELECT $1::uuid, s.id, e.id, e.student_id, e.instructor_id, e.curriculum_id, o.id, o.code,
            v.status, v.planned_done, v.planned_skipped, v.recap_matched, v.answered, v.right_answers,
            s.scheduled_start
       FROM (SELECT b.session_id, b.code,
                    b.phase_status = 'done' AS planned_done,
                    b.phase_status <> 'done' OR b.extra_planned AS planned_skipped,
                    b.recap AS recap_matched,
                    CASE WHEN b.attended THEN b.checks ELSE 0 END AS answered,
                    CASE WHEN b.attended THEN b.right_answers ELSE 0 END AS right_answers,
                    CASE WHEN b.h <= 10 OR b.h = 18 THEN 'covered'
                         WHEN b.h IN (11, 12) THEN 'partially_covered'
                         WHEN b.h = 13 AND b.attended THEN 'partially_covered'
                         WHEN b.h IN (13, 14, 15, 16) THEN 'skipped'
                         WHEN b.attended THEN 'not_landing'
                         ELSE 'covered' END AS status
               FROM bench_objective_plan b
             UNION ALL
             SELECT s.id, 'OBJ.' || (1 + (s.idx + 5) % ${objectives}), false, false, true, 0, 0, 'covered'
               FROM bench_sessions s WHERE s.status = 'documented' AND s.idx % 7 = 0) v
       JOIN bench_sessions s ON s.id = v.session_id
       JOIN bench_enrollments e ON e.idx = s.enrollment_idx
       JOIN objectives o ON o.organization_id = $1 AND o.curriculum_id = e.curriculum_id AND o.code = v.code`,
    [org],
  );

  return steps;
}
