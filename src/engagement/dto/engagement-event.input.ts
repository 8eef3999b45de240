import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ENGAGEMENT_EVENT_TYPES,
  EngagementEventType,
  EngagementEventTypeEnum,
  PARTICIPANT_KINDS,
  ParticipantKind,
} from '../engagement-event.entity';
import {
  MAX_BATCH_EVENTS,
  MAX_BOARD_OPERATION_LENGTH,
  MAX_CHAT_TEXT_LENGTH,
  MAX_CLIENT_EVENT_ID_LENGTH,
  MAX_CONNECTION_ID_LENGTH,
  MAX_SPOKE_MS,
  REACTION_KINDS,
  ReactionKind,
} from '../engagement-limits';

const PARTICIPANT_ID_RULE =
  'The participant the event is about. A participant token may leave it out (its own id is used) ' +
  'and may name only itself; an API key must name a participant of the session.';
const CLIENT_EVENT_ID_RULE =
  "The reporter's id for the event, unique per session. A repeat of a stored id is ignored and " +
  'counted in `duplicates`.';
const OCCURRED_AT_RULE =
  'When the event happened: ISO 8601 with a UTC offset, at most 5 minutes after the server clock.';
const PARTICIPANT_KIND_RULE =
  'The connection the event came from; default `standard`. Events of screen_share, recorder and ' +
  'agent connections are stored but never count toward attendance or any rollup.';
const CONNECTION_ID_RULE =
  '`joined` and `left` only: the id of one connection (such as a LiveKit participant sid). A ' +
  '`left` closes the connections with the same id, or, without an id, every open connection without one.';
const DURATION_RULE = `\`spoke\` only, and required there: speaking time in milliseconds, 1 to ${MAX_SPOKE_MS}.`;
const TEXT_RULE = `\`chat_message\` only: the message, 1 to ${MAX_CHAT_TEXT_LENGTH} characters. Only its length is stored.`;
const CORRECT_RULE =
  '`responded` only, and only with an API key: whether the answer was correct. Leave it out for ' +
  'anonymous activities.';

/** One engagement event as a client reports it. Which optional fields apply depends on `type`. */
@InputType()
export class EngagementEventInput {
  @ApiProperty({ enum: ENGAGEMENT_EVENT_TYPES })
  @Field(() => EngagementEventTypeEnum)
  @IsIn(ENGAGEMENT_EVENT_TYPES, {
    message: `type must be one of: ${ENGAGEMENT_EVENT_TYPES.join(', ')}`,
  })
  type: EngagementEventType;

  @ApiProperty({ example: '2026-03-02T16:05:00+01:00', description: OCCURRED_AT_RULE })
  @Field({ description: OCCURRED_AT_RULE })
  @IsString()
  @MaxLength(40)
  occurredAt: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: MAX_CLIENT_EVENT_ID_LENGTH,
    description: CLIENT_EVENT_ID_RULE,
  })
  @Field(() => String, { nullable: true, description: CLIENT_EVENT_ID_RULE })
  @IsOptional()
  @IsString()
  @Length(1, MAX_CLIENT_EVENT_ID_LENGTH)
  clientEventId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: PARTICIPANT_ID_RULE })
  @Field(() => ID, { nullable: true, description: PARTICIPANT_ID_RULE })
  @IsOptional()
  @IsUUID()
  participantId?: string;

  @ApiPropertyOptional({ enum: PARTICIPANT_KINDS, description: PARTICIPANT_KIND_RULE })
  @Field(() => String, { nullable: true, description: PARTICIPANT_KIND_RULE })
  @IsOptional()
  @IsIn(PARTICIPANT_KINDS, {
    message: `participantKind must be one of: ${PARTICIPANT_KINDS.join(', ')}`,
  })
  participantKind?: ParticipantKind;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: MAX_CONNECTION_ID_LENGTH,
    description: CONNECTION_ID_RULE,
  })
  @Field(() => String, { nullable: true, description: CONNECTION_ID_RULE })
  @IsOptional()
  @IsString()
  @Length(1, MAX_CONNECTION_ID_LENGTH)
  connectionId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SPOKE_MS, description: DURATION_RULE })
  @Field(() => Int, { nullable: true, description: DURATION_RULE })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SPOKE_MS)
  durationMs?: number;

  @ApiPropertyOptional({
    description:
      '`attention_changed` only, and required there: whether the participant is focused on the session now.',
  })
  @Field(() => Boolean, {
    nullable: true,
    description:
      '`attention_changed` only, and required there: whether the participant is focused on the session now.',
  })
  @IsOptional()
  @IsBoolean()
  focused?: boolean;

  @ApiPropertyOptional({
    description:
      '`camera_toggled` and `microphone_toggled` only, and required there: whether the device is on now.',
  })
  @Field(() => Boolean, {
    nullable: true,
    description:
      '`camera_toggled` and `microphone_toggled` only, and required there: whether the device is on now.',
  })
  @IsOptional()
  @IsBoolean()
  on?: boolean;

  @ApiPropertyOptional({
    enum: REACTION_KINDS,
    description: '`reaction` only, and required there.',
  })
  @Field(() => String, {
    nullable: true,
    description: `\`reaction\` only, and required there. One of: ${REACTION_KINDS.join(', ')}.`,
  })
  @IsOptional()
  @IsIn(REACTION_KINDS, { message: `reaction must be one of: ${REACTION_KINDS.join(', ')}` })
  reaction?: ReactionKind;

  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_CHAT_TEXT_LENGTH, description: TEXT_RULE })
  @Field(() => String, { nullable: true, description: TEXT_RULE })
  @IsOptional()
  @IsString()
  @Length(1, MAX_CHAT_TEXT_LENGTH)
  text?: string;

  @ApiPropertyOptional({
    description:
      '`hand_raised` only: true when the hand goes up (default), false when it goes down.',
  })
  @Field(() => Boolean, {
    nullable: true,
    description:
      '`hand_raised` only: true when the hand goes up (default), false when it goes down.',
  })
  @IsOptional()
  @IsBoolean()
  raised?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description: '`responded` and `board_operation` only: the activity.',
  })
  @Field(() => ID, {
    nullable: true,
    description: '`responded` and `board_operation` only: the activity.',
  })
  @IsOptional()
  @IsUUID()
  activityId?: string;

  @ApiPropertyOptional({ description: CORRECT_RULE })
  @Field(() => Boolean, { nullable: true, description: CORRECT_RULE })
  @IsOptional()
  @IsBoolean()
  correct?: boolean;

  @ApiPropertyOptional({
    maxLength: MAX_BOARD_OPERATION_LENGTH,
    example: 'draw',
    description: '`board_operation` only: what was done, lowercase letters and underscores.',
  })
  @Field(() => String, {
    nullable: true,
    description: '`board_operation` only: what was done, lowercase letters and underscores.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z_]{0,31}$/, {
    message: `operation must be 1 to ${MAX_BOARD_OPERATION_LENGTH} lowercase letters and underscores, such as draw`,
  })
  operation?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: '`phase_changed` only: the phase that started.',
  })
  @Field(() => ID, { nullable: true, description: '`phase_changed` only: the phase that started.' })
  @IsOptional()
  @IsUUID()
  phaseId?: string;
}

@InputType()
export class EngagementEventBatchInput {
  @ApiProperty({
    type: [EngagementEventInput],
    minItems: 1,
    maxItems: MAX_BATCH_EVENTS,
    description: `1 to ${MAX_BATCH_EVENTS} events, stored in one transaction: one invalid event rejects the whole batch.`,
  })
  @Field(() => [EngagementEventInput], {
    description: `1 to ${MAX_BATCH_EVENTS} events, stored in one transaction: one invalid event rejects the whole batch.`,
  })
  // The items are checked by validateEventInput in the service, not by class-validator, which
  // is the largest CPU cost of a full batch.
  @IsArray()
  @ArrayMinSize(1, { message: 'events is empty; send at least one event' })
  @ArrayMaxSize(MAX_BATCH_EVENTS, {
    message: `events has more than the maximum of ${MAX_BATCH_EVENTS} events per request; split it into smaller batches`,
  })
  events: unknown[];
}
