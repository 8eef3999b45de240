import { RosterEntry, SpeakerAttributor } from './speaker-attribution';

const ROSTER: RosterEntry[] = [
  { id: 'p-tutor', identity: 'member:42', displayName: 'Ms. Rivera', role: 'instructor' },
  { id: 'p-ana', identity: 'student:7', displayName: 'Ana', role: 'student' },
  { id: 'p-obs', identity: 'observer-1', displayName: 'Parent', role: 'observer' },
];

describe('SpeakerAttributor', () => {
  const attributor = new SpeakerAttributor(ROSTER);

  it('matches a display name ignoring case', () => {
    expect(attributor.attribute('  ms. RIVERA ')).toEqual({
      speakerRole: 'instructor',
      participantId: 'p-tutor',
    });
  });

  it('matches an identity', () => {
    expect(attributor.attribute('student:7')).toEqual({
      speakerRole: 'student',
      participantId: 'p-ana',
    });
  });

  it('maps an observer to other', () => {
    expect(attributor.attribute('parent').speakerRole).toBe('other');
  });

  it('prefers an explicit role over the participant role', () => {
    expect(attributor.attribute('Ana', 'other')).toEqual({
      speakerRole: 'other',
      participantId: 'p-ana',
    });
  });

  it('uses the given participant id over the label', () => {
    expect(attributor.attribute('Speaker 1', null, 'p-tutor')).toEqual({
      speakerRole: 'instructor',
      participantId: 'p-tutor',
    });
  });

  it.each([
    ['Tutor', 'instructor'],
    ['The Teacher', 'instructor'],
    ['Student B', 'student'],
    ['Someone', 'other'],
  ])('guesses the role of unmatched %s', (label, role) => {
    expect(attributor.attribute(label)).toEqual({ speakerRole: role, participantId: null });
  });
});
