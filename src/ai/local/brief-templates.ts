import { BRIEF_CONTENT_LIMITS } from '../brief-limits';
import {
  BriefDraft,
  BriefInput,
  BriefProgressStatus,
  BriefStudentFacts,
  BriefWarmUpQuestion,
} from '../ai-provider';

/** Version of the templates. Change it when the output for the same input changes. */
export const LOCAL_BRIEF_PROMPT_VERSION = 'local-brief-v2';

/** Maximum characters of the last recap's summary quoted in the brief summary. */
const MAX_QUOTED_SUMMARY_LENGTH = 400;
/** Maximum warm-up questions built from open misconceptions; objectives fill the rest. */
const MAX_MISCONCEPTION_QUESTIONS = 3;

const STATUS_WORDS: Record<BriefProgressStatus, string> = {
  not_started: 'not started',
  introduced: 'introduced',
  practicing: 'practising',
  mastered: 'mastered',
};

function truncate(text: string, maxLength: number): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');

  return trimmed.length <= maxLength ? trimmed : `${trimmed.slice(0, maxLength - 1).trimEnd()}…`;
}

/** Returns the calendar date of an ISO 8601 instant, such as 2026-03-02. */
function dateOf(iso: string): string {
  return iso.slice(0, 10);
}

function listNames(names: string[]): string {
  if (names.length <= 1) {
    return names.join('');
  }

  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Removes the title's closing punctuation, so that a sentence built around it ends once. */
function withoutClosingPunctuation(title: string): string {
  return title.trim().replace(/[\s.!?;:,]+$/, '');
}

function buildSummary(input: BriefInput): string {
  const names = input.students.map((student) => student.name);
  const parts = [
    // A session title often names its student too, so the label keeps the list from reading as another person.
    `${input.sessionTitle} on ${dateOf(input.scheduledStart)}.`,
    names.length > 0 ? `Students: ${listNames(names)}.` : 'No students are enrolled.',
  ];
  if (input.plannedObjectives.length > 0) {
    parts.push(
      `Planned objectives: ${input.plannedObjectives.map((objective) => `${objective.code} ${withoutClosingPunctuation(objective.title)}`).join('; ')}.`,
    );
  }
  const last = input.recentSessions[input.recentSessions.length - 1];
  if (last) {
    parts.push(
      `Last approved recap (${last.sessionTitle}, ${dateOf(last.startedAt)}): ${truncate(last.summary, MAX_QUOTED_SUMMARY_LENGTH)}`,
    );
  } else {
    parts.push('No earlier session of these enrollments has an approved recap.');
  }
  if (input.openMisconceptions.length > 0) {
    parts.push(`${input.openMisconceptions.length} misconception(s) are still open.`);
  }

  return truncate(parts.join(' '), BRIEF_CONTENT_LIMITS.summaryLength);
}

/** Returns the planned objectives that the student has not mastered, with their status. */
function openObjectives(
  input: BriefInput,
  student: BriefStudentFacts,
): { code: string; title: string; status: BriefProgressStatus }[] {
  return input.plannedObjectives.flatMap((objective) => {
    const record = student.progress.find((item) => item.objectiveCode === objective.code);
    const status = record?.status ?? 'not_started';

    return status === 'mastered' ? [] : [{ ...objective, status }];
  });
}

function buildFocusPoints(input: BriefInput): string[] {
  const points: string[] = [];
  for (const item of [...input.openMisconceptions].reverse()) {
    points.push(`Open misconception from ${item.sessionTitle} (${dateOf(item.startedAt)}): ${item.description}`);
  }
  for (const student of input.students) {
    const open = openObjectives(input, student);
    if (open.length > 0) {
      const list = open.map((objective) => `${objective.code} ${STATUS_WORDS[objective.status]}`);
      points.push(`${student.name} has not mastered planned objectives: ${list.join(', ')}.`);
    }
    const { scores, trend } = student.engagement;
    if (trend === 'falling') {
      points.push(
        // `falling` follows the least-squares slope, so the last score may still be above the first.
        `${student.name}'s participation trended down over the last ${scores.length} sessions (scores ${scores.join(', ')} of 100).`,
      );
    }
    const { sessions, late, absent } = student.attendance;
    if (absent + late > 0) {
      points.push(
        `${student.name} missed ${absent} and joined late to ${late} of the last ${sessions} session(s).`,
      );
    }
  }

  return points
    .slice(0, BRIEF_CONTENT_LIMITS.focusPoints)
    .map((point) => truncate(point, BRIEF_CONTENT_LIMITS.focusPointLength));
}

/**
 * Builds a warm-up question on an objective. Titles are often imperative sentences ("Add
 * fractions."), so the title is quoted as a whole, without its closing punctuation, and not
 * worked into the question's grammar.
 */
export function objectiveQuestion(title: string): string {
  const quoted = withoutClosingPunctuation(title);

  return `Think back to "${quoted}". What do you remember about it? Give one example you could solve now.`;
}

function buildWarmUpQuestions(input: BriefInput): BriefWarmUpQuestion[] {
  const questions: BriefWarmUpQuestion[] = [];
  const newestFirst = [...input.openMisconceptions].reverse();
  for (const item of newestFirst.slice(0, MAX_MISCONCEPTION_QUESTIONS)) {
    const description = truncate(item.description, 300);
    questions.push({
      question: `Last time this came up: "${description}" Work one short example of that kind and explain each step.`,
      gap: description,
    });
  }
  // Objectives that some student has not mastered come first, in plan order.
  const notMastered = input.plannedObjectives.filter((objective) =>
    input.students.some((student) =>
      openObjectives(input, student).some((open) => open.code === objective.code),
    ),
  );
  const objectives = notMastered.length > 0 ? notMastered : input.plannedObjectives;
  for (const objective of objectives) {
    if (questions.length >= BRIEF_CONTENT_LIMITS.warmUpQuestions) {
      break;
    }
    questions.push({
      question: objectiveQuestion(objective.title),
      gap: `${objective.code} ${objective.title}`,
    });
  }

  return questions.slice(0, BRIEF_CONTENT_LIMITS.warmUpQuestions).map((item) => ({
    question: truncate(item.question, BRIEF_CONTENT_LIMITS.questionLength),
    gap: truncate(item.gap, BRIEF_CONTENT_LIMITS.gapLength),
  }));
}

/**
 * Builds a brief from templates and the facts alone. The summary quotes the last approved recap.
 * Focus points list open misconceptions, unmastered planned objectives, falling participation
 * and missed or late sessions. Warm-up questions quote the misconception text or name the
 * objective. Nothing is inferred beyond those facts.
 */
export function buildLocalBrief(input: BriefInput): BriefDraft {
  return {
    summary: buildSummary(input),
    focusPoints: buildFocusPoints(input),
    warmUpQuestions: buildWarmUpQuestions(input),
  };
}
