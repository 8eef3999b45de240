import { EntityManager, In } from 'typeorm';
import { Member } from '../members/member.entity';
import { Participant } from '../sessions/participant.entity';
import { Guardian } from '../students/guardian.entity';
import { StudentGuardian } from '../students/student-guardian.entity';
import { Student } from '../students/student.entity';
import { RecipientKind } from './reminder.entity';

export interface ReminderRecipient {
  kind: RecipientKind;
  id: string;
  email: string;
}

/**
 * Finds who gets a session's reminders: instructors and other members by their email, each
 * student's guardians, and a student who has an email. Reads through the caller's
 * EntityManager so it sees the participants of a session created in the same transaction.
 */
export async function findReminderRecipients(
  manager: EntityManager,
  organizationId: string,
  sessionId: string,
): Promise<ReminderRecipient[]> {
  const participants = await manager.find(Participant, { where: { organizationId, sessionId } });
  const memberIds = participants.flatMap((p) => (p.memberId ? [p.memberId] : []));
  const studentIds = participants.flatMap((p) => (p.studentId ? [p.studentId] : []));
  const recipients = new Map<string, ReminderRecipient>();
  const add = (kind: RecipientKind, id: string, email: string | null): void => {
    if (email) {
      recipients.set(`${kind}:${id}`, { kind, id, email });
    }
  };

  if (memberIds.length > 0) {
    const members = await manager.find(Member, { where: { organizationId, id: In(memberIds) } });
    members.forEach((member) => add('member', member.id, member.email));
  }
  if (studentIds.length > 0) {
    const students = await manager.find(Student, { where: { organizationId, id: In(studentIds) } });
    students.forEach((student) => add('student', student.id, student.email));
    const links = await manager.find(StudentGuardian, {
      where: { organizationId, studentId: In(studentIds) },
    });
    const guardianIds = [...new Set(links.map((link) => link.guardianId))];
    if (guardianIds.length > 0) {
      const guardians = await manager.find(Guardian, {
        where: { organizationId, id: In(guardianIds) },
      });
      guardians.forEach((guardian) => add('guardian', guardian.id, guardian.email));
    }
  }

  return [...recipients.values()];
}
