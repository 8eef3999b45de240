import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Finds examples/data from the source folder, the compiled one under dist/, or the working directory. */
function dataDir(): string {
  const candidates = [
    join(__dirname, '..', 'data'),
    join(__dirname, '..', '..', '..', 'examples', 'data'),
    join(process.cwd(), 'examples', 'data'),
  ];
  const found = candidates.find((dir) => {
    try {
      readFileSync(join(dir, 'manifest.json'));

      return true;
    } catch {
      return false;
    }
  });
  if (!found) {
    throw new Error(`examples/data not found: looked in ${candidates.join(' and ')}.`);
  }

  return found;
}

export interface CurriculumItem {
  code: string;
  title: string;
  grade: string;
}

export interface CurriculumFile {
  /** The file as it is stored, passed unchanged to importCurriculum. */
  document: string;
  name: string;
  licenseNotice: string;
  items: CurriculumItem[];
}

export interface DialogueSegment {
  speaker: 'instructor' | 'student';
  name: string;
  text: string;
}

export interface Dialogue {
  id: string;
  /** The annotated outcome: solved, solved_after_tutor_revealed_answer or not_solved. */
  outcome: string;
  problem: string;
  /** The worked solution's final answer, when it is a number. */
  correctAnswer: number | null;
  /** The last number of the student's first, incorrect solution. */
  incorrectAnswer: number | null;
  segments: DialogueSegment[];
  attribution: string;
}

interface ManifestEntry {
  id: string;
  path: string;
  outcome: string;
}

export function loadCurriculum(): CurriculumFile {
  const document = readFileSync(join(dataDir(), 'curriculum', 'ccss-math-grades-6-8.json'), 'utf8');
  const parsed = JSON.parse(document) as Omit<CurriculumFile, 'document'>;

  return { document, name: parsed.name, licenseNotice: parsed.licenseNotice, items: parsed.items };
}

/** Returns the last number written in `text`, such as 1440 in "so the total is $1,440." */
export function lastNumber(text: string): number | null {
  const numbers = text.match(/-?\d[\d,]*(?:\.\d+)?/g);
  const last = numbers?.at(-1);
  if (last === undefined) {
    return null;
  }
  const value = Number(last.replace(/,/g, ''));

  return Number.isFinite(value) ? value : null;
}

function readDialogue(dir: string, entry: ManifestEntry): Dialogue {
  const file = JSON.parse(readFileSync(join(dir, entry.path), 'utf8')) as {
    id: string;
    segments: DialogueSegment[];
    attribution: string;
    metadata: {
      outcome: string;
      problem: string;
      correctAnswer?: string;
      studentInitialIncorrectSolution?: string;
    };
  };

  return {
    id: file.id,
    outcome: file.metadata.outcome,
    problem: file.metadata.problem,
    correctAnswer: lastNumber(file.metadata.correctAnswer ?? ''),
    incorrectAnswer: lastNumber(file.metadata.studentInitialIncorrectSolution ?? ''),
    segments: file.segments,
    attribution: file.attribution,
  };
}

/**
 * Loads `count` MathDial dialogues in manifest order, interleaving the three outcomes so that
 * a short run still shows solved and unsolved sessions.
 */
export function loadDialogues(count: number): Dialogue[] {
  const dir = dataDir();
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    transcripts: ManifestEntry[];
  };
  const byOutcome = new Map<string, ManifestEntry[]>();
  for (const entry of manifest.transcripts) {
    byOutcome.set(entry.outcome, [...(byOutcome.get(entry.outcome) ?? []), entry]);
  }
  const queues = [...byOutcome.values()];
  const picked: ManifestEntry[] = [];
  while (picked.length < count && queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next && picked.length < count) {
        picked.push(next);
      }
    }
  }
  if (picked.length < count) {
    throw new Error(`Requested ${count} dialogues, but examples/data has only ${picked.length}.`);
  }

  return picked.map((entry) => readDialogue(dir, entry));
}
