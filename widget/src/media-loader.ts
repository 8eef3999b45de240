/** The media module that widget-media.js sets as `window.HiLinkMedia`. */
export interface MediaModule {
  connect(options: {
    url: string;
    token: string;
    container: HTMLElement;
  }): Promise<MediaConnection>;
}

export interface MediaConnection {
  disconnect(): void;
}

declare global {
  interface Window {
    HiLinkMedia?: MediaModule;
  }
}

let loading: Promise<MediaModule> | undefined;

/**
 * Loads widget-media.js (livekit-client) from the API server on first use, so pages without
 * media never download it, and connects to the LiveKit room.
 */
export async function loadMedia(
  apiUrl: string,
  options: { url: string; token: string; container: HTMLElement },
): Promise<MediaConnection> {
  loading ??= new Promise<MediaModule>((resolve, reject) => {
    if (window.HiLinkMedia) {
      resolve(window.HiLinkMedia);

      return;
    }
    const script = document.createElement('script');
    script.src = `${apiUrl}/widget-media.js`;
    script.async = true;
    script.onload = () =>
      window.HiLinkMedia
        ? resolve(window.HiLinkMedia)
        : reject(new Error('widget-media.js loaded but set no HiLinkMedia.'));
    script.onerror = () => reject(new Error(`Could not load ${script.src}.`));
    document.head.append(script);
  });
  const media = await loading;

  return media.connect(options);
}
