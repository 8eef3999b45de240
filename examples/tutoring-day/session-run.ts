import {
  HiLinkClient,
  ParticipantFieldsFragment,
  PhaseInput,
  SessionFieldsFragment,
} from '../../sdk/src';
import { EnrolledStudent } from './setup';
import { Slot } from './schedule';

/** The result of joining one participant. */
export interface JoinOutcome {
  participant: ParticipantFieldsFragment;
  /** When the participant token issued by the join expires. */
  tokenExpiresAt: string;
  mediaAvailable: boolean;
  /** The reason audio and video are off, such as LiveKit not being configured. */
  mediaReason: string | null;
}

export interface TranscriptUpload {
  segments: number;
  transcriptVersion: number;
}

/** Everything the day's run did for one session, before the recap. */
export interface SessionRun {
  student: EnrolledStudent;
  session: SessionFieldsFragment;
  joins: JoinOutcome[];
  transcript: TranscriptUpload;
}

async function joinParticipants(
  client: HiLinkClient,
  session: SessionFieldsFragment,
): Promise<JoinOutcome[]> {
  const joins: JoinOutcome[] = [];
  const present = session.participants.filter((participant) => participant.role !== 'observer');
  for (const participant of present) {
    const joined = await client.joinSession({
      sessionId: session.id,
      participantId: participant.id,
    });
    joins.push({
      participant: joined.participant,
      tokenExpiresAt: joined.expiresAt,
      mediaAvailable: joined.media.available,
      mediaReason: joined.media.reason,
    });
  }

  return joins;
}

/** Uploads the dialogue as a JSON transcript; the server times the turns from their word counts. */
async function uploadDialogue(
  client: HiLinkClient,
  sessionId: string,
  student: EnrolledStudent,
): Promise<TranscriptUpload> {
  const content = JSON.stringify({ segments: student.dialogue.segments });
  const result = await client.uploadTranscript({ sessionId, format: 'json', content });

  return { segments: result.received, transcriptVersion: result.transcriptVersion };
}

/**
 * The lesson plan of every session. The practice phase names the grade 7 standards that
 * multi-step word problems exercise, which the recap prefers when it matches objectives.
 */
const LESSON_PLAN: PhaseInput[] = [
  { kind: 'warm_up', title: 'Talk through the first attempt', plannedMinutes: 5 },
  {
    kind: 'practice',
    title: 'Find and fix the error',
    plannedMinutes: 20,
    objectiveCodes: ['7.EE.B.3', '7.NS.A.3'],
  },
  { kind: 'close', title: 'Check the final answer', plannedMinutes: 5 },
];

/** Schedules, starts, joins, transcribes and ends one session. */
export async function runSession(
  client: HiLinkClient,
  roomId: string,
  student: EnrolledStudent,
  slot: Slot,
  timeZone: string,
): Promise<SessionRun> {
  const scheduled = await client.createSession({
    roomId,
    enrollmentIds: [student.enrollmentId],
    title: `Word problem practice (${student.dialogue.id})`,
    timeZone,
    phases: LESSON_PLAN,
    ...slot,
  });
  await client.startSession(scheduled.id);
  const joins = await joinParticipants(client, await client.session(scheduled.id));
  const transcript = await uploadDialogue(client, scheduled.id, student);
  const session = await client.endSession(scheduled.id);

  return { student, session, joins, transcript };
}
