import { ActivityAnswer } from './activity-response.entity';
import { Activity } from './activity.entity';
import { hasCorrectAnswer, normalizeText } from './activity-answers';
import { ActivityResults, NumericSummary, TextAnswerCount } from './dto/activity-results';

/** The part of a response that the summary reads, which never includes who gave it. */
export interface ResponseRow {
  answer: ActivityAnswer;
  correct: boolean | null;
}

const MAX_TEXT_ANSWERS = 20;

function summarizeNumbers(values: number[]): NumericSummary | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;

  return {
    count: sorted.length,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    median,
  };
}

function countTexts(texts: string[]): TextAnswerCount[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const key = normalizeText(text);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  return [...counts.entries()]
    .map(([answer, count]) => ({ answer, count }))
    .sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer))
    .slice(0, MAX_TEXT_ANSWERS);
}

/**
 * Computes an activity's aggregate results. Respondents and selections are counted apart: two
 * respondents who each choose three options are 2 respondents and 6 selections.
 * `revealKey` false hides which options are correct, as students see an open activity.
 */
export function summarizeResponses(
  activity: Activity,
  rows: ResponseRow[],
  eligible: number,
  options: { revealKey: boolean; includeTexts: boolean; now?: Date },
): ActivityResults {
  const optionCounts = new Map(activity.options.map((option) => [option.id, 0]));
  let selections = 0;
  const numbers: number[] = [];
  const texts: string[] = [];
  let correctCount = 0;
  let incorrectCount = 0;
  for (const row of rows) {
    if (row.answer.optionIds) {
      for (const id of row.answer.optionIds) {
        optionCounts.set(id, (optionCounts.get(id) ?? 0) + 1);
        selections += 1;
      }
    } else {
      selections += 1;
    }
    if (typeof row.answer.number === 'number') {
      numbers.push(row.answer.number);
    }
    if (typeof row.answer.text === 'string') {
      texts.push(row.answer.text);
    }
    if (row.correct === true) {
      correctCount += 1;
    } else if (row.correct === false) {
      incorrectCount += 1;
    }
  }
  const graded = hasCorrectAnswer(activity);
  const correctIds = new Set(activity.correctOptionIds ?? []);

  return Object.assign(new ActivityResults(), {
    activityId: activity.id,
    sessionId: activity.sessionId,
    kind: activity.kind,
    questionType: activity.questionType,
    status: activity.status,
    anonymous: activity.anonymous,
    eligible,
    respondents: rows.length,
    selections,
    options: activity.options.map((option) => ({
      optionId: option.id,
      label: option.label,
      count: optionCounts.get(option.id) ?? 0,
      correct:
        graded && options.revealKey && activity.correctOptionIds ? correctIds.has(option.id) : null,
    })),
    numeric: activity.questionType === 'numeric' ? summarizeNumbers(numbers) : null,
    textAnswers: options.includeTexts ? countTexts(texts) : [],
    correctCount: graded ? correctCount : null,
    incorrectCount: graded ? incorrectCount : null,
    correctShare: graded && rows.length > 0 ? correctCount / rows.length : null,
    computedAt: options.now ?? new Date(),
  });
}
