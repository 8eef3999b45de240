import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import {
  AfterLoad,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { RecapActor } from '../recaps/recap-actor';
import { RecapUsage } from '../recaps/recap.entity';
import { BriefContent, BriefFacts } from './brief-content';
import {
  BRIEF_STATUSES,
  BRIEF_TRIGGERS,
  BRIEF_VERSION_SOURCES,
  BriefStatus,
  BriefTrigger,
  BriefVersionSource,
} from './brief-limits';

export const SessionBriefStatusEnum = Object.fromEntries(BRIEF_STATUSES.map((s) => [s, s])) as {
  [K in BriefStatus]: K;
};

registerEnumType(SessionBriefStatusEnum, {
  name: 'SessionBriefStatus',
  description: '`draft` until a person approves it (`approved`) or rejects it (`rejected`).',
});

export const SessionBriefTriggerEnum = Object.fromEntries(BRIEF_TRIGGERS.map((s) => [s, s])) as {
  [K in BriefTrigger]: K;
};

registerEnumType(SessionBriefTriggerEnum, {
  name: 'SessionBriefTrigger',
  description: '`scheduled` at the lead time before the session, or `requested` through the API.',
});

/**
 * An AI-drafted brief for the instructor of one scheduled session. It stays a draft until a
 * person approves or rejects it. A session may have several briefs, one per generation.
 */
@ObjectType()
@Entity('session_briefs')
export class SessionBrief {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  sessionId: string;

  @ApiProperty({ enum: BRIEF_STATUSES })
  @Field(() => SessionBriefStatusEnum)
  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: BriefStatus;

  @ApiProperty({ enum: BRIEF_TRIGGERS })
  @Field(() => SessionBriefTriggerEnum)
  @Column({ type: 'varchar', length: 16 })
  trigger: BriefTrigger;

  @ApiProperty({ type: BriefContent, description: 'The current version of the content.' })
  @Field(() => BriefContent, { description: 'The current version of the content.' })
  @Column('jsonb')
  content: BriefContent;

  @ApiProperty({ type: BriefFacts })
  @Field(() => BriefFacts)
  @Column('jsonb')
  facts: BriefFacts;

  @ApiProperty({ description: 'SHA-256 of the facts as JSON, to tell whether two briefs saw the same input.' })
  @Field({ description: 'SHA-256 of the facts as JSON, to tell whether two briefs saw the same input.' })
  @Column({ type: 'varchar', length: 64 })
  inputHash: string;

  @ApiProperty({ type: [String], description: 'Approved recaps the provider received.' })
  @Field(() => [ID], { description: 'Approved recaps the provider received.' })
  @Column('uuid', { array: true, default: () => `'{}'` })
  sourceRecapIds: string[];

  @ApiProperty({
    type: [String],
    description: 'Approved recaps left out, oldest first, because the input exceeded the context window.',
  })
  @Field(() => [ID], {
    description: 'Approved recaps left out, oldest first, because the input exceeded the context window.',
  })
  @Column('uuid', { array: true, default: () => `'{}'` })
  omittedRecapIds: string[];

  @ApiProperty({ description: '1 for the generated draft, then one more per edit.' })
  @Field(() => Int, { description: '1 for the generated draft, then one more per edit.' })
  @Column({ type: 'integer', default: 1 })
  currentVersionNumber: number;

  @ApiProperty({ example: 'local' })
  @Field()
  @Column({ type: 'varchar', length: 16 })
  provider: string;

  @ApiProperty()
  @Field()
  @Column({ type: 'varchar', length: 100 })
  model: string;

  @ApiProperty()
  @Field()
  @Column({ type: 'varchar', length: 50 })
  promptVersion: string;

  @ApiProperty({ type: RecapUsage })
  @Field(() => RecapUsage)
  @Column(() => RecapUsage, { prefix: false })
  usage: RecapUsage;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  rejectedAt: Date | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  rejectionReason: string | null;

  @ApiPropertyOptional({
    type: RecapActor,
    nullable: true,
    description: 'Who approved or rejected it.',
  })
  @Field(() => RecapActor, { nullable: true, description: 'Who approved or rejected it.' })
  @Column(() => RecapActor, { prefix: 'reviewer' })
  reviewer: RecapActor | null;

  @ApiProperty({ format: 'uuid', description: 'The job that generated it.' })
  @Field(() => ID, { description: 'The job that generated it.' })
  @Column('uuid')
  jobId: string;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @AfterLoad()
  deriveFields(): void {
    if (!this.reviewer?.kind) {
      this.reviewer = null;
    }
  }
}

/** One state of a brief's content. Versions are never changed, and an edit adds one. */
@ObjectType()
@Entity('session_brief_versions')
@Index(['briefId', 'number'], { unique: true })
export class SessionBriefVersion {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Exclude()
  @Index()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  briefId: string;

  @ApiProperty({ minimum: 1 })
  @Field(() => Int)
  @Column('integer')
  number: number;

  @ApiProperty({ enum: BRIEF_VERSION_SOURCES })
  @Field(() => String, { description: '`generated` by the AI provider, or `edited` by a person.' })
  @Column({ type: 'varchar', length: 16 })
  source: BriefVersionSource;

  @ApiProperty({ type: BriefContent })
  @Field(() => BriefContent)
  @Column('jsonb')
  content: BriefContent;

  @ApiProperty({
    type: RecapActor,
    description: 'Who wrote this version; `system` for a generated one.',
  })
  @Field(() => RecapActor, { description: 'Who wrote this version; `system` for a generated one.' })
  @Column(() => RecapActor, { prefix: 'editor' })
  editor: RecapActor;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
