import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DEFAULT_CHAT_PAGE, MAX_CHAT_MESSAGE_LENGTH, MAX_CHAT_PAGE } from '../chat-limits';

@InputType()
export class SendChatMessageInput {
  @ApiProperty({ minLength: 1, maxLength: MAX_CHAT_MESSAGE_LENGTH })
  @Field({ description: `The message text, 1 to ${MAX_CHAT_MESSAGE_LENGTH} characters.` })
  @IsString()
  @Length(1, MAX_CHAT_MESSAGE_LENGTH, {
    message: `body must be 1 to ${MAX_CHAT_MESSAGE_LENGTH} characters long; shorten the message or split it.`,
  })
  body: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The sending participant. Required with an API key; a participant token sends as itself.',
  })
  @Field(() => ID, {
    nullable: true,
    description:
      'The sending participant. Required with an API key; a participant token sends as itself.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'participantId must be a participant UUID.' })
  participantId?: string;
}

/** Paging of a chat read over REST. */
export class ChatMessagesQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_CHAT_PAGE,
    default: DEFAULT_CHAT_PAGE,
    description: 'How many of the latest messages to return.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `last must be a whole number from 1 to ${MAX_CHAT_PAGE}.` })
  @Min(1, { message: `last must be a whole number from 1 to ${MAX_CHAT_PAGE}.` })
  @Max(MAX_CHAT_PAGE, { message: `last must be a whole number from 1 to ${MAX_CHAT_PAGE}.` })
  last?: number;
}

@ArgsType()
export class ChatMessagesArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'sessionId must be a session UUID.' })
  sessionId: string;

  @Field(() => Int, {
    nullable: true,
    description: `How many of the latest messages to return, 1 to ${MAX_CHAT_PAGE} (default ${DEFAULT_CHAT_PAGE}).`,
  })
  @IsOptional()
  @IsInt({ message: `last must be a whole number from 1 to ${MAX_CHAT_PAGE}.` })
  @Min(1, { message: `last must be a whole number from 1 to ${MAX_CHAT_PAGE}.` })
  @Max(MAX_CHAT_PAGE, { message: `last must be a whole number from 1 to ${MAX_CHAT_PAGE}.` })
  last?: number;
}
