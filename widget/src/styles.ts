/** Theme variables the `theme` option and partner CSS may set, with their light defaults. */
export const THEME_VARIABLES = {
  '--hilink-font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  '--hilink-font-size': '16px',
  '--hilink-background': '#ffffff',
  '--hilink-surface': '#f4f6f8',
  '--hilink-text': '#1a1a1a',
  '--hilink-muted-text': '#4a4f55',
  '--hilink-border': '#767b82',
  '--hilink-accent': '#0b57d0',
  '--hilink-accent-text': '#ffffff',
  '--hilink-focus': '#b35c00',
  '--hilink-error': '#b3261e',
  '--hilink-success': '#146c2e',
  '--hilink-radius': '8px',
} as const;

export type ThemeVariable = keyof typeof THEME_VARIABLES;

/**
 * The built-in dark theme. Every text and accent pair keeps at least the WCAG AA contrast of
 * 4.5:1 against its background, as the light defaults do.
 */
export const DARK_THEME: Partial<Record<ThemeVariable, string>> = {
  '--hilink-background': '#121417',
  '--hilink-surface': '#1e2227',
  '--hilink-text': '#f1f3f5',
  '--hilink-muted-text': '#c2c7cd',
  '--hilink-border': '#8b929a',
  '--hilink-accent': '#8ab4f8',
  '--hilink-accent-text': '#0b1a33',
  '--hilink-focus': '#ffb86b',
  '--hilink-error': '#ffb4ab',
  '--hilink-success': '#7dd99a',
};

function defaults(): string {
  return Object.entries(THEME_VARIABLES)
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ');
}

/**
 * The widget's styles, inside its shadow root so partner CSS does not reach them. Inherited
 * custom properties still cross the shadow boundary, so a partner sets `--hilink-*` on the host.
 */
export const WIDGET_CSS = `
:host { all: initial; display: block; ${defaults()} }
.root { font-family: var(--hilink-font-family); font-size: var(--hilink-font-size); line-height: 1.5;
  color: var(--hilink-text); background: var(--hilink-background); padding: 12px; box-sizing: border-box;
  display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 300px), 1fr)); }
.root *, .root *::before, .root *::after { box-sizing: border-box; }
header { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: baseline; }
h1 { font-size: 1.25em; margin: 0; }
h2 { font-size: 1.05em; margin: 0 0 8px; }
p { margin: 0 0 8px; }
.phase { color: var(--hilink-muted-text); margin: 0; }
.panel { background: var(--hilink-surface); border: 1px solid var(--hilink-border); border-radius: var(--hilink-radius);
  padding: 12px; min-width: 0; }
.panel.board, .panel.media { grid-column: 1 / -1; }
.muted { color: var(--hilink-muted-text); }
.error { color: var(--hilink-error); font-weight: 600; }
.success { color: var(--hilink-success); font-weight: 600; }
button { font: inherit; min-height: 44px; min-width: 44px; padding: 8px 14px; border-radius: var(--hilink-radius);
  border: 2px solid var(--hilink-accent); background: var(--hilink-accent); color: var(--hilink-accent-text); cursor: pointer; }
button.secondary { background: var(--hilink-background); color: var(--hilink-text); border-color: var(--hilink-border); }
button[aria-pressed="true"] { background: var(--hilink-success); border-color: var(--hilink-success); color: #ffffff; }
button:disabled { opacity: 0.6; cursor: not-allowed; }
input[type="text"], input[type="number"], textarea { font: inherit; width: 100%; min-height: 44px; padding: 8px;
  border: 1px solid var(--hilink-border); border-radius: var(--hilink-radius); background: var(--hilink-background);
  color: var(--hilink-text); }
fieldset { border: 0; margin: 0 0 8px; padding: 0; min-width: 0; }
legend { font-weight: 600; margin-bottom: 6px; padding: 0; }
label.choice { display: flex; gap: 8px; align-items: center; min-height: 44px; }
input[type="radio"], input[type="checkbox"] { width: 20px; height: 20px; accent-color: var(--hilink-accent); }
:focus-visible { outline: 3px solid var(--hilink-focus); outline-offset: 2px; }
.row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
.row > input { flex: 1 1 160px; width: auto; }
.chat-log { list-style: none; margin: 0 0 8px; padding: 0; max-height: 240px; overflow-y: auto; }
.chat-log li { padding: 4px 0; border-bottom: 1px solid var(--hilink-border); overflow-wrap: anywhere; }
.chat-log .sender { font-weight: 600; }
canvas { display: block; width: 100%; height: auto; aspect-ratio: 16 / 9; background: #ffffff;
  border: 1px solid var(--hilink-border); border-radius: var(--hilink-radius); touch-action: none; }
.videos { display: grid; gap: 8px; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); }
.videos video { width: 100%; border-radius: var(--hilink-radius); background: #000000; }
.results { list-style: none; padding: 0; margin: 0; }
.results li { display: flex; justify-content: space-between; gap: 8px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
