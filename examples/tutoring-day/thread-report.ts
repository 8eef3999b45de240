import { HiLinkClient } from '../../sdk/src';
import { StudentThread } from './learning-thread';
import { SessionSummary } from './tutoring-day';

export interface ThreadReportInput {
  organizationName: string;
  students: StudentThread[];
  sessions: SessionSummary[];
  /** Dates of the first session and the day after the last, YYYY-MM-DD. */
  period: { from: string; to: string };
  timeZone: string;
  curriculumLicense: string;
}

const percent = (value: number | null | undefined): string =>
  value === null || value === undefined ? 'n/a' : `${Math.round(value * 100)}%`;

/** Formats an instant as a wall-clock time in the session's time zone. */
function localTime(instant: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(instant));

  return `${text} ${timeZone}`;
}

function table(header: string[], rows: string[][]): string[] {
  if (rows.length === 0) {
    return ['None.', ''];
  }

  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ];
}

function coverageSection(thread: StudentThread): string[] {
  const { coverage } = thread;
  const touched = coverage.objectives.filter((objective) => objective.status !== 'not_started');
  const inPlan = coverage.objectives.filter((objective) => objective.planPosition !== null).length;
  const outside = coverage.objectives.length - inPlan;

  return [
    '### Curriculum coverage',
    '',
    `${coverage.sessionsDocumented} documented sessions; ${inPlan} objectives in the enrollment's plan, ` +
      `and ${outside} more that the sessions worked on outside it. Of all ${coverage.objectives.length}: ` +
      `${coverage.covered} covered, ${coverage.partiallyCovered} partially covered, ` +
      `${coverage.notLanding} not landing, ${coverage.skipped} skipped, ${coverage.planned} planned ` +
      `for the next session, ${coverage.notStarted} not started.`,
    '',
    ...table(
      ['objective', 'status', 'sessions covered', 'checks correct', 'recap matches'],
      touched.map((objective) => [
        `${objective.objectiveCode} ${objective.objectiveTitle}`,
        objective.status,
        String(objective.sessionsCovered),
        `${objective.checksCorrect} of ${objective.checksAnswered}`,
        String(objective.recapMatches),
      ]),
    ),
  ];
}

function progressSection(thread: StudentThread): string[] {
  return [
    '### Progress',
    '',
    ...table(
      ['objective', 'status', 'confidence', 'evidence'],
      thread.progress.map((record) => [
        record.objectiveCode,
        record.status,
        percent(record.confidence),
        String(record.evidenceCount),
      ]),
    ),
  ];
}

function riskSection(thread: StudentThread): string[] {
  const { risk } = thread;
  const signals = risk.signals
    .filter((signal) => signal.score > 0)
    .map((signal) => `- ${signal.kind} (score ${signal.score.toFixed(2)}): ${signal.explanation}`);

  return [
    '### Risk',
    '',
    `Level **${risk.level}**, score ${risk.score.toFixed(2)}.`,
    '',
    ...(signals.length > 0 ? signals : ['No signals.']),
    '',
  ];
}

function engagementSection(thread: StudentThread): string[] {
  const { engagement } = thread;
  const slope = engagement.slope === null ? 'n/a' : engagement.slope.toFixed(3);

  return [
    '### Engagement',
    '',
    `Participation trend slope ${slope} per session. The demo runs each session in seconds, so ` +
      'attended time is short.',
    '',
    ...table(
      ['session', 'participation score', 'attended seconds'],
      engagement.sessions.map((session) => [
        session.sessionTitle,
        session.participationScore.toFixed(1),
        (session.attendedMinutes * 60).toFixed(0),
      ]),
    ),
  ];
}

function nextSessionSection(thread: StudentThread): string[] {
  const planned = thread.nextSession.phases.flatMap((phase) => phase.objectiveCodes);

  return [
    '### Next session',
    '',
    `\`${thread.nextSession.id}\`, ${localTime(thread.nextSession.scheduledStart, thread.nextSession.timeZone)}, ` +
      `planned objectives: ${planned.join(', ') || 'none'}.`,
    '',
  ];
}

function briefSection(thread: StudentThread): string[] {
  const { brief } = thread;
  const questions = brief.content.warmUpQuestions.map(
    (item, index) => `${index + 1}. ${item.question}`,
  );
  const misconceptions = brief.facts.openMisconceptions.map(
    (item) => `- ${item.description} (${item.sessionTitle})`,
  );

  return [
    '### Brief for the next session',
    '',
    `Brief \`${brief.id}\`, ${brief.status}; provider ${brief.provider}, model ${brief.model}, ` +
      `prompt version ${brief.promptVersion}; from ${brief.sourceRecapIds.length} approved recaps.`,
    '',
    brief.content.summary,
    '',
    '**Focus points**',
    '',
    ...brief.content.focusPoints.map((point) => `- ${point}`),
    '',
    '**Open misconceptions**',
    '',
    ...(misconceptions.length > 0 ? misconceptions : ['None.']),
    '',
    '**Warm-up questions**',
    '',
    ...(questions.length > 0 ? questions : ['None.']),
    '',
  ];
}

function studentSection(thread: StudentThread, sessions: SessionSummary[]): string[] {
  const own = sessions.filter((session) => session.studentName === thread.student.studentName);

  return [
    `## ${thread.student.studentName}`,
    '',
    `Instructor ${thread.student.instructor.name}; ${own.length} sessions: ` +
      own.map((session) => `${session.dialogueId} (${session.outcome})`).join(', ') +
      '.',
    '',
    ...coverageSection(thread),
    ...progressSection(thread),
    ...riskSection(thread),
    ...engagementSection(thread),
    ...nextSessionSection(thread),
    ...briefSection(thread),
  ];
}

const number = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined ? 'n/a' : value.toFixed(digits);

async function organizationSection(
  client: HiLinkClient,
  input: ThreadReportInput,
): Promise<string[]> {
  const period = { from: input.period.from, to: input.period.to };
  const volume = await client.sessionVolumeDashboard({ ...period, interval: 'week' });
  const instructors = await client.instructorConsistencyDashboard(period);
  const gaps = await client.curriculumGapsDashboard({ ...period, limit: 10 });
  const atRisk = await client.atRiskStudentsDashboard(period);
  const { totals } = volume;

  return [
    `## Operations dashboards, ${volume.period.from} to ${volume.period.to}`,
    '',
    '### Session volume, attendance and documentation',
    '',
    `${totals.sessions} sessions: ${totals.documentedSessions} documented, ${totals.openSessions} scheduled or live, ` +
      `${totals.cancelledSessions} cancelled. Attendance ${percent(totals.attendanceRate)} ` +
      `(${totals.attendedStudents} of ${totals.expectedStudents} expected students); ` +
      `documentation ${percent(totals.documentationRate)}.`,
    '',
    ...table(
      ['week of', 'sessions', 'documented', 'attendance'],
      volume.series.map((point) => [
        point.start,
        String(point.sessions),
        String(point.documentedSessions),
        percent(point.attendanceRate),
      ]),
    ),
    '### Instructor consistency',
    '',
    ...table(
      [
        'instructor',
        'sessions',
        'recap approval delay (s), mean ± sd',
        'participation',
        'coverage',
        'checks correct',
      ],
      instructors.instructors.map((row) => [
        row.instructorName,
        String(row.sessions),
        `${number(row.recapApprovalDelaySeconds.mean)} ± ${number(row.recapApprovalDelaySeconds.stdDev)}`,
        `${number(row.participationScore.mean)} ± ${number(row.participationScore.stdDev)}`,
        `${percent(row.coverageShare.mean)} ± ${percent(row.coverageShare.stdDev)}`,
        `${percent(row.correctShare.mean)} ± ${percent(row.correctShare.stdDev)}`,
      ]),
    ),
    '### Curriculum items skipped or not landing',
    '',
    ...table(
      ['objective', 'sessions', 'skipped', 'not landing', 'gap share', 'checks correct'],
      gaps.objectives.map((gap) => [
        `${gap.objectiveCode} ${gap.objectiveTitle}`,
        String(gap.occurrences),
        String(gap.skippedCount),
        String(gap.notLandingCount),
        percent(gap.gapShare),
        percent(gap.correctShare),
      ]),
    ),
    '### Students at risk',
    '',
    `${atRisk.atRiskStudents} of ${atRisk.studentsInPeriod} students with sessions in the period.`,
    '',
    ...table(
      ['student', 'level', 'score', 'factors'],
      atRisk.students.map((row) => [
        row.studentName,
        row.level,
        row.score.toFixed(2),
        row.factors
          .filter((factor) => factor.score > 0)
          .map((factor) => `${factor.kind} (${factor.score.toFixed(2)})`)
          .join(', '),
      ]),
    ),
  ];
}

/** Renders the Markdown report of every student's learning thread and the organization's view. */
export async function renderThreadReport(
  client: HiLinkClient,
  input: ThreadReportInput,
): Promise<string> {
  const sections = [
    [
      `# Learning thread of ${input.organizationName}`,
      '',
      `${input.sessions.length} documented sessions of ${input.students.length} students from ` +
        `${input.period.from} (${input.timeZone}).`,
      '',
    ],
    ...input.students.map((thread) => studentSection(thread, input.sessions)),
    await organizationSection(client, input),
    [
      '## Sources',
      '',
      `Curriculum: Common Core State Standards for Mathematics. ${input.curriculumLicense}`,
      '',
    ],
  ];

  return sections.flat().join('\n');
}
