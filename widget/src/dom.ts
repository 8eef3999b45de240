type Attributes = Record<string, string | boolean | number | undefined | null>;

/** Creates an element with attributes (false and null leave one out) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }

  return element;
}

let idCounter = 0;

/** Returns an id unique within the page, for label and aria references inside the shadow root. */
export function uniqueId(prefix: string): string {
  idCounter += 1;

  return `hilink-${prefix}-${idCounter}`;
}

/** Creates a titled panel; the heading labels the region for screen reader navigation. */
export function panel(
  title: string,
  className: string,
): { section: HTMLElement; body: HTMLElement } {
  const headingId = uniqueId('heading');
  const body = h('div', { class: 'panel-body' });
  const section = h(
    'section',
    { class: `panel ${className}`, 'aria-labelledby': headingId },
    h('h2', { id: headingId }, title),
    body,
  );

  return { section, body };
}
