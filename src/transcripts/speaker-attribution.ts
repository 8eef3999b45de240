import { ParticipantRole } from '../sessions/participant.entity';
import { roleFromSpeakerName } from './parsers/speaker-role';
import { SpeakerRole } from './transcript-limits';

/** The participant fields that attribution reads. */
export interface RosterEntry {
  id: string;
  identity: string;
  displayName: string;
  role: ParticipantRole;
}

export interface Attribution {
  speakerRole: SpeakerRole;
  participantId: string | null;
}

const ROLE_BY_PARTICIPANT_ROLE: Record<ParticipantRole, SpeakerRole> = {
  instructor: 'instructor',
  student: 'student',
  observer: 'other',
};

function normalize(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Attributes speakers to a session's participants. A speaker label matches a participant whose
 * display name or identity is equal to it, ignoring case and surrounding spaces; display names
 * are checked first.
 */
export class SpeakerAttributor {
  private readonly byId = new Map<string, RosterEntry>();
  private readonly byName = new Map<string, RosterEntry>();

  constructor(roster: RosterEntry[]) {
    for (const participant of roster) {
      this.byId.set(participant.id, participant);
    }
    for (const participant of roster) {
      this.byName.set(normalize(participant.identity), participant);
    }
    for (const participant of roster) {
      this.byName.set(normalize(participant.displayName), participant);
    }
  }

  hasParticipant(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Resolves the participant and role of one segment. The role is the explicit one, else the
   * participant's, else a guess from the label ("Tutor" → instructor), else `other`.
   */
  attribute(
    label: string,
    explicitRole?: SpeakerRole | null,
    participantId?: string | null,
  ): Attribution {
    const participant = participantId
      ? this.byId.get(participantId)
      : this.byName.get(normalize(label));
    const participantRole = participant ? ROLE_BY_PARTICIPANT_ROLE[participant.role] : null;
    const speakerRole = explicitRole ?? participantRole ?? roleFromSpeakerName(label) ?? 'other';

    return { speakerRole, participantId: participant?.id ?? null };
  }
}
