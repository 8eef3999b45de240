import { Organizations1764800000000 } from './1764800000000-organizations';
import { IdempotencyKeys1764800000500 } from './1764800000500-idempotency-keys';
import { PeopleAndCurricula1764800001000 } from './1764800001000-people-and-curricula';
import { RoomsAndSessions1764800002000 } from './1764800002000-rooms-and-sessions';
import { Transcripts1764800003000 } from './1764800003000-transcripts';
import { JobsAndRecaps1764800004000 } from './1764800004000-jobs-and-recaps';
import { SessionPhaseTransitions1764800005000 } from './1764800005000-session-phase-transitions';
import { PhaseToolsAndEngagement1764800006000 } from './1764800006000-phase-tools-and-engagement';
import { Activities1764800007000 } from './1764800007000-activities';
import { Whiteboards1764800008000 } from './1764800008000-whiteboards';
import { Breakouts1764800010000 } from './1764800010000-breakouts';
import { EngagementRollups1764800009000 } from './1764800009000-engagement-rollups';
import { ProgressAndCoverage1764800011000 } from './1764800011000-progress-and-coverage';
import { ParentUpdates1764800012000 } from './1764800012000-parent-updates';
import { Reminders1764800013000 } from './1764800013000-reminders';
import { RiskSignals1764800014000 } from './1764800014000-risk-signals';
import { SessionBriefs1764800015000 } from './1764800015000-session-briefs';
import { DashboardRollups1764800016000 } from './1764800016000-dashboard-rollups';
import { Webhooks1764800017000 } from './1764800017000-webhooks';
import { SessionChat1764800018000 } from './1764800018000-session-chat';
import { PostSessionIndexes1764800019000 } from './1764800019000-post-session-indexes';
import { ParentUpdateUsage1764800020000 } from './1764800020000-parent-update-usage';
import { WebhookDispatchIndexes1764800021000 } from './1764800021000-webhook-dispatch-indexes';
import { WebhookInlineSuccess1764800022000 } from './1764800022000-webhook-inline-success';
import { WebhookEventStreams1764800023000 } from './1764800023000-webhook-event-streams';

/** Every migration, in the order it applies. */
export const MIGRATIONS = [
  Organizations1764800000000,
  IdempotencyKeys1764800000500,
  PeopleAndCurricula1764800001000,
  RoomsAndSessions1764800002000,
  Transcripts1764800003000,
  JobsAndRecaps1764800004000,
  SessionPhaseTransitions1764800005000,
  PhaseToolsAndEngagement1764800006000,
  Activities1764800007000,
  Whiteboards1764800008000,
  EngagementRollups1764800009000,
  Breakouts1764800010000,
  ProgressAndCoverage1764800011000,
  ParentUpdates1764800012000,
  Reminders1764800013000,
  RiskSignals1764800014000,
  SessionBriefs1764800015000,
  DashboardRollups1764800016000,
  Webhooks1764800017000,
  SessionChat1764800018000,
  PostSessionIndexes1764800019000,
  ParentUpdateUsage1764800020000,
  WebhookDispatchIndexes1764800021000,
  WebhookInlineSuccess1764800022000,
  WebhookEventStreams1764800023000,
];
