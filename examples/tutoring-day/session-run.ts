import {
  EngagementEventInput,
  HiLinkClient,
  ParticipantFieldsFragment,
  PhaseInput,
  SessionFieldsFragment,
} from '../../sdk/src';
import { Dialogue } from './data';
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

/** The student's answer to the session's closing check, graded against the worked answer. */
export interface CheckOutcome {
  activityId: string;
  answer: number;
  correctAnswer: number;
  correct: boolean | null;
}

/** Everything the day's run did for one session, before the recap. */
export interface SessionRun {
  student: EnrolledStudent;
  dialogue: Dialogue;
  /** 1 for the student's first session, 2 for the second, and so on. */
  sessionNumber: number;
  session: SessionFieldsFragment;
  joins: JoinOutcome[];
  transcript: TranscriptUpload;
  check: CheckOutcome | null;
  engagementEvents: number;
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
  dialogue: Dialogue,
): Promise<TranscriptUpload> {
  const content = JSON.stringify({ segments: dialogue.segments });
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
    tools: ['whiteboard', 'chat'],
  },
  {
    kind: 'close',
    title: 'Check the final answer',
    plannedMinutes: 5,
    objectiveCodes: ['7.EE.B.3'],
    tools: ['polls'],
  },
];

/** Speaking time of a turn at about 150 words a minute, the rate the server times uploads at. */
function speakingMs(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;

  return Math.max(1, words) * 400;
}

/**
 * Reports what a classroom client would: each participant joining, one `spoke` event per
 * transcript turn, and leaving. Student turns go to the student, tutor turns to the instructor.
 */
async function recordEngagement(
  client: HiLinkClient,
  session: SessionFieldsFragment,
  dialogue: Dialogue,
): Promise<number> {
  const now = new Date().toISOString();
  const present = session.participants.filter((participant) => participant.role !== 'observer');
  const byRole = new Map(present.map((participant) => [participant.role, participant.id]));
  const joined = present.map((participant): EngagementEventInput => ({
    type: 'joined',
    participantId: participant.id,
    occurredAt: now,
  }));
  const spoke = dialogue.segments.flatMap((segment): EngagementEventInput[] => {
    const participantId = byRole.get(segment.speaker);

    return participantId
      ? [{ type: 'spoke', participantId, occurredAt: now, durationMs: speakingMs(segment.text) }]
      : [];
  });
  const events = [...joined, ...spoke];
  const result = await client.recordEngagementEvents({ sessionId: session.id, input: { events } });

  return result.accepted;
}

/**
 * Runs the closing check: the problem's final answer as a numeric question. The student answers
 * what the dialogue ended with: the worked answer when it was solved, else the number that ended
 * the first incorrect attempt.
 */
async function runCheck(
  client: HiLinkClient,
  session: SessionFieldsFragment,
  dialogue: Dialogue,
): Promise<CheckOutcome | null> {
  const student = session.participants.find((participant) => participant.role === 'student');
  const answer =
    dialogue.outcome === 'not_solved' ? dialogue.incorrectAnswer : dialogue.correctAnswer;
  if (!student || dialogue.correctAnswer === null || answer === null) {
    return null;
  }
  const activity = await client.createActivity({
    sessionId: session.id,
    input: {
      kind: 'check',
      questionType: 'numeric',
      prompt: `What is the final answer? ${dialogue.problem}`.slice(0, 1_000),
      correctNumber: dialogue.correctAnswer,
      objectiveCode: CHECK_OBJECTIVE,
    },
  });
  await client.openActivity(activity.id);
  const response = await client.submitActivityResponse({
    activityId: activity.id,
    input: { participantId: student.id, number: answer },
  });
  await client.closeActivity(activity.id);

  return {
    activityId: activity.id,
    answer,
    correctAnswer: dialogue.correctAnswer,
    correct: response.correct,
  };
}

/** The objective that the closing check of every session assesses. */
const CHECK_OBJECTIVE = '7.EE.B.3';

export interface SessionPlan {
  roomId: string;
  student: EnrolledStudent;
  dialogue: Dialogue;
  sessionNumber: number;
  slot: Slot;
  timeZone: string;
}

/** Schedules and starts one session, runs its phases with the transcript and check, and ends it. */
export async function runSession(client: HiLinkClient, plan: SessionPlan): Promise<SessionRun> {
  const { student, dialogue } = plan;
  const scheduled = await client.createSession({
    roomId: plan.roomId,
    enrollmentIds: [student.enrollmentId],
    title: `Word problem practice ${plan.sessionNumber} (${dialogue.id})`,
    timeZone: plan.timeZone,
    phases: LESSON_PLAN,
    ...plan.slot,
  });
  await client.startSession(scheduled.id);
  const live = await client.session(scheduled.id);
  const joins = await joinParticipants(client, live);
  // Warm-up, then practice: the dialogue is the practice phase.
  await client.advancePhase(scheduled.id);
  await client.advancePhase(scheduled.id);
  const transcript = await uploadDialogue(client, scheduled.id, dialogue);
  const engagementEvents = await recordEngagement(client, live, dialogue);
  await client.advancePhase(scheduled.id);
  const check = await runCheck(client, live, dialogue);
  await client.advancePhase(scheduled.id);
  const session = await client.endSession(scheduled.id);

  return {
    student,
    dialogue,
    sessionNumber: plan.sessionNumber,
    session,
    joins,
    transcript,
    check,
    engagementEvents,
  };
}
