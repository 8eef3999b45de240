/**
 * LiveKit access for one participant, as `joinSession` returns it in `media` and
 * `issueMediaToken` returns it, which lets the widget connect audio and video.
 */
export interface WidgetMedia {
  /** Whether the session has LiveKit media; without it the widget shows the media notice. */
  available: boolean;
  /** The reason media is unavailable, when it is. */
  reason?: string | null;
  /** The LiveKit server address for the browser. */
  url?: string | null;
  /** The LiveKit room of the session. */
  roomName?: string | null;
  /** The participant's LiveKit access token. */
  token?: string | null;
}

/** Options of the widget's `HiLink.mount(element, options)` that the snippet passes through. */
export interface WidgetSnippetOptions {
  /** Id of the element the widget mounts into; default `hilink-classroom`. */
  elementId?: string;
  /** `light` (default) or `dark`. */
  theme?: 'light' | 'dark';
  /**
   * The `media` of the same join response as the token. With it the widget uses that access and
   * sends no request for media. Without it, the widget requests its own with `issueMediaToken`
   * and the token. Either way, `available: false` shows a notice with the reason.
   */
  media?: WidgetMedia | null;
}

const PARTICIPANT_TOKEN = /^hlp_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function checkArguments(baseUrl: string, token: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(
      `baseUrl "${baseUrl}" is not an absolute URL; pass the API's address, such as https://api.example.com.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`baseUrl must be an http or https URL, got "${url.protocol}".`);
  }
  if (!PARTICIPANT_TOKEN.test(token)) {
    throw new TypeError(
      'token must be a participant token (hlp_…) from joinSession or POST /v1/sessions/:id/join.',
    );
  }

  return url.origin + url.pathname.replace(/\/+$/, '');
}

/**
 * Returns the URL of the API's embed page for one participant, for an iframe `src` or a link.
 * The token goes in the URL fragment (`#token=…`), which browsers never send to a server, so it
 * stays out of access logs and Referer headers. The widget on that page requests its media
 * access with the token. Raises TypeError for a base URL that is not http(s) or a token that is
 * not a participant token.
 */
export function widgetEmbedUrl(
  baseUrl: string,
  token: string,
  options: Pick<WidgetSnippetOptions, 'theme'> = {},
): string {
  const base = checkArguments(baseUrl, token);
  const fragment = new URLSearchParams({ token });
  if (options.theme === 'dark') {
    fragment.set('theme', 'dark');
  }

  return `${base}/embed#${fragment.toString()}`;
}

/**
 * Returns an HTML snippet that loads `/widget.js` from the API and mounts the classroom widget
 * for one participant. Insert it into the page served to that participant only, because it
 * contains their token, and their LiveKit token when `media` is given. Without `media`, the
 * widget requests its media access itself. Raises TypeError like `widgetEmbedUrl`.
 */
export function embedWidgetSnippet(
  baseUrl: string,
  token: string,
  options: WidgetSnippetOptions = {},
): string {
  const base = checkArguments(baseUrl, token);
  const elementId = options.elementId ?? 'hilink-classroom';
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(elementId)) {
    throw new TypeError(
      `elementId "${elementId}" must start with a letter and contain only letters, digits, _ and -.`,
    );
  }
  const mountOptions = JSON.stringify({
    token,
    apiUrl: base,
    theme: options.theme ?? 'light',
    ...(options.media ? { media: options.media } : {}),
  })
    // Keeps a `</script>` inside a string from ending the script element.
    .replace(/</g, '\\u003c');

  return [
    `<div id="${elementId}"></div>`,
    `<script src="${base}/widget.js"></script>`,
    `<script>HiLink.mount(document.getElementById(${JSON.stringify(elementId)}), ${mountOptions});</script>`,
  ].join('\n');
}
