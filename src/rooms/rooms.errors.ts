import { AppError, ErrorCode, notFound } from '../common/app-error';

export const RoomErrors = {
  notFound: (id: string, field = 'id') => notFound('Room', id, field),
  archived: (id: string, field = 'roomId') =>
    new AppError(
      ErrorCode.Conflict,
      `Room "${id}" is archived, so it cannot change or host new sessions. Use another room.`,
      { reason: 'ROOM_ARCHIVED', field },
    ),
};
