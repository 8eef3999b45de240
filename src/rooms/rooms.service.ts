import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { CreateRoomInput, RoomFilter, UpdateRoomInput } from './dto/room.input';
import { DEFAULT_ROOM_CAPACITY, livekitRoomPrefixFor, Room, ROOM_TOOLS } from './room.entity';
import { RoomErrors } from './rooms.errors';

/** Sort key of room lists and cursors. */
export const roomSortValue = (room: Room): string => room.createdAt.toISOString();

@Injectable()
export class RoomsService {
  private readonly logger = new Logger(RoomsService.name);

  constructor(@InjectRepository(Room) private readonly rooms: Repository<Room>) {}

  async create(ctx: RequestContext, input: CreateRoomInput): Promise<Room> {
    const id = randomUUID();
    const saved = await this.rooms.save(
      this.rooms.create({
        id,
        organizationId: ctx.organizationId,
        name: input.name,
        description: input.description ?? null,
        enabledTools: input.enabledTools ?? [...ROOM_TOOLS],
        capacity: input.capacity ?? DEFAULT_ROOM_CAPACITY,
        livekitRoomPrefix: livekitRoomPrefixFor(id),
        archivedAt: null,
      }),
    );
    this.logger.log({ organizationId: ctx.organizationId, roomId: saved.id }, 'Room created');

    return saved;
  }

  async get(ctx: RequestContext, id: string, field = 'id'): Promise<Room> {
    const room = await this.rooms.findOneBy({ id, organizationId: ctx.organizationId });
    if (!room) {
      throw RoomErrors.notFound(id, field);
    }

    return room;
  }

  /** Loads rooms by id in one query. Ids of other organizations are left out. */
  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<Room[]> {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }

    return this.rooms.findBy({ id: In([...ids]), organizationId: ctx.organizationId });
  }

  list(ctx: RequestContext, filter: RoomFilter, page: PageRequest): Promise<Page<Room>> {
    const query = this.rooms
      .createQueryBuilder('room')
      .where('room.organizationId = :organizationId', { organizationId: ctx.organizationId });
    if (!filter.includeArchived) {
      query.andWhere('room.archivedAt IS NULL');
    }

    return paginate(query, page, {
      sortColumn: 'room.createdAt',
      idColumn: 'room.id',
      sortValue: roomSortValue,
    });
  }

  async update(ctx: RequestContext, id: string, input: UpdateRoomInput): Promise<Room> {
    const room = await this.get(ctx, id);
    if (room.archivedAt) {
      throw RoomErrors.archived(id, 'id');
    }
    const changes: Partial<Room> = {
      name: input.name,
      description: input.description,
      enabledTools: input.enabledTools,
      capacity: input.capacity,
    };
    // Fields left out of the input stay unchanged, so undefined values are dropped.
    const defined = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    ) as Partial<Room>;
    if (Object.keys(defined).length === 0) {
      return room;
    }
    await this.rooms.update({ id, organizationId: ctx.organizationId }, defined);
    this.logger.log({ organizationId: ctx.organizationId, roomId: id }, 'Room updated');

    return this.get(ctx, id);
  }

  /** Archives a room so it hosts no new sessions. Archiving an archived room returns it unchanged. */
  async archive(ctx: RequestContext, id: string): Promise<Room> {
    const room = await this.get(ctx, id);
    if (room.archivedAt) {
      return room;
    }
    await this.rooms.update({ id, organizationId: ctx.organizationId }, { archivedAt: new Date() });
    this.logger.log({ organizationId: ctx.organizationId, roomId: id }, 'Room archived');

    return this.get(ctx, id);
  }
}
