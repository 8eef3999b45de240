import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MAX_CHAT_MESSAGE_LENGTH } from './chat-limits';

/** A chat message that a participant sent to everyone in a session. */
@ObjectType({ description: 'A chat message that a participant sent to everyone in the session.' })
@Entity('session_chat_messages')
export class ChatMessage {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Exclude()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  sessionId: string;

  @ApiProperty({ format: 'uuid', description: 'The participant who sent it.' })
  @Field(() => ID, { description: 'The participant who sent it.' })
  @Column('uuid')
  participantId: string;

  @ApiProperty({ description: "The sender's display name when the message was sent." })
  @Field({ description: "The sender's display name when the message was sent." })
  @Column({ length: 200 })
  senderName: string;

  @ApiProperty({ description: "The sender's participant role: instructor, student or observer." })
  @Field({ description: "The sender's participant role: instructor, student or observer." })
  @Column({ type: 'varchar', length: 16 })
  senderRole: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The API key that sent it on behalf of the participant; null when the participant did.',
  })
  @Field(() => ID, {
    nullable: true,
    description:
      'The API key that sent it on behalf of the participant; null when the participant did.',
  })
  @Column({ type: 'uuid', nullable: true })
  apiKeyId: string | null;

  @ApiProperty({ minLength: 1, maxLength: MAX_CHAT_MESSAGE_LENGTH })
  @Field()
  @Column('text')
  body: string;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  sentAt: Date;
}

/** Restores a message's date after it travelled through the pub/sub as JSON. */
export function reviveChatMessage(message: ChatMessage): ChatMessage {
  return Object.assign(new ChatMessage(), message, { sentAt: new Date(message.sentAt) });
}
