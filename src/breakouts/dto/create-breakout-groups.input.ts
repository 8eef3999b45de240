import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
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
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_ROOM_CAPACITY } from '../../rooms/room.entity';
import {
  BREAKOUT_STRATEGIES,
  BreakoutStrategy,
  BreakoutStrategyEnum,
  MAX_GROUP_NAME_LENGTH,
  MAX_INSTRUCTIONS_LENGTH,
  MAX_OPEN_GROUPS,
  MAX_TIME_LIMIT_MINUTES,
} from '../breakout-group.entity';

export const STRATEGY_DESCRIPTION =
  'How students are put into groups. `manual`: `groups` lists each group’s participant ids. ' +
  '`random`: the session’s students who are not removed and not in an open group are shuffled ' +
  'and dealt to `groupCount` groups, or to as many groups of at most `groupSize` as needed. ' +
  '`balanced`: the same students are ranked by their share of correct responses to this ' +
  'session’s checks (highest first, ties in random order), students without check responses ' +
  'follow in random order, and the ranking is dealt in serpentine order (1…k, k…1, …), so every ' +
  'group gets a mix of strong and weak students. In both dealt strategies group sizes differ by ' +
  'at most one.';

/** One group of a manual assignment. */
@InputType()
export class BreakoutGroupSpec {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: MAX_GROUP_NAME_LENGTH,
    description: 'Default: "Group <n>".',
  })
  @Field(() => String, { nullable: true, description: 'Default: "Group <n>".' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_GROUP_NAME_LENGTH)
  name?: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_ROOM_CAPACITY,
    description: 'Student participants of the session.',
  })
  @Field(() => [ID], { description: 'Student participants of the session.' })
  @IsArray()
  @ArrayMinSize(1, {
    message: 'participantIds must list at least one student; a group cannot be empty',
  })
  @ArrayMaxSize(MAX_ROOM_CAPACITY)
  @IsUUID('all', { each: true, message: 'participantIds must contain participant UUIDs' })
  participantIds: string[];

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: MAX_INSTRUCTIONS_LENGTH,
    description: 'This group’s task, instead of the shared instructions.',
  })
  @Field(() => String, {
    nullable: true,
    description: 'This group’s task, instead of the shared instructions.',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_INSTRUCTIONS_LENGTH)
  instructions?: string;
}

/** A set of breakout groups to open in a live session. */
@InputType()
export class CreateBreakoutGroupsInput {
  @ApiProperty({ enum: BREAKOUT_STRATEGIES, description: STRATEGY_DESCRIPTION })
  @Field(() => BreakoutStrategyEnum, { description: STRATEGY_DESCRIPTION })
  @IsIn(BREAKOUT_STRATEGIES, {
    message: `strategy must be one of: ${BREAKOUT_STRATEGIES.join(', ')}`,
  })
  strategy: BreakoutStrategy;

  @ApiPropertyOptional({
    type: [BreakoutGroupSpec],
    minItems: 1,
    maxItems: MAX_OPEN_GROUPS,
    description: 'Required with `manual`, not allowed otherwise.',
  })
  @Field(() => [BreakoutGroupSpec], {
    nullable: true,
    description: 'Required with `manual`, not allowed otherwise.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_OPEN_GROUPS, {
    message: `groups must list at most ${MAX_OPEN_GROUPS} groups`,
  })
  @ValidateNested({ each: true })
  @Type(() => BreakoutGroupSpec)
  groups?: BreakoutGroupSpec[];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_OPEN_GROUPS,
    description: 'With `random` or `balanced`: the number of groups. Give this or groupSize.',
  })
  @Field(() => Int, {
    nullable: true,
    description: 'With `random` or `balanced`: the number of groups. Give this or groupSize.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_OPEN_GROUPS)
  groupCount?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_ROOM_CAPACITY,
    description:
      'With `random` or `balanced`: the most students per group. Give this or groupCount.',
  })
  @Field(() => Int, {
    nullable: true,
    description:
      'With `random` or `balanced`: the most students per group. Give this or groupCount.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ROOM_CAPACITY)
  groupSize?: number;

  @ApiProperty({
    minLength: 1,
    maxLength: MAX_INSTRUCTIONS_LENGTH,
    description: 'The task of every group.',
  })
  @Field({ description: 'The task of every group.' })
  @IsString()
  @Length(1, MAX_INSTRUCTIONS_LENGTH)
  instructions: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An activity of this session that the groups work on.',
  })
  @Field(() => ID, {
    nullable: true,
    description: 'An activity of this session that the groups work on.',
  })
  @IsOptional()
  @IsUUID()
  activityId?: string;

  @ApiPropertyOptional({ description: 'Creates a whiteboard for each group. Default false.' })
  @Field(() => Boolean, {
    nullable: true,
    description: 'Creates a whiteboard for each group. Default false.',
  })
  @IsOptional()
  @IsBoolean()
  createBoards?: boolean;

  @ApiProperty({
    minimum: 1,
    maximum: MAX_TIME_LIMIT_MINUTES,
    description: 'Minutes until the groups close by themselves.',
  })
  @Field(() => Int, { description: 'Minutes until the groups close by themselves.' })
  @IsInt()
  @Min(1)
  @Max(MAX_TIME_LIMIT_MINUTES)
  timeLimitMinutes: number;
}
