import { h } from './dom';
import { ClassroomWidget, MountOptions, TOKEN_PATTERN, WidgetHandle } from './widget';

const scriptElement = document.currentScript as HTMLScriptElement | null;

/** The default API URL: the address this script was loaded from, without `/widget.js`. */
const scriptBaseUrl = scriptElement?.src
  ? scriptElement.src.replace(/\/widget\.js(?:[?#].*)?$/, '')
  : window.location.origin;

function tokenProblem(token: unknown): string | undefined {
  if (typeof token !== 'string' || token === '') {
    return 'The participant token is missing. Pass the participantToken (hlp_…) from POST /v1/sessions/:id/join.';
  }
  if (!TOKEN_PATTERN.test(token)) {
    return 'The participant token is malformed: it must look like hlp_<payload>.<signature>, as POST /v1/sessions/:id/join returns it.';
  }

  return undefined;
}

function errorBox(message: string): HTMLElement {
  return h(
    'div',
    {
      role: 'alert',
      style:
        'border:2px solid #b3261e;border-radius:8px;padding:16px;color:#5c0f0b;background:#fdecea;font:16px/1.5 system-ui,sans-serif',
    },
    h('strong', {}, 'The classroom cannot open. '),
    message,
  );
}

/**
 * Mounts the classroom widget for one participant into `element` and returns a handle whose
 * `unmount()` closes it. A missing or malformed token shows an error in the element and raises.
 */
export function mount(element: HTMLElement, options: MountOptions): WidgetHandle {
  if (!(element instanceof HTMLElement)) {
    throw new TypeError('HiLink.mount needs an HTML element as its first argument.');
  }
  const problem = tokenProblem(options?.token);
  if (problem) {
    element.replaceChildren(errorBox(problem));
    throw new Error(problem);
  }
  const widget = new ClassroomWidget(element, {
    ...options,
    apiUrl: options.apiUrl ?? scriptBaseUrl,
  });
  void widget.start();

  return widget;
}

/**
 * Boots the /embed page: the token and options come from the URL fragment
 * (`#token=hlp_…&theme=dark`), which the browser never sends to a server.
 */
function bootEmbedPage(containerId: string): void {
  const container = document.getElementById(containerId);
  if (!container) {
    return;
  }
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get('token') ?? '';
  const theme = fragment.get('theme') === 'dark' ? 'dark' : 'light';
  const problem = tokenProblem(token);
  if (problem) {
    container.replaceChildren(
      errorBox(`${problem} Open this page as /embed#token=<participant token>.`),
    );

    return;
  }
  // The token has been read; remove it from the address bar so it is not copied or bookmarked.
  history.replaceState(null, '', window.location.pathname);
  mount(container, { token, theme, apiUrl: window.location.origin });
}

const embedTarget = scriptElement?.dataset.hilinkEmbed;
if (embedTarget) {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => bootEmbedPage(embedTarget));
  } else {
    bootEmbedPage(embedTarget);
  }
}
