import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROOM_TOOLS, RoomTool, RoomToolEnum } from '../../rooms/room.entity';

/** The classroom tools of a session right now. */
@ObjectType()
export class SessionToolsView {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  sessionId: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The active phase; null when none is active.',
  })
  @Field(() => ID, { nullable: true, description: 'The active phase; null when none is active.' })
  phaseId: string | null;

  @ApiProperty({
    enum: ROOM_TOOLS,
    isArray: true,
    description: "The tools students may use now: the active phase's tools, else the room's.",
  })
  @Field(() => [RoomToolEnum], {
    description: "The tools students may use now: the active phase's tools, else the room's.",
  })
  studentTools: RoomTool[];

  @ApiProperty({
    enum: ROOM_TOOLS,
    isArray: true,
    description: 'The tools the room enables; instructors may use all of them in every phase.',
  })
  @Field(() => [RoomToolEnum], {
    description: 'The tools the room enables; instructors may use all of them in every phase.',
  })
  roomTools: RoomTool[];
}
