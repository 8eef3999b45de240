import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  MAX_CLIENT_SEGMENT_ID_LENGTH,
  MAX_SEGMENT_MS,
  MAX_SPEAKER_LABEL_LENGTH,
  MAX_TEXT_LENGTH,
  SEGMENT_SOURCES,
  SegmentSource,
  SPEAKER_ROLES,
  SpeakerRole,
} from './transcript-limits';

export const SpeakerRoleEnum = Object.fromEntries(SPEAKER_ROLES.map((role) => [role, role])) as {
  [K in SpeakerRole]: K;
};
registerEnumType(SpeakerRoleEnum, {
  name: 'SpeakerRole',
  description:
    'Who spoke: `instructor`, `student`, or `other` for observers and unmatched speakers.',
});

export const SegmentSourceEnum = Object.fromEntries(
  SEGMENT_SOURCES.map((source) => [source, source]),
) as {
  [K in SegmentSource]: K;
};
registerEnumType(SegmentSourceEnum, {
  name: 'TranscriptSegmentSource',
  description: '`live` from a speech-to-text agent, `upload` from an uploaded transcript file.',
});

/** A timed, attributed piece of speech in a session's transcript. */
@ObjectType()
@Entity('transcript_segments')
@Index(['sessionId', 'clientSegmentId'], { unique: true })
@Index(['sessionId', 'startMs', 'id'])
export class TranscriptSegment {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  sessionId: string;

  @ApiProperty({
    maxLength: MAX_CLIENT_SEGMENT_ID_LENGTH,
    description:
      'Idempotency key chosen by the sender, unique per session; uploads use `upload:<n>`.',
  })
  @Field({
    description:
      'Idempotency key chosen by the sender, unique per session; uploads use `upload:<n>`.',
  })
  @Column({ length: MAX_CLIENT_SEGMENT_ID_LENGTH })
  clientSegmentId: string;

  @ApiProperty({ maxLength: MAX_SPEAKER_LABEL_LENGTH, example: 'Tutor' })
  @Field({ description: 'The speaker name as the transcript gives it.' })
  @Column({ length: MAX_SPEAKER_LABEL_LENGTH })
  speakerLabel: string;

  @ApiProperty({ enum: SPEAKER_ROLES })
  @Field(() => SpeakerRoleEnum)
  @Column({ type: 'varchar', length: 16 })
  speakerRole: SpeakerRole;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The matched participant.',
  })
  @Field(() => ID, { nullable: true, description: 'The matched participant.' })
  @Column({ type: 'uuid', nullable: true })
  participantId: string | null;

  @ApiProperty({
    minimum: 0,
    maximum: MAX_SEGMENT_MS,
    description: 'Milliseconds from the session start.',
  })
  @Field(() => Int, { description: 'Milliseconds from the session start.' })
  @Column('integer')
  startMs: number;

  @ApiProperty({
    minimum: 0,
    maximum: MAX_SEGMENT_MS,
    description: 'Milliseconds from the session start.',
  })
  @Field(() => Int, { description: 'Milliseconds from the session start.' })
  @Column('integer')
  endMs: number;

  @ApiProperty({ minLength: 1, maxLength: MAX_TEXT_LENGTH })
  @Field()
  @Column('text')
  text: string;

  @ApiProperty({
    description:
      'false for an interim result that a later segment with the same clientSegmentId may replace.',
  })
  @Field({
    description:
      'false for an interim result that a later segment with the same clientSegmentId may replace.',
  })
  @Column('boolean')
  isFinal: boolean;

  @ApiProperty({ enum: SEGMENT_SOURCES })
  @Field(() => SegmentSourceEnum)
  @Column({ type: 'varchar', length: 8 })
  source: SegmentSource;

  @ApiProperty({ description: 'When the server accepted this version of the segment.' })
  @Field({ description: 'When the server accepted this version of the segment.' })
  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
