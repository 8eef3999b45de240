import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { MAX_HELP_MESSAGE_LENGTH, MAX_MESSAGE_LENGTH } from '../breakout-group.entity';

/** The joining participant: required with an API key, optional (own id) with a participant token. */
export class BreakoutJoinDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The joining participant. Required with an API key; a participant token joins as itself.',
  })
  @IsOptional()
  @IsUUID()
  participantId?: string;
}

@InputType()
export class BroadcastBreakoutMessageInput {
  @ApiProperty({ minLength: 1, maxLength: MAX_MESSAGE_LENGTH })
  @Field()
  @IsString()
  @Length(1, MAX_MESSAGE_LENGTH)
  body: string;
}

@InputType()
export class BreakoutHelpInput {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: MAX_HELP_MESSAGE_LENGTH,
    description: 'What the group needs.',
  })
  @Field(() => String, { nullable: true, description: 'What the group needs.' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_HELP_MESSAGE_LENGTH)
  message?: string;
}

export const PRESENCE_STATES = ['joined', 'left'] as const;

export type PresenceState = (typeof PRESENCE_STATES)[number];

export const PresenceStateEnum = Object.fromEntries(
  PRESENCE_STATES.map((state) => [state, state]),
) as {
  [K in PresenceState]: K;
};

registerEnumType(PresenceStateEnum, {
  name: 'BreakoutPresenceState',
  description: 'joined or left: the caller connected to or left the group’s LiveKit room.',
});

@InputType()
export class BreakoutPresenceInput {
  @ApiProperty({
    enum: PRESENCE_STATES,
    description: 'The caller connected to or left the group’s LiveKit room.',
  })
  @Field(() => PresenceStateEnum)
  @IsIn(PRESENCE_STATES, { message: `state must be one of: ${PRESENCE_STATES.join(', ')}` })
  state: PresenceState;
}
