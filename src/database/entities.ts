import { ApiKey } from '../organizations/api-key.entity';
import { Organization } from '../organizations/organization.entity';
import { Curriculum } from '../curricula/curriculum.entity';
import { Objective } from '../curricula/objective.entity';
import { Enrollment } from '../enrollments/enrollment.entity';
import { EngagementEvent } from '../engagement/engagement-event.entity';
import { Member } from '../members/member.entity';
import { Guardian } from '../students/guardian.entity';
import { Student } from '../students/student.entity';
import { StudentGuardian } from '../students/student-guardian.entity';
import { Room } from '../rooms/room.entity';
import { Participant } from '../sessions/participant.entity';
import { SessionPhase } from '../sessions/session-phase.entity';
import { SessionPhaseTransition } from '../sessions/session-phase-transition.entity';
import { Session, SessionEnrollment } from '../sessions/session.entity';
import { Job } from '../jobs/job.entity';
import { Recap } from '../recaps/recap.entity';
import { RecapVersion } from '../recaps/recap-version.entity';
import { SessionTranscript } from '../transcripts/session-transcript.entity';
import { TranscriptSegment } from '../transcripts/transcript-segment.entity';
import { Activity } from '../activities/activity.entity';
import { ActivityResponse } from '../activities/activity-response.entity';
import { Alert } from '../alerts/alert.entity';
import { AlertSettings } from '../alerts/alert-settings.entity';
import { BreakoutGroup, BreakoutMember, BreakoutMessage } from '../breakouts/breakout-group.entity';
import { Board } from '../whiteboard/board.entity';
import { ProgressRecord } from '../progress/progress-record.entity';
import { ProgressEvidence } from '../progress/progress-evidence.entity';
import { ProgressChange } from '../progress/progress-change.entity';
import { SessionObjectiveCoverage } from '../progress/session-objective-coverage.entity';
import { DomainEvent } from '../webhooks/domain-event.entity';
import { ParentUpdateVersion } from '../parent-updates/parent-update-version.entity';
import { ParentUpdate, ParentUpdateDelivery } from '../parent-updates/parent-update.entity';
import { ReminderSettings, SessionReminder } from '../reminders/reminder.entity';
import { RiskAssessment, RiskLevelChange } from '../risk/risk-assessment.entity';
import {
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookSubscription,
} from '../webhooks/webhook.entity';
import { SessionBrief, SessionBriefVersion } from '../briefs/session-brief.entity';
import { ChatMessage } from '../chat/chat-message.entity';

/** Every TypeORM entity; the modules register their own repositories with forFeature. */
export const ENTITIES = [
  Organization,
  ApiKey,
  Member,
  Student,
  Guardian,
  StudentGuardian,
  Curriculum,
  Objective,
  Enrollment,
  Room,
  Session,
  SessionPhase,
  SessionPhaseTransition,
  SessionEnrollment,
  Participant,
  Job,
  Recap,
  RecapVersion,
  TranscriptSegment,
  SessionTranscript,
  EngagementEvent,
  Activity,
  ActivityResponse,
  Alert,
  AlertSettings,
  BreakoutGroup,
  BreakoutMember,
  BreakoutMessage,
  Board,
  ParentUpdate,
  ParentUpdateVersion,
  ParentUpdateDelivery,
  DomainEvent,
  ReminderSettings,
  SessionReminder,
  ProgressRecord,
  ProgressEvidence,
  ProgressChange,
  SessionObjectiveCoverage,
  RiskAssessment,
  RiskLevelChange,
  WebhookSubscription,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  SessionBrief,
  SessionBriefVersion,
  ChatMessage,
];
