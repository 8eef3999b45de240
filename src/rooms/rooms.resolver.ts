import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { pageFromArgs, toConnection } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { RoomConnection } from './dto/room-page';
import { CreateRoomInput, RoomsArgs, UpdateRoomInput } from './dto/room.input';
import { Room } from './room.entity';
import { roomSortValue, RoomsService } from './rooms.service';

@Resolver(() => Room)
export class RoomsResolver {
  constructor(private readonly roomsService: RoomsService) {}

  @RequireScope('read')
  @Query(() => Room)
  room(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ): Promise<Room> {
    return this.roomsService.get(ctx, id);
  }

  @RequireScope('read')
  @Query(() => RoomConnection)
  async rooms(@Ctx() ctx: RequestContext, @Args() args: RoomsArgs): Promise<RoomConnection> {
    const page = await this.roomsService.list(ctx, args, pageFromArgs(args));

    return toConnection(page, roomSortValue);
  }

  @RequireScope('sessions:write')
  @Mutation(() => Room)
  createRoom(@Ctx() ctx: RequestContext, @Args('input') input: CreateRoomInput): Promise<Room> {
    return this.roomsService.create(ctx, input);
  }

  @RequireScope('sessions:write')
  @Mutation(() => Room)
  updateRoom(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
    @Args('input') input: UpdateRoomInput,
  ): Promise<Room> {
    return this.roomsService.update(ctx, id, input);
  }

  @RequireScope('sessions:write')
  @Mutation(() => Room)
  archiveRoom(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ): Promise<Room> {
    return this.roomsService.archive(ctx, id);
  }
}
