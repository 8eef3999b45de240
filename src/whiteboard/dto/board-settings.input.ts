import { Field, ID, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';
import { DrawPolicyEnum } from '../board.entity';
import {
  DRAW_POLICIES,
  DrawPolicy,
  MAX_SELECTED_PARTICIPANTS,
  MAX_TITLE_LENGTH,
} from '../whiteboard-limits';

const SELECTED_RULE = `Participants of the session who may draw under drawPolicy selected; at most ${MAX_SELECTED_PARTICIPANTS}.`;
const LOCKED_RULE = 'true freezes the board for students; instructors and API keys still draw.';

/** A new main board of a session. */
@InputType()
export class CreateBoardInput {
  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_TITLE_LENGTH, default: 'Main board' })
  @Field(() => String, { nullable: true, description: 'Default: "Main board".' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  title?: string;

  @ApiPropertyOptional({ enum: DRAW_POLICIES, default: 'everyone' })
  @Field(() => DrawPolicyEnum, { nullable: true, description: 'Default: everyone.' })
  @IsOptional()
  @IsIn(DRAW_POLICIES, { message: `drawPolicy must be one of: ${DRAW_POLICIES.join(', ')}` })
  drawPolicy?: DrawPolicy;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_SELECTED_PARTICIPANTS,
    description: SELECTED_RULE,
  })
  @Field(() => [ID], { nullable: true, description: SELECTED_RULE })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SELECTED_PARTICIPANTS)
  @ArrayUnique()
  @IsUUID('all', {
    each: true,
    message: 'selectedParticipantIds must contain only participant ids (UUIDs)',
  })
  selectedParticipantIds?: string[];

  @ApiPropertyOptional({ default: false, description: LOCKED_RULE })
  @Field(() => Boolean, { nullable: true, description: LOCKED_RULE })
  @IsOptional()
  @IsBoolean()
  locked?: boolean;
}

/** Changes to a board's title and drawing settings; omitted fields keep their values. */
@InputType()
export class UpdateBoardInput {
  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_TITLE_LENGTH })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  title?: string;

  @ApiPropertyOptional({ enum: DRAW_POLICIES })
  @Field(() => DrawPolicyEnum, { nullable: true })
  @IsOptional()
  @IsIn(DRAW_POLICIES, { message: `drawPolicy must be one of: ${DRAW_POLICIES.join(', ')}` })
  drawPolicy?: DrawPolicy;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_SELECTED_PARTICIPANTS,
    description: SELECTED_RULE,
  })
  @Field(() => [ID], { nullable: true, description: SELECTED_RULE })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SELECTED_PARTICIPANTS)
  @ArrayUnique()
  @IsUUID('all', {
    each: true,
    message: 'selectedParticipantIds must contain only participant ids (UUIDs)',
  })
  selectedParticipantIds?: string[];

  @ApiPropertyOptional({ description: LOCKED_RULE })
  @Field(() => Boolean, { nullable: true, description: LOCKED_RULE })
  @IsOptional()
  @IsBoolean()
  locked?: boolean;
}
