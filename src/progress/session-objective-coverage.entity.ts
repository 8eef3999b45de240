import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SessionCoverageStatus } from './progress-status';

/**
 * What a documented session did with one objective for one enrollment. Written once, when the
 * session becomes documented, so organization reports read this table instead of raw events.
 */
@Entity('session_objective_coverage')
export class SessionObjectiveCoverage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  sessionId: string;

  @Column('uuid')
  enrollmentId: string;

  @Column('uuid')
  studentId: string;

  @Column('uuid')
  instructorId: string;

  @Column('uuid')
  curriculumId: string;

  @Column('uuid')
  objectiveId: string;

  @Column({ length: 50 })
  objectiveCode: string;

  @Column({ type: 'varchar', length: 20 })
  status: SessionCoverageStatus;

  @Column('boolean')
  plannedDone: boolean;

  @Column('boolean')
  plannedSkipped: boolean;

  @Column('boolean')
  recapMatched: boolean;

  @Column('integer')
  checksAnswered: number;

  @Column('integer')
  checksCorrect: number;

  /** The session's scheduled start, which the period filters of reports use. */
  @Column({ type: 'timestamptz' })
  sessionStart: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
