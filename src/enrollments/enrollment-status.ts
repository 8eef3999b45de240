import { EnrollmentStatus } from './enrollment.entity';

/** The statuses each status may change to; completed and withdrawn are final. */
export const ENROLLMENT_TRANSITIONS: Record<EnrollmentStatus, readonly EnrollmentStatus[]> = {
  active: ['paused', 'completed', 'withdrawn'],
  paused: ['active', 'completed', 'withdrawn'],
  completed: [],
  withdrawn: [],
};

export function isFinal(status: EnrollmentStatus): boolean {
  return ENROLLMENT_TRANSITIONS[status].length === 0;
}
