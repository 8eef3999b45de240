import { ParentUpdateDraft, ParentUpdateInput } from '../ai-provider';

/** Version of the templates. Change it when the output for the same input changes. */
export const LOCAL_PARENT_UPDATE_PROMPT_VERSION = 'local-parent-update-v2';

/** Maximum next steps quoted in a templated update. */
const MAX_NEXT_STEPS = 3;
/** Maximum objectives listed with their progress in a templated update. */
const MAX_PROGRESS_LINES = 5;
/** Maximum characters of the recap summary quoted in a templated update. */
const MAX_SUMMARY_LENGTH = 600;

interface Template {
  subject(input: ParentUpdateInput): string;
  greeting(input: ParentUpdateInput): string;
  summaryIntro(input: ParentUpdateInput): string;
  objectives(titles: string): string;
  nextStepsIntro: string;
  progressIntro: string;
  statuses: Record<ProgressStatusName, string>;
  closing: string;
}

type ProgressStatusName = NonNullable<ParentUpdateInput['progress']>[number]['status'];

const TEMPLATES: Record<string, Template> = {
  en: {
    subject: (input) => `${input.studentName}'s lesson: ${input.sessionTitle}`,
    greeting: (input) => `Dear ${input.guardianName},`,
    summaryIntro: (input) => `Here is a short update on ${input.studentName}'s lesson.`,
    objectives: (titles) => `Topics covered: ${titles}.`,
    nextStepsIntro: 'What comes next:',
    progressIntro: 'Progress so far:',
    statuses: {
      not_started: 'not started yet',
      introduced: 'introduced',
      practicing: 'practising',
      mastered: 'mastered',
    },
    closing: 'Thank you for your support. Reply to this email with any questions.',
  },
  es: {
    subject: (input) => `Clase de ${input.studentName}: ${input.sessionTitle}`,
    greeting: (input) => `Estimado/a ${input.guardianName}:`,
    summaryIntro: (input) => `Le enviamos un breve resumen de la clase de ${input.studentName}.`,
    objectives: (titles) => `Temas trabajados: ${titles}.`,
    nextStepsIntro: 'Próximos pasos:',
    progressIntro: 'Avance hasta ahora:',
    statuses: {
      not_started: 'aún sin empezar',
      introduced: 'presentado',
      practicing: 'en práctica',
      mastered: 'dominado',
    },
    closing: 'Gracias por su apoyo. Responda a este correo si tiene alguna pregunta.',
  },
};

/** Language tags that have a template. */
export const LOCAL_PARENT_UPDATE_LANGUAGES = Object.keys(TEMPLATES);

/** Returns the primary language subtag in lower case: `es` for `es-MX`. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? '';
}

function truncate(text: string, maxLength: number): string {
  const trimmed = text.trim();

  return trimmed.length <= maxLength ? trimmed : `${trimmed.slice(0, maxLength - 1).trimEnd()}…`;
}

/**
 * Builds a short, plain parent update from a template in the guardian's language. A language
 * without a template gets the English one, with a `languageNote` that states the fallback.
 * The recap text is quoted as approved, so it stays in the language the instructor wrote.
 */
export function buildLocalParentUpdate(input: ParentUpdateInput): ParentUpdateDraft {
  const requested = primaryLanguage(input.language);
  const template = TEMPLATES[requested];
  const language = template ? requested : 'en';
  const chosen = template ?? (TEMPLATES.en as Template);
  const paragraphs = [chosen.greeting(input), chosen.summaryIntro(input)];
  const summary = truncate(input.recapSummary, MAX_SUMMARY_LENGTH);
  if (summary) {
    paragraphs.push(summary);
  }
  if (input.objectiveTitles.length > 0) {
    paragraphs.push(chosen.objectives(input.objectiveTitles.join(', ')));
  }
  const progress = (input.progress ?? []).slice(0, MAX_PROGRESS_LINES);
  if (progress.length > 0) {
    paragraphs.push(
      [
        chosen.progressIntro,
        ...progress.map((item) => `- ${item.objective}: ${chosen.statuses[item.status]}`),
      ].join('\n'),
    );
  }
  const steps = input.nextSteps.slice(0, MAX_NEXT_STEPS);
  if (steps.length > 0) {
    paragraphs.push([chosen.nextStepsIntro, ...steps.map((step) => `- ${step}`)].join('\n'));
  }
  paragraphs.push(chosen.closing);

  return {
    subject: truncate(chosen.subject(input), 200),
    body: paragraphs.join('\n\n'),
    language,
    languageNote: template
      ? undefined
      : `No template for language "${input.language}"; the update is written in English.`,
  };
}
