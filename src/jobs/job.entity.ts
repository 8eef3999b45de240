import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'dead'] as const;

export type JobStatus = (typeof JOB_STATUSES)[number];

export const JobStatusEnum = Object.fromEntries(JOB_STATUSES.map((s) => [s, s])) as {
  [K in JobStatus]: K;
};

registerEnumType(JobStatusEnum, {
  name: 'JobStatus',
  description:
    'queued → running → succeeded. A failed attempt returns the job to queued until ' +
    'maxAttempts is used up; then it is dead. A failure that retrying cannot fix makes it failed.',
});

/** JSON-compatible values stored in `payload` and `result`. */
export type JobData = Record<string, unknown>;

/** A durable unit of background work, run by a JobWorker with retries and a lease. */
@ObjectType()
@Entity('jobs')
export class Job {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({ example: 'recap.generate', description: 'The handler that runs the job.' })
  @Field({ description: 'The handler that runs the job.' })
  @Column({ length: 100 })
  kind: string;

  @Exclude()
  @Column('jsonb')
  payload: JobData;

  @ApiProperty({ enum: JOB_STATUSES })
  @Field(() => JobStatusEnum)
  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: JobStatus;

  @ApiProperty({ description: 'Attempts started so far, including one in progress.' })
  @Field(() => Int, { description: 'Attempts started so far, including one in progress.' })
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @ApiProperty()
  @Field(() => Int)
  @Column({ type: 'integer' })
  maxAttempts: number;

  @ApiProperty({ description: 'Earliest time of the next attempt.' })
  @Field({ description: 'Earliest time of the next attempt.' })
  @Column({ type: 'timestamptz' })
  runAt: Date;

  /** Id of the worker holding the lease while the job runs. */
  @Exclude()
  @Column({ type: 'varchar', length: 200, nullable: true })
  lockedBy: string | null;

  /** End of the running worker's lease; a later time means that worker stopped and the job resumes. */
  @Exclude()
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Error of the latest failed attempt.',
  })
  @Field(() => String, { nullable: true, description: 'Error of the latest failed attempt.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  lastError: string | null;

  /** At most one queued or running job per organization has the same key. */
  @Exclude()
  @Column({ type: 'varchar', length: 200, nullable: true })
  uniqueKey: string | null;

  @Exclude()
  @Column({ type: 'jsonb', nullable: true })
  result: JobData | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ApiPropertyOptional({
    type: Date,
    nullable: true,
    description: 'When the job succeeded, failed or died.',
  })
  @Field(() => Date, { nullable: true, description: 'When the job succeeded, failed or died.' })
  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
