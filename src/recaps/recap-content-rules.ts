import { FieldProblem } from '../common/app-error';
import { EvidenceQuoteContent, RecapContent } from './recap-content';

/** Bounds of an edited recap: the inputs that its draft was generated from. */
export interface ContentBounds {
  /** Objective codes offered to the provider; covered objectives must use one of them. */
  objectiveCodes: string[];
  /** Final transcript segments given to the provider; quotes must point at one of them. */
  segmentCount: number;
}

function checkQuote(
  quote: EvidenceQuoteContent,
  field: string,
  bounds: ContentBounds,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (quote.segmentIndex >= bounds.segmentCount) {
    const range =
      bounds.segmentCount === 0
        ? 'the transcript has no segments'
        : `use 0 to ${bounds.segmentCount - 1}`;
    problems.push({
      field: `${field}.segmentIndex`,
      message: `${field}.segmentIndex ${quote.segmentIndex} is not a transcript segment: ${range}.`,
    });
  }
  if (quote.endMs < quote.startMs) {
    problems.push({
      field: `${field}.endMs`,
      message: `${field}.endMs ${quote.endMs} is before startMs ${quote.startMs}: set endMs to startMs or later.`,
    });
  }

  return problems;
}

function checkObjectives(content: RecapContent, bounds: ContentBounds): FieldProblem[] {
  const known = new Set(bounds.objectiveCodes);
  const seen = new Set<string>();

  return content.objectivesCovered.flatMap((objective, index) => {
    const field = `content.objectivesCovered.${index}`;
    const problems: FieldProblem[] = [];
    if (!known.has(objective.code)) {
      const allowed = bounds.objectiveCodes.length > 0 ? bounds.objectiveCodes.join(', ') : 'none';
      problems.push({
        field: `${field}.code`,
        message: `${field}.code "${objective.code}" is not an objective of the session's curricula (known codes: ${allowed}).`,
      });
    } else if (seen.has(objective.code)) {
      problems.push({
        field: `${field}.code`,
        message: `${field}.code "${objective.code}" is listed twice: merge the entries.`,
      });
    }
    seen.add(objective.code);
    objective.evidence.forEach((quote, i) =>
      problems.push(...checkQuote(quote, `${field}.evidence.${i}`, bounds)),
    );

    return problems;
  });
}

function checkMisconceptions(content: RecapContent, bounds: ContentBounds): FieldProblem[] {
  return content.misconceptions.flatMap((misconception, index) => {
    const field = `content.misconceptions.${index}`;
    const problems = misconception.evidence.flatMap((quote, i) =>
      checkQuote(quote, `${field}.evidence.${i}`, bounds),
    );
    if (misconception.correction) {
      problems.push(...checkQuote(misconception.correction, `${field}.correction`, bounds));
    }

    return problems;
  });
}

/** Checks the rules of recap content that class-validator cannot express; returns every problem. */
export function checkRecapContent(content: RecapContent, bounds: ContentBounds): FieldProblem[] {
  const problems = [...checkObjectives(content, bounds), ...checkMisconceptions(content, bounds)];
  const performance = content.studentPerformance;
  if (performance.errorsCorrected > performance.errorsFound) {
    problems.push({
      field: 'content.studentPerformance.errorsCorrected',
      message:
        `content.studentPerformance.errorsCorrected ${performance.errorsCorrected} exceeds errorsFound ` +
        `${performance.errorsFound}: a student can correct only errors that were found.`,
    });
  }

  return problems;
}
