import { badInput } from '../common/app-error';
import {
  ELEMENT_ID_PATTERN,
  ElementKind,
  MAX_COORDINATE,
  MAX_ELEMENT_BYTES,
  MAX_ELEMENT_ID_LENGTH,
  MAX_POINTS,
  MAX_PROPERTY_KEY_LENGTH,
  MAX_PROPERTY_KEYS,
  MAX_STYLE_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_URL_LENGTH,
} from './whiteboard-limits';

export type ElementProperties = Record<string, unknown>;

/** Properties each kind must have after an add or update. */
export const REQUIRED_PROPERTIES: Record<ElementKind, readonly string[]> = {
  stroke: ['points'],
  rectangle: ['x', 'y', 'width', 'height'],
  ellipse: ['x', 'y', 'width', 'height'],
  line: ['points'],
  arrow: ['points'],
  text: ['x', 'y', 'text'],
  sticky_note: ['x', 'y', 'text'],
  image: ['x', 'y', 'width', 'height', 'url'],
};

/** Minimum points of a stroke, line or arrow. */
const MIN_POINTS: Partial<Record<ElementKind, number>> = { stroke: 1, line: 2, arrow: 2 };

/** Coordinates and angles, which may be negative. */
const SIGNED_NUMBERS = new Set(['x', 'y', 'rotation']);
/** Sizes, which may not be negative. */
const SIZE_NUMBERS = new Set(['width', 'height', 'strokeWidth', 'fontSize']);
const STYLE_STRINGS = new Set(['color', 'fill', 'fontFamily', 'textAlign']);
const PROPERTY_KEY_PATTERN = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** Raises BAD_USER_INPUT unless `value` is a valid client element id. */
export function checkElementId(field: string, value: string): void {
  if (value.length < 1 || value.length > MAX_ELEMENT_ID_LENGTH || !ELEMENT_ID_PATTERN.test(value)) {
    throw badInput(
      field,
      `${field} "${value.slice(0, 120)}" is invalid: use 1 to ${MAX_ELEMENT_ID_LENGTH} characters of ` +
        'letters, digits and _ : . -, such as "shape:a1b2" or a nanoid.',
      'INVALID_ELEMENT_ID',
    );
  }
}

/** Merges an update's properties into the current ones: a key set to null is removed. */
export function mergeProperties(
  current: ElementProperties,
  patch: ElementProperties,
): ElementProperties {
  const merged: ElementProperties = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete merged[key];
    } else {
      merged[key] = value;
    }
  }

  return merged;
}

/**
 * Checks an element's complete properties against the rules of its kind and returns their
 * size in bytes of JSON. `field` is the path of the properties in the request.
 */
export function checkProperties(
  field: string,
  kind: ElementKind,
  properties: ElementProperties,
): number {
  const keys = Object.keys(properties);
  if (keys.length > MAX_PROPERTY_KEYS) {
    throw badInput(
      field,
      `${field} has ${keys.length} keys; an element has at most ${MAX_PROPERTY_KEYS}. Move extra data into fewer keys.`,
      'TOO_MANY_PROPERTIES',
    );
  }
  for (const key of keys) {
    if (key.length > MAX_PROPERTY_KEY_LENGTH || !PROPERTY_KEY_PATTERN.test(key)) {
      throw badInput(
        field,
        `${field} has the invalid key "${key.slice(0, 80)}": keys are 1 to ${MAX_PROPERTY_KEY_LENGTH} letters, digits, _, $ or -, not starting with a digit.`,
        'INVALID_PROPERTY_KEY',
      );
    }
    checkKnownProperty(`${field}.${key}`, key, properties[key], kind);
  }
  const missing = REQUIRED_PROPERTIES[kind].filter((key) => properties[key] === undefined);
  if (missing.length > 0) {
    throw badInput(
      `${field}.${missing[0]}`,
      `${field} of a ${kind} must have ${REQUIRED_PROPERTIES[kind].join(', ')}; missing: ${missing.join(', ')}.`,
      'MISSING_PROPERTY',
    );
  }
  const bytes = Buffer.byteLength(JSON.stringify(properties), 'utf8');
  if (bytes > MAX_ELEMENT_BYTES) {
    throw badInput(
      field,
      `${field} is ${bytes} bytes as JSON; an element has at most ${MAX_ELEMENT_BYTES} bytes. Split the element or simplify it.`,
      'ELEMENT_TOO_LARGE',
    );
  }

  return bytes;
}

function checkKnownProperty(field: string, key: string, value: unknown, kind: ElementKind): void {
  if (SIGNED_NUMBERS.has(key)) {
    checkNumber(field, value, -MAX_COORDINATE, MAX_COORDINATE);
  } else if (SIZE_NUMBERS.has(key)) {
    checkNumber(field, value, 0, MAX_COORDINATE);
  } else if (key === 'opacity') {
    checkNumber(field, value, 0, 1);
  } else if (STYLE_STRINGS.has(key)) {
    checkString(field, value, MAX_STYLE_LENGTH);
  } else if (key === 'text') {
    checkString(field, value, MAX_TEXT_LENGTH);
  } else if (key === 'url') {
    checkUrl(field, value);
  } else if (key === 'points') {
    checkPoints(field, value, MIN_POINTS[kind] ?? 1);
  }
}

function checkNumber(field: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw badInput(
      field,
      `${field} must be a number from ${min} to ${max}, got ${JSON.stringify(value)?.slice(0, 40)}.`,
      'INVALID_PROPERTY',
    );
  }
}

function checkString(field: string, value: unknown, maxLength: number): void {
  if (typeof value !== 'string' || value.length > maxLength) {
    throw badInput(
      field,
      typeof value === 'string'
        ? `${field} has ${value.length} characters; the maximum is ${maxLength}.`
        : `${field} must be a string of at most ${maxLength} characters.`,
      'INVALID_PROPERTY',
    );
  }
}

function checkUrl(field: string, value: unknown): void {
  checkString(field, value, MAX_URL_LENGTH);
  let protocol = '';
  try {
    protocol = new URL(value as string).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw badInput(
      field,
      `${field} must be an absolute http or https URL, such as "https://example.org/diagram.png".`,
      'INVALID_PROPERTY',
    );
  }
}

/** Points are [x, y] or [x, y, pressure] arrays of finite numbers. */
function checkPoints(field: string, value: unknown, minPoints: number): void {
  if (!Array.isArray(value) || value.length < minPoints || value.length > MAX_POINTS) {
    const count = Array.isArray(value) ? `${value.length} points` : JSON.stringify(typeof value);
    throw badInput(
      field,
      `${field} must be a list of ${minPoints} to ${MAX_POINTS} points, got ${count}. Split a longer stroke into several.`,
      Array.isArray(value) && value.length > MAX_POINTS ? 'TOO_MANY_POINTS' : 'INVALID_PROPERTY',
    );
  }
  value.forEach((point: unknown, index) => {
    const valid =
      Array.isArray(point) &&
      (point.length === 2 || point.length === 3) &&
      point.every(
        (coordinate) =>
          typeof coordinate === 'number' &&
          Number.isFinite(coordinate) &&
          Math.abs(coordinate) <= MAX_COORDINATE,
      );
    if (!valid) {
      throw badInput(
        `${field}.${index}`,
        `${field}.${index} must be [x, y] or [x, y, pressure] with numbers from -${MAX_COORDINATE} to ${MAX_COORDINATE}.`,
        'INVALID_PROPERTY',
      );
    }
  });
}
