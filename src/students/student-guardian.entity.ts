import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A link between a student and a guardian of the same organization. */
@Entity('student_guardians')
export class StudentGuardian {
  @PrimaryColumn('uuid')
  studentId: string;

  @PrimaryColumn('uuid')
  guardianId: string;

  @Column('uuid')
  organizationId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
