import { Room, RoomEvent, Track } from 'livekit-client';
import type { MediaConnection, MediaModule } from './media-loader';

// NOTE: no test connects successfully, because the test machines have no LiveKit server. The
// browser test covers a failed connection and the media notice.
/**
 * Joins the LiveKit room of the media access, publishes the camera and microphone, and shows
 * every subscribed track in the container.
 */
async function connect(options: {
  url: string;
  token: string;
  container: HTMLElement;
}): Promise<MediaConnection> {
  const room = new Room({ adaptiveStream: true, dynacast: true });
  room.on(RoomEvent.TrackSubscribed, (track, _publication, participant) => {
    const element = track.attach();
    element.dataset.participant = participant.identity;
    if (track.kind === Track.Kind.Video) {
      element.setAttribute('aria-label', `Video of ${participant.name || participant.identity}`);
    }
    options.container.append(element);
  });
  room.on(RoomEvent.TrackUnsubscribed, (track) => {
    for (const element of track.detach()) {
      element.remove();
    }
  });
  await room.connect(options.url, options.token);
  await room.localParticipant.enableCameraAndMicrophone();

  return { disconnect: () => void room.disconnect() };
}

const media: MediaModule = { connect };
window.HiLinkMedia = media;
