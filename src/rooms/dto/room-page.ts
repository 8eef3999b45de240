import { ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Connection } from '../../common/pagination';
import { Room } from '../room.entity';

@ObjectType()
export class RoomConnection extends Connection(Room, 'Room') {}

/** One page of rooms over REST. */
export class RoomPage {
  @ApiProperty({ type: [Room] })
  items: Room[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor: string | null;
}
