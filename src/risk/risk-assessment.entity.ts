import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RiskEvidenceItem, RiskLevel, RiskSignalKind } from './risk-rules';

/** A signal as stored in `risk_assessments.signals`. */
export interface StoredRiskSignal {
  kind: RiskSignalKind;
  score: number;
  explanation: string;
  evidence: RiskEvidenceItem[];
}

/** A student's current risk level and signals, recomputed when one of their sessions is documented. */
@Entity('risk_assessments')
@Index(['organizationId', 'studentId'], { unique: true })
export class RiskAssessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  studentId: string;

  @Column({ type: 'varchar', length: 16 })
  level: RiskLevel;

  /** The maximum signal score, 0 to 1. */
  @Column('double precision')
  score: number;

  @Column('jsonb')
  signals: StoredRiskSignal[];

  /** The documented session that triggered the last computation. */
  @Column('uuid')
  lastSessionId: string;

  @Column({ type: 'timestamptz', precision: 3 })
  computedAt: Date;
}

/** A change of a student's risk level. A student without an assessment counts as `low`. */
@Entity('risk_level_changes')
@Index(['organizationId', 'studentId', 'changedAt'])
export class RiskLevelChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  studentId: string;

  @Column({ type: 'varchar', length: 16 })
  fromLevel: RiskLevel;

  @Column({ type: 'varchar', length: 16 })
  toLevel: RiskLevel;

  @Column('double precision')
  score: number;

  @Column('uuid')
  sessionId: string;

  @Column({ type: 'timestamptz', precision: 3 })
  changedAt: Date;
}
