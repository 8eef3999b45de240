import { SpeakerRole } from '../transcript-limits';

const INSTRUCTOR_WORDS = /\b(tutor|teacher|instructor)\b/i;
const STUDENT_WORDS = /\b(student|learner|pupil)\b/i;

/** Guesses a role from a speaker name such as "Tutor" or "Student A"; null when the name gives no hint. */
export function roleFromSpeakerName(label: string): SpeakerRole | null {
  if (INSTRUCTOR_WORDS.test(label)) {
    return 'instructor';
  }
  if (STUDENT_WORDS.test(label)) {
    return 'student';
  }

  return null;
}

/**
 * Matches `Speaker Name: text` at the start of a line. The name must start with a letter and have
 * at most six words, so lines such as "10: 30 is the time" or "And then we multiply the top by two: 6" are not read
 * as a speaker.
 */
const SPEAKER_PREFIX = /^([\p{L}][\p{L}\p{N}'’._ -]{0,199}?)\s*:\s+(.*)$/u;

/** Splits `Speaker: text` into its parts; undefined when the line has no speaker prefix. */
export function splitSpeakerPrefix(line: string): { speaker: string; text: string } | undefined {
  const match = SPEAKER_PREFIX.exec(line);
  const speaker = match?.[1]?.trim();
  if (!match || !speaker || speaker.split(/\s+/).length > 6) {
    return undefined;
  }

  return { speaker, text: match[2]?.trim() ?? '' };
}
