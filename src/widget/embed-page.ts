/** A participant token as `ParticipantTokenService.sign` writes it: `hlp_<payload>.<signature>`. */
export const PARTICIPANT_TOKEN_PATTERN = /^hlp_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Content Security Policy of the embed page. Scripts come only from this server, styles are
 * inline in the widget's shadow root, and connections may go to any HTTPS or WebSocket origin
 * because the LiveKit server URL comes from the join response.
 */
export const EMBED_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "connect-src 'self' https: wss: ws:",
  "media-src 'self' blob: mediastream:",
  "img-src 'self' data: blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const PAGE_STYLE = `
  html, body { margin: 0; min-height: 100%; background: #ffffff; color: #1a1a1a;
    font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 960px; margin: 0 auto; padding: 12px; }
  .hilink-page-error { border: 2px solid #b3261e; border-radius: 8px; padding: 16px; color: #5c0f0b;
    background: #fdecea; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * Builds the embed page. The participant token stays in the URL fragment (`#token=hlp_…`),
 * which the browser never sends to a server, so it does not reach access logs, proxies or
 * Referer headers. widget.js reads the fragment and shows a page-level error when the token is
 * missing or malformed.
 */
export function embedPage(): string {
  return page(
    'HiLink classroom',
    `<main id="hilink-embed" aria-label="HiLink classroom"></main>
<noscript><p class="hilink-page-error">The HiLink classroom needs JavaScript. Turn it on and reload the page.</p></noscript>
<script src="/widget.js" data-hilink-embed="hilink-embed"></script>`,
  );
}

/** Builds the page-level error shown instead of the classroom, with no stack trace. */
export function embedErrorPage(message: string): string {
  return page(
    'HiLink classroom: cannot open',
    `<main><div class="hilink-page-error" role="alert"><h1>The classroom cannot open</h1><p>${escapeHtml(message)}</p></div></main>`,
  );
}

/**
 * Returns the error message for a token sent in the query string, or undefined when there is
 * none. The token is rejected even when valid, because the query string is stored in server and
 * proxy logs and sent in Referer headers.
 */
export function queryTokenProblem(token: unknown): string | undefined {
  if (token === undefined) {
    return undefined;
  }
  const shape =
    typeof token === 'string' && PARTICIPANT_TOKEN_PATTERN.test(token)
      ? 'The participant token'
      : 'The token in the query string is not a participant token (hlp_…), and a token';

  return (
    `${shape} must not be sent in the query string, where server and proxy logs store it. ` +
    'Open /embed#token=<participant token> instead: the part after # stays in the browser. ' +
    'Issue a new token with POST /v1/sessions/:id/join, because this one may be logged.'
  );
}
