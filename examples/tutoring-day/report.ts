import { DocumentedSession, EvidenceQuote, RecapSummary } from './recap-review';
import { CurriculumWithObjectives } from './setup';

/** Formats milliseconds from the session start as m:ss. */
export function formatOffset(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const seconds = String(totalSeconds % 60).padStart(2, '0');

  return `${Math.floor(totalSeconds / 60)}:${seconds}`;
}

function quote(evidence: EvidenceQuote): string {
  const text = evidence.text.replace(/\s+/g, ' ').trim();

  return `> [${formatOffset(evidence.startMs)}] **${evidence.speaker}** (${evidence.speakerRole}): ${text}`;
}

function checkLine(run: DocumentedSession['run']): string {
  if (!run.check) {
    return 'none: the worked answer is not a number';
  }
  const verdict = run.check.correct ? 'correct' : 'incorrect';

  return `answered ${run.check.answer} (worked answer ${run.check.correctAnswer}): ${verdict}`;
}

function sessionSection(documented: DocumentedSession): string[] {
  const { run, session } = documented;
  const dialogue = run.dialogue;

  return [
    `# ${session.title}`,
    '',
    `| | |`,
    `| --- | --- |`,
    `| session | \`${session.id}\` (${session.status}) |`,
    `| scheduled | ${session.scheduledStart} to ${session.scheduledEnd} (${session.timeZone}) |`,
    `| ran | ${session.actualStart ?? 'not started'} to ${session.actualEnd ?? 'not ended'} |`,
    `| student | ${run.student.studentName}, grade 7, guardian ${run.student.guardianEmail} (${run.student.guardianLanguage}) |`,
    `| instructor | ${run.student.instructor.name} |`,
    `| dialogue | ${dialogue.id}, annotated outcome \`${dialogue.outcome}\` |`,
    `| closing check | ${checkLine(run)} |`,
    `| engagement events | ${run.engagementEvents} recorded |`,
    '',
    `**Problem.** ${dialogue.problem}`,
    '',
  ];
}

function participantsSection(documented: DocumentedSession): string[] {
  const rows = documented.run.joins.map((join) => {
    const media = join.mediaAvailable
      ? 'available'
      : `not available (${join.mediaReason ?? 'no reason given'})`;

    return `| ${join.participant.displayName} | ${join.participant.role} | ${join.tokenExpiresAt} | ${media} |`;
  });
  const header = '| name | role | join token expires | audio and video |';

  return ['## Participants', '', header, '| --- | --- | --- | --- |', ...rows, ''];
}

/** Describes where a matched objective sits in the curriculum and in the enrollment's plan. */
function objectivePlacement(
  code: string,
  objective: CurriculumWithObjectives['objectives'][number] | undefined,
  plannedCodes: string[],
): string {
  if (!objective) {
    return 'Not in the imported curriculum.';
  }
  const plan = plannedCodes.includes(code)
    ? 'in the planned sequence'
    : 'outside the planned sequence';

  return `Grade ${objective.grade ?? '?'}, ${objective.domain ?? 'no domain'}, ${plan}.`;
}

function objectivesSection(
  documented: DocumentedSession,
  curriculum: CurriculumWithObjectives,
): string[] {
  const { recap } = documented;
  const lines = ['## Objectives matched', ''];
  if (recap.objectivesCovered.length === 0) {
    return [...lines, 'No curriculum objective was matched with enough evidence.', ''];
  }
  const byCode = new Map(curriculum.objectives.map((objective) => [objective.code, objective]));
  for (const coverage of recap.objectivesCovered) {
    const objective = byCode.get(coverage.code);
    const placement = objectivePlacement(
      coverage.code,
      objective,
      documented.run.student.plannedObjectiveCodes,
    );
    lines.push(`### ${coverage.code}: ${objective?.title ?? 'unknown objective'}`, '');
    lines.push(`${placement} Confidence ${coverage.confidence.toFixed(2)}.`, '');
    lines.push(...coverage.evidence.flatMap((evidence) => [quote(evidence), '']));
  }

  return lines;
}

function misconceptionsSection(recap: RecapSummary): string[] {
  const lines = ['## Misconceptions', ''];
  if (recap.misconceptions.length === 0) {
    return [...lines, 'None found.', ''];
  }
  for (const misconception of recap.misconceptions) {
    const state = misconception.resolved ? 'resolved during the session' : 'not resolved';
    lines.push(`- **${misconception.description}** (${state})`, '');
    lines.push(...misconception.evidence.flatMap((evidence) => [`  ${quote(evidence)}`, '']));
    if (misconception.correction) {
      lines.push('  Corrected in:', '', `  ${quote(misconception.correction)}`, '');
    }
  }

  return lines;
}

function performanceSection(recap: RecapSummary): string[] {
  const performance = recap.studentPerformance;

  return [
    '## Performance',
    '',
    performance.summary,
    '',
    `- Student turns: ${performance.studentTurns}, instructor turns: ${performance.instructorTurns}`,
    `- Student share of words: ${Math.round(performance.studentTalkShare * 100)}%`,
    `- Errors found: ${performance.errorsFound}, corrected: ${performance.errorsCorrected}`,
    '',
  ];
}

function listSection(title: string, items: string[]): string[] {
  const body = items.length > 0 ? items.map((item) => `- ${item}`) : ['None.'];

  return [`## ${title}`, '', ...body, ''];
}

function provenanceSection(documented: DocumentedSession, licenseNotice: string): string[] {
  const { recap, run } = documented;

  return [
    '## Provenance',
    '',
    `- Recap \`${recap.id}\`, status ${recap.status}`,
    `- Provider ${recap.provider ?? 'unknown'}, model ${recap.model ?? 'unknown'}, prompt version ${recap.promptVersion ?? 'unknown'}`,
    `- Transcript version ${recap.transcriptVersion ?? 'unknown'} (${run.transcript.segments} segments uploaded)`,
    `- Transcript: ${run.dialogue.attribution}`,
    `- Curriculum: Common Core State Standards for Mathematics. ${licenseNotice}`,
    '',
  ];
}

/** Renders the Markdown report of one documented session. */
export function renderSessionReport(
  documented: DocumentedSession,
  curriculum: CurriculumWithObjectives,
  licenseNotice: string,
): string {
  const { recap } = documented;
  const sections = [
    sessionSection(documented),
    participantsSection(documented),
    ['## Summary', '', recap.summary, ''],
    objectivesSection(documented, curriculum),
    misconceptionsSection(recap),
    performanceSection(recap),
    listSection('Next steps', recap.nextSteps),
    listSection('Follow-ups', recap.followUps),
    provenanceSection(documented, licenseNotice),
  ];

  return sections.flat().join('\n');
}
