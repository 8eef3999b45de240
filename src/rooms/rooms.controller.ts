import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { RoomPage } from './dto/room-page';
import { CreateRoomInput, RoomsQueryDto, UpdateRoomInput } from './dto/room.input';
import { Room } from './room.entity';
import { RoomsService } from './rooms.service';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';

@ApiTags('rooms')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @RequireScope('sessions:write')
  @Post('rooms')
  @ApiCreatedResponse({ type: Room })
  create(@Ctx() ctx: RequestContext, @Body() input: CreateRoomInput): Promise<Room> {
    return this.rooms.create(ctx, input);
  }

  @RequireScope('read')
  @Get('rooms')
  @ApiOkResponse({ type: RoomPage })
  list(@Ctx() ctx: RequestContext, @Query() query: RoomsQueryDto): Promise<RoomPage> {
    return this.rooms.list(ctx, query, query);
  }

  @RequireScope('read')
  @Get('rooms/:id')
  @ApiOkResponse({ type: Room })
  get(@Ctx() ctx: RequestContext, @Param('id', new ParseUuidPipe('id')) id: string): Promise<Room> {
    return this.rooms.get(ctx, id);
  }

  @RequireScope('sessions:write')
  @Patch('rooms/:id')
  @ApiOkResponse({ type: Room })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: UpdateRoomInput,
  ): Promise<Room> {
    return this.rooms.update(ctx, id, input);
  }

  @RequireScope('sessions:write')
  @Post('rooms/:id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: Room })
  archive(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Room> {
    return this.rooms.archive(ctx, id);
  }
}
