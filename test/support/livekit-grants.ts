import type { VideoGrant } from 'livekit-server-sdk';

/** Checks the LiveKit grants of a participant role: instructors administer, observers only watch. */
export function expectRoleGrants(video: VideoGrant | undefined, role: string): void {
  if (role === 'instructor') {
    expect(video).toMatchObject({
      roomAdmin: true,
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
      canUpdateOwnMetadata: true,
    });
  } else if (role === 'student') {
    expect(video).toMatchObject({
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
    });
    expect(video?.roomAdmin).toBeFalsy();
    expect(video?.canUpdateOwnMetadata).toBeFalsy();
  } else {
    expect(video).toMatchObject({
      canPublish: false,
      canSubscribe: true,
      canPublishData: false,
    });
    expect(video?.roomAdmin).toBeFalsy();
  }
}
