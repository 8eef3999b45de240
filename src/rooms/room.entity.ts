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

export const ROOM_TOOLS = [
  'video',
  'audio',
  'chat',
  'whiteboard',
  'polls',
  'breakouts',
  'screen_share',
  'transcription',
] as const;

export type RoomTool = (typeof ROOM_TOOLS)[number];

export const RoomToolEnum = Object.fromEntries(ROOM_TOOLS.map((tool) => [tool, tool])) as {
  [K in RoomTool]: K;
};

registerEnumType(RoomToolEnum, {
  name: 'RoomTool',
  description: 'A classroom tool a room offers.',
});

export const DEFAULT_ROOM_CAPACITY = 30;
export const MAX_ROOM_CAPACITY = 500;

/** A persistent virtual classroom. Each session in it gets its own LiveKit room. */
@ObjectType()
@Entity('rooms')
export class Room {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Field()
  @Column({ length: 200 })
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  @ApiProperty({ enum: ROOM_TOOLS, isArray: true })
  @Field(() => [RoomToolEnum])
  @Column('text', { array: true })
  enabledTools: RoomTool[];

  @ApiProperty({ minimum: 1, maximum: MAX_ROOM_CAPACITY })
  @Field(() => Int, { description: 'Maximum number of participants in one session.' })
  @Column('integer', { default: DEFAULT_ROOM_CAPACITY })
  capacity: number;

  @ApiProperty({ description: 'Start of the LiveKit room name of every session in this room.' })
  @Field({ description: 'Start of the LiveKit room name of every session in this room.' })
  @Column({ length: 64 })
  livekitRoomPrefix: string;

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Derives a room's LiveKit room name prefix: `hl-` and the room id without dashes. */
export function livekitRoomPrefixFor(roomId: string): string {
  return `hl-${roomId.replace(/-/g, '')}`;
}
