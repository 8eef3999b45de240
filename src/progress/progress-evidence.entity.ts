import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EvidenceKind, ProgressStatus } from './progress-status';

/** One observation behind a progress record, linked to the session it comes from. */
@Entity('progress_evidence')
export class ProgressEvidence {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  progressRecordId: string;

  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind: EvidenceKind;

  @Column({ type: 'uuid', nullable: true })
  activityId: string | null;

  @Column({ type: 'uuid', nullable: true })
  recapId: string | null;

  @Column({ type: 'boolean', nullable: true })
  correct: boolean | null;

  @Column({ type: 'double precision', nullable: true })
  recapConfidence: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  ratedStatus: ProgressStatus | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
