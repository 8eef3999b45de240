import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MediaAccess } from '../../sessions/dto/join-result';
import {
  BreakoutGroup,
  BreakoutMessage,
  MAX_GROUPS_PER_SESSION,
  MAX_MESSAGES_PER_SESSION,
} from '../breakout-group.entity';

/** Credentials for one participant to enter a breakout group's LiveKit room. */
@ObjectType()
export class BreakoutJoinResult {
  @ApiProperty({ type: BreakoutGroup })
  @Field(() => BreakoutGroup)
  group: BreakoutGroup;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  participantId: string;

  @ApiProperty({
    description: 'True for an instructor or observer listening without being seen or heard.',
  })
  @Field({
    description: 'True for an instructor or observer listening without being seen or heard.',
  })
  hidden: boolean;

  @ApiProperty({ description: 'HiLink participant token (hlp_...) for this session and identity.' })
  @Field({ description: 'HiLink participant token (hlp_...) for this session and identity.' })
  participantToken: string;

  @ApiProperty({ description: 'Seconds both tokens stay valid.' })
  @Field(() => Int, { description: 'Seconds both tokens stay valid.' })
  expiresInSeconds: number;

  @ApiProperty()
  @Field()
  expiresAt: Date;

  @ApiProperty({ type: MediaAccess })
  @Field(() => MediaAccess)
  media: MediaAccess;
}

/** One member of a group and whether they are in the group's room now. */
@ObjectType()
export class BreakoutMemberStatus {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  participantId: string;

  @ApiProperty()
  @Field()
  displayName: string;

  @ApiProperty({
    description:
      'True when the latest joined or left event for the group’s LiveKit room is a join; without such events, true while the participant is connected to the session.',
  })
  @Field({
    description:
      'True when the latest joined or left event for the group’s LiveKit room is a join; without such events, true while the participant is connected to the session.',
  })
  present: boolean;

  @ApiPropertyOptional({
    type: Date,
    nullable: true,
    description: 'The latest join or leave seen.',
  })
  @Field(() => Date, { nullable: true, description: 'The latest join or leave seen.' })
  lastSeenAt: Date | null;

  @ApiProperty({
    description:
      'True when the participant was removed from the session; removed members count as absent.',
  })
  @Field({
    description:
      'True when the participant was removed from the session; removed members count as absent.',
  })
  removed: boolean;
}

/** The live state of one group, as the instructor monitors it. */
@ObjectType()
export class BreakoutGroupLiveStatus {
  @ApiProperty({ type: BreakoutGroup })
  @Field(() => BreakoutGroup)
  group: BreakoutGroup;

  @ApiProperty({ type: [BreakoutMemberStatus] })
  @Field(() => [BreakoutMemberStatus])
  members: BreakoutMemberStatus[];

  @ApiProperty()
  @Field(() => Int)
  presentCount: number;

  @ApiProperty()
  @Field(() => Int)
  absentCount: number;

  @ApiProperty({ description: 'Board operations recorded for the group’s board.' })
  @Field(() => Int, { description: 'Board operations recorded for the group’s board.' })
  boardOperationCount: number;

  @ApiProperty({ description: 'Responses to the linked activity from the group’s members.' })
  @Field(() => Int, { description: 'Responses to the linked activity from the group’s members.' })
  responseCount: number;

  @ApiProperty({ description: 'Members who responded to the linked activity.' })
  @Field(() => Int, { description: 'Members who responded to the linked activity.' })
  respondentCount: number;

  @ApiProperty()
  @Field(() => Int)
  helpRequestCount: number;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  lastHelpRequestAt: Date | null;
}

/** The live state of every group of a session, newest group last. */
@ObjectType()
export class BreakoutStatus {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  sessionId: string;

  @ApiProperty({ description: 'When the status was read.' })
  @Field({ description: 'When the status was read.' })
  readAt: Date;

  @ApiProperty({
    type: [BreakoutGroupLiveStatus],
    description: 'Open groups first, then closed ones.',
  })
  @Field(() => [BreakoutGroupLiveStatus], { description: 'Open groups first, then closed ones.' })
  groups: BreakoutGroupLiveStatus[];
}

/** Every breakout group of a session in one page, because a session has at most MAX_GROUPS_PER_SESSION. */
export class BreakoutGroupList {
  @ApiProperty({ type: [BreakoutGroup], maxItems: MAX_GROUPS_PER_SESSION })
  items: BreakoutGroup[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list is complete.' })
  nextCursor: null;
}

/** Every broadcast message of a session in one page, because a session has at most MAX_MESSAGES_PER_SESSION. */
export class BreakoutMessageList {
  @ApiProperty({ type: [BreakoutMessage], maxItems: MAX_MESSAGES_PER_SESSION })
  items: BreakoutMessage[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list is complete.' })
  nextCursor: null;
}
