import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RoomServiceClient, VideoGrant } from 'livekit-server-sdk';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ParticipantRole } from './participant.entity';

export const LIVEKIT_NOT_CONFIGURED =
  'LiveKit is not configured on this server: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET.';

/** Seconds a LiveKit server call may take before the lifecycle goes on without it. */
const REQUEST_TIMEOUT_SECONDS = 5;

/** Seconds LiveKit keeps a created room open while it has no participants. */
const EMPTY_ROOM_TIMEOUT_SECONDS = 600;

export interface MediaTokenRequest {
  roomName: string;
  identity: string;
  name: string;
  metadata: Record<string, unknown>;
  role: ParticipantRole;
  ttlSeconds: number;
  /** Grants to use instead of the role's, such as a hidden listener's. */
  grant?: VideoGrant;
}

/** Returns the LiveKit grants of a role: instructors moderate, students take part, observers watch. */
export function grantsForRole(role: ParticipantRole, room: string): VideoGrant {
  if (role === 'instructor') {
    return {
      room,
      roomJoin: true,
      roomAdmin: true,
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
      canUpdateOwnMetadata: true,
    };
  }
  if (role === 'student') {
    return { room, roomJoin: true, canPublish: true, canSubscribe: true, canPublishData: true };
  }

  return { room, roomJoin: true, canPublish: false, canSubscribe: true, canPublishData: false };
}

/**
 * Mints LiveKit access tokens and opens and closes LiveKit rooms. openRoom and closeRoom log
 * a failing LiveKit server and return, so the session lifecycle goes on without media.
 */
/**
 * Loads livekit-server-sdk on first use. A server without LiveKit never loads it, which keeps
 * about 18 MB out of its resident memory.
 */
function livekitSdk(): typeof import('livekit-server-sdk') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('livekit-server-sdk') as typeof import('livekit-server-sdk');
}

@Injectable()
export class LivekitService {
  private readonly logger = new Logger(LivekitService.name);
  private readonly client?: RoomServiceClient;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const livekit = config.livekit;
    if (livekit) {
      this.client = new (livekitSdk().RoomServiceClient)(
        livekit.url,
        livekit.apiKey,
        livekit.apiSecret,
        {
          requestTimeout: REQUEST_TIMEOUT_SECONDS,
        },
      );
    }
  }

  /** The LiveKit address that browsers connect to. */
  get url(): string | undefined {
    return this.config.livekit?.publicUrl;
  }

  /** Returns a signed access token, or undefined when LiveKit is not configured. */
  async mintToken(request: MediaTokenRequest): Promise<string | undefined> {
    const livekit = this.config.livekit;
    if (!livekit) {
      return undefined;
    }
    const token = new (livekitSdk().AccessToken)(livekit.apiKey, livekit.apiSecret, {
      identity: request.identity,
      name: request.name,
      metadata: JSON.stringify(request.metadata),
      ttl: request.ttlSeconds,
    });
    token.addGrant(request.grant ?? grantsForRole(request.role, request.roomName));

    return token.toJwt();
  }

  async openRoom(
    roomName: string,
    maxParticipants: number,
    ids: Record<string, string>,
  ): Promise<void> {
    if (!this.client) {
      return;
    }
    try {
      await this.client.createRoom({
        name: roomName,
        maxParticipants,
        emptyTimeout: EMPTY_ROOM_TIMEOUT_SECONDS,
      });
      this.logger.log({ ...ids, roomName }, 'LiveKit room created');
    } catch (error) {
      this.logger.warn(
        { err: error, ...ids, roomName },
        'Failed to create the LiveKit room, so LiveKit creates it on the first join',
      );
    }
  }

  async closeRoom(roomName: string, ids: Record<string, string>): Promise<void> {
    if (!this.client) {
      return;
    }
    try {
      await this.client.deleteRoom(roomName);
      this.logger.log({ ...ids, roomName }, 'LiveKit room deleted');
    } catch (error) {
      this.logger.warn({ err: error, ...ids, roomName }, 'Failed to delete the LiveKit room');
    }
  }
}
