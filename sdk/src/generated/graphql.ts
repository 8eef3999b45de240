/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ActivityChangeAction =
  | 'closed'
  | 'opened';

/** poll: an opinion or quick vote; check: a comprehension check with a correct answer. */
export type ActivityKind =
  | 'check'
  | 'poll';

export type ActivityOptionInput = {
  /** Stable id: letters, digits, _ and -. Defaults to a, b, c, … by position. */
  id?: string | null | undefined;
  label: string;
};

/** single_choice and multiple_choice pick option ids; numeric answers a number, correct within a tolerance; short_text answers text, matched to accepted answers ignoring case and whitespace. */
export type ActivityQuestionType =
  | 'multiple_choice'
  | 'numeric'
  | 'short_text'
  | 'single_choice';

export type ActivityResponseInput = {
  /** The answer of a numeric question. */
  number?: number | null | undefined;
  /** Chosen option ids: one for single_choice, one or more for multiple_choice. */
  optionIds?: Array<string> | null | undefined;
  /** The responding student participant. Required with an API key; a participant token responds for itself. */
  participantId?: string | null | undefined;
  /** The answer of a short_text question. */
  text?: string | null | undefined;
};

/** draft → open → closed. Only open activities accept responses. */
export type ActivityStatus =
  | 'closed'
  | 'draft'
  | 'open';

export type AddObjectivesInput = {
  /** Appended after the existing objectives, in this order. */
  objectives: Array<ObjectiveInput>;
};

export type AddParticipantInput = {
  displayName: string;
  /** A custom identity, when no memberId is given. */
  identity?: string | null | undefined;
  /** The observing member. The identity becomes `member:<id>`. */
  memberId?: string | null | undefined;
};

export type AlertSettingsInput = {
  /** From 0.05 to 1; default 0.5. */
  incorrectShareThreshold?: number | null | undefined;
  /** From 1 to 20; default 3. */
  missedActivitiesThreshold?: number | null | undefined;
};

/** incorrect_streak: a student answered their last three checks incorrectly; class_incorrect: more than the session’s threshold share answered a check incorrectly; missed_responses: a student did not respond to the last N activities; help_requested: a breakout group asked for help. */
export type AlertType =
  | 'class_incorrect'
  | 'help_requested'
  | 'incorrect_streak'
  | 'missed_responses';

export type AtRiskDashboardFilter = {
  /** Only sessions of this curriculum. */
  curriculumId?: string | null | undefined;
  /** First day of the period (UTC date, inclusive). Default: 29 days before `to`. The period may span at most 366 days. */
  from?: string | null | undefined;
  /** Only sessions of enrollments taught by this instructor (a member id). */
  instructorId?: string | null | undefined;
  /** One of: low, medium, high. Without it, medium and high. */
  level?: string | null | undefined;
  /** Rows to return, 1 to 500; default 50. */
  limit?: number | null | undefined;
  /** Last day of the period (UTC date, inclusive). Default: today, or `from` plus 29 days when only `from` is given. */
  to?: string | null | undefined;
};

/** Which students may draw: everyone, instructor_only (no student), or selected (the listed participants). Instructors and API keys always may. */
export type BoardDrawPolicy =
  | 'everyone'
  | 'instructor_only'
  | 'selected';

/** The kind of a board element, which decides its required properties. */
export type BoardElementKind =
  | 'arrow'
  | 'ellipse'
  | 'image'
  | 'line'
  | 'rectangle'
  | 'sticky_note'
  | 'stroke'
  | 'text';

/** What timeToFirstAddMs counts from: the board’s creation, or the start of the lesson phase that was active at the first add when it started later. */
export type BoardFirstAddReference =
  | 'board_created'
  | 'phase_started';

export type BoardOperationInput = {
  /** Idempotency key, unique per board: resending the same operation with it returns the stored one. */
  clientOperationId: string;
  /** The client-chosen element id for add, update and delete: letters, digits and _ : . -. */
  elementId?: string | null | undefined;
  /** Required for add; optional for update, where it must equal the element’s kind. */
  kind?: BoardElementKind | null | undefined;
  /** add: the element’s properties. update: the properties to change, merged into the current ones; null removes a key. */
  properties?: unknown;
  type: BoardOperationType;
};

/** add, update or delete one element; clear every element; undo the author’s own last operation on the board. */
export type BoardOperationType =
  | 'add'
  | 'clear'
  | 'delete'
  | 'undo'
  | 'update';

export type BreakoutCloseReason =
  | 'closed_by_instructor'
  | 'session_ended'
  | 'time_limit';

export type BreakoutGroupSpec = {
  /** This group’s task, instead of the shared instructions. */
  instructions?: string | null | undefined;
  /** Default: "Group <n>". */
  name?: string | null | undefined;
  /** Student participants of the session. */
  participantIds: Array<string>;
};

export type BreakoutGroupStatus =
  | 'closed'
  | 'open';

export type BreakoutHelpInput = {
  /** What the group needs. */
  message?: string | null | undefined;
};

export type BreakoutPresenceInput = {
  state: BreakoutPresenceState;
};

/** joined or left: the caller connected to or left the group’s LiveKit room. */
export type BreakoutPresenceState =
  | 'joined'
  | 'left';

/** How students are put into breakout groups: `manual` (lists of participant ids), `random`, or `balanced` (spread by each student’s share of correct check responses in the session). */
export type BreakoutStrategy =
  | 'balanced'
  | 'manual'
  | 'random';

export type BroadcastBreakoutMessageInput = {
  body: string;
};

export type ClearProgressOverrideInput = {
  /** Why the override ends, 1 to 1000 characters. */
  reason: string;
};

export type CoverageGapsFilter = {
  curriculumId?: string | null | undefined;
  /** Sessions scheduled to start at or after this instant (ISO-8601). */
  from?: string | null | undefined;
  /** The enrollments’ instructor (a member id). */
  instructorId?: string | null | undefined;
  /** Objectives to return, 1 to 100; default 20. */
  limit?: number | null | undefined;
  /** Sessions scheduled to start before this instant (ISO-8601). */
  to?: string | null | undefined;
};

/** covered: taught as planned; partially_covered: taught, but some of its planned phases were skipped or only checks show it; skipped: planned but never taught; not_landing: taught, but under half of the check answers on it were correct; planned: in the lesson plan of a session not yet documented; not_started: not reached yet. */
export type CoverageStatus =
  | 'covered'
  | 'not_landing'
  | 'not_started'
  | 'partially_covered'
  | 'planned'
  | 'skipped';

export type CreateActivityInput = {
  /** Accepted answers of a short_text question, matched ignoring case and whitespace. */
  acceptedAnswers?: Array<string> | null | undefined;
  /** When true, no output names who gave which answer. Default false. */
  anonymous?: boolean | null | undefined;
  /** The correct answer of a numeric question. */
  correctNumber?: number | null | undefined;
  /** Correct option ids: exactly one for single_choice, one or more for multiple_choice. */
  correctOptionIds?: Array<string> | null | undefined;
  kind: ActivityKind;
  /** An objective code of the curricula of the session’s enrollments. */
  objectiveCode?: string | null | undefined;
  /** 2 to 20 options for choice questions; omit for numeric and short_text. */
  options?: Array<ActivityOptionInput> | null | undefined;
  prompt: string;
  questionType: ActivityQuestionType;
  /** Seconds the activity stays open; it closes itself then. */
  timeLimitSeconds?: number | null | undefined;
  /** Largest accepted distance from correctNumber; default 0. */
  tolerance?: number | null | undefined;
};

export type CreateApiKeyInput = {
  name: string;
  /** Any of: admin, read, write, sessions:write, transcripts:write, recaps:write, operations:read. */
  scopes: Array<string>;
};

export type CreateBoardInput = {
  /** Default: everyone. */
  drawPolicy?: BoardDrawPolicy | null | undefined;
  /** true freezes the board for students; instructors and API keys still draw. */
  locked?: boolean | null | undefined;
  /** Participants of the session who may draw under drawPolicy selected; at most 500. */
  selectedParticipantIds?: Array<string> | null | undefined;
  /** Default: "Main board". */
  title?: string | null | undefined;
};

export type CreateBreakoutGroupsInput = {
  /** An activity of this session that the groups work on. */
  activityId?: string | null | undefined;
  /** Creates a whiteboard for each group. Default false. */
  createBoards?: boolean | null | undefined;
  /** With `random` or `balanced`: the number of groups. Give this or groupSize. */
  groupCount?: number | null | undefined;
  /** With `random` or `balanced`: the most students per group. Give this or groupCount. */
  groupSize?: number | null | undefined;
  /** Required with `manual`, not allowed otherwise. */
  groups?: Array<BreakoutGroupSpec> | null | undefined;
  /** The task of every group. */
  instructions: string;
  /** How students are put into groups. `manual`: `groups` lists each group’s participant ids. `random`: the session’s students who are not removed and not in an open group are shuffled and dealt to `groupCount` groups, or to as many groups of at most `groupSize` as needed. `balanced`: the same students are ranked by their share of correct responses to this session’s checks (highest first, ties in random order), students without check responses follow in random order, and the ranking is dealt in serpentine order (1…k, k…1, …), so every group gets a mix of strong and weak students. In both dealt strategies group sizes differ by at most one. */
  strategy: BreakoutStrategy;
  /** Minutes until the groups close by themselves. */
  timeLimitMinutes: number;
};

export type CreateCurriculumInput = {
  description?: string | null | undefined;
  gradeLevels?: Array<string> | null | undefined;
  license?: string | null | undefined;
  licenseNotice?: string | null | undefined;
  licenseUrl?: string | null | undefined;
  name: string;
  /** In curriculum order. */
  objectives?: Array<ObjectiveInput> | null | undefined;
  source?: string | null | undefined;
  sourceUrl?: string | null | undefined;
  subject?: string | null | undefined;
};

export type CreateEnrollmentInput = {
  curriculumId: string;
  /** A member with the instructor role. */
  instructorId: string;
  /** Objective codes in teaching order; default: every objective of the curriculum in its order. */
  plannedObjectiveCodes?: Array<string> | null | undefined;
  /** Calendar date, YYYY-MM-DD. */
  startDate: string;
  studentId: string;
};

export type CreateGuardianInput = {
  email: string;
  name: string;
  /** BCP 47 language tag such as en, es or pt-BR; default en. */
  preferredLanguage?: string | null | undefined;
  relationship?: string | null | undefined;
};

export type CreateMemberInput = {
  email: string;
  externalId?: string | null | undefined;
  name: string;
  role: MemberRole;
  timeZone?: string | null | undefined;
};

export type CreateOrganizationInput = {
  name: string;
  timeZone?: string | null | undefined;
};

export type CreateRoomInput = {
  /** 1 to 500, default 30. */
  capacity?: number | null | undefined;
  description?: string | null | undefined;
  /** Default: every tool. */
  enabledTools?: Array<RoomTool> | null | undefined;
  name: string;
};

export type CreateSessionInput = {
  /** Enrollments taught. Their students and instructors become participants. */
  enrollmentIds: Array<string>;
  /** The lesson plan, in order. */
  phases?: Array<PhaseInput> | null | undefined;
  roomId: string;
  /** After scheduledStart, at most 12 hours later. */
  scheduledEnd: string;
  /** ISO-8601 with an offset, e.g. 2026-03-02T16:00:00+01:00. */
  scheduledStart: string;
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  title: string;
};

export type CreateStudentInput = {
  email?: string | null | undefined;
  externalId?: string | null | undefined;
  gradeLevel?: string | null | undefined;
  name: string;
  timeZone?: string | null | undefined;
};

export type CreateWebhookSubscriptionInput = {
  description?: string | null | undefined;
  /** Event types or patterns: a type such as session.started, an area such as session.*, or * for every type. */
  eventTypes: Array<string>;
  /** Only events of sessions in this room. */
  roomId?: string | null | undefined;
  /** Only events of this session. */
  sessionId?: string | null | undefined;
  /** The https:// or http:// address that receives POST requests. */
  url: string;
};

export type CurriculumGapsDashboardFilter = {
  /** Only sessions of this curriculum. */
  curriculumId?: string | null | undefined;
  /** First day of the period (UTC date, inclusive). Default: 29 days before `to`. The period may span at most 366 days. */
  from?: string | null | undefined;
  /** Only sessions of enrollments taught by this instructor (a member id). */
  instructorId?: string | null | undefined;
  /** Rows to return, 1 to 500; default 50. */
  limit?: number | null | undefined;
  /** Last day of the period (UTC date, inclusive). Default: today, or `from` plus 29 days when only `from` is given. */
  to?: string | null | undefined;
};

export type DashboardFilter = {
  /** Only sessions of this curriculum. */
  curriculumId?: string | null | undefined;
  /** First day of the period (UTC date, inclusive). Default: 29 days before `to`. The period may span at most 366 days. */
  from?: string | null | undefined;
  /** Only sessions of enrollments taught by this instructor (a member id). */
  instructorId?: string | null | undefined;
  /** Last day of the period (UTC date, inclusive). Default: today, or `from` plus 29 days when only `from` is given. */
  to?: string | null | undefined;
};

export type EditParentUpdateInput = {
  body: string;
  /** Why it was changed. */
  note?: string | null | undefined;
  subject: string;
};

export type EditRecapInput = {
  /** The whole edited content; it replaces the current version. */
  content: RecapContentInput;
  /** Why the recap was changed. */
  note?: string | null | undefined;
};

export type EditSessionBriefInput = {
  /** The whole edited content; it replaces the current version. */
  content: SessionBriefContentInput;
  /** Why it was changed. */
  note?: string | null | undefined;
};

export type EngagementEventBatchInput = {
  /** 1 to 1000 events, stored in one transaction: one invalid event rejects the whole batch. */
  events: Array<EngagementEventInput>;
};

export type EngagementEventInput = {
  /** `responded` and `board_operation` only: the activity. */
  activityId?: string | null | undefined;
  /** The reporter's id for the event, unique per session. A repeat of a stored id is ignored and counted in `duplicates`. */
  clientEventId?: string | null | undefined;
  /** `joined` and `left` only: the id of one connection (such as a LiveKit participant sid). A `left` closes the connections with the same id, or, without an id, every open connection without one. */
  connectionId?: string | null | undefined;
  /** `responded` only, and only with an API key: whether the answer was correct. Leave it out for anonymous activities. */
  correct?: boolean | null | undefined;
  /** `spoke` only, and required there: speaking time in milliseconds, 1 to 14400000. */
  durationMs?: number | null | undefined;
  /** `attention_changed` only, and required there: whether the participant is focused on the session now. */
  focused?: boolean | null | undefined;
  /** When the event happened: ISO 8601 with a UTC offset, at most 5 minutes after the server clock. */
  occurredAt: string;
  /** `camera_toggled` and `microphone_toggled` only, and required there: whether the device is on now. */
  on?: boolean | null | undefined;
  /** `board_operation` only: what was done, lowercase letters and underscores. */
  operation?: string | null | undefined;
  /** The participant the event is about. A participant token may leave it out (its own id is used) and may name only itself; an API key must name a participant of the session. */
  participantId?: string | null | undefined;
  /** The connection the event came from; default `standard`. Events of screen_share, recorder and agent connections are stored but never count toward attendance or any rollup. */
  participantKind?: string | null | undefined;
  /** `phase_changed` only: the phase that started. */
  phaseId?: string | null | undefined;
  /** `hand_raised` only: true when the hand goes up (default), false when it goes down. */
  raised?: boolean | null | undefined;
  /** `reaction` only, and required there. One of: thumbs_up, thumbs_down, clap, heart, laugh, surprised, confused. */
  reaction?: string | null | undefined;
  /** `chat_message` only: the message, 1 to 2000 characters. Only its length is stored. */
  text?: string | null | undefined;
  type: EngagementEventType;
};

/** What a participant did. */
export type EngagementEventType =
  | 'attention_changed'
  | 'board_operation'
  | 'camera_toggled'
  | 'chat_message'
  | 'hand_raised'
  | 'help_requested'
  | 'joined'
  | 'left'
  | 'microphone_toggled'
  | 'phase_changed'
  | 'reaction'
  | 'responded'
  | 'spoke';

/** active and paused enrollments may change; completed and withdrawn ones are final. */
export type EnrollmentStatus =
  | 'active'
  | 'completed'
  | 'paused'
  | 'withdrawn';

/** queued → running → succeeded. A failed attempt returns the job to queued until maxAttempts is used up; then it is dead. A failure that retrying cannot fix makes it failed. */
export type JobStatus =
  | 'dead'
  | 'failed'
  | 'queued'
  | 'running'
  | 'succeeded';

/** What a staff member does. */
export type MemberRole =
  | 'admin'
  | 'instructor'
  | 'operations';

export type ObjectiveInput = {
  cluster?: string | null | undefined;
  clusterCode?: string | null | undefined;
  clusterEmphasis?: string | null | undefined;
  /** Unique within the curriculum. */
  code: string;
  description?: string | null | undefined;
  domain?: string | null | undefined;
  domainCode?: string | null | undefined;
  grade?: string | null | undefined;
  /** Code of an objective in the same curriculum. */
  parentCode?: string | null | undefined;
  /** Codes that lead into this objective; may be outside the curriculum. */
  prerequisiteCodes?: Array<string> | null | undefined;
  title: string;
};

export type OverrideProgressInput = {
  /** The curriculum that the objective belongs to. */
  curriculumId: string;
  objectiveCode: string;
  /** Why the instructor sets this status, 1 to 1000 characters. */
  reason: string;
  /** The session the rating comes from. Instructor participant tokens always use their own session. */
  sessionId?: string | null | undefined;
  status: ProgressStatus;
  studentId: string;
};

/** `pending` until the email is accepted by the SMTP server (`sent`) or given up (`failed`). */
export type ParentUpdateDeliveryStatus =
  | 'failed'
  | 'pending'
  | 'sent';

/** `draft` until a person approves it (`approved`, then sent) or rejects it (`rejected`). */
export type ParentUpdateStatus =
  | 'approved'
  | 'draft'
  | 'rejected';

export type ParticipantRole =
  | 'instructor'
  | 'observer'
  | 'student';

export type PhaseInput = {
  activities?: Array<string> | null | undefined;
  kind: PhaseKind;
  notes?: string | null | undefined;
  objectiveCodes?: Array<string> | null | undefined;
  /** Planned duration, minutes. */
  plannedMinutes: number;
  title: string;
  tools?: Array<RoomTool> | null | undefined;
};

/** The kind of a lesson plan step. */
export type PhaseKind =
  | 'close'
  | 'feedback'
  | 'instruction'
  | 'practice'
  | 'warm_up';

/** planned → active → done, or planned → skipped. At most one phase of a session is active. */
export type PhaseStatus =
  | 'active'
  | 'done'
  | 'planned'
  | 'skipped';

/** What happened to a lesson phase while its session was live. */
export type PhaseTransitionAction =
  | 'ended'
  | 'reordered'
  | 'skipped'
  | 'started';

/** automatic: recomputed when a session was documented; override: set by an instructor; override_cleared: an instructor returned the record to its automatic status. */
export type ProgressChangeKind =
  | 'automatic'
  | 'override'
  | 'override_cleared';

/** lesson_plan: planned in a phase that was done; check_result: the student’s answer to a check linked to the objective; recap: matched in the approved recap; instructor_rating: an instructor’s override. */
export type ProgressEvidenceKind =
  | 'check_result'
  | 'instructor_rating'
  | 'lesson_plan'
  | 'recap';

/** A student’s standing on one objective: not_started → introduced → practicing → mastered. */
export type ProgressStatus =
  | 'introduced'
  | 'mastered'
  | 'not_started'
  | 'practicing';

export type RecapContentInput = {
  followUps: Array<string>;
  misconceptions: Array<RecapMisconceptionInput>;
  nextSteps: Array<string>;
  objectivesCovered: Array<RecapObjectiveCoverageInput>;
  studentPerformance: RecapStudentPerformanceInput;
  summary: string;
};

export type RecapEvidenceQuoteInput = {
  /** Milliseconds from the session start. */
  endMs: number;
  /** Index of the transcript segment, in transcript order. */
  segmentIndex: number;
  speaker: string;
  speakerRole: SpeakerRole;
  /** Milliseconds from the session start. */
  startMs: number;
  text: string;
};

export type RecapMisconceptionInput = {
  correction?: RecapEvidenceQuoteInput | null | undefined;
  description: string;
  evidence: Array<RecapEvidenceQuoteInput>;
  /** Whether the dialogue shows the student correcting it. */
  resolved: boolean;
};

export type RecapObjectiveCoverageInput = {
  /** An objective code offered to the recap. */
  code: string;
  /** How strongly the transcript supports the objective, 0 to 1. */
  confidence: number;
  evidence: Array<RecapEvidenceQuoteInput>;
};

/** `pending` while generation runs, then `draft` for review, or `failed` with failureReason. A person approves a draft (`approved`, the only final status) or rejects it (`rejected`). */
export type RecapStatus =
  | 'approved'
  | 'draft'
  | 'failed'
  | 'pending'
  | 'rejected';

export type RecapStudentPerformanceInput = {
  errorsCorrected: number;
  errorsFound: number;
  instructorTurns: number;
  /** Share of words spoken by students, 0 to 1. */
  studentTalkShare: number;
  studentTurns: number;
  summary: string;
};

/** `session_ended` when the session ended, `requested` when a client asked for one. */
export type RecapTrigger =
  | 'requested'
  | 'session_ended';

/** `generated` by the AI provider, or `edited` by a person. */
export type RecapVersionSource =
  | 'edited'
  | 'generated';

export type RejectParentUpdateInput = {
  reason: string;
};

export type RejectRecapInput = {
  reason: string;
};

export type RejectSessionBriefInput = {
  reason: string;
};

export type ReminderSettingsInput = {
  /** Whether new sessions get reminders. */
  enabled: boolean;
  /** 1 to 10 distinct lead times in minutes, each from 5 to 20160. */
  leadMinutes: Array<number>;
};

export type ReplayWebhookDeliveriesInput = {
  /** Events that occurred at or after this instant (ISO 8601). */
  from: string;
  /** Events that occurred before this instant (ISO 8601). */
  to: string;
};

/** How likely a student is to fall behind, from their recent documented sessions. */
export type RiskLevel =
  | 'high'
  | 'low'
  | 'medium';

export type RiskSignalKind =
  | 'absences_and_late_joins'
  | 'declining_participation'
  | 'falling_talk_share'
  | 'repeated_incorrect_checks'
  | 'stalled_objectives';

/** A classroom tool a room offers. */
export type RoomTool =
  | 'audio'
  | 'breakouts'
  | 'chat'
  | 'polls'
  | 'screen_share'
  | 'transcription'
  | 'video'
  | 'whiteboard';

export type RotateWebhookSecretInput = {
  /** Seconds during which deliveries are signed with both the old and the new secret; 0 to 604800, default 86400. */
  overlapSeconds?: number | null | undefined;
};

export type SendChatMessageInput = {
  /** The message text, 1 to 2000 characters. */
  body: string;
  /** The sending participant. Required with an API key; a participant token sends as itself. */
  participantId?: string | null | undefined;
};

export type SessionBriefContentInput = {
  /** What needs attention, most important first. */
  focusPoints: Array<string>;
  summary: string;
  warmUpQuestions: Array<SessionBriefWarmUpQuestionInput>;
};

/** `draft` until a person approves it (`approved`) or rejects it (`rejected`). */
export type SessionBriefStatus =
  | 'approved'
  | 'draft'
  | 'rejected';

/** `scheduled` at the lead time before the session, or `requested` through the API. */
export type SessionBriefTrigger =
  | 'requested'
  | 'scheduled';

export type SessionBriefWarmUpQuestionInput = {
  /** The open misconception or objective that the question revisits. */
  gap: string;
  question: string;
};

/** scheduled → live → ended → documented, or scheduled → cancelled. */
export type SessionStatus =
  | 'cancelled'
  | 'documented'
  | 'ended'
  | 'live'
  | 'scheduled';

export type SessionVolumeDashboardFilter = {
  /** Only sessions of this curriculum. */
  curriculumId?: string | null | undefined;
  /** First day of the period (UTC date, inclusive). Default: 29 days before `to`. The period may span at most 366 days. */
  from?: string | null | undefined;
  /** Only sessions of enrollments taught by this instructor (a member id). */
  instructorId?: string | null | undefined;
  /** Bucket of the series: `day` (default), or `week` (ISO weeks starting on Monday). */
  interval?: string | null | undefined;
  /** Last day of the period (UTC date, inclusive). Default: today, or `from` plus 29 days when only `from` is given. */
  to?: string | null | undefined;
};

/** Who spoke: `instructor`, `student`, or `other` for observers and unmatched speakers. */
export type SpeakerRole =
  | 'instructor'
  | 'other'
  | 'student';

export type SubmitBoardOperationsInput = {
  /** 1 to 100 operations, each at most 32768 bytes as JSON, applied in order in one transaction: one rejected operation rejects the whole submission. */
  operations: Array<BoardOperationInput>;
};

/** `json` (segments array), `webvtt` (WebVTT captions) or `text` (`Speaker: text` lines). */
export type TranscriptFormat =
  | 'json'
  | 'text'
  | 'webvtt';

export type TranscriptSegmentBatchInput = {
  /** 1 to 1000 segments, written in one transaction: one invalid segment rejects the whole batch. */
  segments: Array<TranscriptSegmentInput>;
};

export type TranscriptSegmentInput = {
  /** Idempotency key, unique per session. A later segment with the same key replaces an interim one. A final segment cannot change: resending it unchanged returns the stored one, and different content is a CONFLICT. */
  clientSegmentId: string;
  /** Not before startMs. */
  endMs: number;
  /** false for an interim result that may still change. */
  isFinal?: boolean | null | undefined;
  /** A participant of this session. Default: the participant whose display name or identity equals speakerLabel, ignoring case. */
  participantId?: string | null | undefined;
  speakerLabel: string;
  /** Default: the matched participant’s role, else a guess from the speaker name, else `other`. */
  speakerRole?: SpeakerRole | null | undefined;
  startMs: number;
  text: string;
};

/** `live` from a speech-to-text agent, `upload` from an uploaded transcript file. */
export type TranscriptSegmentSource =
  | 'live'
  | 'upload';

export type UpdateBoardInput = {
  drawPolicy?: BoardDrawPolicy | null | undefined;
  /** true freezes the board for students; instructors and API keys still draw. */
  locked?: boolean | null | undefined;
  /** Participants of the session who may draw under drawPolicy selected; at most 500. */
  selectedParticipantIds?: Array<string> | null | undefined;
  title?: string | null | undefined;
};

export type UpdateEnrollmentInput = {
  /** Replaces the planned sequence. */
  plannedObjectiveCodes?: Array<string> | null | undefined;
  status?: EnrollmentStatus | null | undefined;
};

export type UpdateGuardianInput = {
  email?: string | null | undefined;
  name?: string | null | undefined;
  preferredLanguage?: string | null | undefined;
  relationship?: string | null | undefined;
};

export type UpdateMemberInput = {
  email?: string | null | undefined;
  externalId?: string | null | undefined;
  name?: string | null | undefined;
  role?: MemberRole | null | undefined;
  timeZone?: string | null | undefined;
};

export type UpdateRoomInput = {
  capacity?: number | null | undefined;
  description?: string | null | undefined;
  enabledTools?: Array<RoomTool> | null | undefined;
  name?: string | null | undefined;
};

export type UpdateStudentInput = {
  email?: string | null | undefined;
  externalId?: string | null | undefined;
  gradeLevel?: string | null | undefined;
  name?: string | null | undefined;
  timeZone?: string | null | undefined;
};

export type UpdateWebhookSubscriptionInput = {
  description?: string | null | undefined;
  /** Event types or patterns: a type such as session.started, an area such as session.*, or * for every type. */
  eventTypes?: Array<string> | null | undefined;
  url?: string | null | undefined;
};

export type ActivityFieldsFragment = { id: string, sessionId: string, kind: ActivityKind, questionType: ActivityQuestionType, prompt: string, hasCorrectAnswer: boolean, correctOptionIds: Array<string> | null, correctNumber: number | null, tolerance: number | null, acceptedAnswers: Array<string> | null, objectiveCode: string | null, anonymous: boolean, timeLimitSeconds: number | null, status: ActivityStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null, closeReason: string | null, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> };

export type ActivityResponseFieldsFragment = { id: string, sessionId: string, activityId: string, participantId: string | null, correct: boolean | null, revision: number, submittedAt: string, updatedAt: string, answer: { optionIds: Array<string> | null, number: number | null, text: string | null } };

export type ActivityResultsFieldsFragment = { activityId: string, sessionId: string, kind: ActivityKind, questionType: ActivityQuestionType, status: ActivityStatus, anonymous: boolean, eligible: number, respondents: number, selections: number, correctCount: number | null, incorrectCount: number | null, correctShare: number | null, computedAt: string, options: Array<{ optionId: string, label: string, count: number, correct: boolean | null }>, numeric: { count: number, min: number, max: number, mean: number, median: number } | null, textAnswers: Array<{ answer: string, count: number }> };

export type AlertFieldsFragment = { id: string, sessionId: string, type: AlertType, participantId: string | null, activityId: string | null, message: string, data: unknown, createdAt: string, acknowledgedAt: string | null };

export type AlertSettingsFieldsFragment = { sessionId: string, incorrectShareThreshold: number, missedActivitiesThreshold: number };

export type ActivitiesQueryVariables = Exact<{
  sessionId: string;
}>;


export type ActivitiesQuery = { activities: Array<{ id: string, sessionId: string, kind: ActivityKind, questionType: ActivityQuestionType, prompt: string, hasCorrectAnswer: boolean, correctOptionIds: Array<string> | null, correctNumber: number | null, tolerance: number | null, acceptedAnswers: Array<string> | null, objectiveCode: string | null, anonymous: boolean, timeLimitSeconds: number | null, status: ActivityStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null, closeReason: string | null, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> }> };

export type ActivityQueryVariables = Exact<{
  id: string;
}>;


export type ActivityQuery = { activity: { id: string, sessionId: string, kind: ActivityKind, questionType: ActivityQuestionType, prompt: string, hasCorrectAnswer: boolean, correctOptionIds: Array<string> | null, correctNumber: number | null, tolerance: number | null, acceptedAnswers: Array<string> | null, objectiveCode: string | null, anonymous: boolean, timeLimitSeconds: number | null, status: ActivityStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null, closeReason: string | null, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } };

export type ActivityResultsQueryVariables = Exact<{
  activityId: string;
}>;


export type ActivityResultsQuery = { activityResults: { activityId: string, sessionId: string, kind: ActivityKind, questionType: ActivityQuestionType, status: ActivityStatus, anonymous: boolean, eligible: number, respondents: number, selections: number, correctCount: number | null, incorrectCount: number | null, correctShare: number | null, computedAt: string, options: Array<{ optionId: string, label: string, count: number, correct: boolean | null }>, numeric: { count: number, min: number, max: number, mean: number, median: number } | null, textAnswers: Array<{ answer: string, count: number }> } };

export type ActivityResponsesQueryVariables = Exact<{
  activityId: string;
}>;


export type ActivityResponsesQuery = { activityResponses: Array<{ id: string, sessionId: string, activityId: string, participantId: string | null, displayName: string, correct: boolean | null, revision: number, submittedAt: string, updatedAt: string, answer: { optionIds: Array<string> | null, number: number | null, text: string | null } }> };

export type MyActivityResponseQueryVariables = Exact<{
  activityId: string;
}>;


export type MyActivityResponseQuery = { myActivityResponse: { id: string, sessionId: string, activityId: string, participantId: string | null, correct: boolean | null, revision: number, submittedAt: string, updatedAt: string, answer: { optionIds: Array<string> | null, number: number | null, text: string | null } } | null };

export type CreateActivityMutationVariables = Exact<{
  sessionId: string;
  input: CreateActivityInput;
}>;


export type CreateActivityMutation = { createActivity: { id: string, sessionId: string, kind: ActivityKind, questionType: ActivityQuestionType, prompt: string, hasCorrectAnswer: boolean, correctOptionIds: Array<string> | null, correctNumber: number | null, tolerance: number | null, acceptedAnswers: Array<string> | null, objectiveCode: string | null, anonymous: boolean, timeLimitSeconds: number | null, status: ActivityStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null, closeReason: string | null, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } };

export type OpenActivityMutationVariables = Exact<{
  id: string;
}>;


export type OpenActivityMutation = { openActivity: { id: string, sessionId: string, kind: ActivityKind, questionType: ActivityQuestionType, prompt: string, hasCorrectAnswer: boolean, correctOptionIds: Array<string> | null, correctNumber: number | null, tolerance: number | null, acceptedAnswers: Array<string> | null, objectiveCode: string | null, anonymous: boolean, timeLimitSeconds: number | null, status: ActivityStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null, closeReason: string | null, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } };

export type CloseActivityMutationVariables = Exact<{
  id: string;
}>;


export type CloseActivityMutation = { closeActivity: { id: string, sessionId: string, kind: ActivityKind, questionType: ActivityQuestionType, prompt: string, hasCorrectAnswer: boolean, correctOptionIds: Array<string> | null, correctNumber: number | null, tolerance: number | null, acceptedAnswers: Array<string> | null, objectiveCode: string | null, anonymous: boolean, timeLimitSeconds: number | null, status: ActivityStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null, closeReason: string | null, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } };

export type SubmitActivityResponseMutationVariables = Exact<{
  activityId: string;
  input: ActivityResponseInput;
}>;


export type SubmitActivityResponseMutation = { submitActivityResponse: { id: string, sessionId: string, activityId: string, participantId: string | null, correct: boolean | null, revision: number, submittedAt: string, updatedAt: string, answer: { optionIds: Array<string> | null, number: number | null, text: string | null } } };

export type AlertsQueryVariables = Exact<{
  sessionId: string;
  unacknowledgedOnly?: boolean | null | undefined;
}>;


export type AlertsQuery = { alerts: Array<{ id: string, sessionId: string, type: AlertType, participantId: string | null, activityId: string | null, message: string, data: unknown, createdAt: string, acknowledgedAt: string | null }> };

export type AcknowledgeAlertMutationVariables = Exact<{
  id: string;
}>;


export type AcknowledgeAlertMutation = { acknowledgeAlert: { id: string, sessionId: string, type: AlertType, participantId: string | null, activityId: string | null, message: string, data: unknown, createdAt: string, acknowledgedAt: string | null } };

export type AlertSettingsQueryVariables = Exact<{
  sessionId: string;
}>;


export type AlertSettingsQuery = { alertSettings: { sessionId: string, incorrectShareThreshold: number, missedActivitiesThreshold: number } };

export type UpdateAlertSettingsMutationVariables = Exact<{
  sessionId: string;
  input: AlertSettingsInput;
}>;


export type UpdateAlertSettingsMutation = { updateAlertSettings: { sessionId: string, incorrectShareThreshold: number, missedActivitiesThreshold: number } };

export type ActivityChangedSubscriptionVariables = Exact<{
  sessionId: string;
}>;


export type ActivityChangedSubscription = { activityChanged: { sessionId: string, activityId: string, action: ActivityChangeAction, occurredAt: string, activity: { id: string, sessionId: string, kind: ActivityKind, questionType: ActivityQuestionType, prompt: string, hasCorrectAnswer: boolean, correctOptionIds: Array<string> | null, correctNumber: number | null, tolerance: number | null, acceptedAnswers: Array<string> | null, objectiveCode: string | null, anonymous: boolean, timeLimitSeconds: number | null, status: ActivityStatus, opensAt: string | null, closesAt: string | null, closedAt: string | null, closeReason: string | null, createdAt: string, updatedAt: string, options: Array<{ id: string, label: string }> } } };

export type ActivityResultsUpdatedSubscriptionVariables = Exact<{
  sessionId: string;
}>;


export type ActivityResultsUpdatedSubscription = { activityResultsUpdated: { activityId: string, sessionId: string, kind: ActivityKind, questionType: ActivityQuestionType, status: ActivityStatus, anonymous: boolean, eligible: number, respondents: number, selections: number, correctCount: number | null, incorrectCount: number | null, correctShare: number | null, computedAt: string, options: Array<{ optionId: string, label: string, count: number, correct: boolean | null }>, numeric: { count: number, min: number, max: number, mean: number, median: number } | null, textAnswers: Array<{ answer: string, count: number }> } };

export type InstructorAlertRaisedSubscriptionVariables = Exact<{
  sessionId: string;
}>;


export type InstructorAlertRaisedSubscription = { instructorAlertRaised: { id: string, sessionId: string, type: AlertType, participantId: string | null, activityId: string | null, message: string, data: unknown, createdAt: string, acknowledgedAt: string | null } };

export type BreakoutGroupFieldsFragment = { id: string, sessionId: string, position: number, name: string, strategy: BreakoutStrategy, instructions: string, activityId: string | null, boardId: string | null, livekitRoomName: string, status: BreakoutGroupStatus, closesAt: string, closedAt: string | null, closedReason: BreakoutCloseReason | null, participantIds: Array<string>, createdAt: string, updatedAt: string };

export type BreakoutGroupOutputFieldsFragment = { board: unknown, members: Array<{ participantId: string, displayName: string }>, activity: { activityId: string, responseCount: number, respondentCount: number, correctCount: number } | null, helpRequests: Array<{ participantId: string, message: string | null, requestedAt: string }> };

export type BreakoutMessageFieldsFragment = { id: string, sessionId: string, body: string, groupIds: Array<string>, senderParticipantId: string | null, sentAt: string };

export type BreakoutStatusFieldsFragment = { sessionId: string, readAt: string, groups: Array<{ presentCount: number, absentCount: number, boardOperationCount: number, responseCount: number, respondentCount: number, helpRequestCount: number, lastHelpRequestAt: string | null, group: { id: string, sessionId: string, position: number, name: string, strategy: BreakoutStrategy, instructions: string, activityId: string | null, boardId: string | null, livekitRoomName: string, status: BreakoutGroupStatus, closesAt: string, closedAt: string | null, closedReason: BreakoutCloseReason | null, participantIds: Array<string>, createdAt: string, updatedAt: string }, members: Array<{ participantId: string, displayName: string, present: boolean, lastSeenAt: string | null, removed: boolean }> }> };

export type BreakoutJoinFieldsFragment = { participantId: string, hidden: boolean, participantToken: string, expiresAt: string, expiresInSeconds: number, group: { id: string, sessionId: string, position: number, name: string, strategy: BreakoutStrategy, instructions: string, activityId: string | null, boardId: string | null, livekitRoomName: string, status: BreakoutGroupStatus, closesAt: string, closedAt: string | null, closedReason: BreakoutCloseReason | null, participantIds: Array<string>, createdAt: string, updatedAt: string }, media: { available: boolean, reason: string | null, url: string | null, token: string | null, roomName: string | null } };

export type BreakoutGroupsQueryVariables = Exact<{
  sessionId: string;
}>;


export type BreakoutGroupsQuery = { breakoutGroups: Array<{ id: string, sessionId: string, position: number, name: string, strategy: BreakoutStrategy, instructions: string, activityId: string | null, boardId: string | null, livekitRoomName: string, status: BreakoutGroupStatus, closesAt: string, closedAt: string | null, closedReason: BreakoutCloseReason | null, participantIds: Array<string>, createdAt: string, updatedAt: string, output: { board: unknown, members: Array<{ participantId: string, displayName: string }>, activity: { activityId: string, responseCount: number, respondentCount: number, correctCount: number } | null, helpRequests: Array<{ participantId: string, message: string | null, requestedAt: string }> } | null }> };

export type BreakoutGroupQueryVariables = Exact<{
  sessionId: string;
  groupId: string;
}>;


export type BreakoutGroupQuery = { breakoutGroup: { id: string, sessionId: string, position: number, name: string, strategy: BreakoutStrategy, instructions: string, activityId: string | null, boardId: string | null, livekitRoomName: string, status: BreakoutGroupStatus, closesAt: string, closedAt: string | null, closedReason: BreakoutCloseReason | null, participantIds: Array<string>, createdAt: string, updatedAt: string, output: { board: unknown, members: Array<{ participantId: string, displayName: string }>, activity: { activityId: string, responseCount: number, respondentCount: number, correctCount: number } | null, helpRequests: Array<{ participantId: string, message: string | null, requestedAt: string }> } | null } };

export type BreakoutStatusQueryVariables = Exact<{
  sessionId: string;
}>;


export type BreakoutStatusQuery = { breakoutStatus: { sessionId: string, readAt: string, groups: Array<{ presentCount: number, absentCount: number, boardOperationCount: number, responseCount: number, respondentCount: number, helpRequestCount: number, lastHelpRequestAt: string | null, group: { id: string, sessionId: string, position: number, name: string, strategy: BreakoutStrategy, instructions: string, activityId: string | null, boardId: string | null, livekitRoomName: string, status: BreakoutGroupStatus, closesAt: string, closedAt: string | null, closedReason: BreakoutCloseReason | null, participantIds: Array<string>, createdAt: string, updatedAt: string }, members: Array<{ participantId: string, displayName: string, present: boolean, lastSeenAt: string | null, removed: boolean }> }> } };

export type BreakoutMessagesQueryVariables = Exact<{
  sessionId: string;
}>;


export type BreakoutMessagesQuery = { breakoutMessages: Array<{ id: string, sessionId: string, body: string, groupIds: Array<string>, senderParticipantId: string | null, sentAt: string }> };

export type CreateBreakoutGroupsMutationVariables = Exact<{
  sessionId: string;
  input: CreateBreakoutGroupsInput;
}>;


export type CreateBreakoutGroupsMutation = { createBreakoutGroups: Array<{ id: string, sessionId: string, position: number, name: string, strategy: BreakoutStrategy, instructions: string, activityId: string | null, boardId: string | null, livekitRoomName: string, status: BreakoutGroupStatus, closesAt: string, closedAt: string | null, closedReason: BreakoutCloseReason | null, participantIds: Array<string>, createdAt: string, updatedAt: string }> };

export type CloseBreakoutGroupMutationVariables = Exact<{
  sessionId: string;
  groupId: string;
}>;


export type CloseBreakoutGroupMutation = { closeBreakoutGroup: { id: string, sessionId: string, position: number, name: string, strategy: BreakoutStrategy, instructions: string, activityId: string | null, boardId: string | null, livekitRoomName: string, status: BreakoutGroupStatus, closesAt: string, closedAt: string | null, closedReason: BreakoutCloseReason | null, participantIds: Array<string>, createdAt: string, updatedAt: string, output: { board: unknown, members: Array<{ participantId: string, displayName: string }>, activity: { activityId: string, responseCount: number, respondentCount: number, correctCount: number } | null, helpRequests: Array<{ participantId: string, message: string | null, requestedAt: string }> } | null } };

export type CloseBreakoutGroupsMutationVariables = Exact<{
  sessionId: string;
}>;


export type CloseBreakoutGroupsMutation = { closeBreakoutGroups: Array<{ id: string, sessionId: string, position: number, name: string, strategy: BreakoutStrategy, instructions: string, activityId: string | null, boardId: string | null, livekitRoomName: string, status: BreakoutGroupStatus, closesAt: string, closedAt: string | null, closedReason: BreakoutCloseReason | null, participantIds: Array<string>, createdAt: string, updatedAt: string, output: { board: unknown, members: Array<{ participantId: string, displayName: string }>, activity: { activityId: string, responseCount: number, respondentCount: number, correctCount: number } | null, helpRequests: Array<{ participantId: string, message: string | null, requestedAt: string }> } | null }> };

export type JoinBreakoutGroupMutationVariables = Exact<{
  sessionId: string;
  groupId: string;
  participantId?: string | null | undefined;
}>;


export type JoinBreakoutGroupMutation = { joinBreakoutGroup: { participantId: string, hidden: boolean, participantToken: string, expiresAt: string, expiresInSeconds: number, group: { id: string, sessionId: string, position: number, name: string, strategy: BreakoutStrategy, instructions: string, activityId: string | null, boardId: string | null, livekitRoomName: string, status: BreakoutGroupStatus, closesAt: string, closedAt: string | null, closedReason: BreakoutCloseReason | null, participantIds: Array<string>, createdAt: string, updatedAt: string }, media: { available: boolean, reason: string | null, url: string | null, token: string | null, roomName: string | null } } };

export type ListenToBreakoutGroupMutationVariables = Exact<{
  sessionId: string;
  groupId: string;
  participantId?: string | null | undefined;
}>;


export type ListenToBreakoutGroupMutation = { listenToBreakoutGroup: { participantId: string, hidden: boolean, participantToken: string, expiresAt: string, expiresInSeconds: number, group: { id: string, sessionId: string, position: number, name: string, strategy: BreakoutStrategy, instructions: string, activityId: string | null, boardId: string | null, livekitRoomName: string, status: BreakoutGroupStatus, closesAt: string, closedAt: string | null, closedReason: BreakoutCloseReason | null, participantIds: Array<string>, createdAt: string, updatedAt: string }, media: { available: boolean, reason: string | null, url: string | null, token: string | null, roomName: string | null } } };

export type RequestBreakoutHelpMutationVariables = Exact<{
  sessionId: string;
  groupId: string;
  input?: BreakoutHelpInput | null | undefined;
}>;


export type RequestBreakoutHelpMutation = { requestBreakoutHelp: { participantId: string, message: string | null, requestedAt: string } };

export type ReportBreakoutPresenceMutationVariables = Exact<{
  sessionId: string;
  groupId: string;
  input: BreakoutPresenceInput;
}>;


export type ReportBreakoutPresenceMutation = { reportBreakoutPresence: { id: string, sessionId: string, position: number, name: string, strategy: BreakoutStrategy, instructions: string, activityId: string | null, boardId: string | null, livekitRoomName: string, status: BreakoutGroupStatus, closesAt: string, closedAt: string | null, closedReason: BreakoutCloseReason | null, participantIds: Array<string>, createdAt: string, updatedAt: string } };

export type BroadcastBreakoutMessageMutationVariables = Exact<{
  sessionId: string;
  input: BroadcastBreakoutMessageInput;
}>;


export type BroadcastBreakoutMessageMutation = { broadcastBreakoutMessage: { id: string, sessionId: string, body: string, groupIds: Array<string>, senderParticipantId: string | null, sentAt: string } };

export type BreakoutStatusChangedSubscriptionVariables = Exact<{
  sessionId: string;
}>;


export type BreakoutStatusChangedSubscription = { breakoutStatusChanged: { sessionId: string, readAt: string, groups: Array<{ presentCount: number, absentCount: number, boardOperationCount: number, responseCount: number, respondentCount: number, helpRequestCount: number, lastHelpRequestAt: string | null, group: { id: string, sessionId: string, position: number, name: string, strategy: BreakoutStrategy, instructions: string, activityId: string | null, boardId: string | null, livekitRoomName: string, status: BreakoutGroupStatus, closesAt: string, closedAt: string | null, closedReason: BreakoutCloseReason | null, participantIds: Array<string>, createdAt: string, updatedAt: string }, members: Array<{ participantId: string, displayName: string, present: boolean, lastSeenAt: string | null, removed: boolean }> }> } };

export type BreakoutMessagePostedSubscriptionVariables = Exact<{
  sessionId: string;
}>;


export type BreakoutMessagePostedSubscription = { breakoutMessagePosted: { id: string, sessionId: string, body: string, groupIds: Array<string>, senderParticipantId: string | null, sentAt: string } };

export type SessionBriefFieldsFragment = { id: string, sessionId: string, status: SessionBriefStatus, trigger: SessionBriefTrigger, inputHash: string, sourceRecapIds: Array<string>, omittedRecapIds: Array<string>, currentVersionNumber: number, provider: string, model: string, promptVersion: string, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, jobId: string, createdAt: string, updatedAt: string, content: { summary: string, focusPoints: Array<string>, warmUpQuestions: Array<{ question: string, gap: string }> }, facts: { sessionTitle: string, scheduledStart: string, plannedObjectives: Array<{ code: string, title: string }>, recentSessions: Array<{ recapId: string, sessionId: string, sessionTitle: string, startedAt: string, summary: string, nextSteps: Array<string>, objectiveCodes: Array<string> }>, openMisconceptions: Array<{ description: string, recapId: string, sessionId: string, sessionTitle: string, startedAt: string }>, students: Array<{ studentId: string, name: string, progress: Array<{ objectiveCode: string, objectiveTitle: string, status: string }>, attendance: { sessions: number, attended: number, late: number, absent: number }, engagement: { scores: Array<number>, slope: number | null, trend: string } }> }, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, reviewer: { kind: string, id: string | null } | null, versions: Array<{ id: string, number: number, source: string, note: string | null, createdAt: string, editor: { kind: string, id: string | null }, content: { summary: string, focusPoints: Array<string>, warmUpQuestions: Array<{ question: string, gap: string }> } }> };

export type SessionBriefQueryVariables = Exact<{
  sessionId: string;
}>;


export type SessionBriefQuery = { sessionBrief: { id: string, sessionId: string, status: SessionBriefStatus, trigger: SessionBriefTrigger, inputHash: string, sourceRecapIds: Array<string>, omittedRecapIds: Array<string>, currentVersionNumber: number, provider: string, model: string, promptVersion: string, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, jobId: string, createdAt: string, updatedAt: string, content: { summary: string, focusPoints: Array<string>, warmUpQuestions: Array<{ question: string, gap: string }> }, facts: { sessionTitle: string, scheduledStart: string, plannedObjectives: Array<{ code: string, title: string }>, recentSessions: Array<{ recapId: string, sessionId: string, sessionTitle: string, startedAt: string, summary: string, nextSteps: Array<string>, objectiveCodes: Array<string> }>, openMisconceptions: Array<{ description: string, recapId: string, sessionId: string, sessionTitle: string, startedAt: string }>, students: Array<{ studentId: string, name: string, progress: Array<{ objectiveCode: string, objectiveTitle: string, status: string }>, attendance: { sessions: number, attended: number, late: number, absent: number }, engagement: { scores: Array<number>, slope: number | null, trend: string } }> }, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, reviewer: { kind: string, id: string | null } | null, versions: Array<{ id: string, number: number, source: string, note: string | null, createdAt: string, editor: { kind: string, id: string | null }, content: { summary: string, focusPoints: Array<string>, warmUpQuestions: Array<{ question: string, gap: string }> } }> } | null };

export type SessionBriefByIdQueryVariables = Exact<{
  id: string;
}>;


export type SessionBriefByIdQuery = { sessionBriefById: { id: string, sessionId: string, status: SessionBriefStatus, trigger: SessionBriefTrigger, inputHash: string, sourceRecapIds: Array<string>, omittedRecapIds: Array<string>, currentVersionNumber: number, provider: string, model: string, promptVersion: string, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, jobId: string, createdAt: string, updatedAt: string, content: { summary: string, focusPoints: Array<string>, warmUpQuestions: Array<{ question: string, gap: string }> }, facts: { sessionTitle: string, scheduledStart: string, plannedObjectives: Array<{ code: string, title: string }>, recentSessions: Array<{ recapId: string, sessionId: string, sessionTitle: string, startedAt: string, summary: string, nextSteps: Array<string>, objectiveCodes: Array<string> }>, openMisconceptions: Array<{ description: string, recapId: string, sessionId: string, sessionTitle: string, startedAt: string }>, students: Array<{ studentId: string, name: string, progress: Array<{ objectiveCode: string, objectiveTitle: string, status: string }>, attendance: { sessions: number, attended: number, late: number, absent: number }, engagement: { scores: Array<number>, slope: number | null, trend: string } }> }, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, reviewer: { kind: string, id: string | null } | null, versions: Array<{ id: string, number: number, source: string, note: string | null, createdAt: string, editor: { kind: string, id: string | null }, content: { summary: string, focusPoints: Array<string>, warmUpQuestions: Array<{ question: string, gap: string }> } }> } };

export type RequestSessionBriefMutationVariables = Exact<{
  sessionId: string;
}>;


export type RequestSessionBriefMutation = { requestSessionBrief: { id: string, kind: string, status: JobStatus, attempts: number, maxAttempts: number, lastError: string | null, runAt: string, finishedAt: string | null, createdAt: string, updatedAt: string } };

export type EditSessionBriefMutationVariables = Exact<{
  id: string;
  input: EditSessionBriefInput;
}>;


export type EditSessionBriefMutation = { editSessionBrief: { id: string, sessionId: string, status: SessionBriefStatus, trigger: SessionBriefTrigger, inputHash: string, sourceRecapIds: Array<string>, omittedRecapIds: Array<string>, currentVersionNumber: number, provider: string, model: string, promptVersion: string, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, jobId: string, createdAt: string, updatedAt: string, content: { summary: string, focusPoints: Array<string>, warmUpQuestions: Array<{ question: string, gap: string }> }, facts: { sessionTitle: string, scheduledStart: string, plannedObjectives: Array<{ code: string, title: string }>, recentSessions: Array<{ recapId: string, sessionId: string, sessionTitle: string, startedAt: string, summary: string, nextSteps: Array<string>, objectiveCodes: Array<string> }>, openMisconceptions: Array<{ description: string, recapId: string, sessionId: string, sessionTitle: string, startedAt: string }>, students: Array<{ studentId: string, name: string, progress: Array<{ objectiveCode: string, objectiveTitle: string, status: string }>, attendance: { sessions: number, attended: number, late: number, absent: number }, engagement: { scores: Array<number>, slope: number | null, trend: string } }> }, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, reviewer: { kind: string, id: string | null } | null, versions: Array<{ id: string, number: number, source: string, note: string | null, createdAt: string, editor: { kind: string, id: string | null }, content: { summary: string, focusPoints: Array<string>, warmUpQuestions: Array<{ question: string, gap: string }> } }> } };

export type ApproveSessionBriefMutationVariables = Exact<{
  id: string;
}>;


export type ApproveSessionBriefMutation = { approveSessionBrief: { id: string, sessionId: string, status: SessionBriefStatus, trigger: SessionBriefTrigger, inputHash: string, sourceRecapIds: Array<string>, omittedRecapIds: Array<string>, currentVersionNumber: number, provider: string, model: string, promptVersion: string, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, jobId: string, createdAt: string, updatedAt: string, content: { summary: string, focusPoints: Array<string>, warmUpQuestions: Array<{ question: string, gap: string }> }, facts: { sessionTitle: string, scheduledStart: string, plannedObjectives: Array<{ code: string, title: string }>, recentSessions: Array<{ recapId: string, sessionId: string, sessionTitle: string, startedAt: string, summary: string, nextSteps: Array<string>, objectiveCodes: Array<string> }>, openMisconceptions: Array<{ description: string, recapId: string, sessionId: string, sessionTitle: string, startedAt: string }>, students: Array<{ studentId: string, name: string, progress: Array<{ objectiveCode: string, objectiveTitle: string, status: string }>, attendance: { sessions: number, attended: number, late: number, absent: number }, engagement: { scores: Array<number>, slope: number | null, trend: string } }> }, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, reviewer: { kind: string, id: string | null } | null, versions: Array<{ id: string, number: number, source: string, note: string | null, createdAt: string, editor: { kind: string, id: string | null }, content: { summary: string, focusPoints: Array<string>, warmUpQuestions: Array<{ question: string, gap: string }> } }> } };

export type RejectSessionBriefMutationVariables = Exact<{
  id: string;
  input: RejectSessionBriefInput;
}>;


export type RejectSessionBriefMutation = { rejectSessionBrief: { id: string, sessionId: string, status: SessionBriefStatus, trigger: SessionBriefTrigger, inputHash: string, sourceRecapIds: Array<string>, omittedRecapIds: Array<string>, currentVersionNumber: number, provider: string, model: string, promptVersion: string, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, jobId: string, createdAt: string, updatedAt: string, content: { summary: string, focusPoints: Array<string>, warmUpQuestions: Array<{ question: string, gap: string }> }, facts: { sessionTitle: string, scheduledStart: string, plannedObjectives: Array<{ code: string, title: string }>, recentSessions: Array<{ recapId: string, sessionId: string, sessionTitle: string, startedAt: string, summary: string, nextSteps: Array<string>, objectiveCodes: Array<string> }>, openMisconceptions: Array<{ description: string, recapId: string, sessionId: string, sessionTitle: string, startedAt: string }>, students: Array<{ studentId: string, name: string, progress: Array<{ objectiveCode: string, objectiveTitle: string, status: string }>, attendance: { sessions: number, attended: number, late: number, absent: number }, engagement: { scores: Array<number>, slope: number | null, trend: string } }> }, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, reviewer: { kind: string, id: string | null } | null, versions: Array<{ id: string, number: number, source: string, note: string | null, createdAt: string, editor: { kind: string, id: string | null }, content: { summary: string, focusPoints: Array<string>, warmUpQuestions: Array<{ question: string, gap: string }> } }> } };

export type ChatMessageFieldsFragment = { id: string, sessionId: string, participantId: string, senderName: string, senderRole: string, apiKeyId: string | null, body: string, sentAt: string };

export type ChatMessagesQueryVariables = Exact<{
  sessionId: string;
  last?: number | null | undefined;
}>;


export type ChatMessagesQuery = { chatMessages: Array<{ id: string, sessionId: string, participantId: string, senderName: string, senderRole: string, apiKeyId: string | null, body: string, sentAt: string }> };

export type SendChatMessageMutationVariables = Exact<{
  sessionId: string;
  input: SendChatMessageInput;
}>;


export type SendChatMessageMutation = { sendChatMessage: { id: string, sessionId: string, participantId: string, senderName: string, senderRole: string, apiKeyId: string | null, body: string, sentAt: string } };

export type ChatMessagePostedSubscriptionVariables = Exact<{
  sessionId: string;
}>;


export type ChatMessagePostedSubscription = { chatMessagePosted: { id: string, sessionId: string, participantId: string, senderName: string, senderRole: string, apiKeyId: string | null, body: string, sentAt: string } };

export type ObjectiveFieldsFragment = { id: string, curriculumId: string, code: string, title: string, description: string | null, grade: string | null, domain: string | null, domainCode: string | null, cluster: string | null, clusterCode: string | null, clusterEmphasis: string | null, parentCode: string | null, prerequisiteCodes: Array<string>, position: number, createdAt: string };

export type CurriculumFieldsFragment = { id: string, name: string, subject: string | null, description: string | null, gradeLevels: Array<string>, source: string | null, sourceUrl: string | null, license: string | null, licenseNotice: string | null, licenseUrl: string | null, createdAt: string, updatedAt: string };

export type CurriculumQueryVariables = Exact<{
  id: string;
}>;


export type CurriculumQuery = { curriculum: { id: string, name: string, subject: string | null, description: string | null, gradeLevels: Array<string>, source: string | null, sourceUrl: string | null, license: string | null, licenseNotice: string | null, licenseUrl: string | null, createdAt: string, updatedAt: string, objectives: Array<{ id: string, curriculumId: string, code: string, title: string, description: string | null, grade: string | null, domain: string | null, domainCode: string | null, cluster: string | null, clusterCode: string | null, clusterEmphasis: string | null, parentCode: string | null, prerequisiteCodes: Array<string>, position: number, createdAt: string }> } };

export type CurriculaQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CurriculaQuery = { curricula: { nodes: Array<{ id: string, name: string, subject: string | null, description: string | null, gradeLevels: Array<string>, source: string | null, sourceUrl: string | null, license: string | null, licenseNotice: string | null, licenseUrl: string | null, createdAt: string, updatedAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateCurriculumMutationVariables = Exact<{
  input: CreateCurriculumInput;
}>;


export type CreateCurriculumMutation = { createCurriculum: { id: string, name: string, subject: string | null, description: string | null, gradeLevels: Array<string>, source: string | null, sourceUrl: string | null, license: string | null, licenseNotice: string | null, licenseUrl: string | null, createdAt: string, updatedAt: string, objectives: Array<{ id: string, curriculumId: string, code: string, title: string, description: string | null, grade: string | null, domain: string | null, domainCode: string | null, cluster: string | null, clusterCode: string | null, clusterEmphasis: string | null, parentCode: string | null, prerequisiteCodes: Array<string>, position: number, createdAt: string }> } };

export type AddObjectivesMutationVariables = Exact<{
  curriculumId: string;
  input: AddObjectivesInput;
}>;


export type AddObjectivesMutation = { addObjectives: Array<{ id: string, curriculumId: string, code: string, title: string, description: string | null, grade: string | null, domain: string | null, domainCode: string | null, cluster: string | null, clusterCode: string | null, clusterEmphasis: string | null, parentCode: string | null, prerequisiteCodes: Array<string>, position: number, createdAt: string }> };

export type ImportCurriculumMutationVariables = Exact<{
  document: string;
}>;


export type ImportCurriculumMutation = { importCurriculum: { objectiveCount: number, warnings: Array<{ field: string, reason: string, message: string }>, curriculum: { id: string, name: string, subject: string | null, description: string | null, gradeLevels: Array<string>, source: string | null, sourceUrl: string | null, license: string | null, licenseNotice: string | null, licenseUrl: string | null, createdAt: string, updatedAt: string, objectives: Array<{ id: string, curriculumId: string, code: string, title: string, description: string | null, grade: string | null, domain: string | null, domainCode: string | null, cluster: string | null, clusterCode: string | null, clusterEmphasis: string | null, parentCode: string | null, prerequisiteCodes: Array<string>, position: number, createdAt: string }> } } };

export type MetricSpreadFieldsFragment = { sessions: number, mean: number | null, stdDev: number | null, min: number | null, max: number | null };

export type SessionVolumePointFieldsFragment = { start: string, sessions: number, openSessions: number, endedSessions: number, documentedSessions: number, cancelledSessions: number, heldSessions: number, documentedWithRecap: number, documentationRate: number | null, expectedStudents: number, attendedStudents: number, attendanceRate: number | null };

export type AtRiskStudentsDashboardQueryVariables = Exact<{
  filter?: AtRiskDashboardFilter | null | undefined;
}>;


export type AtRiskStudentsDashboardQuery = { atRiskStudentsDashboard: { studentsInPeriod: number, atRiskStudents: number, period: { from: string, to: string, days: number }, students: Array<{ studentId: string, studentName: string, level: RiskLevel, score: number, computedAt: string, lastSessionId: string, sessionsInPeriod: number, attendedInPeriod: number, lateJoinsInPeriod: number, meanParticipationScore: number | null, checksAnswered: number, checksCorrect: number, factors: Array<{ kind: RiskSignalKind, score: number, explanation: string }> }> } };

export type InstructorConsistencyDashboardQueryVariables = Exact<{
  filter?: DashboardFilter | null | undefined;
}>;


export type InstructorConsistencyDashboardQuery = { instructorConsistencyDashboard: { period: { from: string, to: string, days: number }, instructors: Array<{ instructorId: string, instructorName: string, sessions: number, documentedSessions: number, recapApprovalDelaySeconds: { sessions: number, mean: number | null, stdDev: number | null, min: number | null, max: number | null }, participationScore: { sessions: number, mean: number | null, stdDev: number | null, min: number | null, max: number | null }, coverageShare: { sessions: number, mean: number | null, stdDev: number | null, min: number | null, max: number | null }, correctShare: { sessions: number, mean: number | null, stdDev: number | null, min: number | null, max: number | null } }> } };

export type CurriculumGapsDashboardQueryVariables = Exact<{
  filter?: CurriculumGapsDashboardFilter | null | undefined;
}>;


export type CurriculumGapsDashboardQuery = { curriculumGapsDashboard: { period: { from: string, to: string, days: number }, objectives: Array<{ objectiveId: string, objectiveCode: string, objectiveTitle: string, curriculumId: string, occurrences: number, coveredCount: number, partiallyCoveredCount: number, skippedCount: number, notLandingCount: number, gapShare: number, checksAnswered: number, correctShare: number | null }> } };

export type SessionVolumeDashboardQueryVariables = Exact<{
  filter?: SessionVolumeDashboardFilter | null | undefined;
}>;


export type SessionVolumeDashboardQuery = { sessionVolumeDashboard: { interval: string, period: { from: string, to: string, days: number }, totals: { start: string, sessions: number, openSessions: number, endedSessions: number, documentedSessions: number, cancelledSessions: number, heldSessions: number, documentedWithRecap: number, documentationRate: number | null, expectedStudents: number, attendedStudents: number, attendanceRate: number | null }, series: Array<{ start: string, sessions: number, openSessions: number, endedSessions: number, documentedSessions: number, cancelledSessions: number, heldSessions: number, documentedWithRecap: number, documentationRate: number | null, expectedStudents: number, attendedStudents: number, attendanceRate: number | null }> } };

export type RebuildDashboardRollupsMutationVariables = Exact<{ [key: string]: never; }>;


export type RebuildDashboardRollupsMutation = { rebuildDashboardRollups: { sessions: number, studentSessions: number, durationMs: number } };

export type EngagementEventFieldsFragment = { id: string, sessionId: string, participantId: string, type: EngagementEventType, source: string, participantKind: string, clientEventId: string | null, occurredAt: string, receivedAt: string, durationMs: number | null, data: unknown };

export type EngagementIngestResultFieldsFragment = { sessionId: string, received: number, accepted: number, duplicates: number };

export type ParticipantEngagementFieldsFragment = { participantId: string, role: ParticipantRole, displayName: string, studentId: string | null, attendedMinutes: number, attendanceShare: number | null, talkSeconds: number, talkShare: number, responses: number, gradedResponses: number, correctResponses: number, correctRate: number | null, boardOperations: number, attentionShare: number | null, handRaises: number, chatMessages: number, reactions: number, helpRequests: number, participationScore: number };

export type RecordEngagementEventMutationVariables = Exact<{
  sessionId: string;
  input: EngagementEventInput;
}>;


export type RecordEngagementEventMutation = { recordEngagementEvent: { sessionId: string, received: number, accepted: number, duplicates: number } };

export type RecordEngagementEventsMutationVariables = Exact<{
  sessionId: string;
  input: EngagementEventBatchInput;
}>;


export type RecordEngagementEventsMutation = { recordEngagementEvents: { sessionId: string, received: number, accepted: number, duplicates: number } };

export type EngagementEventsQueryVariables = Exact<{
  sessionId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  type?: EngagementEventType | null | undefined;
  participantId?: string | null | undefined;
}>;


export type EngagementEventsQuery = { engagementEvents: { nodes: Array<{ id: string, sessionId: string, participantId: string, type: EngagementEventType, source: string, participantKind: string, clientEventId: string | null, occurredAt: string, receivedAt: string, durationMs: number | null, data: unknown }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SessionEngagementQueryVariables = Exact<{
  sessionId: string;
}>;


export type SessionEngagementQuery = { sessionEngagement: { sessionId: string, sessionStatus: SessionStatus, sessionMinutes: number, totalTalkSeconds: number, computedAt: string, participants: Array<{ participantId: string, role: ParticipantRole, displayName: string, studentId: string | null, attendedMinutes: number, attendanceShare: number | null, talkSeconds: number, talkShare: number, responses: number, gradedResponses: number, correctResponses: number, correctRate: number | null, boardOperations: number, attentionShare: number | null, handRaises: number, chatMessages: number, reactions: number, helpRequests: number, participationScore: number }> } };

export type StudentEngagementTrendQueryVariables = Exact<{
  studentId: string;
  last?: number | null | undefined;
}>;


export type StudentEngagementTrendQuery = { studentEngagementTrend: { studentId: string, slope: number | null, movingAverage: number | null, sessions: Array<{ sessionId: string, sessionTitle: string, startedAt: string, participantId: string, participationScore: number, attendedMinutes: number, movingAverage: number }> } };

export type EnrollmentFieldsFragment = { id: string, studentId: string, instructorId: string, curriculumId: string, plannedObjectiveCodes: Array<string>, startDate: string, status: EnrollmentStatus, createdAt: string, updatedAt: string };

export type EnrollmentQueryVariables = Exact<{
  id: string;
}>;


export type EnrollmentQuery = { enrollment: { id: string, studentId: string, instructorId: string, curriculumId: string, plannedObjectiveCodes: Array<string>, startDate: string, status: EnrollmentStatus, createdAt: string, updatedAt: string, student: { id: string, name: string }, instructor: { id: string, name: string }, curriculum: { id: string, name: string } } };

export type EnrollmentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  studentId?: string | null | undefined;
  instructorId?: string | null | undefined;
  curriculumId?: string | null | undefined;
  status?: EnrollmentStatus | null | undefined;
}>;


export type EnrollmentsQuery = { enrollments: { nodes: Array<{ id: string, studentId: string, instructorId: string, curriculumId: string, plannedObjectiveCodes: Array<string>, startDate: string, status: EnrollmentStatus, createdAt: string, updatedAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateEnrollmentMutationVariables = Exact<{
  input: CreateEnrollmentInput;
}>;


export type CreateEnrollmentMutation = { createEnrollment: { id: string, studentId: string, instructorId: string, curriculumId: string, plannedObjectiveCodes: Array<string>, startDate: string, status: EnrollmentStatus, createdAt: string, updatedAt: string } };

export type UpdateEnrollmentMutationVariables = Exact<{
  id: string;
  input: UpdateEnrollmentInput;
}>;


export type UpdateEnrollmentMutation = { updateEnrollment: { id: string, studentId: string, instructorId: string, curriculumId: string, plannedObjectiveCodes: Array<string>, startDate: string, status: EnrollmentStatus, createdAt: string, updatedAt: string } };

export type JobQueryVariables = Exact<{
  id: string;
}>;


export type JobQuery = { job: { id: string, kind: string, status: JobStatus, attempts: number, maxAttempts: number, lastError: string | null, runAt: string, finishedAt: string | null, createdAt: string, updatedAt: string } };

export type MemberFieldsFragment = { id: string, name: string, email: string, role: MemberRole, externalId: string | null, timeZone: string | null, deactivatedAt: string | null, createdAt: string, updatedAt: string };

export type MemberQueryVariables = Exact<{
  id: string;
}>;


export type MemberQuery = { member: { id: string, name: string, email: string, role: MemberRole, externalId: string | null, timeZone: string | null, deactivatedAt: string | null, createdAt: string, updatedAt: string } };

export type MembersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  role?: MemberRole | null | undefined;
}>;


export type MembersQuery = { members: { nodes: Array<{ id: string, name: string, email: string, role: MemberRole, externalId: string | null, timeZone: string | null, deactivatedAt: string | null, createdAt: string, updatedAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateMemberMutationVariables = Exact<{
  input: CreateMemberInput;
}>;


export type CreateMemberMutation = { createMember: { id: string, name: string, email: string, role: MemberRole, externalId: string | null, timeZone: string | null, deactivatedAt: string | null, createdAt: string, updatedAt: string } };

export type UpdateMemberMutationVariables = Exact<{
  id: string;
  input: UpdateMemberInput;
}>;


export type UpdateMemberMutation = { updateMember: { id: string, name: string, email: string, role: MemberRole, externalId: string | null, timeZone: string | null, deactivatedAt: string | null, createdAt: string, updatedAt: string } };

export type DeactivateMemberMutationVariables = Exact<{
  id: string;
}>;


export type DeactivateMemberMutation = { deactivateMember: { id: string, name: string, email: string, role: MemberRole, externalId: string | null, timeZone: string | null, deactivatedAt: string | null, createdAt: string, updatedAt: string } };

export type OrganizationFieldsFragment = { id: string, name: string, timeZone: string, isPlatform: boolean, createdAt: string };

export type ApiKeyFieldsFragment = { id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null };

export type OrganizationQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationQuery = { organization: { id: string, name: string, timeZone: string, isPlatform: boolean, createdAt: string } };

export type CreateOrganizationMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type CreateOrganizationMutation = { createOrganization: { organization: { id: string, name: string, timeZone: string, isPlatform: boolean, createdAt: string }, adminKey: { secret: string, apiKey: { id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } } };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export type ParentUpdateDeliveryFieldsFragment = { id: string, parentUpdateId: string, guardianId: string, recipient: string, status: ParentUpdateDeliveryStatus, attempts: number, reason: string | null, lastError: string | null, messageId: string | null, jobId: string | null, sentAt: string | null, failedAt: string | null, createdAt: string, updatedAt: string };

export type ParentUpdateFieldsFragment = { id: string, sessionId: string, recapId: string, recapVersion: number, studentId: string, guardianId: string, status: ParentUpdateStatus, language: string, requestedLanguage: string, languageNote: string | null, subject: string, body: string, currentVersionNumber: number, provider: string, model: string, promptVersion: string, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, reviewer: { kind: string, id: string | null } | null, delivery: { id: string, parentUpdateId: string, guardianId: string, recipient: string, status: ParentUpdateDeliveryStatus, attempts: number, reason: string | null, lastError: string | null, messageId: string | null, jobId: string | null, sentAt: string | null, failedAt: string | null, createdAt: string, updatedAt: string } | null };

export type ParentUpdateQueryVariables = Exact<{
  id: string;
}>;


export type ParentUpdateQuery = { parentUpdate: { id: string, sessionId: string, recapId: string, recapVersion: number, studentId: string, guardianId: string, status: ParentUpdateStatus, language: string, requestedLanguage: string, languageNote: string | null, subject: string, body: string, currentVersionNumber: number, provider: string, model: string, promptVersion: string, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, versions: Array<{ id: string, number: number, source: string, subject: string, body: string, note: string | null, createdAt: string, editor: { kind: string, id: string | null } }>, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, reviewer: { kind: string, id: string | null } | null, delivery: { id: string, parentUpdateId: string, guardianId: string, recipient: string, status: ParentUpdateDeliveryStatus, attempts: number, reason: string | null, lastError: string | null, messageId: string | null, jobId: string | null, sentAt: string | null, failedAt: string | null, createdAt: string, updatedAt: string } | null } };

export type ParentUpdatesQueryVariables = Exact<{
  sessionId?: string | null | undefined;
  status?: ParentUpdateStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ParentUpdatesQuery = { parentUpdates: { nodes: Array<{ id: string, sessionId: string, recapId: string, recapVersion: number, studentId: string, guardianId: string, status: ParentUpdateStatus, language: string, requestedLanguage: string, languageNote: string | null, subject: string, body: string, currentVersionNumber: number, provider: string, model: string, promptVersion: string, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, reviewer: { kind: string, id: string | null } | null, delivery: { id: string, parentUpdateId: string, guardianId: string, recipient: string, status: ParentUpdateDeliveryStatus, attempts: number, reason: string | null, lastError: string | null, messageId: string | null, jobId: string | null, sentAt: string | null, failedAt: string | null, createdAt: string, updatedAt: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EditParentUpdateMutationVariables = Exact<{
  id: string;
  input: EditParentUpdateInput;
}>;


export type EditParentUpdateMutation = { editParentUpdate: { id: string, sessionId: string, recapId: string, recapVersion: number, studentId: string, guardianId: string, status: ParentUpdateStatus, language: string, requestedLanguage: string, languageNote: string | null, subject: string, body: string, currentVersionNumber: number, provider: string, model: string, promptVersion: string, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, reviewer: { kind: string, id: string | null } | null, delivery: { id: string, parentUpdateId: string, guardianId: string, recipient: string, status: ParentUpdateDeliveryStatus, attempts: number, reason: string | null, lastError: string | null, messageId: string | null, jobId: string | null, sentAt: string | null, failedAt: string | null, createdAt: string, updatedAt: string } | null } };

export type ApproveParentUpdateMutationVariables = Exact<{
  id: string;
}>;


export type ApproveParentUpdateMutation = { approveParentUpdate: { id: string, sessionId: string, recapId: string, recapVersion: number, studentId: string, guardianId: string, status: ParentUpdateStatus, language: string, requestedLanguage: string, languageNote: string | null, subject: string, body: string, currentVersionNumber: number, provider: string, model: string, promptVersion: string, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, reviewer: { kind: string, id: string | null } | null, delivery: { id: string, parentUpdateId: string, guardianId: string, recipient: string, status: ParentUpdateDeliveryStatus, attempts: number, reason: string | null, lastError: string | null, messageId: string | null, jobId: string | null, sentAt: string | null, failedAt: string | null, createdAt: string, updatedAt: string } | null } };

export type RejectParentUpdateMutationVariables = Exact<{
  id: string;
  input: RejectParentUpdateInput;
}>;


export type RejectParentUpdateMutation = { rejectParentUpdate: { id: string, sessionId: string, recapId: string, recapVersion: number, studentId: string, guardianId: string, status: ParentUpdateStatus, language: string, requestedLanguage: string, languageNote: string | null, subject: string, body: string, currentVersionNumber: number, provider: string, model: string, promptVersion: string, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, reviewer: { kind: string, id: string | null } | null, delivery: { id: string, parentUpdateId: string, guardianId: string, recipient: string, status: ParentUpdateDeliveryStatus, attempts: number, reason: string | null, lastError: string | null, messageId: string | null, jobId: string | null, sentAt: string | null, failedAt: string | null, createdAt: string, updatedAt: string } | null } };

export type ProgressEvidenceFieldsFragment = { id: string, kind: ProgressEvidenceKind, sessionId: string | null, activityId: string | null, recapId: string | null, correct: boolean | null, recapConfidence: number | null, ratedStatus: ProgressStatus | null, note: string | null, recordedAt: string };

export type ProgressRecordFieldsFragment = { id: string | null, studentId: string, curriculumId: string, objectiveId: string, objectiveCode: string, objectiveTitle: string, status: ProgressStatus, confidence: number, automaticStatus: ProgressStatus, automaticConfidence: number, lastSessionId: string | null, updatedAt: string | null, evidenceCount: number, override: { status: ProgressStatus, reason: string, at: string, by: { kind: string, id: string | null } } | null, evidence: Array<{ id: string, kind: ProgressEvidenceKind, sessionId: string | null, activityId: string | null, recapId: string | null, correct: boolean | null, recapConfidence: number | null, ratedStatus: ProgressStatus | null, note: string | null, recordedAt: string }> };

export type ProgressChangeFieldsFragment = { id: string, progressRecordId: string, change: ProgressChangeKind, fromStatus: ProgressStatus | null, toStatus: ProgressStatus, fromConfidence: number | null, toConfidence: number, automaticStatus: ProgressStatus, reason: string | null, sessionId: string | null, actorKind: string, actorId: string | null, createdAt: string };

export type StudentProgressQueryVariables = Exact<{
  studentId: string;
  curriculumId?: string | null | undefined;
}>;


export type StudentProgressQuery = { studentProgress: Array<{ id: string | null, studentId: string, curriculumId: string, objectiveId: string, objectiveCode: string, objectiveTitle: string, status: ProgressStatus, confidence: number, automaticStatus: ProgressStatus, automaticConfidence: number, lastSessionId: string | null, updatedAt: string | null, evidenceCount: number, override: { status: ProgressStatus, reason: string, at: string, by: { kind: string, id: string | null } } | null, evidence: Array<{ id: string, kind: ProgressEvidenceKind, sessionId: string | null, activityId: string | null, recapId: string | null, correct: boolean | null, recapConfidence: number | null, ratedStatus: ProgressStatus | null, note: string | null, recordedAt: string }> }> };

export type ProgressRecordQueryVariables = Exact<{
  id: string;
}>;


export type ProgressRecordQuery = { progressRecord: { id: string | null, studentId: string, curriculumId: string, objectiveId: string, objectiveCode: string, objectiveTitle: string, status: ProgressStatus, confidence: number, automaticStatus: ProgressStatus, automaticConfidence: number, lastSessionId: string | null, updatedAt: string | null, evidenceCount: number, override: { status: ProgressStatus, reason: string, at: string, by: { kind: string, id: string | null } } | null, evidence: Array<{ id: string, kind: ProgressEvidenceKind, sessionId: string | null, activityId: string | null, recapId: string | null, correct: boolean | null, recapConfidence: number | null, ratedStatus: ProgressStatus | null, note: string | null, recordedAt: string }> } };

export type ProgressHistoryQueryVariables = Exact<{
  recordId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProgressHistoryQuery = { progressHistory: { nodes: Array<{ id: string, progressRecordId: string, change: ProgressChangeKind, fromStatus: ProgressStatus | null, toStatus: ProgressStatus, fromConfidence: number | null, toConfidence: number, automaticStatus: ProgressStatus, reason: string | null, sessionId: string | null, actorKind: string, actorId: string | null, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OverrideProgressMutationVariables = Exact<{
  input: OverrideProgressInput;
}>;


export type OverrideProgressMutation = { overrideProgress: { id: string | null, studentId: string, curriculumId: string, objectiveId: string, objectiveCode: string, objectiveTitle: string, status: ProgressStatus, confidence: number, automaticStatus: ProgressStatus, automaticConfidence: number, lastSessionId: string | null, updatedAt: string | null, evidenceCount: number, override: { status: ProgressStatus, reason: string, at: string, by: { kind: string, id: string | null } } | null, evidence: Array<{ id: string, kind: ProgressEvidenceKind, sessionId: string | null, activityId: string | null, recapId: string | null, correct: boolean | null, recapConfidence: number | null, ratedStatus: ProgressStatus | null, note: string | null, recordedAt: string }> } };

export type ClearProgressOverrideMutationVariables = Exact<{
  id: string;
  input: ClearProgressOverrideInput;
}>;


export type ClearProgressOverrideMutation = { clearProgressOverride: { id: string | null, studentId: string, curriculumId: string, objectiveId: string, objectiveCode: string, objectiveTitle: string, status: ProgressStatus, confidence: number, automaticStatus: ProgressStatus, automaticConfidence: number, lastSessionId: string | null, updatedAt: string | null, evidenceCount: number, override: { status: ProgressStatus, reason: string, at: string, by: { kind: string, id: string | null } } | null, evidence: Array<{ id: string, kind: ProgressEvidenceKind, sessionId: string | null, activityId: string | null, recapId: string | null, correct: boolean | null, recapConfidence: number | null, ratedStatus: ProgressStatus | null, note: string | null, recordedAt: string }> } };

export type EnrollmentCoverageQueryVariables = Exact<{
  enrollmentId: string;
}>;


export type EnrollmentCoverageQuery = { enrollmentCoverage: { enrollmentId: string, studentId: string, curriculumId: string, instructorId: string, sessionsDocumented: number, covered: number, partiallyCovered: number, skipped: number, notLanding: number, planned: number, notStarted: number, objectives: Array<{ objectiveId: string, objectiveCode: string, objectiveTitle: string, planPosition: number | null, status: CoverageStatus, sessionsCovered: number, sessionsPartiallyCovered: number, sessionsSkipped: number, sessionsNotLanding: number, checksAnswered: number, checksCorrect: number, correctShare: number | null, recapMatches: number, lastSessionId: string | null }> } };

export type CoverageGapsQueryVariables = Exact<{
  filter?: CoverageGapsFilter | null | undefined;
}>;


export type CoverageGapsQuery = { coverageGaps: Array<{ objectiveId: string, objectiveCode: string, objectiveTitle: string, curriculumId: string, occurrences: number, coveredCount: number, partiallyCoveredCount: number, skippedCount: number, notLandingCount: number, gapShare: number, checksAnswered: number, correctShare: number | null }> };

export type RecapEvidenceFieldsFragment = { segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string };

export type RecapContentFieldsFragment = { summary: string, nextSteps: Array<string>, followUps: Array<string>, objectivesCovered: Array<{ code: string, confidence: number, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }> }>, misconceptions: Array<{ description: string, resolved: boolean, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }>, correction: { segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string } | null }>, studentPerformance: { summary: string, studentTurns: number, instructorTurns: number, studentTalkShare: number, errorsFound: number, errorsCorrected: number } };

export type RecapActorFieldsFragment = { kind: string, id: string | null };

export type RecapFieldsFragment = { id: string, sessionId: string, status: RecapStatus, isFinal: boolean, trigger: RecapTrigger, jobId: string | null, currentVersionNumber: number | null, provider: string | null, model: string | null, promptVersion: string | null, transcriptVersion: number | null, failureReason: string | null, generatedAt: string | null, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, reviewer: { kind: string, id: string | null } | null, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, input: { segmentCount: number | null, objectiveCodes: Array<string>, plannedObjectiveCodes: Array<string> }, content: { summary: string, nextSteps: Array<string>, followUps: Array<string>, objectivesCovered: Array<{ code: string, confidence: number, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }> }>, misconceptions: Array<{ description: string, resolved: boolean, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }>, correction: { segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string } | null }>, studentPerformance: { summary: string, studentTurns: number, instructorTurns: number, studentTalkShare: number, errorsFound: number, errorsCorrected: number } } | null };

export type RecapQueryVariables = Exact<{
  id: string;
}>;


export type RecapQuery = { recap: { id: string, sessionId: string, status: RecapStatus, isFinal: boolean, trigger: RecapTrigger, jobId: string | null, currentVersionNumber: number | null, provider: string | null, model: string | null, promptVersion: string | null, transcriptVersion: number | null, failureReason: string | null, generatedAt: string | null, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, versions: Array<{ id: string, number: number, source: RecapVersionSource, note: string | null, createdAt: string, editor: { kind: string, id: string | null }, content: { summary: string, nextSteps: Array<string>, followUps: Array<string>, objectivesCovered: Array<{ code: string, confidence: number, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }> }>, misconceptions: Array<{ description: string, resolved: boolean, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }>, correction: { segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string } | null }>, studentPerformance: { summary: string, studentTurns: number, instructorTurns: number, studentTalkShare: number, errorsFound: number, errorsCorrected: number } } }>, job: { id: string, status: JobStatus, attempts: number, maxAttempts: number, lastError: string | null } | null, reviewer: { kind: string, id: string | null } | null, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, input: { segmentCount: number | null, objectiveCodes: Array<string>, plannedObjectiveCodes: Array<string> }, content: { summary: string, nextSteps: Array<string>, followUps: Array<string>, objectivesCovered: Array<{ code: string, confidence: number, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }> }>, misconceptions: Array<{ description: string, resolved: boolean, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }>, correction: { segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string } | null }>, studentPerformance: { summary: string, studentTurns: number, instructorTurns: number, studentTalkShare: number, errorsFound: number, errorsCorrected: number } } | null } };

export type SessionRecapsQueryVariables = Exact<{
  sessionId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SessionRecapsQuery = { sessionRecaps: { nodes: Array<{ id: string, sessionId: string, status: RecapStatus, isFinal: boolean, trigger: RecapTrigger, jobId: string | null, currentVersionNumber: number | null, provider: string | null, model: string | null, promptVersion: string | null, transcriptVersion: number | null, failureReason: string | null, generatedAt: string | null, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, reviewer: { kind: string, id: string | null } | null, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, input: { segmentCount: number | null, objectiveCodes: Array<string>, plannedObjectiveCodes: Array<string> }, content: { summary: string, nextSteps: Array<string>, followUps: Array<string>, objectivesCovered: Array<{ code: string, confidence: number, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }> }>, misconceptions: Array<{ description: string, resolved: boolean, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }>, correction: { segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string } | null }>, studentPerformance: { summary: string, studentTurns: number, instructorTurns: number, studentTalkShare: number, errorsFound: number, errorsCorrected: number } } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SessionRecapQueryVariables = Exact<{
  sessionId: string;
}>;


export type SessionRecapQuery = { session: { id: string, status: SessionStatus, recap: { sessionId: string, approved: { id: string, sessionId: string, status: RecapStatus, isFinal: boolean, trigger: RecapTrigger, jobId: string | null, currentVersionNumber: number | null, provider: string | null, model: string | null, promptVersion: string | null, transcriptVersion: number | null, failureReason: string | null, generatedAt: string | null, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, reviewer: { kind: string, id: string | null } | null, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, input: { segmentCount: number | null, objectiveCodes: Array<string>, plannedObjectiveCodes: Array<string> }, content: { summary: string, nextSteps: Array<string>, followUps: Array<string>, objectivesCovered: Array<{ code: string, confidence: number, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }> }>, misconceptions: Array<{ description: string, resolved: boolean, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }>, correction: { segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string } | null }>, studentPerformance: { summary: string, studentTurns: number, instructorTurns: number, studentTalkShare: number, errorsFound: number, errorsCorrected: number } } | null } | null, draft: { id: string, sessionId: string, status: RecapStatus, isFinal: boolean, trigger: RecapTrigger, jobId: string | null, currentVersionNumber: number | null, provider: string | null, model: string | null, promptVersion: string | null, transcriptVersion: number | null, failureReason: string | null, generatedAt: string | null, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, reviewer: { kind: string, id: string | null } | null, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, input: { segmentCount: number | null, objectiveCodes: Array<string>, plannedObjectiveCodes: Array<string> }, content: { summary: string, nextSteps: Array<string>, followUps: Array<string>, objectivesCovered: Array<{ code: string, confidence: number, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }> }>, misconceptions: Array<{ description: string, resolved: boolean, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }>, correction: { segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string } | null }>, studentPerformance: { summary: string, studentTurns: number, instructorTurns: number, studentTalkShare: number, errorsFound: number, errorsCorrected: number } } | null } | null, inProgress: { id: string, sessionId: string, status: RecapStatus, isFinal: boolean, trigger: RecapTrigger, jobId: string | null, currentVersionNumber: number | null, provider: string | null, model: string | null, promptVersion: string | null, transcriptVersion: number | null, failureReason: string | null, generatedAt: string | null, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, reviewer: { kind: string, id: string | null } | null, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, input: { segmentCount: number | null, objectiveCodes: Array<string>, plannedObjectiveCodes: Array<string> }, content: { summary: string, nextSteps: Array<string>, followUps: Array<string>, objectivesCovered: Array<{ code: string, confidence: number, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }> }>, misconceptions: Array<{ description: string, resolved: boolean, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }>, correction: { segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string } | null }>, studentPerformance: { summary: string, studentTurns: number, instructorTurns: number, studentTalkShare: number, errorsFound: number, errorsCorrected: number } } | null } | null, failed: { id: string, sessionId: string, status: RecapStatus, isFinal: boolean, trigger: RecapTrigger, jobId: string | null, currentVersionNumber: number | null, provider: string | null, model: string | null, promptVersion: string | null, transcriptVersion: number | null, failureReason: string | null, generatedAt: string | null, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, reviewer: { kind: string, id: string | null } | null, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, input: { segmentCount: number | null, objectiveCodes: Array<string>, plannedObjectiveCodes: Array<string> }, content: { summary: string, nextSteps: Array<string>, followUps: Array<string>, objectivesCovered: Array<{ code: string, confidence: number, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }> }>, misconceptions: Array<{ description: string, resolved: boolean, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }>, correction: { segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string } | null }>, studentPerformance: { summary: string, studentTurns: number, instructorTurns: number, studentTalkShare: number, errorsFound: number, errorsCorrected: number } } | null } | null } } };

export type RequestRecapMutationVariables = Exact<{
  sessionId: string;
}>;


export type RequestRecapMutation = { requestRecap: { id: string, sessionId: string, status: RecapStatus, isFinal: boolean, trigger: RecapTrigger, jobId: string | null, currentVersionNumber: number | null, provider: string | null, model: string | null, promptVersion: string | null, transcriptVersion: number | null, failureReason: string | null, generatedAt: string | null, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, reviewer: { kind: string, id: string | null } | null, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, input: { segmentCount: number | null, objectiveCodes: Array<string>, plannedObjectiveCodes: Array<string> }, content: { summary: string, nextSteps: Array<string>, followUps: Array<string>, objectivesCovered: Array<{ code: string, confidence: number, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }> }>, misconceptions: Array<{ description: string, resolved: boolean, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }>, correction: { segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string } | null }>, studentPerformance: { summary: string, studentTurns: number, instructorTurns: number, studentTalkShare: number, errorsFound: number, errorsCorrected: number } } | null } };

export type EditRecapMutationVariables = Exact<{
  id: string;
  input: EditRecapInput;
}>;


export type EditRecapMutation = { editRecap: { id: string, sessionId: string, status: RecapStatus, isFinal: boolean, trigger: RecapTrigger, jobId: string | null, currentVersionNumber: number | null, provider: string | null, model: string | null, promptVersion: string | null, transcriptVersion: number | null, failureReason: string | null, generatedAt: string | null, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, reviewer: { kind: string, id: string | null } | null, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, input: { segmentCount: number | null, objectiveCodes: Array<string>, plannedObjectiveCodes: Array<string> }, content: { summary: string, nextSteps: Array<string>, followUps: Array<string>, objectivesCovered: Array<{ code: string, confidence: number, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }> }>, misconceptions: Array<{ description: string, resolved: boolean, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }>, correction: { segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string } | null }>, studentPerformance: { summary: string, studentTurns: number, instructorTurns: number, studentTalkShare: number, errorsFound: number, errorsCorrected: number } } | null } };

export type ApproveRecapMutationVariables = Exact<{
  id: string;
}>;


export type ApproveRecapMutation = { approveRecap: { id: string, sessionId: string, status: RecapStatus, isFinal: boolean, trigger: RecapTrigger, jobId: string | null, currentVersionNumber: number | null, provider: string | null, model: string | null, promptVersion: string | null, transcriptVersion: number | null, failureReason: string | null, generatedAt: string | null, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, reviewer: { kind: string, id: string | null } | null, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, input: { segmentCount: number | null, objectiveCodes: Array<string>, plannedObjectiveCodes: Array<string> }, content: { summary: string, nextSteps: Array<string>, followUps: Array<string>, objectivesCovered: Array<{ code: string, confidence: number, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }> }>, misconceptions: Array<{ description: string, resolved: boolean, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }>, correction: { segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string } | null }>, studentPerformance: { summary: string, studentTurns: number, instructorTurns: number, studentTalkShare: number, errorsFound: number, errorsCorrected: number } } | null } };

export type RejectRecapMutationVariables = Exact<{
  id: string;
  input: RejectRecapInput;
}>;


export type RejectRecapMutation = { rejectRecap: { id: string, sessionId: string, status: RecapStatus, isFinal: boolean, trigger: RecapTrigger, jobId: string | null, currentVersionNumber: number | null, provider: string | null, model: string | null, promptVersion: string | null, transcriptVersion: number | null, failureReason: string | null, generatedAt: string | null, approvedAt: string | null, rejectedAt: string | null, rejectionReason: string | null, createdAt: string, updatedAt: string, reviewer: { kind: string, id: string | null } | null, usage: { promptTokens: number, completionTokens: number, totalTokens: number, requests: number, costUsd: number | null }, input: { segmentCount: number | null, objectiveCodes: Array<string>, plannedObjectiveCodes: Array<string> }, content: { summary: string, nextSteps: Array<string>, followUps: Array<string>, objectivesCovered: Array<{ code: string, confidence: number, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }> }>, misconceptions: Array<{ description: string, resolved: boolean, evidence: Array<{ segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string }>, correction: { segmentIndex: number, speaker: string, speakerRole: SpeakerRole, startMs: number, endMs: number, text: string } | null }>, studentPerformance: { summary: string, studentTurns: number, instructorTurns: number, studentTalkShare: number, errorsFound: number, errorsCorrected: number } } | null } };

export type ReminderSettingsFieldsFragment = { enabled: boolean, leadMinutes: Array<number> };

export type SessionReminderFieldsFragment = { id: string, sessionId: string, recipientKind: string, recipientId: string, email: string, leadMinutes: number, sendAt: string, status: string, reason: string | null, attempts: number, lastError: string | null, sentAt: string | null, jobId: string | null, createdAt: string, updatedAt: string };

export type ReminderSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReminderSettingsQuery = { reminderSettings: { enabled: boolean, leadMinutes: Array<number> } };

export type UpdateReminderSettingsMutationVariables = Exact<{
  input: ReminderSettingsInput;
}>;


export type UpdateReminderSettingsMutation = { updateReminderSettings: { enabled: boolean, leadMinutes: Array<number> } };

export type SessionRemindersQueryVariables = Exact<{
  sessionId: string;
}>;


export type SessionRemindersQuery = { sessionReminders: Array<{ id: string, sessionId: string, recipientKind: string, recipientId: string, email: string, leadMinutes: number, sendAt: string, status: string, reason: string | null, attempts: number, lastError: string | null, sentAt: string | null, jobId: string | null, createdAt: string, updatedAt: string }> };

export type RiskSignalFieldsFragment = { kind: RiskSignalKind, score: number, explanation: string, evidence: Array<{ sessionId: string, value: number | null, objectiveCode: string | null }> };

export type StudentRiskQueryVariables = Exact<{
  studentId: string;
}>;


export type StudentRiskQuery = { studentRisk: { studentId: string, level: RiskLevel, score: number, lastSessionId: string | null, computedAt: string | null, signals: Array<{ kind: RiskSignalKind, score: number, explanation: string, evidence: Array<{ sessionId: string, value: number | null, objectiveCode: string | null }> }>, levelChanges: Array<{ fromLevel: RiskLevel, toLevel: RiskLevel, score: number, sessionId: string, changedAt: string }> } };

export type AtRiskStudentsQueryVariables = Exact<{
  level?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AtRiskStudentsQuery = { atRiskStudents: { nodes: Array<{ id: string, studentId: string, studentName: string, level: RiskLevel, score: number, lastSessionId: string, computedAt: string, signals: Array<{ kind: RiskSignalKind, score: number, explanation: string, evidence: Array<{ sessionId: string, value: number | null, objectiveCode: string | null }> }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RoomFieldsFragment = { id: string, name: string, description: string | null, capacity: number, enabledTools: Array<RoomTool>, livekitRoomPrefix: string, archivedAt: string | null, createdAt: string, updatedAt: string };

export type RoomQueryVariables = Exact<{
  id: string;
}>;


export type RoomQuery = { room: { id: string, name: string, description: string | null, capacity: number, enabledTools: Array<RoomTool>, livekitRoomPrefix: string, archivedAt: string | null, createdAt: string, updatedAt: string } };

export type RoomsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  includeArchived?: boolean | null | undefined;
}>;


export type RoomsQuery = { rooms: { nodes: Array<{ id: string, name: string, description: string | null, capacity: number, enabledTools: Array<RoomTool>, livekitRoomPrefix: string, archivedAt: string | null, createdAt: string, updatedAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateRoomMutationVariables = Exact<{
  input: CreateRoomInput;
}>;


export type CreateRoomMutation = { createRoom: { id: string, name: string, description: string | null, capacity: number, enabledTools: Array<RoomTool>, livekitRoomPrefix: string, archivedAt: string | null, createdAt: string, updatedAt: string } };

export type UpdateRoomMutationVariables = Exact<{
  id: string;
  input: UpdateRoomInput;
}>;


export type UpdateRoomMutation = { updateRoom: { id: string, name: string, description: string | null, capacity: number, enabledTools: Array<RoomTool>, livekitRoomPrefix: string, archivedAt: string | null, createdAt: string, updatedAt: string } };

export type ArchiveRoomMutationVariables = Exact<{
  id: string;
}>;


export type ArchiveRoomMutation = { archiveRoom: { id: string, name: string, description: string | null, capacity: number, enabledTools: Array<RoomTool>, livekitRoomPrefix: string, archivedAt: string | null, createdAt: string, updatedAt: string } };

export type ParticipantFieldsFragment = { id: string, sessionId: string, role: ParticipantRole, displayName: string, identity: string, memberId: string | null, studentId: string | null, joinedAt: string | null, leftAt: string | null, removedAt: string | null, createdAt: string, updatedAt: string };

export type SessionPhaseFieldsFragment = { id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null };

export type SessionPhaseTransitionFieldsFragment = { id: string, sessionId: string, phaseId: string, action: PhaseTransitionAction, position: number, occurredAt: string, apiKeyId: string | null };

export type SessionLessonFieldsFragment = { id: string, status: SessionStatus, actualStart: string | null, actualEnd: string | null, currentPhase: { id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null } | null, phases: Array<{ id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null }>, phaseTransitions: Array<{ id: string, sessionId: string, phaseId: string, action: PhaseTransitionAction, position: number, occurredAt: string, apiKeyId: string | null }> };

export type SessionFieldsFragment = { id: string, title: string, status: SessionStatus, roomId: string, timeZone: string, scheduledStart: string, scheduledEnd: string, actualStart: string | null, actualEnd: string | null, cancelledAt: string | null, livekitRoomName: string, enrollmentIds: Array<string>, createdAt: string, updatedAt: string, phases: Array<{ id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null }>, participants: Array<{ id: string, sessionId: string, role: ParticipantRole, displayName: string, identity: string, memberId: string | null, studentId: string | null, joinedAt: string | null, leftAt: string | null, removedAt: string | null, createdAt: string, updatedAt: string }> };

export type SessionQueryVariables = Exact<{
  id: string;
}>;


export type SessionQuery = { session: { id: string, title: string, status: SessionStatus, roomId: string, timeZone: string, scheduledStart: string, scheduledEnd: string, actualStart: string | null, actualEnd: string | null, cancelledAt: string | null, livekitRoomName: string, enrollmentIds: Array<string>, createdAt: string, updatedAt: string, phases: Array<{ id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null }>, participants: Array<{ id: string, sessionId: string, role: ParticipantRole, displayName: string, identity: string, memberId: string | null, studentId: string | null, joinedAt: string | null, leftAt: string | null, removedAt: string | null, createdAt: string, updatedAt: string }> } };

export type SessionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  roomId?: string | null | undefined;
  enrollmentId?: string | null | undefined;
  status?: SessionStatus | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type SessionsQuery = { sessions: { nodes: Array<{ id: string, title: string, status: SessionStatus, roomId: string, timeZone: string, scheduledStart: string, scheduledEnd: string, actualStart: string | null, actualEnd: string | null, cancelledAt: string | null, livekitRoomName: string, enrollmentIds: Array<string>, createdAt: string, updatedAt: string, phases: Array<{ id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null }>, participants: Array<{ id: string, sessionId: string, role: ParticipantRole, displayName: string, identity: string, memberId: string | null, studentId: string | null, joinedAt: string | null, leftAt: string | null, removedAt: string | null, createdAt: string, updatedAt: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateSessionMutationVariables = Exact<{
  input: CreateSessionInput;
}>;


export type CreateSessionMutation = { createSession: { id: string, title: string, status: SessionStatus, roomId: string, timeZone: string, scheduledStart: string, scheduledEnd: string, actualStart: string | null, actualEnd: string | null, cancelledAt: string | null, livekitRoomName: string, enrollmentIds: Array<string>, createdAt: string, updatedAt: string, phases: Array<{ id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null }>, participants: Array<{ id: string, sessionId: string, role: ParticipantRole, displayName: string, identity: string, memberId: string | null, studentId: string | null, joinedAt: string | null, leftAt: string | null, removedAt: string | null, createdAt: string, updatedAt: string }> } };

export type StartSessionMutationVariables = Exact<{
  id: string;
}>;


export type StartSessionMutation = { startSession: { id: string, title: string, status: SessionStatus, roomId: string, timeZone: string, scheduledStart: string, scheduledEnd: string, actualStart: string | null, actualEnd: string | null, cancelledAt: string | null, livekitRoomName: string, enrollmentIds: Array<string>, createdAt: string, updatedAt: string, phases: Array<{ id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null }>, participants: Array<{ id: string, sessionId: string, role: ParticipantRole, displayName: string, identity: string, memberId: string | null, studentId: string | null, joinedAt: string | null, leftAt: string | null, removedAt: string | null, createdAt: string, updatedAt: string }> } };

export type EndSessionMutationVariables = Exact<{
  id: string;
}>;


export type EndSessionMutation = { endSession: { id: string, title: string, status: SessionStatus, roomId: string, timeZone: string, scheduledStart: string, scheduledEnd: string, actualStart: string | null, actualEnd: string | null, cancelledAt: string | null, livekitRoomName: string, enrollmentIds: Array<string>, createdAt: string, updatedAt: string, phases: Array<{ id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null }>, participants: Array<{ id: string, sessionId: string, role: ParticipantRole, displayName: string, identity: string, memberId: string | null, studentId: string | null, joinedAt: string | null, leftAt: string | null, removedAt: string | null, createdAt: string, updatedAt: string }> } };

export type CancelSessionMutationVariables = Exact<{
  id: string;
}>;


export type CancelSessionMutation = { cancelSession: { id: string, title: string, status: SessionStatus, roomId: string, timeZone: string, scheduledStart: string, scheduledEnd: string, actualStart: string | null, actualEnd: string | null, cancelledAt: string | null, livekitRoomName: string, enrollmentIds: Array<string>, createdAt: string, updatedAt: string, phases: Array<{ id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null }>, participants: Array<{ id: string, sessionId: string, role: ParticipantRole, displayName: string, identity: string, memberId: string | null, studentId: string | null, joinedAt: string | null, leftAt: string | null, removedAt: string | null, createdAt: string, updatedAt: string }> } };

export type SessionLessonQueryVariables = Exact<{
  id: string;
}>;


export type SessionLessonQuery = { session: { id: string, status: SessionStatus, actualStart: string | null, actualEnd: string | null, currentPhase: { id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null } | null, phases: Array<{ id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null }>, phaseTransitions: Array<{ id: string, sessionId: string, phaseId: string, action: PhaseTransitionAction, position: number, occurredAt: string, apiKeyId: string | null }> } };

export type StartPhaseMutationVariables = Exact<{
  sessionId: string;
  phaseId: string;
}>;


export type StartPhaseMutation = { startPhase: { id: string, status: SessionStatus, actualStart: string | null, actualEnd: string | null, currentPhase: { id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null } | null, phases: Array<{ id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null }>, phaseTransitions: Array<{ id: string, sessionId: string, phaseId: string, action: PhaseTransitionAction, position: number, occurredAt: string, apiKeyId: string | null }> } };

export type SessionToolsQueryVariables = Exact<{
  sessionId: string;
}>;


export type SessionToolsQuery = { sessionTools: { sessionId: string, phaseId: string | null, studentTools: Array<RoomTool>, roomTools: Array<RoomTool> } };

export type AdvancePhaseMutationVariables = Exact<{
  sessionId: string;
}>;


export type AdvancePhaseMutation = { advancePhase: { id: string, status: SessionStatus, actualStart: string | null, actualEnd: string | null, currentPhase: { id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null } | null, phases: Array<{ id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null }>, phaseTransitions: Array<{ id: string, sessionId: string, phaseId: string, action: PhaseTransitionAction, position: number, occurredAt: string, apiKeyId: string | null }> } };

export type SkipPhaseMutationVariables = Exact<{
  sessionId: string;
  phaseId: string;
}>;


export type SkipPhaseMutation = { skipPhase: { id: string, status: SessionStatus, actualStart: string | null, actualEnd: string | null, currentPhase: { id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null } | null, phases: Array<{ id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null }>, phaseTransitions: Array<{ id: string, sessionId: string, phaseId: string, action: PhaseTransitionAction, position: number, occurredAt: string, apiKeyId: string | null }> } };

export type ReorderPhasesMutationVariables = Exact<{
  sessionId: string;
  phaseIds: Array<string> | string;
}>;


export type ReorderPhasesMutation = { reorderPhases: { id: string, status: SessionStatus, actualStart: string | null, actualEnd: string | null, currentPhase: { id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null } | null, phases: Array<{ id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null }>, phaseTransitions: Array<{ id: string, sessionId: string, phaseId: string, action: PhaseTransitionAction, position: number, occurredAt: string, apiKeyId: string | null }> } };

export type AddParticipantMutationVariables = Exact<{
  sessionId: string;
  input: AddParticipantInput;
}>;


export type AddParticipantMutation = { addParticipant: { id: string, sessionId: string, role: ParticipantRole, displayName: string, identity: string, memberId: string | null, studentId: string | null, joinedAt: string | null, leftAt: string | null, removedAt: string | null, createdAt: string, updatedAt: string } };

export type RemoveParticipantMutationVariables = Exact<{
  sessionId: string;
  participantId: string;
}>;


export type RemoveParticipantMutation = { removeParticipant: { id: string, sessionId: string, role: ParticipantRole, displayName: string, identity: string, memberId: string | null, studentId: string | null, joinedAt: string | null, leftAt: string | null, removedAt: string | null, createdAt: string, updatedAt: string } };

export type JoinSessionMutationVariables = Exact<{
  sessionId: string;
  participantId: string;
}>;


export type JoinSessionMutation = { joinSession: { participantToken: string, expiresAt: string, expiresInSeconds: number, participant: { id: string, sessionId: string, role: ParticipantRole, displayName: string, identity: string, memberId: string | null, studentId: string | null, joinedAt: string | null, leftAt: string | null, removedAt: string | null, createdAt: string, updatedAt: string }, media: { available: boolean, reason: string | null, url: string | null, roomName: string | null, token: string | null } } };

export type IssueMediaTokenMutationVariables = Exact<{
  sessionId: string;
}>;


export type IssueMediaTokenMutation = { issueMediaToken: { available: boolean, reason: string | null, url: string | null, roomName: string | null, token: string | null } };

export type ParticipantSessionQueryVariables = Exact<{ [key: string]: never; }>;


export type ParticipantSessionQuery = { participantSession: { id: string, participantId: string, role: ParticipantRole, title: string, status: SessionStatus, scheduledStart: string, scheduledEnd: string, phases: Array<{ id: string, kind: PhaseKind, title: string, notes: string | null, objectiveCodes: Array<string>, activities: Array<string>, tools: Array<RoomTool> | null, plannedMinutes: number, position: number, status: PhaseStatus, startedAt: string | null, endedAt: string | null, actualMinutes: number | null }> } };

export type SessionStatusChangedSubscriptionVariables = Exact<{
  sessionId: string;
}>;


export type SessionStatusChangedSubscription = { sessionStatusChanged: { sessionId: string, status: SessionStatus, previousStatus: SessionStatus, changedAt: string } };

export type SessionPhaseChangedSubscriptionVariables = Exact<{
  sessionId: string;
}>;


export type SessionPhaseChangedSubscription = { sessionPhaseChanged: { id: string, sessionId: string, phaseId: string, action: PhaseTransitionAction, position: number, occurredAt: string, apiKeyId: string | null } };

export type StudentFieldsFragment = { id: string, name: string, email: string | null, externalId: string | null, gradeLevel: string | null, timeZone: string | null, createdAt: string, updatedAt: string };

export type GuardianFieldsFragment = { id: string, name: string, email: string, preferredLanguage: string, relationship: string | null, createdAt: string, updatedAt: string };

export type StudentQueryVariables = Exact<{
  id: string;
}>;


export type StudentQuery = { student: { id: string, name: string, email: string | null, externalId: string | null, gradeLevel: string | null, timeZone: string | null, createdAt: string, updatedAt: string, guardians: Array<{ id: string, name: string, email: string, preferredLanguage: string, relationship: string | null, createdAt: string, updatedAt: string }> } };

export type StudentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StudentsQuery = { students: { nodes: Array<{ id: string, name: string, email: string | null, externalId: string | null, gradeLevel: string | null, timeZone: string | null, createdAt: string, updatedAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateStudentMutationVariables = Exact<{
  input: CreateStudentInput;
}>;


export type CreateStudentMutation = { createStudent: { id: string, name: string, email: string | null, externalId: string | null, gradeLevel: string | null, timeZone: string | null, createdAt: string, updatedAt: string } };

export type UpdateStudentMutationVariables = Exact<{
  id: string;
  input: UpdateStudentInput;
}>;


export type UpdateStudentMutation = { updateStudent: { id: string, name: string, email: string | null, externalId: string | null, gradeLevel: string | null, timeZone: string | null, createdAt: string, updatedAt: string } };

export type GuardianQueryVariables = Exact<{
  id: string;
}>;


export type GuardianQuery = { guardian: { id: string, name: string, email: string, preferredLanguage: string, relationship: string | null, createdAt: string, updatedAt: string, students: Array<{ id: string, name: string, email: string | null, externalId: string | null, gradeLevel: string | null, timeZone: string | null, createdAt: string, updatedAt: string }> } };

export type GuardiansQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type GuardiansQuery = { guardians: { nodes: Array<{ id: string, name: string, email: string, preferredLanguage: string, relationship: string | null, createdAt: string, updatedAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateGuardianMutationVariables = Exact<{
  input: CreateGuardianInput;
}>;


export type CreateGuardianMutation = { createGuardian: { id: string, name: string, email: string, preferredLanguage: string, relationship: string | null, createdAt: string, updatedAt: string } };

export type UpdateGuardianMutationVariables = Exact<{
  id: string;
  input: UpdateGuardianInput;
}>;


export type UpdateGuardianMutation = { updateGuardian: { id: string, name: string, email: string, preferredLanguage: string, relationship: string | null, createdAt: string, updatedAt: string } };

export type LinkGuardianMutationVariables = Exact<{
  studentId: string;
  guardianId: string;
}>;


export type LinkGuardianMutation = { linkGuardian: Array<{ id: string, name: string, email: string, preferredLanguage: string, relationship: string | null, createdAt: string, updatedAt: string }> };

export type UnlinkGuardianMutationVariables = Exact<{
  studentId: string;
  guardianId: string;
}>;


export type UnlinkGuardianMutation = { unlinkGuardian: Array<{ id: string, name: string, email: string, preferredLanguage: string, relationship: string | null, createdAt: string, updatedAt: string }> };

export type TranscriptSegmentFieldsFragment = { id: string, sessionId: string, clientSegmentId: string, participantId: string | null, speakerLabel: string, speakerRole: SpeakerRole, text: string, startMs: number, endMs: number, isFinal: boolean, source: TranscriptSegmentSource, receivedAt: string, createdAt: string, updatedAt: string };

export type TranscriptWriteResultFieldsFragment = { sessionId: string, received: number, inserted: number, replaced: number, unchanged: number, transcriptVersion: number };

export type TranscriptQueryVariables = Exact<{
  sessionId: string;
}>;


export type TranscriptQuery = { transcript: { sessionId: string, version: number, finalSegmentCount: number, updatedAt: string } };

export type TranscriptSegmentsQueryVariables = Exact<{
  sessionId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  includeInterim?: boolean | null | undefined;
}>;


export type TranscriptSegmentsQuery = { transcriptSegments: { nodes: Array<{ id: string, sessionId: string, clientSegmentId: string, participantId: string | null, speakerLabel: string, speakerRole: SpeakerRole, text: string, startMs: number, endMs: number, isFinal: boolean, source: TranscriptSegmentSource, receivedAt: string, createdAt: string, updatedAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AddTranscriptSegmentMutationVariables = Exact<{
  sessionId: string;
  input: TranscriptSegmentInput;
}>;


export type AddTranscriptSegmentMutation = { addTranscriptSegment: { id: string, sessionId: string, clientSegmentId: string, participantId: string | null, speakerLabel: string, speakerRole: SpeakerRole, text: string, startMs: number, endMs: number, isFinal: boolean, source: TranscriptSegmentSource, receivedAt: string, createdAt: string, updatedAt: string } };

export type AddTranscriptSegmentsMutationVariables = Exact<{
  sessionId: string;
  input: TranscriptSegmentBatchInput;
}>;


export type AddTranscriptSegmentsMutation = { addTranscriptSegments: { sessionId: string, received: number, inserted: number, replaced: number, unchanged: number, transcriptVersion: number } };

export type UploadTranscriptMutationVariables = Exact<{
  sessionId: string;
  format: TranscriptFormat;
  content: string;
}>;


export type UploadTranscriptMutation = { uploadTranscript: { sessionId: string, received: number, inserted: number, replaced: number, unchanged: number, transcriptVersion: number } };

export type TranscriptSegmentAddedSubscriptionVariables = Exact<{
  sessionId: string;
}>;


export type TranscriptSegmentAddedSubscription = { transcriptSegmentAdded: { id: string, sessionId: string, clientSegmentId: string, participantId: string | null, speakerLabel: string, speakerRole: SpeakerRole, text: string, startMs: number, endMs: number, isFinal: boolean, source: TranscriptSegmentSource, receivedAt: string, createdAt: string, updatedAt: string } };

export type WebhookSubscriptionFieldsFragment = { id: string, url: string, description: string | null, eventTypes: Array<string>, sessionId: string | null, roomId: string | null, status: string, disabledReason: string | null, previousSecretExpiresAt: string | null, failingSince: string | null, lastSuccessAt: string | null, createdAt: string, updatedAt: string };

export type WebhookDeliveryFieldsFragment = { id: string, subscriptionId: string, eventId: string, eventType: string, status: string, attempts: number, nextAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, deliveredAt: string | null, createdAt: string, attemptLog: Array<{ number: number, attemptedAt: string, statusCode: number | null, latencyMs: number, outcome: string, error: string | null, responseExcerpt: string | null }> };

export type WebhookEventTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhookEventTypesQuery = { webhookEventTypes: Array<{ type: string, description: string }> };

export type WebhookSubscriptionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebhookSubscriptionsQuery = { webhookSubscriptions: { nodes: Array<{ id: string, url: string, description: string | null, eventTypes: Array<string>, sessionId: string | null, roomId: string | null, status: string, disabledReason: string | null, previousSecretExpiresAt: string | null, failingSince: string | null, lastSuccessAt: string | null, createdAt: string, updatedAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebhookSubscriptionQueryVariables = Exact<{
  id: string;
}>;


export type WebhookSubscriptionQuery = { webhookSubscription: { id: string, url: string, description: string | null, eventTypes: Array<string>, sessionId: string | null, roomId: string | null, status: string, disabledReason: string | null, previousSecretExpiresAt: string | null, failingSince: string | null, lastSuccessAt: string | null, createdAt: string, updatedAt: string } };

export type CreateWebhookSubscriptionMutationVariables = Exact<{
  input: CreateWebhookSubscriptionInput;
}>;


export type CreateWebhookSubscriptionMutation = { createWebhookSubscription: { secret: string, subscription: { id: string, url: string, description: string | null, eventTypes: Array<string>, sessionId: string | null, roomId: string | null, status: string, disabledReason: string | null, previousSecretExpiresAt: string | null, failingSince: string | null, lastSuccessAt: string | null, createdAt: string, updatedAt: string } } };

export type UpdateWebhookSubscriptionMutationVariables = Exact<{
  id: string;
  input: UpdateWebhookSubscriptionInput;
}>;


export type UpdateWebhookSubscriptionMutation = { updateWebhookSubscription: { id: string, url: string, description: string | null, eventTypes: Array<string>, sessionId: string | null, roomId: string | null, status: string, disabledReason: string | null, previousSecretExpiresAt: string | null, failingSince: string | null, lastSuccessAt: string | null, createdAt: string, updatedAt: string } };

export type PauseWebhookSubscriptionMutationVariables = Exact<{
  id: string;
}>;


export type PauseWebhookSubscriptionMutation = { pauseWebhookSubscription: { id: string, url: string, description: string | null, eventTypes: Array<string>, sessionId: string | null, roomId: string | null, status: string, disabledReason: string | null, previousSecretExpiresAt: string | null, failingSince: string | null, lastSuccessAt: string | null, createdAt: string, updatedAt: string } };

export type ResumeWebhookSubscriptionMutationVariables = Exact<{
  id: string;
}>;


export type ResumeWebhookSubscriptionMutation = { resumeWebhookSubscription: { id: string, url: string, description: string | null, eventTypes: Array<string>, sessionId: string | null, roomId: string | null, status: string, disabledReason: string | null, previousSecretExpiresAt: string | null, failingSince: string | null, lastSuccessAt: string | null, createdAt: string, updatedAt: string } };

export type DeleteWebhookSubscriptionMutationVariables = Exact<{
  id: string;
}>;


export type DeleteWebhookSubscriptionMutation = { deleteWebhookSubscription: boolean };

export type RotateWebhookSecretMutationVariables = Exact<{
  id: string;
  input?: RotateWebhookSecretInput | null | undefined;
}>;


export type RotateWebhookSecretMutation = { rotateWebhookSecret: { secret: string, subscription: { id: string, url: string, description: string | null, eventTypes: Array<string>, sessionId: string | null, roomId: string | null, status: string, disabledReason: string | null, previousSecretExpiresAt: string | null, failingSince: string | null, lastSuccessAt: string | null, createdAt: string, updatedAt: string } } };

export type WebhookDeliveriesQueryVariables = Exact<{
  subscriptionId: string;
  status?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: { nodes: Array<{ id: string, subscriptionId: string, eventId: string, eventType: string, status: string, attempts: number, nextAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, deliveredAt: string | null, createdAt: string, attemptLog: Array<{ number: number, attemptedAt: string, statusCode: number | null, latencyMs: number, outcome: string, error: string | null, responseExcerpt: string | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebhookDeliveryQueryVariables = Exact<{
  id: string;
}>;


export type WebhookDeliveryQuery = { webhookDelivery: { id: string, subscriptionId: string, eventId: string, eventType: string, status: string, attempts: number, nextAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, deliveredAt: string | null, createdAt: string, attemptLog: Array<{ number: number, attemptedAt: string, statusCode: number | null, latencyMs: number, outcome: string, error: string | null, responseExcerpt: string | null }> } };

export type ReplayWebhookDeliveryMutationVariables = Exact<{
  id: string;
}>;


export type ReplayWebhookDeliveryMutation = { replayWebhookDelivery: { id: string, subscriptionId: string, eventId: string, eventType: string, status: string, attempts: number, nextAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, deliveredAt: string | null, createdAt: string, attemptLog: Array<{ number: number, attemptedAt: string, statusCode: number | null, latencyMs: number, outcome: string, error: string | null, responseExcerpt: string | null }> } };

export type ReplayWebhookDeliveriesMutationVariables = Exact<{
  subscriptionId: string;
  input: ReplayWebhookDeliveriesInput;
}>;


export type ReplayWebhookDeliveriesMutation = { replayWebhookDeliveries: { queued: number } };

export type BoardFieldsFragment = { id: string, sessionId: string, breakoutGroupId: string | null, title: string, drawPolicy: BoardDrawPolicy, selectedParticipantIds: Array<string>, locked: boolean, sequence: number, elementCount: number, byteSize: number, createdByParticipantId: string | null, createdByApiKeyId: string | null, createdAt: string, updatedAt: string };

export type BoardElementFieldsFragment = { id: string, kind: BoardElementKind, properties: unknown, deleted: boolean };

export type BoardOperationFieldsFragment = { id: string, boardId: string, sessionId: string, sequence: number, type: BoardOperationType, clientOperationId: string, elementId: string | null, undoneSequence: number | null, participantId: string | null, apiKeyId: string | null, createdAt: string, elements: Array<{ id: string, kind: BoardElementKind, properties: unknown, deleted: boolean }> };

export type BoardMetricsFieldsFragment = { sessionId: string, boardId: string | null, boardCount: number, totalOperations: number, idleGapSeconds: number, participants: Array<{ participantId: string, displayName: string, role: ParticipantRole, operations: number, adds: number, updates: number, erasures: number, undos: number, firstOperationAt: string | null, lastOperationAt: string | null, timeToFirstAddMs: number | null, timeToFirstAddFrom: BoardFirstAddReference | null, idleGapCount: number, longestIdleGapMs: number | null }> };

export type BoardQueryVariables = Exact<{
  id: string;
}>;


export type BoardQuery = { board: { id: string, sessionId: string, breakoutGroupId: string | null, title: string, drawPolicy: BoardDrawPolicy, selectedParticipantIds: Array<string>, locked: boolean, sequence: number, elementCount: number, byteSize: number, createdByParticipantId: string | null, createdByApiKeyId: string | null, createdAt: string, updatedAt: string } };

export type BoardsQueryVariables = Exact<{
  sessionId: string;
}>;


export type BoardsQuery = { boards: Array<{ id: string, sessionId: string, breakoutGroupId: string | null, title: string, drawPolicy: BoardDrawPolicy, selectedParticipantIds: Array<string>, locked: boolean, sequence: number, elementCount: number, byteSize: number, createdByParticipantId: string | null, createdByApiKeyId: string | null, createdAt: string, updatedAt: string }> };

export type BoardSnapshotQueryVariables = Exact<{
  boardId: string;
}>;


export type BoardSnapshotQuery = { boardSnapshot: { sequence: number, board: { id: string, sessionId: string, breakoutGroupId: string | null, title: string, drawPolicy: BoardDrawPolicy, selectedParticipantIds: Array<string>, locked: boolean, sequence: number, elementCount: number, byteSize: number, createdByParticipantId: string | null, createdByApiKeyId: string | null, createdAt: string, updatedAt: string }, elements: Array<{ id: string, kind: BoardElementKind, properties: unknown, deleted: boolean }> } };

export type BoardOperationsQueryVariables = Exact<{
  boardId: string;
  afterSequence?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type BoardOperationsQuery = { boardOperations: { boardId: string, latestSequence: number, hasMore: boolean, operations: Array<{ id: string, boardId: string, sessionId: string, sequence: number, type: BoardOperationType, clientOperationId: string, elementId: string | null, undoneSequence: number | null, participantId: string | null, apiKeyId: string | null, createdAt: string, elements: Array<{ id: string, kind: BoardElementKind, properties: unknown, deleted: boolean }> }> } };

export type BoardMetricsQueryVariables = Exact<{
  boardId: string;
  idleGapSeconds?: number | null | undefined;
}>;


export type BoardMetricsQuery = { boardMetrics: { sessionId: string, boardId: string | null, boardCount: number, totalOperations: number, idleGapSeconds: number, participants: Array<{ participantId: string, displayName: string, role: ParticipantRole, operations: number, adds: number, updates: number, erasures: number, undos: number, firstOperationAt: string | null, lastOperationAt: string | null, timeToFirstAddMs: number | null, timeToFirstAddFrom: BoardFirstAddReference | null, idleGapCount: number, longestIdleGapMs: number | null }> } };

export type SessionBoardMetricsQueryVariables = Exact<{
  sessionId: string;
  idleGapSeconds?: number | null | undefined;
}>;


export type SessionBoardMetricsQuery = { sessionBoardMetrics: { sessionId: string, boardId: string | null, boardCount: number, totalOperations: number, idleGapSeconds: number, participants: Array<{ participantId: string, displayName: string, role: ParticipantRole, operations: number, adds: number, updates: number, erasures: number, undos: number, firstOperationAt: string | null, lastOperationAt: string | null, timeToFirstAddMs: number | null, timeToFirstAddFrom: BoardFirstAddReference | null, idleGapCount: number, longestIdleGapMs: number | null }> } };

export type CreateBoardMutationVariables = Exact<{
  sessionId: string;
  input?: CreateBoardInput | null | undefined;
}>;


export type CreateBoardMutation = { createBoard: { id: string, sessionId: string, breakoutGroupId: string | null, title: string, drawPolicy: BoardDrawPolicy, selectedParticipantIds: Array<string>, locked: boolean, sequence: number, elementCount: number, byteSize: number, createdByParticipantId: string | null, createdByApiKeyId: string | null, createdAt: string, updatedAt: string } };

export type UpdateBoardMutationVariables = Exact<{
  id: string;
  input: UpdateBoardInput;
}>;


export type UpdateBoardMutation = { updateBoard: { id: string, sessionId: string, breakoutGroupId: string | null, title: string, drawPolicy: BoardDrawPolicy, selectedParticipantIds: Array<string>, locked: boolean, sequence: number, elementCount: number, byteSize: number, createdByParticipantId: string | null, createdByApiKeyId: string | null, createdAt: string, updatedAt: string } };

export type SubmitBoardOperationsMutationVariables = Exact<{
  boardId: string;
  input: SubmitBoardOperationsInput;
}>;


export type SubmitBoardOperationsMutation = { submitBoardOperations: { boardId: string, applied: number, repeated: number, latestSequence: number, operations: Array<{ id: string, boardId: string, sessionId: string, sequence: number, type: BoardOperationType, clientOperationId: string, elementId: string | null, undoneSequence: number | null, participantId: string | null, apiKeyId: string | null, createdAt: string, elements: Array<{ id: string, kind: BoardElementKind, properties: unknown, deleted: boolean }> }> } };

export type BoardOperationAddedSubscriptionVariables = Exact<{
  sessionId: string;
  boardId?: string | null | undefined;
}>;


export type BoardOperationAddedSubscription = { boardOperationAdded: { id: string, boardId: string, sessionId: string, sequence: number, type: BoardOperationType, clientOperationId: string, elementId: string | null, undoneSequence: number | null, participantId: string | null, apiKeyId: string | null, createdAt: string, elements: Array<{ id: string, kind: BoardElementKind, properties: unknown, deleted: boolean }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ActivityFieldsFragmentDoc = new TypedDocumentString(`
    fragment ActivityFields on Activity {
  id
  sessionId
  kind
  questionType
  prompt
  options {
    id
    label
  }
  hasCorrectAnswer
  correctOptionIds
  correctNumber
  tolerance
  acceptedAnswers
  objectiveCode
  anonymous
  timeLimitSeconds
  status
  opensAt
  closesAt
  closedAt
  closeReason
  createdAt
  updatedAt
}
    `, {"fragmentName":"ActivityFields"}) as unknown as TypedDocumentString<ActivityFieldsFragment, unknown>;
export const ActivityResponseFieldsFragmentDoc = new TypedDocumentString(`
    fragment ActivityResponseFields on ActivityResponse {
  id
  sessionId
  activityId
  participantId
  answer {
    optionIds
    number
    text
  }
  correct
  revision
  submittedAt
  updatedAt
}
    `, {"fragmentName":"ActivityResponseFields"}) as unknown as TypedDocumentString<ActivityResponseFieldsFragment, unknown>;
export const ActivityResultsFieldsFragmentDoc = new TypedDocumentString(`
    fragment ActivityResultsFields on ActivityResults {
  activityId
  sessionId
  kind
  questionType
  status
  anonymous
  eligible
  respondents
  selections
  options {
    optionId
    label
    count
    correct
  }
  numeric {
    count
    min
    max
    mean
    median
  }
  textAnswers {
    answer
    count
  }
  correctCount
  incorrectCount
  correctShare
  computedAt
}
    `, {"fragmentName":"ActivityResultsFields"}) as unknown as TypedDocumentString<ActivityResultsFieldsFragment, unknown>;
export const AlertFieldsFragmentDoc = new TypedDocumentString(`
    fragment AlertFields on Alert {
  id
  sessionId
  type
  participantId
  activityId
  message
  data
  createdAt
  acknowledgedAt
}
    `, {"fragmentName":"AlertFields"}) as unknown as TypedDocumentString<AlertFieldsFragment, unknown>;
export const AlertSettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment AlertSettingsFields on AlertSettings {
  sessionId
  incorrectShareThreshold
  missedActivitiesThreshold
}
    `, {"fragmentName":"AlertSettingsFields"}) as unknown as TypedDocumentString<AlertSettingsFieldsFragment, unknown>;
export const BreakoutGroupOutputFieldsFragmentDoc = new TypedDocumentString(`
    fragment BreakoutGroupOutputFields on BreakoutGroupOutput {
  members {
    participantId
    displayName
  }
  board
  activity {
    activityId
    responseCount
    respondentCount
    correctCount
  }
  helpRequests {
    participantId
    message
    requestedAt
  }
}
    `, {"fragmentName":"BreakoutGroupOutputFields"}) as unknown as TypedDocumentString<BreakoutGroupOutputFieldsFragment, unknown>;
export const BreakoutMessageFieldsFragmentDoc = new TypedDocumentString(`
    fragment BreakoutMessageFields on BreakoutMessage {
  id
  sessionId
  body
  groupIds
  senderParticipantId
  sentAt
}
    `, {"fragmentName":"BreakoutMessageFields"}) as unknown as TypedDocumentString<BreakoutMessageFieldsFragment, unknown>;
export const BreakoutGroupFieldsFragmentDoc = new TypedDocumentString(`
    fragment BreakoutGroupFields on BreakoutGroup {
  id
  sessionId
  position
  name
  strategy
  instructions
  activityId
  boardId
  livekitRoomName
  status
  closesAt
  closedAt
  closedReason
  participantIds
  createdAt
  updatedAt
}
    `, {"fragmentName":"BreakoutGroupFields"}) as unknown as TypedDocumentString<BreakoutGroupFieldsFragment, unknown>;
export const BreakoutStatusFieldsFragmentDoc = new TypedDocumentString(`
    fragment BreakoutStatusFields on BreakoutStatus {
  sessionId
  readAt
  groups {
    group {
      ...BreakoutGroupFields
    }
    members {
      participantId
      displayName
      present
      lastSeenAt
      removed
    }
    presentCount
    absentCount
    boardOperationCount
    responseCount
    respondentCount
    helpRequestCount
    lastHelpRequestAt
  }
}
    fragment BreakoutGroupFields on BreakoutGroup {
  id
  sessionId
  position
  name
  strategy
  instructions
  activityId
  boardId
  livekitRoomName
  status
  closesAt
  closedAt
  closedReason
  participantIds
  createdAt
  updatedAt
}`, {"fragmentName":"BreakoutStatusFields"}) as unknown as TypedDocumentString<BreakoutStatusFieldsFragment, unknown>;
export const BreakoutJoinFieldsFragmentDoc = new TypedDocumentString(`
    fragment BreakoutJoinFields on BreakoutJoinResult {
  participantId
  hidden
  participantToken
  expiresAt
  expiresInSeconds
  group {
    ...BreakoutGroupFields
  }
  media {
    available
    reason
    url
    token
    roomName
  }
}
    fragment BreakoutGroupFields on BreakoutGroup {
  id
  sessionId
  position
  name
  strategy
  instructions
  activityId
  boardId
  livekitRoomName
  status
  closesAt
  closedAt
  closedReason
  participantIds
  createdAt
  updatedAt
}`, {"fragmentName":"BreakoutJoinFields"}) as unknown as TypedDocumentString<BreakoutJoinFieldsFragment, unknown>;
export const SessionBriefFieldsFragmentDoc = new TypedDocumentString(`
    fragment SessionBriefFields on SessionBrief {
  id
  sessionId
  status
  trigger
  content {
    summary
    focusPoints
    warmUpQuestions {
      question
      gap
    }
  }
  facts {
    sessionTitle
    scheduledStart
    plannedObjectives {
      code
      title
    }
    recentSessions {
      recapId
      sessionId
      sessionTitle
      startedAt
      summary
      nextSteps
      objectiveCodes
    }
    openMisconceptions {
      description
      recapId
      sessionId
      sessionTitle
      startedAt
    }
    students {
      studentId
      name
      progress {
        objectiveCode
        objectiveTitle
        status
      }
      attendance {
        sessions
        attended
        late
        absent
      }
      engagement {
        scores
        slope
        trend
      }
    }
  }
  inputHash
  sourceRecapIds
  omittedRecapIds
  currentVersionNumber
  provider
  model
  promptVersion
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  approvedAt
  rejectedAt
  rejectionReason
  reviewer {
    kind
    id
  }
  jobId
  createdAt
  updatedAt
  versions {
    id
    number
    source
    note
    createdAt
    editor {
      kind
      id
    }
    content {
      summary
      focusPoints
      warmUpQuestions {
        question
        gap
      }
    }
  }
}
    `, {"fragmentName":"SessionBriefFields"}) as unknown as TypedDocumentString<SessionBriefFieldsFragment, unknown>;
export const ChatMessageFieldsFragmentDoc = new TypedDocumentString(`
    fragment ChatMessageFields on ChatMessage {
  id
  sessionId
  participantId
  senderName
  senderRole
  apiKeyId
  body
  sentAt
}
    `, {"fragmentName":"ChatMessageFields"}) as unknown as TypedDocumentString<ChatMessageFieldsFragment, unknown>;
export const ObjectiveFieldsFragmentDoc = new TypedDocumentString(`
    fragment ObjectiveFields on Objective {
  id
  curriculumId
  code
  title
  description
  grade
  domain
  domainCode
  cluster
  clusterCode
  clusterEmphasis
  parentCode
  prerequisiteCodes
  position
  createdAt
}
    `, {"fragmentName":"ObjectiveFields"}) as unknown as TypedDocumentString<ObjectiveFieldsFragment, unknown>;
export const CurriculumFieldsFragmentDoc = new TypedDocumentString(`
    fragment CurriculumFields on Curriculum {
  id
  name
  subject
  description
  gradeLevels
  source
  sourceUrl
  license
  licenseNotice
  licenseUrl
  createdAt
  updatedAt
}
    `, {"fragmentName":"CurriculumFields"}) as unknown as TypedDocumentString<CurriculumFieldsFragment, unknown>;
export const MetricSpreadFieldsFragmentDoc = new TypedDocumentString(`
    fragment MetricSpreadFields on MetricSpread {
  sessions
  mean
  stdDev
  min
  max
}
    `, {"fragmentName":"MetricSpreadFields"}) as unknown as TypedDocumentString<MetricSpreadFieldsFragment, unknown>;
export const SessionVolumePointFieldsFragmentDoc = new TypedDocumentString(`
    fragment SessionVolumePointFields on SessionVolumePoint {
  start
  sessions
  openSessions
  endedSessions
  documentedSessions
  cancelledSessions
  heldSessions
  documentedWithRecap
  documentationRate
  expectedStudents
  attendedStudents
  attendanceRate
}
    `, {"fragmentName":"SessionVolumePointFields"}) as unknown as TypedDocumentString<SessionVolumePointFieldsFragment, unknown>;
export const EngagementEventFieldsFragmentDoc = new TypedDocumentString(`
    fragment EngagementEventFields on EngagementEvent {
  id
  sessionId
  participantId
  type
  source
  participantKind
  clientEventId
  occurredAt
  receivedAt
  durationMs
  data
}
    `, {"fragmentName":"EngagementEventFields"}) as unknown as TypedDocumentString<EngagementEventFieldsFragment, unknown>;
export const EngagementIngestResultFieldsFragmentDoc = new TypedDocumentString(`
    fragment EngagementIngestResultFields on EngagementIngestResult {
  sessionId
  received
  accepted
  duplicates
}
    `, {"fragmentName":"EngagementIngestResultFields"}) as unknown as TypedDocumentString<EngagementIngestResultFieldsFragment, unknown>;
export const ParticipantEngagementFieldsFragmentDoc = new TypedDocumentString(`
    fragment ParticipantEngagementFields on ParticipantEngagement {
  participantId
  role
  displayName
  studentId
  attendedMinutes
  attendanceShare
  talkSeconds
  talkShare
  responses
  gradedResponses
  correctResponses
  correctRate
  boardOperations
  attentionShare
  handRaises
  chatMessages
  reactions
  helpRequests
  participationScore
}
    `, {"fragmentName":"ParticipantEngagementFields"}) as unknown as TypedDocumentString<ParticipantEngagementFieldsFragment, unknown>;
export const EnrollmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment EnrollmentFields on Enrollment {
  id
  studentId
  instructorId
  curriculumId
  plannedObjectiveCodes
  startDate
  status
  createdAt
  updatedAt
}
    `, {"fragmentName":"EnrollmentFields"}) as unknown as TypedDocumentString<EnrollmentFieldsFragment, unknown>;
export const MemberFieldsFragmentDoc = new TypedDocumentString(`
    fragment MemberFields on Member {
  id
  name
  email
  role
  externalId
  timeZone
  deactivatedAt
  createdAt
  updatedAt
}
    `, {"fragmentName":"MemberFields"}) as unknown as TypedDocumentString<MemberFieldsFragment, unknown>;
export const OrganizationFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrganizationFields on Organization {
  id
  name
  timeZone
  isPlatform
  createdAt
}
    `, {"fragmentName":"OrganizationFields"}) as unknown as TypedDocumentString<OrganizationFieldsFragment, unknown>;
export const ApiKeyFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  revokedAt
}
    `, {"fragmentName":"ApiKeyFields"}) as unknown as TypedDocumentString<ApiKeyFieldsFragment, unknown>;
export const ParentUpdateDeliveryFieldsFragmentDoc = new TypedDocumentString(`
    fragment ParentUpdateDeliveryFields on ParentUpdateDelivery {
  id
  parentUpdateId
  guardianId
  recipient
  status
  attempts
  reason
  lastError
  messageId
  jobId
  sentAt
  failedAt
  createdAt
  updatedAt
}
    `, {"fragmentName":"ParentUpdateDeliveryFields"}) as unknown as TypedDocumentString<ParentUpdateDeliveryFieldsFragment, unknown>;
export const ParentUpdateFieldsFragmentDoc = new TypedDocumentString(`
    fragment ParentUpdateFields on ParentUpdate {
  id
  sessionId
  recapId
  recapVersion
  studentId
  guardianId
  status
  language
  requestedLanguage
  languageNote
  subject
  body
  currentVersionNumber
  provider
  model
  promptVersion
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  approvedAt
  rejectedAt
  rejectionReason
  createdAt
  updatedAt
  reviewer {
    kind
    id
  }
  delivery {
    ...ParentUpdateDeliveryFields
  }
}
    fragment ParentUpdateDeliveryFields on ParentUpdateDelivery {
  id
  parentUpdateId
  guardianId
  recipient
  status
  attempts
  reason
  lastError
  messageId
  jobId
  sentAt
  failedAt
  createdAt
  updatedAt
}`, {"fragmentName":"ParentUpdateFields"}) as unknown as TypedDocumentString<ParentUpdateFieldsFragment, unknown>;
export const ProgressEvidenceFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProgressEvidenceFields on ProgressEvidenceItem {
  id
  kind
  sessionId
  activityId
  recapId
  correct
  recapConfidence
  ratedStatus
  note
  recordedAt
}
    `, {"fragmentName":"ProgressEvidenceFields"}) as unknown as TypedDocumentString<ProgressEvidenceFieldsFragment, unknown>;
export const ProgressRecordFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProgressRecordFields on ProgressRecord {
  id
  studentId
  curriculumId
  objectiveId
  objectiveCode
  objectiveTitle
  status
  confidence
  automaticStatus
  automaticConfidence
  override {
    status
    reason
    at
    by {
      kind
      id
    }
  }
  lastSessionId
  updatedAt
  evidenceCount
  evidence {
    ...ProgressEvidenceFields
  }
}
    fragment ProgressEvidenceFields on ProgressEvidenceItem {
  id
  kind
  sessionId
  activityId
  recapId
  correct
  recapConfidence
  ratedStatus
  note
  recordedAt
}`, {"fragmentName":"ProgressRecordFields"}) as unknown as TypedDocumentString<ProgressRecordFieldsFragment, unknown>;
export const ProgressChangeFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProgressChangeFields on ProgressChange {
  id
  progressRecordId
  change
  fromStatus
  toStatus
  fromConfidence
  toConfidence
  automaticStatus
  reason
  sessionId
  actorKind
  actorId
  createdAt
}
    `, {"fragmentName":"ProgressChangeFields"}) as unknown as TypedDocumentString<ProgressChangeFieldsFragment, unknown>;
export const RecapActorFieldsFragmentDoc = new TypedDocumentString(`
    fragment RecapActorFields on RecapActor {
  kind
  id
}
    `, {"fragmentName":"RecapActorFields"}) as unknown as TypedDocumentString<RecapActorFieldsFragment, unknown>;
export const RecapEvidenceFieldsFragmentDoc = new TypedDocumentString(`
    fragment RecapEvidenceFields on RecapEvidenceQuote {
  segmentIndex
  speaker
  speakerRole
  startMs
  endMs
  text
}
    `, {"fragmentName":"RecapEvidenceFields"}) as unknown as TypedDocumentString<RecapEvidenceFieldsFragment, unknown>;
export const RecapContentFieldsFragmentDoc = new TypedDocumentString(`
    fragment RecapContentFields on RecapContent {
  summary
  objectivesCovered {
    code
    confidence
    evidence {
      ...RecapEvidenceFields
    }
  }
  misconceptions {
    description
    resolved
    evidence {
      ...RecapEvidenceFields
    }
    correction {
      ...RecapEvidenceFields
    }
  }
  studentPerformance {
    summary
    studentTurns
    instructorTurns
    studentTalkShare
    errorsFound
    errorsCorrected
  }
  nextSteps
  followUps
}
    fragment RecapEvidenceFields on RecapEvidenceQuote {
  segmentIndex
  speaker
  speakerRole
  startMs
  endMs
  text
}`, {"fragmentName":"RecapContentFields"}) as unknown as TypedDocumentString<RecapContentFieldsFragment, unknown>;
export const RecapFieldsFragmentDoc = new TypedDocumentString(`
    fragment RecapFields on Recap {
  id
  sessionId
  status
  isFinal
  trigger
  jobId
  currentVersionNumber
  provider
  model
  promptVersion
  transcriptVersion
  failureReason
  generatedAt
  approvedAt
  rejectedAt
  rejectionReason
  createdAt
  updatedAt
  reviewer {
    ...RecapActorFields
  }
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  input {
    segmentCount
    objectiveCodes
    plannedObjectiveCodes
  }
  content {
    ...RecapContentFields
  }
}
    fragment RecapEvidenceFields on RecapEvidenceQuote {
  segmentIndex
  speaker
  speakerRole
  startMs
  endMs
  text
}
fragment RecapContentFields on RecapContent {
  summary
  objectivesCovered {
    code
    confidence
    evidence {
      ...RecapEvidenceFields
    }
  }
  misconceptions {
    description
    resolved
    evidence {
      ...RecapEvidenceFields
    }
    correction {
      ...RecapEvidenceFields
    }
  }
  studentPerformance {
    summary
    studentTurns
    instructorTurns
    studentTalkShare
    errorsFound
    errorsCorrected
  }
  nextSteps
  followUps
}
fragment RecapActorFields on RecapActor {
  kind
  id
}`, {"fragmentName":"RecapFields"}) as unknown as TypedDocumentString<RecapFieldsFragment, unknown>;
export const ReminderSettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReminderSettingsFields on ReminderSettings {
  enabled
  leadMinutes
}
    `, {"fragmentName":"ReminderSettingsFields"}) as unknown as TypedDocumentString<ReminderSettingsFieldsFragment, unknown>;
export const SessionReminderFieldsFragmentDoc = new TypedDocumentString(`
    fragment SessionReminderFields on SessionReminder {
  id
  sessionId
  recipientKind
  recipientId
  email
  leadMinutes
  sendAt
  status
  reason
  attempts
  lastError
  sentAt
  jobId
  createdAt
  updatedAt
}
    `, {"fragmentName":"SessionReminderFields"}) as unknown as TypedDocumentString<SessionReminderFieldsFragment, unknown>;
export const RiskSignalFieldsFragmentDoc = new TypedDocumentString(`
    fragment RiskSignalFields on RiskSignal {
  kind
  score
  explanation
  evidence {
    sessionId
    value
    objectiveCode
  }
}
    `, {"fragmentName":"RiskSignalFields"}) as unknown as TypedDocumentString<RiskSignalFieldsFragment, unknown>;
export const RoomFieldsFragmentDoc = new TypedDocumentString(`
    fragment RoomFields on Room {
  id
  name
  description
  capacity
  enabledTools
  livekitRoomPrefix
  archivedAt
  createdAt
  updatedAt
}
    `, {"fragmentName":"RoomFields"}) as unknown as TypedDocumentString<RoomFieldsFragment, unknown>;
export const SessionPhaseFieldsFragmentDoc = new TypedDocumentString(`
    fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}
    `, {"fragmentName":"SessionPhaseFields"}) as unknown as TypedDocumentString<SessionPhaseFieldsFragment, unknown>;
export const SessionPhaseTransitionFieldsFragmentDoc = new TypedDocumentString(`
    fragment SessionPhaseTransitionFields on SessionPhaseTransition {
  id
  sessionId
  phaseId
  action
  position
  occurredAt
  apiKeyId
}
    `, {"fragmentName":"SessionPhaseTransitionFields"}) as unknown as TypedDocumentString<SessionPhaseTransitionFieldsFragment, unknown>;
export const SessionLessonFieldsFragmentDoc = new TypedDocumentString(`
    fragment SessionLessonFields on Session {
  id
  status
  actualStart
  actualEnd
  currentPhase {
    ...SessionPhaseFields
  }
  phases {
    ...SessionPhaseFields
  }
  phaseTransitions {
    ...SessionPhaseTransitionFields
  }
}
    fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}
fragment SessionPhaseTransitionFields on SessionPhaseTransition {
  id
  sessionId
  phaseId
  action
  position
  occurredAt
  apiKeyId
}`, {"fragmentName":"SessionLessonFields"}) as unknown as TypedDocumentString<SessionLessonFieldsFragment, unknown>;
export const ParticipantFieldsFragmentDoc = new TypedDocumentString(`
    fragment ParticipantFields on Participant {
  id
  sessionId
  role
  displayName
  identity
  memberId
  studentId
  joinedAt
  leftAt
  removedAt
  createdAt
  updatedAt
}
    `, {"fragmentName":"ParticipantFields"}) as unknown as TypedDocumentString<ParticipantFieldsFragment, unknown>;
export const SessionFieldsFragmentDoc = new TypedDocumentString(`
    fragment SessionFields on Session {
  id
  title
  status
  roomId
  timeZone
  scheduledStart
  scheduledEnd
  actualStart
  actualEnd
  cancelledAt
  livekitRoomName
  enrollmentIds
  createdAt
  updatedAt
  phases {
    ...SessionPhaseFields
  }
  participants {
    ...ParticipantFields
  }
}
    fragment ParticipantFields on Participant {
  id
  sessionId
  role
  displayName
  identity
  memberId
  studentId
  joinedAt
  leftAt
  removedAt
  createdAt
  updatedAt
}
fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}`, {"fragmentName":"SessionFields"}) as unknown as TypedDocumentString<SessionFieldsFragment, unknown>;
export const StudentFieldsFragmentDoc = new TypedDocumentString(`
    fragment StudentFields on Student {
  id
  name
  email
  externalId
  gradeLevel
  timeZone
  createdAt
  updatedAt
}
    `, {"fragmentName":"StudentFields"}) as unknown as TypedDocumentString<StudentFieldsFragment, unknown>;
export const GuardianFieldsFragmentDoc = new TypedDocumentString(`
    fragment GuardianFields on Guardian {
  id
  name
  email
  preferredLanguage
  relationship
  createdAt
  updatedAt
}
    `, {"fragmentName":"GuardianFields"}) as unknown as TypedDocumentString<GuardianFieldsFragment, unknown>;
export const TranscriptSegmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment TranscriptSegmentFields on TranscriptSegment {
  id
  sessionId
  clientSegmentId
  participantId
  speakerLabel
  speakerRole
  text
  startMs
  endMs
  isFinal
  source
  receivedAt
  createdAt
  updatedAt
}
    `, {"fragmentName":"TranscriptSegmentFields"}) as unknown as TypedDocumentString<TranscriptSegmentFieldsFragment, unknown>;
export const TranscriptWriteResultFieldsFragmentDoc = new TypedDocumentString(`
    fragment TranscriptWriteResultFields on TranscriptWriteResult {
  sessionId
  received
  inserted
  replaced
  unchanged
  transcriptVersion
}
    `, {"fragmentName":"TranscriptWriteResultFields"}) as unknown as TypedDocumentString<TranscriptWriteResultFieldsFragment, unknown>;
export const WebhookSubscriptionFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookSubscriptionFields on WebhookSubscription {
  id
  url
  description
  eventTypes
  sessionId
  roomId
  status
  disabledReason
  previousSecretExpiresAt
  failingSince
  lastSuccessAt
  createdAt
  updatedAt
}
    `, {"fragmentName":"WebhookSubscriptionFields"}) as unknown as TypedDocumentString<WebhookSubscriptionFieldsFragment, unknown>;
export const WebhookDeliveryFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  subscriptionId
  eventId
  eventType
  status
  attempts
  nextAttemptAt
  lastStatusCode
  lastError
  deliveredAt
  createdAt
  attemptLog {
    number
    attemptedAt
    statusCode
    latencyMs
    outcome
    error
    responseExcerpt
  }
}
    `, {"fragmentName":"WebhookDeliveryFields"}) as unknown as TypedDocumentString<WebhookDeliveryFieldsFragment, unknown>;
export const BoardFieldsFragmentDoc = new TypedDocumentString(`
    fragment BoardFields on Board {
  id
  sessionId
  breakoutGroupId
  title
  drawPolicy
  selectedParticipantIds
  locked
  sequence
  elementCount
  byteSize
  createdByParticipantId
  createdByApiKeyId
  createdAt
  updatedAt
}
    `, {"fragmentName":"BoardFields"}) as unknown as TypedDocumentString<BoardFieldsFragment, unknown>;
export const BoardElementFieldsFragmentDoc = new TypedDocumentString(`
    fragment BoardElementFields on BoardElement {
  id
  kind
  properties
  deleted
}
    `, {"fragmentName":"BoardElementFields"}) as unknown as TypedDocumentString<BoardElementFieldsFragment, unknown>;
export const BoardOperationFieldsFragmentDoc = new TypedDocumentString(`
    fragment BoardOperationFields on BoardOperation {
  id
  boardId
  sessionId
  sequence
  type
  clientOperationId
  elementId
  undoneSequence
  elements {
    ...BoardElementFields
  }
  participantId
  apiKeyId
  createdAt
}
    fragment BoardElementFields on BoardElement {
  id
  kind
  properties
  deleted
}`, {"fragmentName":"BoardOperationFields"}) as unknown as TypedDocumentString<BoardOperationFieldsFragment, unknown>;
export const BoardMetricsFieldsFragmentDoc = new TypedDocumentString(`
    fragment BoardMetricsFields on BoardMetrics {
  sessionId
  boardId
  boardCount
  totalOperations
  idleGapSeconds
  participants {
    participantId
    displayName
    role
    operations
    adds
    updates
    erasures
    undos
    firstOperationAt
    lastOperationAt
    timeToFirstAddMs
    timeToFirstAddFrom
    idleGapCount
    longestIdleGapMs
  }
}
    `, {"fragmentName":"BoardMetricsFields"}) as unknown as TypedDocumentString<BoardMetricsFieldsFragment, unknown>;
export const ActivitiesDocument = new TypedDocumentString(`
    query activities($sessionId: ID!) {
  activities(sessionId: $sessionId) {
    ...ActivityFields
  }
}
    fragment ActivityFields on Activity {
  id
  sessionId
  kind
  questionType
  prompt
  options {
    id
    label
  }
  hasCorrectAnswer
  correctOptionIds
  correctNumber
  tolerance
  acceptedAnswers
  objectiveCode
  anonymous
  timeLimitSeconds
  status
  opensAt
  closesAt
  closedAt
  closeReason
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ActivitiesQuery, ActivitiesQueryVariables>;
export const ActivityDocument = new TypedDocumentString(`
    query activity($id: ID!) {
  activity(id: $id) {
    ...ActivityFields
  }
}
    fragment ActivityFields on Activity {
  id
  sessionId
  kind
  questionType
  prompt
  options {
    id
    label
  }
  hasCorrectAnswer
  correctOptionIds
  correctNumber
  tolerance
  acceptedAnswers
  objectiveCode
  anonymous
  timeLimitSeconds
  status
  opensAt
  closesAt
  closedAt
  closeReason
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ActivityQuery, ActivityQueryVariables>;
export const ActivityResultsDocument = new TypedDocumentString(`
    query activityResults($activityId: ID!) {
  activityResults(activityId: $activityId) {
    ...ActivityResultsFields
  }
}
    fragment ActivityResultsFields on ActivityResults {
  activityId
  sessionId
  kind
  questionType
  status
  anonymous
  eligible
  respondents
  selections
  options {
    optionId
    label
    count
    correct
  }
  numeric {
    count
    min
    max
    mean
    median
  }
  textAnswers {
    answer
    count
  }
  correctCount
  incorrectCount
  correctShare
  computedAt
}`) as unknown as TypedDocumentString<ActivityResultsQuery, ActivityResultsQueryVariables>;
export const ActivityResponsesDocument = new TypedDocumentString(`
    query activityResponses($activityId: ID!) {
  activityResponses(activityId: $activityId) {
    id
    sessionId
    activityId
    participantId
    displayName
    answer {
      optionIds
      number
      text
    }
    correct
    revision
    submittedAt
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<ActivityResponsesQuery, ActivityResponsesQueryVariables>;
export const MyActivityResponseDocument = new TypedDocumentString(`
    query myActivityResponse($activityId: ID!) {
  myActivityResponse(activityId: $activityId) {
    ...ActivityResponseFields
  }
}
    fragment ActivityResponseFields on ActivityResponse {
  id
  sessionId
  activityId
  participantId
  answer {
    optionIds
    number
    text
  }
  correct
  revision
  submittedAt
  updatedAt
}`) as unknown as TypedDocumentString<MyActivityResponseQuery, MyActivityResponseQueryVariables>;
export const CreateActivityDocument = new TypedDocumentString(`
    mutation createActivity($sessionId: ID!, $input: CreateActivityInput!) {
  createActivity(sessionId: $sessionId, input: $input) {
    ...ActivityFields
  }
}
    fragment ActivityFields on Activity {
  id
  sessionId
  kind
  questionType
  prompt
  options {
    id
    label
  }
  hasCorrectAnswer
  correctOptionIds
  correctNumber
  tolerance
  acceptedAnswers
  objectiveCode
  anonymous
  timeLimitSeconds
  status
  opensAt
  closesAt
  closedAt
  closeReason
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateActivityMutation, CreateActivityMutationVariables>;
export const OpenActivityDocument = new TypedDocumentString(`
    mutation openActivity($id: ID!) {
  openActivity(id: $id) {
    ...ActivityFields
  }
}
    fragment ActivityFields on Activity {
  id
  sessionId
  kind
  questionType
  prompt
  options {
    id
    label
  }
  hasCorrectAnswer
  correctOptionIds
  correctNumber
  tolerance
  acceptedAnswers
  objectiveCode
  anonymous
  timeLimitSeconds
  status
  opensAt
  closesAt
  closedAt
  closeReason
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<OpenActivityMutation, OpenActivityMutationVariables>;
export const CloseActivityDocument = new TypedDocumentString(`
    mutation closeActivity($id: ID!) {
  closeActivity(id: $id) {
    ...ActivityFields
  }
}
    fragment ActivityFields on Activity {
  id
  sessionId
  kind
  questionType
  prompt
  options {
    id
    label
  }
  hasCorrectAnswer
  correctOptionIds
  correctNumber
  tolerance
  acceptedAnswers
  objectiveCode
  anonymous
  timeLimitSeconds
  status
  opensAt
  closesAt
  closedAt
  closeReason
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CloseActivityMutation, CloseActivityMutationVariables>;
export const SubmitActivityResponseDocument = new TypedDocumentString(`
    mutation submitActivityResponse($activityId: ID!, $input: ActivityResponseInput!) {
  submitActivityResponse(activityId: $activityId, input: $input) {
    ...ActivityResponseFields
  }
}
    fragment ActivityResponseFields on ActivityResponse {
  id
  sessionId
  activityId
  participantId
  answer {
    optionIds
    number
    text
  }
  correct
  revision
  submittedAt
  updatedAt
}`) as unknown as TypedDocumentString<SubmitActivityResponseMutation, SubmitActivityResponseMutationVariables>;
export const AlertsDocument = new TypedDocumentString(`
    query alerts($sessionId: ID!, $unacknowledgedOnly: Boolean) {
  alerts(sessionId: $sessionId, unacknowledgedOnly: $unacknowledgedOnly) {
    ...AlertFields
  }
}
    fragment AlertFields on Alert {
  id
  sessionId
  type
  participantId
  activityId
  message
  data
  createdAt
  acknowledgedAt
}`) as unknown as TypedDocumentString<AlertsQuery, AlertsQueryVariables>;
export const AcknowledgeAlertDocument = new TypedDocumentString(`
    mutation acknowledgeAlert($id: ID!) {
  acknowledgeAlert(id: $id) {
    ...AlertFields
  }
}
    fragment AlertFields on Alert {
  id
  sessionId
  type
  participantId
  activityId
  message
  data
  createdAt
  acknowledgedAt
}`) as unknown as TypedDocumentString<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const AlertSettingsDocument = new TypedDocumentString(`
    query alertSettings($sessionId: ID!) {
  alertSettings(sessionId: $sessionId) {
    ...AlertSettingsFields
  }
}
    fragment AlertSettingsFields on AlertSettings {
  sessionId
  incorrectShareThreshold
  missedActivitiesThreshold
}`) as unknown as TypedDocumentString<AlertSettingsQuery, AlertSettingsQueryVariables>;
export const UpdateAlertSettingsDocument = new TypedDocumentString(`
    mutation updateAlertSettings($sessionId: ID!, $input: AlertSettingsInput!) {
  updateAlertSettings(sessionId: $sessionId, input: $input) {
    ...AlertSettingsFields
  }
}
    fragment AlertSettingsFields on AlertSettings {
  sessionId
  incorrectShareThreshold
  missedActivitiesThreshold
}`) as unknown as TypedDocumentString<UpdateAlertSettingsMutation, UpdateAlertSettingsMutationVariables>;
export const ActivityChangedDocument = new TypedDocumentString(`
    subscription activityChanged($sessionId: ID!) {
  activityChanged(sessionId: $sessionId) {
    sessionId
    activityId
    action
    occurredAt
    activity {
      ...ActivityFields
    }
  }
}
    fragment ActivityFields on Activity {
  id
  sessionId
  kind
  questionType
  prompt
  options {
    id
    label
  }
  hasCorrectAnswer
  correctOptionIds
  correctNumber
  tolerance
  acceptedAnswers
  objectiveCode
  anonymous
  timeLimitSeconds
  status
  opensAt
  closesAt
  closedAt
  closeReason
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ActivityChangedSubscription, ActivityChangedSubscriptionVariables>;
export const ActivityResultsUpdatedDocument = new TypedDocumentString(`
    subscription activityResultsUpdated($sessionId: ID!) {
  activityResultsUpdated(sessionId: $sessionId) {
    ...ActivityResultsFields
  }
}
    fragment ActivityResultsFields on ActivityResults {
  activityId
  sessionId
  kind
  questionType
  status
  anonymous
  eligible
  respondents
  selections
  options {
    optionId
    label
    count
    correct
  }
  numeric {
    count
    min
    max
    mean
    median
  }
  textAnswers {
    answer
    count
  }
  correctCount
  incorrectCount
  correctShare
  computedAt
}`) as unknown as TypedDocumentString<ActivityResultsUpdatedSubscription, ActivityResultsUpdatedSubscriptionVariables>;
export const InstructorAlertRaisedDocument = new TypedDocumentString(`
    subscription instructorAlertRaised($sessionId: ID!) {
  instructorAlertRaised(sessionId: $sessionId) {
    ...AlertFields
  }
}
    fragment AlertFields on Alert {
  id
  sessionId
  type
  participantId
  activityId
  message
  data
  createdAt
  acknowledgedAt
}`) as unknown as TypedDocumentString<InstructorAlertRaisedSubscription, InstructorAlertRaisedSubscriptionVariables>;
export const BreakoutGroupsDocument = new TypedDocumentString(`
    query breakoutGroups($sessionId: ID!) {
  breakoutGroups(sessionId: $sessionId) {
    ...BreakoutGroupFields
    output {
      ...BreakoutGroupOutputFields
    }
  }
}
    fragment BreakoutGroupFields on BreakoutGroup {
  id
  sessionId
  position
  name
  strategy
  instructions
  activityId
  boardId
  livekitRoomName
  status
  closesAt
  closedAt
  closedReason
  participantIds
  createdAt
  updatedAt
}
fragment BreakoutGroupOutputFields on BreakoutGroupOutput {
  members {
    participantId
    displayName
  }
  board
  activity {
    activityId
    responseCount
    respondentCount
    correctCount
  }
  helpRequests {
    participantId
    message
    requestedAt
  }
}`) as unknown as TypedDocumentString<BreakoutGroupsQuery, BreakoutGroupsQueryVariables>;
export const BreakoutGroupDocument = new TypedDocumentString(`
    query breakoutGroup($sessionId: ID!, $groupId: ID!) {
  breakoutGroup(sessionId: $sessionId, groupId: $groupId) {
    ...BreakoutGroupFields
    output {
      ...BreakoutGroupOutputFields
    }
  }
}
    fragment BreakoutGroupFields on BreakoutGroup {
  id
  sessionId
  position
  name
  strategy
  instructions
  activityId
  boardId
  livekitRoomName
  status
  closesAt
  closedAt
  closedReason
  participantIds
  createdAt
  updatedAt
}
fragment BreakoutGroupOutputFields on BreakoutGroupOutput {
  members {
    participantId
    displayName
  }
  board
  activity {
    activityId
    responseCount
    respondentCount
    correctCount
  }
  helpRequests {
    participantId
    message
    requestedAt
  }
}`) as unknown as TypedDocumentString<BreakoutGroupQuery, BreakoutGroupQueryVariables>;
export const BreakoutStatusDocument = new TypedDocumentString(`
    query breakoutStatus($sessionId: ID!) {
  breakoutStatus(sessionId: $sessionId) {
    ...BreakoutStatusFields
  }
}
    fragment BreakoutGroupFields on BreakoutGroup {
  id
  sessionId
  position
  name
  strategy
  instructions
  activityId
  boardId
  livekitRoomName
  status
  closesAt
  closedAt
  closedReason
  participantIds
  createdAt
  updatedAt
}
fragment BreakoutStatusFields on BreakoutStatus {
  sessionId
  readAt
  groups {
    group {
      ...BreakoutGroupFields
    }
    members {
      participantId
      displayName
      present
      lastSeenAt
      removed
    }
    presentCount
    absentCount
    boardOperationCount
    responseCount
    respondentCount
    helpRequestCount
    lastHelpRequestAt
  }
}`) as unknown as TypedDocumentString<BreakoutStatusQuery, BreakoutStatusQueryVariables>;
export const BreakoutMessagesDocument = new TypedDocumentString(`
    query breakoutMessages($sessionId: ID!) {
  breakoutMessages(sessionId: $sessionId) {
    ...BreakoutMessageFields
  }
}
    fragment BreakoutMessageFields on BreakoutMessage {
  id
  sessionId
  body
  groupIds
  senderParticipantId
  sentAt
}`) as unknown as TypedDocumentString<BreakoutMessagesQuery, BreakoutMessagesQueryVariables>;
export const CreateBreakoutGroupsDocument = new TypedDocumentString(`
    mutation createBreakoutGroups($sessionId: ID!, $input: CreateBreakoutGroupsInput!) {
  createBreakoutGroups(sessionId: $sessionId, input: $input) {
    ...BreakoutGroupFields
  }
}
    fragment BreakoutGroupFields on BreakoutGroup {
  id
  sessionId
  position
  name
  strategy
  instructions
  activityId
  boardId
  livekitRoomName
  status
  closesAt
  closedAt
  closedReason
  participantIds
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateBreakoutGroupsMutation, CreateBreakoutGroupsMutationVariables>;
export const CloseBreakoutGroupDocument = new TypedDocumentString(`
    mutation closeBreakoutGroup($sessionId: ID!, $groupId: ID!) {
  closeBreakoutGroup(sessionId: $sessionId, groupId: $groupId) {
    ...BreakoutGroupFields
    output {
      ...BreakoutGroupOutputFields
    }
  }
}
    fragment BreakoutGroupFields on BreakoutGroup {
  id
  sessionId
  position
  name
  strategy
  instructions
  activityId
  boardId
  livekitRoomName
  status
  closesAt
  closedAt
  closedReason
  participantIds
  createdAt
  updatedAt
}
fragment BreakoutGroupOutputFields on BreakoutGroupOutput {
  members {
    participantId
    displayName
  }
  board
  activity {
    activityId
    responseCount
    respondentCount
    correctCount
  }
  helpRequests {
    participantId
    message
    requestedAt
  }
}`) as unknown as TypedDocumentString<CloseBreakoutGroupMutation, CloseBreakoutGroupMutationVariables>;
export const CloseBreakoutGroupsDocument = new TypedDocumentString(`
    mutation closeBreakoutGroups($sessionId: ID!) {
  closeBreakoutGroups(sessionId: $sessionId) {
    ...BreakoutGroupFields
    output {
      ...BreakoutGroupOutputFields
    }
  }
}
    fragment BreakoutGroupFields on BreakoutGroup {
  id
  sessionId
  position
  name
  strategy
  instructions
  activityId
  boardId
  livekitRoomName
  status
  closesAt
  closedAt
  closedReason
  participantIds
  createdAt
  updatedAt
}
fragment BreakoutGroupOutputFields on BreakoutGroupOutput {
  members {
    participantId
    displayName
  }
  board
  activity {
    activityId
    responseCount
    respondentCount
    correctCount
  }
  helpRequests {
    participantId
    message
    requestedAt
  }
}`) as unknown as TypedDocumentString<CloseBreakoutGroupsMutation, CloseBreakoutGroupsMutationVariables>;
export const JoinBreakoutGroupDocument = new TypedDocumentString(`
    mutation joinBreakoutGroup($sessionId: ID!, $groupId: ID!, $participantId: ID) {
  joinBreakoutGroup(
    sessionId: $sessionId
    groupId: $groupId
    participantId: $participantId
  ) {
    ...BreakoutJoinFields
  }
}
    fragment BreakoutGroupFields on BreakoutGroup {
  id
  sessionId
  position
  name
  strategy
  instructions
  activityId
  boardId
  livekitRoomName
  status
  closesAt
  closedAt
  closedReason
  participantIds
  createdAt
  updatedAt
}
fragment BreakoutJoinFields on BreakoutJoinResult {
  participantId
  hidden
  participantToken
  expiresAt
  expiresInSeconds
  group {
    ...BreakoutGroupFields
  }
  media {
    available
    reason
    url
    token
    roomName
  }
}`) as unknown as TypedDocumentString<JoinBreakoutGroupMutation, JoinBreakoutGroupMutationVariables>;
export const ListenToBreakoutGroupDocument = new TypedDocumentString(`
    mutation listenToBreakoutGroup($sessionId: ID!, $groupId: ID!, $participantId: ID) {
  listenToBreakoutGroup(
    sessionId: $sessionId
    groupId: $groupId
    participantId: $participantId
  ) {
    ...BreakoutJoinFields
  }
}
    fragment BreakoutGroupFields on BreakoutGroup {
  id
  sessionId
  position
  name
  strategy
  instructions
  activityId
  boardId
  livekitRoomName
  status
  closesAt
  closedAt
  closedReason
  participantIds
  createdAt
  updatedAt
}
fragment BreakoutJoinFields on BreakoutJoinResult {
  participantId
  hidden
  participantToken
  expiresAt
  expiresInSeconds
  group {
    ...BreakoutGroupFields
  }
  media {
    available
    reason
    url
    token
    roomName
  }
}`) as unknown as TypedDocumentString<ListenToBreakoutGroupMutation, ListenToBreakoutGroupMutationVariables>;
export const RequestBreakoutHelpDocument = new TypedDocumentString(`
    mutation requestBreakoutHelp($sessionId: ID!, $groupId: ID!, $input: BreakoutHelpInput) {
  requestBreakoutHelp(sessionId: $sessionId, groupId: $groupId, input: $input) {
    participantId
    message
    requestedAt
  }
}
    `) as unknown as TypedDocumentString<RequestBreakoutHelpMutation, RequestBreakoutHelpMutationVariables>;
export const ReportBreakoutPresenceDocument = new TypedDocumentString(`
    mutation reportBreakoutPresence($sessionId: ID!, $groupId: ID!, $input: BreakoutPresenceInput!) {
  reportBreakoutPresence(sessionId: $sessionId, groupId: $groupId, input: $input) {
    ...BreakoutGroupFields
  }
}
    fragment BreakoutGroupFields on BreakoutGroup {
  id
  sessionId
  position
  name
  strategy
  instructions
  activityId
  boardId
  livekitRoomName
  status
  closesAt
  closedAt
  closedReason
  participantIds
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ReportBreakoutPresenceMutation, ReportBreakoutPresenceMutationVariables>;
export const BroadcastBreakoutMessageDocument = new TypedDocumentString(`
    mutation broadcastBreakoutMessage($sessionId: ID!, $input: BroadcastBreakoutMessageInput!) {
  broadcastBreakoutMessage(sessionId: $sessionId, input: $input) {
    ...BreakoutMessageFields
  }
}
    fragment BreakoutMessageFields on BreakoutMessage {
  id
  sessionId
  body
  groupIds
  senderParticipantId
  sentAt
}`) as unknown as TypedDocumentString<BroadcastBreakoutMessageMutation, BroadcastBreakoutMessageMutationVariables>;
export const BreakoutStatusChangedDocument = new TypedDocumentString(`
    subscription breakoutStatusChanged($sessionId: ID!) {
  breakoutStatusChanged(sessionId: $sessionId) {
    ...BreakoutStatusFields
  }
}
    fragment BreakoutGroupFields on BreakoutGroup {
  id
  sessionId
  position
  name
  strategy
  instructions
  activityId
  boardId
  livekitRoomName
  status
  closesAt
  closedAt
  closedReason
  participantIds
  createdAt
  updatedAt
}
fragment BreakoutStatusFields on BreakoutStatus {
  sessionId
  readAt
  groups {
    group {
      ...BreakoutGroupFields
    }
    members {
      participantId
      displayName
      present
      lastSeenAt
      removed
    }
    presentCount
    absentCount
    boardOperationCount
    responseCount
    respondentCount
    helpRequestCount
    lastHelpRequestAt
  }
}`) as unknown as TypedDocumentString<BreakoutStatusChangedSubscription, BreakoutStatusChangedSubscriptionVariables>;
export const BreakoutMessagePostedDocument = new TypedDocumentString(`
    subscription breakoutMessagePosted($sessionId: ID!) {
  breakoutMessagePosted(sessionId: $sessionId) {
    ...BreakoutMessageFields
  }
}
    fragment BreakoutMessageFields on BreakoutMessage {
  id
  sessionId
  body
  groupIds
  senderParticipantId
  sentAt
}`) as unknown as TypedDocumentString<BreakoutMessagePostedSubscription, BreakoutMessagePostedSubscriptionVariables>;
export const SessionBriefDocument = new TypedDocumentString(`
    query sessionBrief($sessionId: ID!) {
  sessionBrief(sessionId: $sessionId) {
    ...SessionBriefFields
  }
}
    fragment SessionBriefFields on SessionBrief {
  id
  sessionId
  status
  trigger
  content {
    summary
    focusPoints
    warmUpQuestions {
      question
      gap
    }
  }
  facts {
    sessionTitle
    scheduledStart
    plannedObjectives {
      code
      title
    }
    recentSessions {
      recapId
      sessionId
      sessionTitle
      startedAt
      summary
      nextSteps
      objectiveCodes
    }
    openMisconceptions {
      description
      recapId
      sessionId
      sessionTitle
      startedAt
    }
    students {
      studentId
      name
      progress {
        objectiveCode
        objectiveTitle
        status
      }
      attendance {
        sessions
        attended
        late
        absent
      }
      engagement {
        scores
        slope
        trend
      }
    }
  }
  inputHash
  sourceRecapIds
  omittedRecapIds
  currentVersionNumber
  provider
  model
  promptVersion
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  approvedAt
  rejectedAt
  rejectionReason
  reviewer {
    kind
    id
  }
  jobId
  createdAt
  updatedAt
  versions {
    id
    number
    source
    note
    createdAt
    editor {
      kind
      id
    }
    content {
      summary
      focusPoints
      warmUpQuestions {
        question
        gap
      }
    }
  }
}`) as unknown as TypedDocumentString<SessionBriefQuery, SessionBriefQueryVariables>;
export const SessionBriefByIdDocument = new TypedDocumentString(`
    query sessionBriefById($id: ID!) {
  sessionBriefById(id: $id) {
    ...SessionBriefFields
  }
}
    fragment SessionBriefFields on SessionBrief {
  id
  sessionId
  status
  trigger
  content {
    summary
    focusPoints
    warmUpQuestions {
      question
      gap
    }
  }
  facts {
    sessionTitle
    scheduledStart
    plannedObjectives {
      code
      title
    }
    recentSessions {
      recapId
      sessionId
      sessionTitle
      startedAt
      summary
      nextSteps
      objectiveCodes
    }
    openMisconceptions {
      description
      recapId
      sessionId
      sessionTitle
      startedAt
    }
    students {
      studentId
      name
      progress {
        objectiveCode
        objectiveTitle
        status
      }
      attendance {
        sessions
        attended
        late
        absent
      }
      engagement {
        scores
        slope
        trend
      }
    }
  }
  inputHash
  sourceRecapIds
  omittedRecapIds
  currentVersionNumber
  provider
  model
  promptVersion
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  approvedAt
  rejectedAt
  rejectionReason
  reviewer {
    kind
    id
  }
  jobId
  createdAt
  updatedAt
  versions {
    id
    number
    source
    note
    createdAt
    editor {
      kind
      id
    }
    content {
      summary
      focusPoints
      warmUpQuestions {
        question
        gap
      }
    }
  }
}`) as unknown as TypedDocumentString<SessionBriefByIdQuery, SessionBriefByIdQueryVariables>;
export const RequestSessionBriefDocument = new TypedDocumentString(`
    mutation requestSessionBrief($sessionId: ID!) {
  requestSessionBrief(sessionId: $sessionId) {
    id
    kind
    status
    attempts
    maxAttempts
    lastError
    runAt
    finishedAt
    createdAt
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<RequestSessionBriefMutation, RequestSessionBriefMutationVariables>;
export const EditSessionBriefDocument = new TypedDocumentString(`
    mutation editSessionBrief($id: ID!, $input: EditSessionBriefInput!) {
  editSessionBrief(id: $id, input: $input) {
    ...SessionBriefFields
  }
}
    fragment SessionBriefFields on SessionBrief {
  id
  sessionId
  status
  trigger
  content {
    summary
    focusPoints
    warmUpQuestions {
      question
      gap
    }
  }
  facts {
    sessionTitle
    scheduledStart
    plannedObjectives {
      code
      title
    }
    recentSessions {
      recapId
      sessionId
      sessionTitle
      startedAt
      summary
      nextSteps
      objectiveCodes
    }
    openMisconceptions {
      description
      recapId
      sessionId
      sessionTitle
      startedAt
    }
    students {
      studentId
      name
      progress {
        objectiveCode
        objectiveTitle
        status
      }
      attendance {
        sessions
        attended
        late
        absent
      }
      engagement {
        scores
        slope
        trend
      }
    }
  }
  inputHash
  sourceRecapIds
  omittedRecapIds
  currentVersionNumber
  provider
  model
  promptVersion
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  approvedAt
  rejectedAt
  rejectionReason
  reviewer {
    kind
    id
  }
  jobId
  createdAt
  updatedAt
  versions {
    id
    number
    source
    note
    createdAt
    editor {
      kind
      id
    }
    content {
      summary
      focusPoints
      warmUpQuestions {
        question
        gap
      }
    }
  }
}`) as unknown as TypedDocumentString<EditSessionBriefMutation, EditSessionBriefMutationVariables>;
export const ApproveSessionBriefDocument = new TypedDocumentString(`
    mutation approveSessionBrief($id: ID!) {
  approveSessionBrief(id: $id) {
    ...SessionBriefFields
  }
}
    fragment SessionBriefFields on SessionBrief {
  id
  sessionId
  status
  trigger
  content {
    summary
    focusPoints
    warmUpQuestions {
      question
      gap
    }
  }
  facts {
    sessionTitle
    scheduledStart
    plannedObjectives {
      code
      title
    }
    recentSessions {
      recapId
      sessionId
      sessionTitle
      startedAt
      summary
      nextSteps
      objectiveCodes
    }
    openMisconceptions {
      description
      recapId
      sessionId
      sessionTitle
      startedAt
    }
    students {
      studentId
      name
      progress {
        objectiveCode
        objectiveTitle
        status
      }
      attendance {
        sessions
        attended
        late
        absent
      }
      engagement {
        scores
        slope
        trend
      }
    }
  }
  inputHash
  sourceRecapIds
  omittedRecapIds
  currentVersionNumber
  provider
  model
  promptVersion
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  approvedAt
  rejectedAt
  rejectionReason
  reviewer {
    kind
    id
  }
  jobId
  createdAt
  updatedAt
  versions {
    id
    number
    source
    note
    createdAt
    editor {
      kind
      id
    }
    content {
      summary
      focusPoints
      warmUpQuestions {
        question
        gap
      }
    }
  }
}`) as unknown as TypedDocumentString<ApproveSessionBriefMutation, ApproveSessionBriefMutationVariables>;
export const RejectSessionBriefDocument = new TypedDocumentString(`
    mutation rejectSessionBrief($id: ID!, $input: RejectSessionBriefInput!) {
  rejectSessionBrief(id: $id, input: $input) {
    ...SessionBriefFields
  }
}
    fragment SessionBriefFields on SessionBrief {
  id
  sessionId
  status
  trigger
  content {
    summary
    focusPoints
    warmUpQuestions {
      question
      gap
    }
  }
  facts {
    sessionTitle
    scheduledStart
    plannedObjectives {
      code
      title
    }
    recentSessions {
      recapId
      sessionId
      sessionTitle
      startedAt
      summary
      nextSteps
      objectiveCodes
    }
    openMisconceptions {
      description
      recapId
      sessionId
      sessionTitle
      startedAt
    }
    students {
      studentId
      name
      progress {
        objectiveCode
        objectiveTitle
        status
      }
      attendance {
        sessions
        attended
        late
        absent
      }
      engagement {
        scores
        slope
        trend
      }
    }
  }
  inputHash
  sourceRecapIds
  omittedRecapIds
  currentVersionNumber
  provider
  model
  promptVersion
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  approvedAt
  rejectedAt
  rejectionReason
  reviewer {
    kind
    id
  }
  jobId
  createdAt
  updatedAt
  versions {
    id
    number
    source
    note
    createdAt
    editor {
      kind
      id
    }
    content {
      summary
      focusPoints
      warmUpQuestions {
        question
        gap
      }
    }
  }
}`) as unknown as TypedDocumentString<RejectSessionBriefMutation, RejectSessionBriefMutationVariables>;
export const ChatMessagesDocument = new TypedDocumentString(`
    query chatMessages($sessionId: ID!, $last: Int) {
  chatMessages(sessionId: $sessionId, last: $last) {
    ...ChatMessageFields
  }
}
    fragment ChatMessageFields on ChatMessage {
  id
  sessionId
  participantId
  senderName
  senderRole
  apiKeyId
  body
  sentAt
}`) as unknown as TypedDocumentString<ChatMessagesQuery, ChatMessagesQueryVariables>;
export const SendChatMessageDocument = new TypedDocumentString(`
    mutation sendChatMessage($sessionId: ID!, $input: SendChatMessageInput!) {
  sendChatMessage(sessionId: $sessionId, input: $input) {
    ...ChatMessageFields
  }
}
    fragment ChatMessageFields on ChatMessage {
  id
  sessionId
  participantId
  senderName
  senderRole
  apiKeyId
  body
  sentAt
}`) as unknown as TypedDocumentString<SendChatMessageMutation, SendChatMessageMutationVariables>;
export const ChatMessagePostedDocument = new TypedDocumentString(`
    subscription chatMessagePosted($sessionId: ID!) {
  chatMessagePosted(sessionId: $sessionId) {
    ...ChatMessageFields
  }
}
    fragment ChatMessageFields on ChatMessage {
  id
  sessionId
  participantId
  senderName
  senderRole
  apiKeyId
  body
  sentAt
}`) as unknown as TypedDocumentString<ChatMessagePostedSubscription, ChatMessagePostedSubscriptionVariables>;
export const CurriculumDocument = new TypedDocumentString(`
    query curriculum($id: ID!) {
  curriculum(id: $id) {
    ...CurriculumFields
    objectives {
      ...ObjectiveFields
    }
  }
}
    fragment ObjectiveFields on Objective {
  id
  curriculumId
  code
  title
  description
  grade
  domain
  domainCode
  cluster
  clusterCode
  clusterEmphasis
  parentCode
  prerequisiteCodes
  position
  createdAt
}
fragment CurriculumFields on Curriculum {
  id
  name
  subject
  description
  gradeLevels
  source
  sourceUrl
  license
  licenseNotice
  licenseUrl
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CurriculumQuery, CurriculumQueryVariables>;
export const CurriculaDocument = new TypedDocumentString(`
    query curricula($first: Int, $after: String) {
  curricula(first: $first, after: $after) {
    nodes {
      ...CurriculumFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment CurriculumFields on Curriculum {
  id
  name
  subject
  description
  gradeLevels
  source
  sourceUrl
  license
  licenseNotice
  licenseUrl
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CurriculaQuery, CurriculaQueryVariables>;
export const CreateCurriculumDocument = new TypedDocumentString(`
    mutation createCurriculum($input: CreateCurriculumInput!) {
  createCurriculum(input: $input) {
    ...CurriculumFields
    objectives {
      ...ObjectiveFields
    }
  }
}
    fragment ObjectiveFields on Objective {
  id
  curriculumId
  code
  title
  description
  grade
  domain
  domainCode
  cluster
  clusterCode
  clusterEmphasis
  parentCode
  prerequisiteCodes
  position
  createdAt
}
fragment CurriculumFields on Curriculum {
  id
  name
  subject
  description
  gradeLevels
  source
  sourceUrl
  license
  licenseNotice
  licenseUrl
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateCurriculumMutation, CreateCurriculumMutationVariables>;
export const AddObjectivesDocument = new TypedDocumentString(`
    mutation addObjectives($curriculumId: ID!, $input: AddObjectivesInput!) {
  addObjectives(curriculumId: $curriculumId, input: $input) {
    ...ObjectiveFields
  }
}
    fragment ObjectiveFields on Objective {
  id
  curriculumId
  code
  title
  description
  grade
  domain
  domainCode
  cluster
  clusterCode
  clusterEmphasis
  parentCode
  prerequisiteCodes
  position
  createdAt
}`) as unknown as TypedDocumentString<AddObjectivesMutation, AddObjectivesMutationVariables>;
export const ImportCurriculumDocument = new TypedDocumentString(`
    mutation importCurriculum($document: String!) {
  importCurriculum(document: $document) {
    objectiveCount
    warnings {
      field
      reason
      message
    }
    curriculum {
      ...CurriculumFields
      objectives {
        ...ObjectiveFields
      }
    }
  }
}
    fragment ObjectiveFields on Objective {
  id
  curriculumId
  code
  title
  description
  grade
  domain
  domainCode
  cluster
  clusterCode
  clusterEmphasis
  parentCode
  prerequisiteCodes
  position
  createdAt
}
fragment CurriculumFields on Curriculum {
  id
  name
  subject
  description
  gradeLevels
  source
  sourceUrl
  license
  licenseNotice
  licenseUrl
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ImportCurriculumMutation, ImportCurriculumMutationVariables>;
export const AtRiskStudentsDashboardDocument = new TypedDocumentString(`
    query atRiskStudentsDashboard($filter: AtRiskDashboardFilter) {
  atRiskStudentsDashboard(filter: $filter) {
    period {
      from
      to
      days
    }
    studentsInPeriod
    atRiskStudents
    students {
      studentId
      studentName
      level
      score
      factors {
        kind
        score
        explanation
      }
      computedAt
      lastSessionId
      sessionsInPeriod
      attendedInPeriod
      lateJoinsInPeriod
      meanParticipationScore
      checksAnswered
      checksCorrect
    }
  }
}
    `) as unknown as TypedDocumentString<AtRiskStudentsDashboardQuery, AtRiskStudentsDashboardQueryVariables>;
export const InstructorConsistencyDashboardDocument = new TypedDocumentString(`
    query instructorConsistencyDashboard($filter: DashboardFilter) {
  instructorConsistencyDashboard(filter: $filter) {
    period {
      from
      to
      days
    }
    instructors {
      instructorId
      instructorName
      sessions
      documentedSessions
      recapApprovalDelaySeconds {
        ...MetricSpreadFields
      }
      participationScore {
        ...MetricSpreadFields
      }
      coverageShare {
        ...MetricSpreadFields
      }
      correctShare {
        ...MetricSpreadFields
      }
    }
  }
}
    fragment MetricSpreadFields on MetricSpread {
  sessions
  mean
  stdDev
  min
  max
}`) as unknown as TypedDocumentString<InstructorConsistencyDashboardQuery, InstructorConsistencyDashboardQueryVariables>;
export const CurriculumGapsDashboardDocument = new TypedDocumentString(`
    query curriculumGapsDashboard($filter: CurriculumGapsDashboardFilter) {
  curriculumGapsDashboard(filter: $filter) {
    period {
      from
      to
      days
    }
    objectives {
      objectiveId
      objectiveCode
      objectiveTitle
      curriculumId
      occurrences
      coveredCount
      partiallyCoveredCount
      skippedCount
      notLandingCount
      gapShare
      checksAnswered
      correctShare
    }
  }
}
    `) as unknown as TypedDocumentString<CurriculumGapsDashboardQuery, CurriculumGapsDashboardQueryVariables>;
export const SessionVolumeDashboardDocument = new TypedDocumentString(`
    query sessionVolumeDashboard($filter: SessionVolumeDashboardFilter) {
  sessionVolumeDashboard(filter: $filter) {
    period {
      from
      to
      days
    }
    interval
    totals {
      ...SessionVolumePointFields
    }
    series {
      ...SessionVolumePointFields
    }
  }
}
    fragment SessionVolumePointFields on SessionVolumePoint {
  start
  sessions
  openSessions
  endedSessions
  documentedSessions
  cancelledSessions
  heldSessions
  documentedWithRecap
  documentationRate
  expectedStudents
  attendedStudents
  attendanceRate
}`) as unknown as TypedDocumentString<SessionVolumeDashboardQuery, SessionVolumeDashboardQueryVariables>;
export const RebuildDashboardRollupsDocument = new TypedDocumentString(`
    mutation rebuildDashboardRollups {
  rebuildDashboardRollups {
    sessions
    studentSessions
    durationMs
  }
}
    `) as unknown as TypedDocumentString<RebuildDashboardRollupsMutation, RebuildDashboardRollupsMutationVariables>;
export const RecordEngagementEventDocument = new TypedDocumentString(`
    mutation recordEngagementEvent($sessionId: ID!, $input: EngagementEventInput!) {
  recordEngagementEvent(sessionId: $sessionId, input: $input) {
    ...EngagementIngestResultFields
  }
}
    fragment EngagementIngestResultFields on EngagementIngestResult {
  sessionId
  received
  accepted
  duplicates
}`) as unknown as TypedDocumentString<RecordEngagementEventMutation, RecordEngagementEventMutationVariables>;
export const RecordEngagementEventsDocument = new TypedDocumentString(`
    mutation recordEngagementEvents($sessionId: ID!, $input: EngagementEventBatchInput!) {
  recordEngagementEvents(sessionId: $sessionId, input: $input) {
    ...EngagementIngestResultFields
  }
}
    fragment EngagementIngestResultFields on EngagementIngestResult {
  sessionId
  received
  accepted
  duplicates
}`) as unknown as TypedDocumentString<RecordEngagementEventsMutation, RecordEngagementEventsMutationVariables>;
export const EngagementEventsDocument = new TypedDocumentString(`
    query engagementEvents($sessionId: ID!, $first: Int, $after: String, $type: EngagementEventType, $participantId: ID) {
  engagementEvents(
    sessionId: $sessionId
    first: $first
    after: $after
    type: $type
    participantId: $participantId
  ) {
    nodes {
      ...EngagementEventFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment EngagementEventFields on EngagementEvent {
  id
  sessionId
  participantId
  type
  source
  participantKind
  clientEventId
  occurredAt
  receivedAt
  durationMs
  data
}`) as unknown as TypedDocumentString<EngagementEventsQuery, EngagementEventsQueryVariables>;
export const SessionEngagementDocument = new TypedDocumentString(`
    query sessionEngagement($sessionId: ID!) {
  sessionEngagement(sessionId: $sessionId) {
    sessionId
    sessionStatus
    sessionMinutes
    totalTalkSeconds
    computedAt
    participants {
      ...ParticipantEngagementFields
    }
  }
}
    fragment ParticipantEngagementFields on ParticipantEngagement {
  participantId
  role
  displayName
  studentId
  attendedMinutes
  attendanceShare
  talkSeconds
  talkShare
  responses
  gradedResponses
  correctResponses
  correctRate
  boardOperations
  attentionShare
  handRaises
  chatMessages
  reactions
  helpRequests
  participationScore
}`) as unknown as TypedDocumentString<SessionEngagementQuery, SessionEngagementQueryVariables>;
export const StudentEngagementTrendDocument = new TypedDocumentString(`
    query studentEngagementTrend($studentId: ID!, $last: Int) {
  studentEngagementTrend(studentId: $studentId, last: $last) {
    studentId
    slope
    movingAverage
    sessions {
      sessionId
      sessionTitle
      startedAt
      participantId
      participationScore
      attendedMinutes
      movingAverage
    }
  }
}
    `) as unknown as TypedDocumentString<StudentEngagementTrendQuery, StudentEngagementTrendQueryVariables>;
export const EnrollmentDocument = new TypedDocumentString(`
    query enrollment($id: ID!) {
  enrollment(id: $id) {
    ...EnrollmentFields
    student {
      id
      name
    }
    instructor {
      id
      name
    }
    curriculum {
      id
      name
    }
  }
}
    fragment EnrollmentFields on Enrollment {
  id
  studentId
  instructorId
  curriculumId
  plannedObjectiveCodes
  startDate
  status
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<EnrollmentQuery, EnrollmentQueryVariables>;
export const EnrollmentsDocument = new TypedDocumentString(`
    query enrollments($first: Int, $after: String, $studentId: ID, $instructorId: ID, $curriculumId: ID, $status: EnrollmentStatus) {
  enrollments(
    first: $first
    after: $after
    studentId: $studentId
    instructorId: $instructorId
    curriculumId: $curriculumId
    status: $status
  ) {
    nodes {
      ...EnrollmentFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment EnrollmentFields on Enrollment {
  id
  studentId
  instructorId
  curriculumId
  plannedObjectiveCodes
  startDate
  status
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<EnrollmentsQuery, EnrollmentsQueryVariables>;
export const CreateEnrollmentDocument = new TypedDocumentString(`
    mutation createEnrollment($input: CreateEnrollmentInput!) {
  createEnrollment(input: $input) {
    ...EnrollmentFields
  }
}
    fragment EnrollmentFields on Enrollment {
  id
  studentId
  instructorId
  curriculumId
  plannedObjectiveCodes
  startDate
  status
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateEnrollmentMutation, CreateEnrollmentMutationVariables>;
export const UpdateEnrollmentDocument = new TypedDocumentString(`
    mutation updateEnrollment($id: ID!, $input: UpdateEnrollmentInput!) {
  updateEnrollment(id: $id, input: $input) {
    ...EnrollmentFields
  }
}
    fragment EnrollmentFields on Enrollment {
  id
  studentId
  instructorId
  curriculumId
  plannedObjectiveCodes
  startDate
  status
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<UpdateEnrollmentMutation, UpdateEnrollmentMutationVariables>;
export const JobDocument = new TypedDocumentString(`
    query job($id: ID!) {
  job(id: $id) {
    id
    kind
    status
    attempts
    maxAttempts
    lastError
    runAt
    finishedAt
    createdAt
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<JobQuery, JobQueryVariables>;
export const MemberDocument = new TypedDocumentString(`
    query member($id: ID!) {
  member(id: $id) {
    ...MemberFields
  }
}
    fragment MemberFields on Member {
  id
  name
  email
  role
  externalId
  timeZone
  deactivatedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<MemberQuery, MemberQueryVariables>;
export const MembersDocument = new TypedDocumentString(`
    query members($first: Int, $after: String, $role: MemberRole) {
  members(first: $first, after: $after, role: $role) {
    nodes {
      ...MemberFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment MemberFields on Member {
  id
  name
  email
  role
  externalId
  timeZone
  deactivatedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<MembersQuery, MembersQueryVariables>;
export const CreateMemberDocument = new TypedDocumentString(`
    mutation createMember($input: CreateMemberInput!) {
  createMember(input: $input) {
    ...MemberFields
  }
}
    fragment MemberFields on Member {
  id
  name
  email
  role
  externalId
  timeZone
  deactivatedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateMemberMutation, CreateMemberMutationVariables>;
export const UpdateMemberDocument = new TypedDocumentString(`
    mutation updateMember($id: ID!, $input: UpdateMemberInput!) {
  updateMember(id: $id, input: $input) {
    ...MemberFields
  }
}
    fragment MemberFields on Member {
  id
  name
  email
  role
  externalId
  timeZone
  deactivatedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<UpdateMemberMutation, UpdateMemberMutationVariables>;
export const DeactivateMemberDocument = new TypedDocumentString(`
    mutation deactivateMember($id: ID!) {
  deactivateMember(id: $id) {
    ...MemberFields
  }
}
    fragment MemberFields on Member {
  id
  name
  email
  role
  externalId
  timeZone
  deactivatedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<DeactivateMemberMutation, DeactivateMemberMutationVariables>;
export const OrganizationDocument = new TypedDocumentString(`
    query organization {
  organization {
    ...OrganizationFields
  }
}
    fragment OrganizationFields on Organization {
  id
  name
  timeZone
  isPlatform
  createdAt
}`) as unknown as TypedDocumentString<OrganizationQuery, OrganizationQueryVariables>;
export const CreateOrganizationDocument = new TypedDocumentString(`
    mutation createOrganization($input: CreateOrganizationInput!) {
  createOrganization(input: $input) {
    organization {
      ...OrganizationFields
    }
    adminKey {
      secret
      apiKey {
        ...ApiKeyFields
      }
    }
  }
}
    fragment OrganizationFields on Organization {
  id
  name
  timeZone
  isPlatform
  createdAt
}
fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<CreateOrganizationMutation, CreateOrganizationMutationVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query apiKeys {
  apiKeys {
    ...ApiKeyFields
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation createApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
    apiKey {
      ...ApiKeyFields
    }
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation revokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    ...ApiKeyFields
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const ParentUpdateDocument = new TypedDocumentString(`
    query parentUpdate($id: ID!) {
  parentUpdate(id: $id) {
    ...ParentUpdateFields
    versions {
      id
      number
      source
      subject
      body
      note
      createdAt
      editor {
        kind
        id
      }
    }
  }
}
    fragment ParentUpdateDeliveryFields on ParentUpdateDelivery {
  id
  parentUpdateId
  guardianId
  recipient
  status
  attempts
  reason
  lastError
  messageId
  jobId
  sentAt
  failedAt
  createdAt
  updatedAt
}
fragment ParentUpdateFields on ParentUpdate {
  id
  sessionId
  recapId
  recapVersion
  studentId
  guardianId
  status
  language
  requestedLanguage
  languageNote
  subject
  body
  currentVersionNumber
  provider
  model
  promptVersion
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  approvedAt
  rejectedAt
  rejectionReason
  createdAt
  updatedAt
  reviewer {
    kind
    id
  }
  delivery {
    ...ParentUpdateDeliveryFields
  }
}`) as unknown as TypedDocumentString<ParentUpdateQuery, ParentUpdateQueryVariables>;
export const ParentUpdatesDocument = new TypedDocumentString(`
    query parentUpdates($sessionId: ID, $status: ParentUpdateStatus, $first: Int, $after: String) {
  parentUpdates(
    sessionId: $sessionId
    status: $status
    first: $first
    after: $after
  ) {
    nodes {
      ...ParentUpdateFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ParentUpdateDeliveryFields on ParentUpdateDelivery {
  id
  parentUpdateId
  guardianId
  recipient
  status
  attempts
  reason
  lastError
  messageId
  jobId
  sentAt
  failedAt
  createdAt
  updatedAt
}
fragment ParentUpdateFields on ParentUpdate {
  id
  sessionId
  recapId
  recapVersion
  studentId
  guardianId
  status
  language
  requestedLanguage
  languageNote
  subject
  body
  currentVersionNumber
  provider
  model
  promptVersion
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  approvedAt
  rejectedAt
  rejectionReason
  createdAt
  updatedAt
  reviewer {
    kind
    id
  }
  delivery {
    ...ParentUpdateDeliveryFields
  }
}`) as unknown as TypedDocumentString<ParentUpdatesQuery, ParentUpdatesQueryVariables>;
export const EditParentUpdateDocument = new TypedDocumentString(`
    mutation editParentUpdate($id: ID!, $input: EditParentUpdateInput!) {
  editParentUpdate(id: $id, input: $input) {
    ...ParentUpdateFields
  }
}
    fragment ParentUpdateDeliveryFields on ParentUpdateDelivery {
  id
  parentUpdateId
  guardianId
  recipient
  status
  attempts
  reason
  lastError
  messageId
  jobId
  sentAt
  failedAt
  createdAt
  updatedAt
}
fragment ParentUpdateFields on ParentUpdate {
  id
  sessionId
  recapId
  recapVersion
  studentId
  guardianId
  status
  language
  requestedLanguage
  languageNote
  subject
  body
  currentVersionNumber
  provider
  model
  promptVersion
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  approvedAt
  rejectedAt
  rejectionReason
  createdAt
  updatedAt
  reviewer {
    kind
    id
  }
  delivery {
    ...ParentUpdateDeliveryFields
  }
}`) as unknown as TypedDocumentString<EditParentUpdateMutation, EditParentUpdateMutationVariables>;
export const ApproveParentUpdateDocument = new TypedDocumentString(`
    mutation approveParentUpdate($id: ID!) {
  approveParentUpdate(id: $id) {
    ...ParentUpdateFields
  }
}
    fragment ParentUpdateDeliveryFields on ParentUpdateDelivery {
  id
  parentUpdateId
  guardianId
  recipient
  status
  attempts
  reason
  lastError
  messageId
  jobId
  sentAt
  failedAt
  createdAt
  updatedAt
}
fragment ParentUpdateFields on ParentUpdate {
  id
  sessionId
  recapId
  recapVersion
  studentId
  guardianId
  status
  language
  requestedLanguage
  languageNote
  subject
  body
  currentVersionNumber
  provider
  model
  promptVersion
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  approvedAt
  rejectedAt
  rejectionReason
  createdAt
  updatedAt
  reviewer {
    kind
    id
  }
  delivery {
    ...ParentUpdateDeliveryFields
  }
}`) as unknown as TypedDocumentString<ApproveParentUpdateMutation, ApproveParentUpdateMutationVariables>;
export const RejectParentUpdateDocument = new TypedDocumentString(`
    mutation rejectParentUpdate($id: ID!, $input: RejectParentUpdateInput!) {
  rejectParentUpdate(id: $id, input: $input) {
    ...ParentUpdateFields
  }
}
    fragment ParentUpdateDeliveryFields on ParentUpdateDelivery {
  id
  parentUpdateId
  guardianId
  recipient
  status
  attempts
  reason
  lastError
  messageId
  jobId
  sentAt
  failedAt
  createdAt
  updatedAt
}
fragment ParentUpdateFields on ParentUpdate {
  id
  sessionId
  recapId
  recapVersion
  studentId
  guardianId
  status
  language
  requestedLanguage
  languageNote
  subject
  body
  currentVersionNumber
  provider
  model
  promptVersion
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  approvedAt
  rejectedAt
  rejectionReason
  createdAt
  updatedAt
  reviewer {
    kind
    id
  }
  delivery {
    ...ParentUpdateDeliveryFields
  }
}`) as unknown as TypedDocumentString<RejectParentUpdateMutation, RejectParentUpdateMutationVariables>;
export const StudentProgressDocument = new TypedDocumentString(`
    query studentProgress($studentId: ID!, $curriculumId: ID) {
  studentProgress(studentId: $studentId, curriculumId: $curriculumId) {
    ...ProgressRecordFields
  }
}
    fragment ProgressEvidenceFields on ProgressEvidenceItem {
  id
  kind
  sessionId
  activityId
  recapId
  correct
  recapConfidence
  ratedStatus
  note
  recordedAt
}
fragment ProgressRecordFields on ProgressRecord {
  id
  studentId
  curriculumId
  objectiveId
  objectiveCode
  objectiveTitle
  status
  confidence
  automaticStatus
  automaticConfidence
  override {
    status
    reason
    at
    by {
      kind
      id
    }
  }
  lastSessionId
  updatedAt
  evidenceCount
  evidence {
    ...ProgressEvidenceFields
  }
}`) as unknown as TypedDocumentString<StudentProgressQuery, StudentProgressQueryVariables>;
export const ProgressRecordDocument = new TypedDocumentString(`
    query progressRecord($id: ID!) {
  progressRecord(id: $id) {
    ...ProgressRecordFields
  }
}
    fragment ProgressEvidenceFields on ProgressEvidenceItem {
  id
  kind
  sessionId
  activityId
  recapId
  correct
  recapConfidence
  ratedStatus
  note
  recordedAt
}
fragment ProgressRecordFields on ProgressRecord {
  id
  studentId
  curriculumId
  objectiveId
  objectiveCode
  objectiveTitle
  status
  confidence
  automaticStatus
  automaticConfidence
  override {
    status
    reason
    at
    by {
      kind
      id
    }
  }
  lastSessionId
  updatedAt
  evidenceCount
  evidence {
    ...ProgressEvidenceFields
  }
}`) as unknown as TypedDocumentString<ProgressRecordQuery, ProgressRecordQueryVariables>;
export const ProgressHistoryDocument = new TypedDocumentString(`
    query progressHistory($recordId: ID!, $first: Int, $after: String) {
  progressHistory(recordId: $recordId, first: $first, after: $after) {
    nodes {
      ...ProgressChangeFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ProgressChangeFields on ProgressChange {
  id
  progressRecordId
  change
  fromStatus
  toStatus
  fromConfidence
  toConfidence
  automaticStatus
  reason
  sessionId
  actorKind
  actorId
  createdAt
}`) as unknown as TypedDocumentString<ProgressHistoryQuery, ProgressHistoryQueryVariables>;
export const OverrideProgressDocument = new TypedDocumentString(`
    mutation overrideProgress($input: OverrideProgressInput!) {
  overrideProgress(input: $input) {
    ...ProgressRecordFields
  }
}
    fragment ProgressEvidenceFields on ProgressEvidenceItem {
  id
  kind
  sessionId
  activityId
  recapId
  correct
  recapConfidence
  ratedStatus
  note
  recordedAt
}
fragment ProgressRecordFields on ProgressRecord {
  id
  studentId
  curriculumId
  objectiveId
  objectiveCode
  objectiveTitle
  status
  confidence
  automaticStatus
  automaticConfidence
  override {
    status
    reason
    at
    by {
      kind
      id
    }
  }
  lastSessionId
  updatedAt
  evidenceCount
  evidence {
    ...ProgressEvidenceFields
  }
}`) as unknown as TypedDocumentString<OverrideProgressMutation, OverrideProgressMutationVariables>;
export const ClearProgressOverrideDocument = new TypedDocumentString(`
    mutation clearProgressOverride($id: ID!, $input: ClearProgressOverrideInput!) {
  clearProgressOverride(id: $id, input: $input) {
    ...ProgressRecordFields
  }
}
    fragment ProgressEvidenceFields on ProgressEvidenceItem {
  id
  kind
  sessionId
  activityId
  recapId
  correct
  recapConfidence
  ratedStatus
  note
  recordedAt
}
fragment ProgressRecordFields on ProgressRecord {
  id
  studentId
  curriculumId
  objectiveId
  objectiveCode
  objectiveTitle
  status
  confidence
  automaticStatus
  automaticConfidence
  override {
    status
    reason
    at
    by {
      kind
      id
    }
  }
  lastSessionId
  updatedAt
  evidenceCount
  evidence {
    ...ProgressEvidenceFields
  }
}`) as unknown as TypedDocumentString<ClearProgressOverrideMutation, ClearProgressOverrideMutationVariables>;
export const EnrollmentCoverageDocument = new TypedDocumentString(`
    query enrollmentCoverage($enrollmentId: ID!) {
  enrollmentCoverage(enrollmentId: $enrollmentId) {
    enrollmentId
    studentId
    curriculumId
    instructorId
    sessionsDocumented
    covered
    partiallyCovered
    skipped
    notLanding
    planned
    notStarted
    objectives {
      objectiveId
      objectiveCode
      objectiveTitle
      planPosition
      status
      sessionsCovered
      sessionsPartiallyCovered
      sessionsSkipped
      sessionsNotLanding
      checksAnswered
      checksCorrect
      correctShare
      recapMatches
      lastSessionId
    }
  }
}
    `) as unknown as TypedDocumentString<EnrollmentCoverageQuery, EnrollmentCoverageQueryVariables>;
export const CoverageGapsDocument = new TypedDocumentString(`
    query coverageGaps($filter: CoverageGapsFilter) {
  coverageGaps(filter: $filter) {
    objectiveId
    objectiveCode
    objectiveTitle
    curriculumId
    occurrences
    coveredCount
    partiallyCoveredCount
    skippedCount
    notLandingCount
    gapShare
    checksAnswered
    correctShare
  }
}
    `) as unknown as TypedDocumentString<CoverageGapsQuery, CoverageGapsQueryVariables>;
export const RecapDocument = new TypedDocumentString(`
    query recap($id: ID!) {
  recap(id: $id) {
    ...RecapFields
    versions {
      id
      number
      source
      note
      createdAt
      editor {
        ...RecapActorFields
      }
      content {
        ...RecapContentFields
      }
    }
    job {
      id
      status
      attempts
      maxAttempts
      lastError
    }
  }
}
    fragment RecapEvidenceFields on RecapEvidenceQuote {
  segmentIndex
  speaker
  speakerRole
  startMs
  endMs
  text
}
fragment RecapContentFields on RecapContent {
  summary
  objectivesCovered {
    code
    confidence
    evidence {
      ...RecapEvidenceFields
    }
  }
  misconceptions {
    description
    resolved
    evidence {
      ...RecapEvidenceFields
    }
    correction {
      ...RecapEvidenceFields
    }
  }
  studentPerformance {
    summary
    studentTurns
    instructorTurns
    studentTalkShare
    errorsFound
    errorsCorrected
  }
  nextSteps
  followUps
}
fragment RecapActorFields on RecapActor {
  kind
  id
}
fragment RecapFields on Recap {
  id
  sessionId
  status
  isFinal
  trigger
  jobId
  currentVersionNumber
  provider
  model
  promptVersion
  transcriptVersion
  failureReason
  generatedAt
  approvedAt
  rejectedAt
  rejectionReason
  createdAt
  updatedAt
  reviewer {
    ...RecapActorFields
  }
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  input {
    segmentCount
    objectiveCodes
    plannedObjectiveCodes
  }
  content {
    ...RecapContentFields
  }
}`) as unknown as TypedDocumentString<RecapQuery, RecapQueryVariables>;
export const SessionRecapsDocument = new TypedDocumentString(`
    query sessionRecaps($sessionId: ID!, $first: Int, $after: String) {
  sessionRecaps(sessionId: $sessionId, first: $first, after: $after) {
    nodes {
      ...RecapFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment RecapEvidenceFields on RecapEvidenceQuote {
  segmentIndex
  speaker
  speakerRole
  startMs
  endMs
  text
}
fragment RecapContentFields on RecapContent {
  summary
  objectivesCovered {
    code
    confidence
    evidence {
      ...RecapEvidenceFields
    }
  }
  misconceptions {
    description
    resolved
    evidence {
      ...RecapEvidenceFields
    }
    correction {
      ...RecapEvidenceFields
    }
  }
  studentPerformance {
    summary
    studentTurns
    instructorTurns
    studentTalkShare
    errorsFound
    errorsCorrected
  }
  nextSteps
  followUps
}
fragment RecapActorFields on RecapActor {
  kind
  id
}
fragment RecapFields on Recap {
  id
  sessionId
  status
  isFinal
  trigger
  jobId
  currentVersionNumber
  provider
  model
  promptVersion
  transcriptVersion
  failureReason
  generatedAt
  approvedAt
  rejectedAt
  rejectionReason
  createdAt
  updatedAt
  reviewer {
    ...RecapActorFields
  }
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  input {
    segmentCount
    objectiveCodes
    plannedObjectiveCodes
  }
  content {
    ...RecapContentFields
  }
}`) as unknown as TypedDocumentString<SessionRecapsQuery, SessionRecapsQueryVariables>;
export const SessionRecapDocument = new TypedDocumentString(`
    query sessionRecap($sessionId: ID!) {
  session(id: $sessionId) {
    id
    status
    recap {
      sessionId
      approved {
        ...RecapFields
      }
      draft {
        ...RecapFields
      }
      inProgress {
        ...RecapFields
      }
      failed {
        ...RecapFields
      }
    }
  }
}
    fragment RecapEvidenceFields on RecapEvidenceQuote {
  segmentIndex
  speaker
  speakerRole
  startMs
  endMs
  text
}
fragment RecapContentFields on RecapContent {
  summary
  objectivesCovered {
    code
    confidence
    evidence {
      ...RecapEvidenceFields
    }
  }
  misconceptions {
    description
    resolved
    evidence {
      ...RecapEvidenceFields
    }
    correction {
      ...RecapEvidenceFields
    }
  }
  studentPerformance {
    summary
    studentTurns
    instructorTurns
    studentTalkShare
    errorsFound
    errorsCorrected
  }
  nextSteps
  followUps
}
fragment RecapActorFields on RecapActor {
  kind
  id
}
fragment RecapFields on Recap {
  id
  sessionId
  status
  isFinal
  trigger
  jobId
  currentVersionNumber
  provider
  model
  promptVersion
  transcriptVersion
  failureReason
  generatedAt
  approvedAt
  rejectedAt
  rejectionReason
  createdAt
  updatedAt
  reviewer {
    ...RecapActorFields
  }
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  input {
    segmentCount
    objectiveCodes
    plannedObjectiveCodes
  }
  content {
    ...RecapContentFields
  }
}`) as unknown as TypedDocumentString<SessionRecapQuery, SessionRecapQueryVariables>;
export const RequestRecapDocument = new TypedDocumentString(`
    mutation requestRecap($sessionId: ID!) {
  requestRecap(sessionId: $sessionId) {
    ...RecapFields
  }
}
    fragment RecapEvidenceFields on RecapEvidenceQuote {
  segmentIndex
  speaker
  speakerRole
  startMs
  endMs
  text
}
fragment RecapContentFields on RecapContent {
  summary
  objectivesCovered {
    code
    confidence
    evidence {
      ...RecapEvidenceFields
    }
  }
  misconceptions {
    description
    resolved
    evidence {
      ...RecapEvidenceFields
    }
    correction {
      ...RecapEvidenceFields
    }
  }
  studentPerformance {
    summary
    studentTurns
    instructorTurns
    studentTalkShare
    errorsFound
    errorsCorrected
  }
  nextSteps
  followUps
}
fragment RecapActorFields on RecapActor {
  kind
  id
}
fragment RecapFields on Recap {
  id
  sessionId
  status
  isFinal
  trigger
  jobId
  currentVersionNumber
  provider
  model
  promptVersion
  transcriptVersion
  failureReason
  generatedAt
  approvedAt
  rejectedAt
  rejectionReason
  createdAt
  updatedAt
  reviewer {
    ...RecapActorFields
  }
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  input {
    segmentCount
    objectiveCodes
    plannedObjectiveCodes
  }
  content {
    ...RecapContentFields
  }
}`) as unknown as TypedDocumentString<RequestRecapMutation, RequestRecapMutationVariables>;
export const EditRecapDocument = new TypedDocumentString(`
    mutation editRecap($id: ID!, $input: EditRecapInput!) {
  editRecap(id: $id, input: $input) {
    ...RecapFields
  }
}
    fragment RecapEvidenceFields on RecapEvidenceQuote {
  segmentIndex
  speaker
  speakerRole
  startMs
  endMs
  text
}
fragment RecapContentFields on RecapContent {
  summary
  objectivesCovered {
    code
    confidence
    evidence {
      ...RecapEvidenceFields
    }
  }
  misconceptions {
    description
    resolved
    evidence {
      ...RecapEvidenceFields
    }
    correction {
      ...RecapEvidenceFields
    }
  }
  studentPerformance {
    summary
    studentTurns
    instructorTurns
    studentTalkShare
    errorsFound
    errorsCorrected
  }
  nextSteps
  followUps
}
fragment RecapActorFields on RecapActor {
  kind
  id
}
fragment RecapFields on Recap {
  id
  sessionId
  status
  isFinal
  trigger
  jobId
  currentVersionNumber
  provider
  model
  promptVersion
  transcriptVersion
  failureReason
  generatedAt
  approvedAt
  rejectedAt
  rejectionReason
  createdAt
  updatedAt
  reviewer {
    ...RecapActorFields
  }
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  input {
    segmentCount
    objectiveCodes
    plannedObjectiveCodes
  }
  content {
    ...RecapContentFields
  }
}`) as unknown as TypedDocumentString<EditRecapMutation, EditRecapMutationVariables>;
export const ApproveRecapDocument = new TypedDocumentString(`
    mutation approveRecap($id: ID!) {
  approveRecap(id: $id) {
    ...RecapFields
  }
}
    fragment RecapEvidenceFields on RecapEvidenceQuote {
  segmentIndex
  speaker
  speakerRole
  startMs
  endMs
  text
}
fragment RecapContentFields on RecapContent {
  summary
  objectivesCovered {
    code
    confidence
    evidence {
      ...RecapEvidenceFields
    }
  }
  misconceptions {
    description
    resolved
    evidence {
      ...RecapEvidenceFields
    }
    correction {
      ...RecapEvidenceFields
    }
  }
  studentPerformance {
    summary
    studentTurns
    instructorTurns
    studentTalkShare
    errorsFound
    errorsCorrected
  }
  nextSteps
  followUps
}
fragment RecapActorFields on RecapActor {
  kind
  id
}
fragment RecapFields on Recap {
  id
  sessionId
  status
  isFinal
  trigger
  jobId
  currentVersionNumber
  provider
  model
  promptVersion
  transcriptVersion
  failureReason
  generatedAt
  approvedAt
  rejectedAt
  rejectionReason
  createdAt
  updatedAt
  reviewer {
    ...RecapActorFields
  }
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  input {
    segmentCount
    objectiveCodes
    plannedObjectiveCodes
  }
  content {
    ...RecapContentFields
  }
}`) as unknown as TypedDocumentString<ApproveRecapMutation, ApproveRecapMutationVariables>;
export const RejectRecapDocument = new TypedDocumentString(`
    mutation rejectRecap($id: ID!, $input: RejectRecapInput!) {
  rejectRecap(id: $id, input: $input) {
    ...RecapFields
  }
}
    fragment RecapEvidenceFields on RecapEvidenceQuote {
  segmentIndex
  speaker
  speakerRole
  startMs
  endMs
  text
}
fragment RecapContentFields on RecapContent {
  summary
  objectivesCovered {
    code
    confidence
    evidence {
      ...RecapEvidenceFields
    }
  }
  misconceptions {
    description
    resolved
    evidence {
      ...RecapEvidenceFields
    }
    correction {
      ...RecapEvidenceFields
    }
  }
  studentPerformance {
    summary
    studentTurns
    instructorTurns
    studentTalkShare
    errorsFound
    errorsCorrected
  }
  nextSteps
  followUps
}
fragment RecapActorFields on RecapActor {
  kind
  id
}
fragment RecapFields on Recap {
  id
  sessionId
  status
  isFinal
  trigger
  jobId
  currentVersionNumber
  provider
  model
  promptVersion
  transcriptVersion
  failureReason
  generatedAt
  approvedAt
  rejectedAt
  rejectionReason
  createdAt
  updatedAt
  reviewer {
    ...RecapActorFields
  }
  usage {
    promptTokens
    completionTokens
    totalTokens
    requests
    costUsd
  }
  input {
    segmentCount
    objectiveCodes
    plannedObjectiveCodes
  }
  content {
    ...RecapContentFields
  }
}`) as unknown as TypedDocumentString<RejectRecapMutation, RejectRecapMutationVariables>;
export const ReminderSettingsDocument = new TypedDocumentString(`
    query reminderSettings {
  reminderSettings {
    ...ReminderSettingsFields
  }
}
    fragment ReminderSettingsFields on ReminderSettings {
  enabled
  leadMinutes
}`) as unknown as TypedDocumentString<ReminderSettingsQuery, ReminderSettingsQueryVariables>;
export const UpdateReminderSettingsDocument = new TypedDocumentString(`
    mutation updateReminderSettings($input: ReminderSettingsInput!) {
  updateReminderSettings(input: $input) {
    ...ReminderSettingsFields
  }
}
    fragment ReminderSettingsFields on ReminderSettings {
  enabled
  leadMinutes
}`) as unknown as TypedDocumentString<UpdateReminderSettingsMutation, UpdateReminderSettingsMutationVariables>;
export const SessionRemindersDocument = new TypedDocumentString(`
    query sessionReminders($sessionId: ID!) {
  sessionReminders(sessionId: $sessionId) {
    ...SessionReminderFields
  }
}
    fragment SessionReminderFields on SessionReminder {
  id
  sessionId
  recipientKind
  recipientId
  email
  leadMinutes
  sendAt
  status
  reason
  attempts
  lastError
  sentAt
  jobId
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<SessionRemindersQuery, SessionRemindersQueryVariables>;
export const StudentRiskDocument = new TypedDocumentString(`
    query studentRisk($studentId: ID!) {
  studentRisk(studentId: $studentId) {
    studentId
    level
    score
    lastSessionId
    computedAt
    signals {
      ...RiskSignalFields
    }
    levelChanges {
      fromLevel
      toLevel
      score
      sessionId
      changedAt
    }
  }
}
    fragment RiskSignalFields on RiskSignal {
  kind
  score
  explanation
  evidence {
    sessionId
    value
    objectiveCode
  }
}`) as unknown as TypedDocumentString<StudentRiskQuery, StudentRiskQueryVariables>;
export const AtRiskStudentsDocument = new TypedDocumentString(`
    query atRiskStudents($level: String, $first: Int, $after: String) {
  atRiskStudents(level: $level, first: $first, after: $after) {
    nodes {
      id
      studentId
      studentName
      level
      score
      lastSessionId
      computedAt
      signals {
        ...RiskSignalFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment RiskSignalFields on RiskSignal {
  kind
  score
  explanation
  evidence {
    sessionId
    value
    objectiveCode
  }
}`) as unknown as TypedDocumentString<AtRiskStudentsQuery, AtRiskStudentsQueryVariables>;
export const RoomDocument = new TypedDocumentString(`
    query room($id: ID!) {
  room(id: $id) {
    ...RoomFields
  }
}
    fragment RoomFields on Room {
  id
  name
  description
  capacity
  enabledTools
  livekitRoomPrefix
  archivedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<RoomQuery, RoomQueryVariables>;
export const RoomsDocument = new TypedDocumentString(`
    query rooms($first: Int, $after: String, $includeArchived: Boolean) {
  rooms(first: $first, after: $after, includeArchived: $includeArchived) {
    nodes {
      ...RoomFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment RoomFields on Room {
  id
  name
  description
  capacity
  enabledTools
  livekitRoomPrefix
  archivedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<RoomsQuery, RoomsQueryVariables>;
export const CreateRoomDocument = new TypedDocumentString(`
    mutation createRoom($input: CreateRoomInput!) {
  createRoom(input: $input) {
    ...RoomFields
  }
}
    fragment RoomFields on Room {
  id
  name
  description
  capacity
  enabledTools
  livekitRoomPrefix
  archivedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateRoomMutation, CreateRoomMutationVariables>;
export const UpdateRoomDocument = new TypedDocumentString(`
    mutation updateRoom($id: ID!, $input: UpdateRoomInput!) {
  updateRoom(id: $id, input: $input) {
    ...RoomFields
  }
}
    fragment RoomFields on Room {
  id
  name
  description
  capacity
  enabledTools
  livekitRoomPrefix
  archivedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<UpdateRoomMutation, UpdateRoomMutationVariables>;
export const ArchiveRoomDocument = new TypedDocumentString(`
    mutation archiveRoom($id: ID!) {
  archiveRoom(id: $id) {
    ...RoomFields
  }
}
    fragment RoomFields on Room {
  id
  name
  description
  capacity
  enabledTools
  livekitRoomPrefix
  archivedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ArchiveRoomMutation, ArchiveRoomMutationVariables>;
export const SessionDocument = new TypedDocumentString(`
    query session($id: ID!) {
  session(id: $id) {
    ...SessionFields
  }
}
    fragment ParticipantFields on Participant {
  id
  sessionId
  role
  displayName
  identity
  memberId
  studentId
  joinedAt
  leftAt
  removedAt
  createdAt
  updatedAt
}
fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}
fragment SessionFields on Session {
  id
  title
  status
  roomId
  timeZone
  scheduledStart
  scheduledEnd
  actualStart
  actualEnd
  cancelledAt
  livekitRoomName
  enrollmentIds
  createdAt
  updatedAt
  phases {
    ...SessionPhaseFields
  }
  participants {
    ...ParticipantFields
  }
}`) as unknown as TypedDocumentString<SessionQuery, SessionQueryVariables>;
export const SessionsDocument = new TypedDocumentString(`
    query sessions($first: Int, $after: String, $roomId: ID, $enrollmentId: ID, $status: SessionStatus, $from: String, $to: String) {
  sessions(
    first: $first
    after: $after
    roomId: $roomId
    enrollmentId: $enrollmentId
    status: $status
    from: $from
    to: $to
  ) {
    nodes {
      ...SessionFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ParticipantFields on Participant {
  id
  sessionId
  role
  displayName
  identity
  memberId
  studentId
  joinedAt
  leftAt
  removedAt
  createdAt
  updatedAt
}
fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}
fragment SessionFields on Session {
  id
  title
  status
  roomId
  timeZone
  scheduledStart
  scheduledEnd
  actualStart
  actualEnd
  cancelledAt
  livekitRoomName
  enrollmentIds
  createdAt
  updatedAt
  phases {
    ...SessionPhaseFields
  }
  participants {
    ...ParticipantFields
  }
}`) as unknown as TypedDocumentString<SessionsQuery, SessionsQueryVariables>;
export const CreateSessionDocument = new TypedDocumentString(`
    mutation createSession($input: CreateSessionInput!) {
  createSession(input: $input) {
    ...SessionFields
  }
}
    fragment ParticipantFields on Participant {
  id
  sessionId
  role
  displayName
  identity
  memberId
  studentId
  joinedAt
  leftAt
  removedAt
  createdAt
  updatedAt
}
fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}
fragment SessionFields on Session {
  id
  title
  status
  roomId
  timeZone
  scheduledStart
  scheduledEnd
  actualStart
  actualEnd
  cancelledAt
  livekitRoomName
  enrollmentIds
  createdAt
  updatedAt
  phases {
    ...SessionPhaseFields
  }
  participants {
    ...ParticipantFields
  }
}`) as unknown as TypedDocumentString<CreateSessionMutation, CreateSessionMutationVariables>;
export const StartSessionDocument = new TypedDocumentString(`
    mutation startSession($id: ID!) {
  startSession(id: $id) {
    ...SessionFields
  }
}
    fragment ParticipantFields on Participant {
  id
  sessionId
  role
  displayName
  identity
  memberId
  studentId
  joinedAt
  leftAt
  removedAt
  createdAt
  updatedAt
}
fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}
fragment SessionFields on Session {
  id
  title
  status
  roomId
  timeZone
  scheduledStart
  scheduledEnd
  actualStart
  actualEnd
  cancelledAt
  livekitRoomName
  enrollmentIds
  createdAt
  updatedAt
  phases {
    ...SessionPhaseFields
  }
  participants {
    ...ParticipantFields
  }
}`) as unknown as TypedDocumentString<StartSessionMutation, StartSessionMutationVariables>;
export const EndSessionDocument = new TypedDocumentString(`
    mutation endSession($id: ID!) {
  endSession(id: $id) {
    ...SessionFields
  }
}
    fragment ParticipantFields on Participant {
  id
  sessionId
  role
  displayName
  identity
  memberId
  studentId
  joinedAt
  leftAt
  removedAt
  createdAt
  updatedAt
}
fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}
fragment SessionFields on Session {
  id
  title
  status
  roomId
  timeZone
  scheduledStart
  scheduledEnd
  actualStart
  actualEnd
  cancelledAt
  livekitRoomName
  enrollmentIds
  createdAt
  updatedAt
  phases {
    ...SessionPhaseFields
  }
  participants {
    ...ParticipantFields
  }
}`) as unknown as TypedDocumentString<EndSessionMutation, EndSessionMutationVariables>;
export const CancelSessionDocument = new TypedDocumentString(`
    mutation cancelSession($id: ID!) {
  cancelSession(id: $id) {
    ...SessionFields
  }
}
    fragment ParticipantFields on Participant {
  id
  sessionId
  role
  displayName
  identity
  memberId
  studentId
  joinedAt
  leftAt
  removedAt
  createdAt
  updatedAt
}
fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}
fragment SessionFields on Session {
  id
  title
  status
  roomId
  timeZone
  scheduledStart
  scheduledEnd
  actualStart
  actualEnd
  cancelledAt
  livekitRoomName
  enrollmentIds
  createdAt
  updatedAt
  phases {
    ...SessionPhaseFields
  }
  participants {
    ...ParticipantFields
  }
}`) as unknown as TypedDocumentString<CancelSessionMutation, CancelSessionMutationVariables>;
export const SessionLessonDocument = new TypedDocumentString(`
    query sessionLesson($id: ID!) {
  session(id: $id) {
    ...SessionLessonFields
  }
}
    fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}
fragment SessionPhaseTransitionFields on SessionPhaseTransition {
  id
  sessionId
  phaseId
  action
  position
  occurredAt
  apiKeyId
}
fragment SessionLessonFields on Session {
  id
  status
  actualStart
  actualEnd
  currentPhase {
    ...SessionPhaseFields
  }
  phases {
    ...SessionPhaseFields
  }
  phaseTransitions {
    ...SessionPhaseTransitionFields
  }
}`) as unknown as TypedDocumentString<SessionLessonQuery, SessionLessonQueryVariables>;
export const StartPhaseDocument = new TypedDocumentString(`
    mutation startPhase($sessionId: ID!, $phaseId: ID!) {
  startPhase(sessionId: $sessionId, phaseId: $phaseId) {
    ...SessionLessonFields
  }
}
    fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}
fragment SessionPhaseTransitionFields on SessionPhaseTransition {
  id
  sessionId
  phaseId
  action
  position
  occurredAt
  apiKeyId
}
fragment SessionLessonFields on Session {
  id
  status
  actualStart
  actualEnd
  currentPhase {
    ...SessionPhaseFields
  }
  phases {
    ...SessionPhaseFields
  }
  phaseTransitions {
    ...SessionPhaseTransitionFields
  }
}`) as unknown as TypedDocumentString<StartPhaseMutation, StartPhaseMutationVariables>;
export const SessionToolsDocument = new TypedDocumentString(`
    query sessionTools($sessionId: ID!) {
  sessionTools(sessionId: $sessionId) {
    sessionId
    phaseId
    studentTools
    roomTools
  }
}
    `) as unknown as TypedDocumentString<SessionToolsQuery, SessionToolsQueryVariables>;
export const AdvancePhaseDocument = new TypedDocumentString(`
    mutation advancePhase($sessionId: ID!) {
  advancePhase(sessionId: $sessionId) {
    ...SessionLessonFields
  }
}
    fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}
fragment SessionPhaseTransitionFields on SessionPhaseTransition {
  id
  sessionId
  phaseId
  action
  position
  occurredAt
  apiKeyId
}
fragment SessionLessonFields on Session {
  id
  status
  actualStart
  actualEnd
  currentPhase {
    ...SessionPhaseFields
  }
  phases {
    ...SessionPhaseFields
  }
  phaseTransitions {
    ...SessionPhaseTransitionFields
  }
}`) as unknown as TypedDocumentString<AdvancePhaseMutation, AdvancePhaseMutationVariables>;
export const SkipPhaseDocument = new TypedDocumentString(`
    mutation skipPhase($sessionId: ID!, $phaseId: ID!) {
  skipPhase(sessionId: $sessionId, phaseId: $phaseId) {
    ...SessionLessonFields
  }
}
    fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}
fragment SessionPhaseTransitionFields on SessionPhaseTransition {
  id
  sessionId
  phaseId
  action
  position
  occurredAt
  apiKeyId
}
fragment SessionLessonFields on Session {
  id
  status
  actualStart
  actualEnd
  currentPhase {
    ...SessionPhaseFields
  }
  phases {
    ...SessionPhaseFields
  }
  phaseTransitions {
    ...SessionPhaseTransitionFields
  }
}`) as unknown as TypedDocumentString<SkipPhaseMutation, SkipPhaseMutationVariables>;
export const ReorderPhasesDocument = new TypedDocumentString(`
    mutation reorderPhases($sessionId: ID!, $phaseIds: [ID!]!) {
  reorderPhases(sessionId: $sessionId, phaseIds: $phaseIds) {
    ...SessionLessonFields
  }
}
    fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}
fragment SessionPhaseTransitionFields on SessionPhaseTransition {
  id
  sessionId
  phaseId
  action
  position
  occurredAt
  apiKeyId
}
fragment SessionLessonFields on Session {
  id
  status
  actualStart
  actualEnd
  currentPhase {
    ...SessionPhaseFields
  }
  phases {
    ...SessionPhaseFields
  }
  phaseTransitions {
    ...SessionPhaseTransitionFields
  }
}`) as unknown as TypedDocumentString<ReorderPhasesMutation, ReorderPhasesMutationVariables>;
export const AddParticipantDocument = new TypedDocumentString(`
    mutation addParticipant($sessionId: ID!, $input: AddParticipantInput!) {
  addParticipant(sessionId: $sessionId, input: $input) {
    ...ParticipantFields
  }
}
    fragment ParticipantFields on Participant {
  id
  sessionId
  role
  displayName
  identity
  memberId
  studentId
  joinedAt
  leftAt
  removedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<AddParticipantMutation, AddParticipantMutationVariables>;
export const RemoveParticipantDocument = new TypedDocumentString(`
    mutation removeParticipant($sessionId: ID!, $participantId: ID!) {
  removeParticipant(sessionId: $sessionId, participantId: $participantId) {
    ...ParticipantFields
  }
}
    fragment ParticipantFields on Participant {
  id
  sessionId
  role
  displayName
  identity
  memberId
  studentId
  joinedAt
  leftAt
  removedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<RemoveParticipantMutation, RemoveParticipantMutationVariables>;
export const JoinSessionDocument = new TypedDocumentString(`
    mutation joinSession($sessionId: ID!, $participantId: ID!) {
  joinSession(sessionId: $sessionId, participantId: $participantId) {
    participantToken
    expiresAt
    expiresInSeconds
    participant {
      ...ParticipantFields
    }
    media {
      available
      reason
      url
      roomName
      token
    }
  }
}
    fragment ParticipantFields on Participant {
  id
  sessionId
  role
  displayName
  identity
  memberId
  studentId
  joinedAt
  leftAt
  removedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<JoinSessionMutation, JoinSessionMutationVariables>;
export const IssueMediaTokenDocument = new TypedDocumentString(`
    mutation issueMediaToken($sessionId: ID!) {
  issueMediaToken(sessionId: $sessionId) {
    available
    reason
    url
    roomName
    token
  }
}
    `) as unknown as TypedDocumentString<IssueMediaTokenMutation, IssueMediaTokenMutationVariables>;
export const ParticipantSessionDocument = new TypedDocumentString(`
    query participantSession {
  participantSession {
    id
    participantId
    role
    title
    status
    scheduledStart
    scheduledEnd
    phases {
      ...SessionPhaseFields
    }
  }
}
    fragment SessionPhaseFields on SessionPhase {
  id
  kind
  title
  notes
  objectiveCodes
  activities
  tools
  plannedMinutes
  position
  status
  startedAt
  endedAt
  actualMinutes
}`) as unknown as TypedDocumentString<ParticipantSessionQuery, ParticipantSessionQueryVariables>;
export const SessionStatusChangedDocument = new TypedDocumentString(`
    subscription sessionStatusChanged($sessionId: ID!) {
  sessionStatusChanged(sessionId: $sessionId) {
    sessionId
    status
    previousStatus
    changedAt
  }
}
    `) as unknown as TypedDocumentString<SessionStatusChangedSubscription, SessionStatusChangedSubscriptionVariables>;
export const SessionPhaseChangedDocument = new TypedDocumentString(`
    subscription sessionPhaseChanged($sessionId: ID!) {
  sessionPhaseChanged(sessionId: $sessionId) {
    ...SessionPhaseTransitionFields
  }
}
    fragment SessionPhaseTransitionFields on SessionPhaseTransition {
  id
  sessionId
  phaseId
  action
  position
  occurredAt
  apiKeyId
}`) as unknown as TypedDocumentString<SessionPhaseChangedSubscription, SessionPhaseChangedSubscriptionVariables>;
export const StudentDocument = new TypedDocumentString(`
    query student($id: ID!) {
  student(id: $id) {
    ...StudentFields
    guardians {
      ...GuardianFields
    }
  }
}
    fragment StudentFields on Student {
  id
  name
  email
  externalId
  gradeLevel
  timeZone
  createdAt
  updatedAt
}
fragment GuardianFields on Guardian {
  id
  name
  email
  preferredLanguage
  relationship
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<StudentQuery, StudentQueryVariables>;
export const StudentsDocument = new TypedDocumentString(`
    query students($first: Int, $after: String) {
  students(first: $first, after: $after) {
    nodes {
      ...StudentFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment StudentFields on Student {
  id
  name
  email
  externalId
  gradeLevel
  timeZone
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<StudentsQuery, StudentsQueryVariables>;
export const CreateStudentDocument = new TypedDocumentString(`
    mutation createStudent($input: CreateStudentInput!) {
  createStudent(input: $input) {
    ...StudentFields
  }
}
    fragment StudentFields on Student {
  id
  name
  email
  externalId
  gradeLevel
  timeZone
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateStudentMutation, CreateStudentMutationVariables>;
export const UpdateStudentDocument = new TypedDocumentString(`
    mutation updateStudent($id: ID!, $input: UpdateStudentInput!) {
  updateStudent(id: $id, input: $input) {
    ...StudentFields
  }
}
    fragment StudentFields on Student {
  id
  name
  email
  externalId
  gradeLevel
  timeZone
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<UpdateStudentMutation, UpdateStudentMutationVariables>;
export const GuardianDocument = new TypedDocumentString(`
    query guardian($id: ID!) {
  guardian(id: $id) {
    ...GuardianFields
    students {
      ...StudentFields
    }
  }
}
    fragment StudentFields on Student {
  id
  name
  email
  externalId
  gradeLevel
  timeZone
  createdAt
  updatedAt
}
fragment GuardianFields on Guardian {
  id
  name
  email
  preferredLanguage
  relationship
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<GuardianQuery, GuardianQueryVariables>;
export const GuardiansDocument = new TypedDocumentString(`
    query guardians($first: Int, $after: String) {
  guardians(first: $first, after: $after) {
    nodes {
      ...GuardianFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment GuardianFields on Guardian {
  id
  name
  email
  preferredLanguage
  relationship
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<GuardiansQuery, GuardiansQueryVariables>;
export const CreateGuardianDocument = new TypedDocumentString(`
    mutation createGuardian($input: CreateGuardianInput!) {
  createGuardian(input: $input) {
    ...GuardianFields
  }
}
    fragment GuardianFields on Guardian {
  id
  name
  email
  preferredLanguage
  relationship
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateGuardianMutation, CreateGuardianMutationVariables>;
export const UpdateGuardianDocument = new TypedDocumentString(`
    mutation updateGuardian($id: ID!, $input: UpdateGuardianInput!) {
  updateGuardian(id: $id, input: $input) {
    ...GuardianFields
  }
}
    fragment GuardianFields on Guardian {
  id
  name
  email
  preferredLanguage
  relationship
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<UpdateGuardianMutation, UpdateGuardianMutationVariables>;
export const LinkGuardianDocument = new TypedDocumentString(`
    mutation linkGuardian($studentId: ID!, $guardianId: ID!) {
  linkGuardian(studentId: $studentId, guardianId: $guardianId) {
    ...GuardianFields
  }
}
    fragment GuardianFields on Guardian {
  id
  name
  email
  preferredLanguage
  relationship
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<LinkGuardianMutation, LinkGuardianMutationVariables>;
export const UnlinkGuardianDocument = new TypedDocumentString(`
    mutation unlinkGuardian($studentId: ID!, $guardianId: ID!) {
  unlinkGuardian(studentId: $studentId, guardianId: $guardianId) {
    ...GuardianFields
  }
}
    fragment GuardianFields on Guardian {
  id
  name
  email
  preferredLanguage
  relationship
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<UnlinkGuardianMutation, UnlinkGuardianMutationVariables>;
export const TranscriptDocument = new TypedDocumentString(`
    query transcript($sessionId: ID!) {
  transcript(sessionId: $sessionId) {
    sessionId
    version
    finalSegmentCount
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<TranscriptQuery, TranscriptQueryVariables>;
export const TranscriptSegmentsDocument = new TypedDocumentString(`
    query transcriptSegments($sessionId: ID!, $first: Int, $after: String, $includeInterim: Boolean) {
  transcriptSegments(
    sessionId: $sessionId
    first: $first
    after: $after
    includeInterim: $includeInterim
  ) {
    nodes {
      ...TranscriptSegmentFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment TranscriptSegmentFields on TranscriptSegment {
  id
  sessionId
  clientSegmentId
  participantId
  speakerLabel
  speakerRole
  text
  startMs
  endMs
  isFinal
  source
  receivedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<TranscriptSegmentsQuery, TranscriptSegmentsQueryVariables>;
export const AddTranscriptSegmentDocument = new TypedDocumentString(`
    mutation addTranscriptSegment($sessionId: ID!, $input: TranscriptSegmentInput!) {
  addTranscriptSegment(sessionId: $sessionId, input: $input) {
    ...TranscriptSegmentFields
  }
}
    fragment TranscriptSegmentFields on TranscriptSegment {
  id
  sessionId
  clientSegmentId
  participantId
  speakerLabel
  speakerRole
  text
  startMs
  endMs
  isFinal
  source
  receivedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<AddTranscriptSegmentMutation, AddTranscriptSegmentMutationVariables>;
export const AddTranscriptSegmentsDocument = new TypedDocumentString(`
    mutation addTranscriptSegments($sessionId: ID!, $input: TranscriptSegmentBatchInput!) {
  addTranscriptSegments(sessionId: $sessionId, input: $input) {
    ...TranscriptWriteResultFields
  }
}
    fragment TranscriptWriteResultFields on TranscriptWriteResult {
  sessionId
  received
  inserted
  replaced
  unchanged
  transcriptVersion
}`) as unknown as TypedDocumentString<AddTranscriptSegmentsMutation, AddTranscriptSegmentsMutationVariables>;
export const UploadTranscriptDocument = new TypedDocumentString(`
    mutation uploadTranscript($sessionId: ID!, $format: TranscriptFormat!, $content: String!) {
  uploadTranscript(sessionId: $sessionId, format: $format, content: $content) {
    ...TranscriptWriteResultFields
  }
}
    fragment TranscriptWriteResultFields on TranscriptWriteResult {
  sessionId
  received
  inserted
  replaced
  unchanged
  transcriptVersion
}`) as unknown as TypedDocumentString<UploadTranscriptMutation, UploadTranscriptMutationVariables>;
export const TranscriptSegmentAddedDocument = new TypedDocumentString(`
    subscription transcriptSegmentAdded($sessionId: ID!) {
  transcriptSegmentAdded(sessionId: $sessionId) {
    ...TranscriptSegmentFields
  }
}
    fragment TranscriptSegmentFields on TranscriptSegment {
  id
  sessionId
  clientSegmentId
  participantId
  speakerLabel
  speakerRole
  text
  startMs
  endMs
  isFinal
  source
  receivedAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<TranscriptSegmentAddedSubscription, TranscriptSegmentAddedSubscriptionVariables>;
export const WebhookEventTypesDocument = new TypedDocumentString(`
    query webhookEventTypes {
  webhookEventTypes {
    type
    description
  }
}
    `) as unknown as TypedDocumentString<WebhookEventTypesQuery, WebhookEventTypesQueryVariables>;
export const WebhookSubscriptionsDocument = new TypedDocumentString(`
    query webhookSubscriptions($first: Int, $after: String) {
  webhookSubscriptions(first: $first, after: $after) {
    nodes {
      ...WebhookSubscriptionFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment WebhookSubscriptionFields on WebhookSubscription {
  id
  url
  description
  eventTypes
  sessionId
  roomId
  status
  disabledReason
  previousSecretExpiresAt
  failingSince
  lastSuccessAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<WebhookSubscriptionsQuery, WebhookSubscriptionsQueryVariables>;
export const WebhookSubscriptionDocument = new TypedDocumentString(`
    query webhookSubscription($id: ID!) {
  webhookSubscription(id: $id) {
    ...WebhookSubscriptionFields
  }
}
    fragment WebhookSubscriptionFields on WebhookSubscription {
  id
  url
  description
  eventTypes
  sessionId
  roomId
  status
  disabledReason
  previousSecretExpiresAt
  failingSince
  lastSuccessAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<WebhookSubscriptionQuery, WebhookSubscriptionQueryVariables>;
export const CreateWebhookSubscriptionDocument = new TypedDocumentString(`
    mutation createWebhookSubscription($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) {
    secret
    subscription {
      ...WebhookSubscriptionFields
    }
  }
}
    fragment WebhookSubscriptionFields on WebhookSubscription {
  id
  url
  description
  eventTypes
  sessionId
  roomId
  status
  disabledReason
  previousSecretExpiresAt
  failingSince
  lastSuccessAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateWebhookSubscriptionMutation, CreateWebhookSubscriptionMutationVariables>;
export const UpdateWebhookSubscriptionDocument = new TypedDocumentString(`
    mutation updateWebhookSubscription($id: ID!, $input: UpdateWebhookSubscriptionInput!) {
  updateWebhookSubscription(id: $id, input: $input) {
    ...WebhookSubscriptionFields
  }
}
    fragment WebhookSubscriptionFields on WebhookSubscription {
  id
  url
  description
  eventTypes
  sessionId
  roomId
  status
  disabledReason
  previousSecretExpiresAt
  failingSince
  lastSuccessAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<UpdateWebhookSubscriptionMutation, UpdateWebhookSubscriptionMutationVariables>;
export const PauseWebhookSubscriptionDocument = new TypedDocumentString(`
    mutation pauseWebhookSubscription($id: ID!) {
  pauseWebhookSubscription(id: $id) {
    ...WebhookSubscriptionFields
  }
}
    fragment WebhookSubscriptionFields on WebhookSubscription {
  id
  url
  description
  eventTypes
  sessionId
  roomId
  status
  disabledReason
  previousSecretExpiresAt
  failingSince
  lastSuccessAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<PauseWebhookSubscriptionMutation, PauseWebhookSubscriptionMutationVariables>;
export const ResumeWebhookSubscriptionDocument = new TypedDocumentString(`
    mutation resumeWebhookSubscription($id: ID!) {
  resumeWebhookSubscription(id: $id) {
    ...WebhookSubscriptionFields
  }
}
    fragment WebhookSubscriptionFields on WebhookSubscription {
  id
  url
  description
  eventTypes
  sessionId
  roomId
  status
  disabledReason
  previousSecretExpiresAt
  failingSince
  lastSuccessAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ResumeWebhookSubscriptionMutation, ResumeWebhookSubscriptionMutationVariables>;
export const DeleteWebhookSubscriptionDocument = new TypedDocumentString(`
    mutation deleteWebhookSubscription($id: ID!) {
  deleteWebhookSubscription(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteWebhookSubscriptionMutation, DeleteWebhookSubscriptionMutationVariables>;
export const RotateWebhookSecretDocument = new TypedDocumentString(`
    mutation rotateWebhookSecret($id: ID!, $input: RotateWebhookSecretInput) {
  rotateWebhookSecret(id: $id, input: $input) {
    secret
    subscription {
      ...WebhookSubscriptionFields
    }
  }
}
    fragment WebhookSubscriptionFields on WebhookSubscription {
  id
  url
  description
  eventTypes
  sessionId
  roomId
  status
  disabledReason
  previousSecretExpiresAt
  failingSince
  lastSuccessAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query webhookDeliveries($subscriptionId: ID!, $status: String, $first: Int, $after: String) {
  webhookDeliveries(
    subscriptionId: $subscriptionId
    status: $status
    first: $first
    after: $after
  ) {
    nodes {
      ...WebhookDeliveryFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  subscriptionId
  eventId
  eventType
  status
  attempts
  nextAttemptAt
  lastStatusCode
  lastError
  deliveredAt
  createdAt
  attemptLog {
    number
    attemptedAt
    statusCode
    latencyMs
    outcome
    error
    responseExcerpt
  }
}`) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const WebhookDeliveryDocument = new TypedDocumentString(`
    query webhookDelivery($id: ID!) {
  webhookDelivery(id: $id) {
    ...WebhookDeliveryFields
  }
}
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  subscriptionId
  eventId
  eventType
  status
  attempts
  nextAttemptAt
  lastStatusCode
  lastError
  deliveredAt
  createdAt
  attemptLog {
    number
    attemptedAt
    statusCode
    latencyMs
    outcome
    error
    responseExcerpt
  }
}`) as unknown as TypedDocumentString<WebhookDeliveryQuery, WebhookDeliveryQueryVariables>;
export const ReplayWebhookDeliveryDocument = new TypedDocumentString(`
    mutation replayWebhookDelivery($id: ID!) {
  replayWebhookDelivery(id: $id) {
    ...WebhookDeliveryFields
  }
}
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  subscriptionId
  eventId
  eventType
  status
  attempts
  nextAttemptAt
  lastStatusCode
  lastError
  deliveredAt
  createdAt
  attemptLog {
    number
    attemptedAt
    statusCode
    latencyMs
    outcome
    error
    responseExcerpt
  }
}`) as unknown as TypedDocumentString<ReplayWebhookDeliveryMutation, ReplayWebhookDeliveryMutationVariables>;
export const ReplayWebhookDeliveriesDocument = new TypedDocumentString(`
    mutation replayWebhookDeliveries($subscriptionId: ID!, $input: ReplayWebhookDeliveriesInput!) {
  replayWebhookDeliveries(subscriptionId: $subscriptionId, input: $input) {
    queued
  }
}
    `) as unknown as TypedDocumentString<ReplayWebhookDeliveriesMutation, ReplayWebhookDeliveriesMutationVariables>;
export const BoardDocument = new TypedDocumentString(`
    query board($id: ID!) {
  board(id: $id) {
    ...BoardFields
  }
}
    fragment BoardFields on Board {
  id
  sessionId
  breakoutGroupId
  title
  drawPolicy
  selectedParticipantIds
  locked
  sequence
  elementCount
  byteSize
  createdByParticipantId
  createdByApiKeyId
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<BoardQuery, BoardQueryVariables>;
export const BoardsDocument = new TypedDocumentString(`
    query boards($sessionId: ID!) {
  boards(sessionId: $sessionId) {
    ...BoardFields
  }
}
    fragment BoardFields on Board {
  id
  sessionId
  breakoutGroupId
  title
  drawPolicy
  selectedParticipantIds
  locked
  sequence
  elementCount
  byteSize
  createdByParticipantId
  createdByApiKeyId
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<BoardsQuery, BoardsQueryVariables>;
export const BoardSnapshotDocument = new TypedDocumentString(`
    query boardSnapshot($boardId: ID!) {
  boardSnapshot(boardId: $boardId) {
    board {
      ...BoardFields
    }
    sequence
    elements {
      ...BoardElementFields
    }
  }
}
    fragment BoardFields on Board {
  id
  sessionId
  breakoutGroupId
  title
  drawPolicy
  selectedParticipantIds
  locked
  sequence
  elementCount
  byteSize
  createdByParticipantId
  createdByApiKeyId
  createdAt
  updatedAt
}
fragment BoardElementFields on BoardElement {
  id
  kind
  properties
  deleted
}`) as unknown as TypedDocumentString<BoardSnapshotQuery, BoardSnapshotQueryVariables>;
export const BoardOperationsDocument = new TypedDocumentString(`
    query boardOperations($boardId: ID!, $afterSequence: Int, $limit: Int) {
  boardOperations(boardId: $boardId, afterSequence: $afterSequence, limit: $limit) {
    boardId
    operations {
      ...BoardOperationFields
    }
    latestSequence
    hasMore
  }
}
    fragment BoardElementFields on BoardElement {
  id
  kind
  properties
  deleted
}
fragment BoardOperationFields on BoardOperation {
  id
  boardId
  sessionId
  sequence
  type
  clientOperationId
  elementId
  undoneSequence
  elements {
    ...BoardElementFields
  }
  participantId
  apiKeyId
  createdAt
}`) as unknown as TypedDocumentString<BoardOperationsQuery, BoardOperationsQueryVariables>;
export const BoardMetricsDocument = new TypedDocumentString(`
    query boardMetrics($boardId: ID!, $idleGapSeconds: Int) {
  boardMetrics(boardId: $boardId, idleGapSeconds: $idleGapSeconds) {
    ...BoardMetricsFields
  }
}
    fragment BoardMetricsFields on BoardMetrics {
  sessionId
  boardId
  boardCount
  totalOperations
  idleGapSeconds
  participants {
    participantId
    displayName
    role
    operations
    adds
    updates
    erasures
    undos
    firstOperationAt
    lastOperationAt
    timeToFirstAddMs
    timeToFirstAddFrom
    idleGapCount
    longestIdleGapMs
  }
}`) as unknown as TypedDocumentString<BoardMetricsQuery, BoardMetricsQueryVariables>;
export const SessionBoardMetricsDocument = new TypedDocumentString(`
    query sessionBoardMetrics($sessionId: ID!, $idleGapSeconds: Int) {
  sessionBoardMetrics(sessionId: $sessionId, idleGapSeconds: $idleGapSeconds) {
    ...BoardMetricsFields
  }
}
    fragment BoardMetricsFields on BoardMetrics {
  sessionId
  boardId
  boardCount
  totalOperations
  idleGapSeconds
  participants {
    participantId
    displayName
    role
    operations
    adds
    updates
    erasures
    undos
    firstOperationAt
    lastOperationAt
    timeToFirstAddMs
    timeToFirstAddFrom
    idleGapCount
    longestIdleGapMs
  }
}`) as unknown as TypedDocumentString<SessionBoardMetricsQuery, SessionBoardMetricsQueryVariables>;
export const CreateBoardDocument = new TypedDocumentString(`
    mutation createBoard($sessionId: ID!, $input: CreateBoardInput) {
  createBoard(sessionId: $sessionId, input: $input) {
    ...BoardFields
  }
}
    fragment BoardFields on Board {
  id
  sessionId
  breakoutGroupId
  title
  drawPolicy
  selectedParticipantIds
  locked
  sequence
  elementCount
  byteSize
  createdByParticipantId
  createdByApiKeyId
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateBoardMutation, CreateBoardMutationVariables>;
export const UpdateBoardDocument = new TypedDocumentString(`
    mutation updateBoard($id: ID!, $input: UpdateBoardInput!) {
  updateBoard(id: $id, input: $input) {
    ...BoardFields
  }
}
    fragment BoardFields on Board {
  id
  sessionId
  breakoutGroupId
  title
  drawPolicy
  selectedParticipantIds
  locked
  sequence
  elementCount
  byteSize
  createdByParticipantId
  createdByApiKeyId
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<UpdateBoardMutation, UpdateBoardMutationVariables>;
export const SubmitBoardOperationsDocument = new TypedDocumentString(`
    mutation submitBoardOperations($boardId: ID!, $input: SubmitBoardOperationsInput!) {
  submitBoardOperations(boardId: $boardId, input: $input) {
    boardId
    operations {
      ...BoardOperationFields
    }
    applied
    repeated
    latestSequence
  }
}
    fragment BoardElementFields on BoardElement {
  id
  kind
  properties
  deleted
}
fragment BoardOperationFields on BoardOperation {
  id
  boardId
  sessionId
  sequence
  type
  clientOperationId
  elementId
  undoneSequence
  elements {
    ...BoardElementFields
  }
  participantId
  apiKeyId
  createdAt
}`) as unknown as TypedDocumentString<SubmitBoardOperationsMutation, SubmitBoardOperationsMutationVariables>;
export const BoardOperationAddedDocument = new TypedDocumentString(`
    subscription boardOperationAdded($sessionId: ID!, $boardId: ID) {
  boardOperationAdded(sessionId: $sessionId, boardId: $boardId) {
    ...BoardOperationFields
  }
}
    fragment BoardElementFields on BoardElement {
  id
  kind
  properties
  deleted
}
fragment BoardOperationFields on BoardOperation {
  id
  boardId
  sessionId
  sequence
  type
  clientOperationId
  elementId
  undoneSequence
  elements {
    ...BoardElementFields
  }
  participantId
  apiKeyId
  createdAt
}`) as unknown as TypedDocumentString<BoardOperationAddedSubscription, BoardOperationAddedSubscriptionVariables>;