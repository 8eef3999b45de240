import { isURL } from 'class-validator';
import { CurriculumErrors } from './curricula.errors';
import { CURRICULUM_LIMITS as LIMITS } from './curriculum-limits';
import { CreateCurriculumInput } from './dto/curriculum.input';
import { ObjectiveInput } from './dto/objective.input';

type JsonObject = Record<string, unknown>;

const OPTIONAL_TEXT_FIELDS = [
  ['subject', LIMITS.subject],
  ['description', LIMITS.description],
  ['source', LIMITS.source],
  ['license', LIMITS.license],
  ['licenseNotice', LIMITS.licenseNotice],
] as const;

const OPTIONAL_ITEM_FIELDS = [
  ['description', LIMITS.objectiveDescription],
  ['grade', LIMITS.gradeLevel],
  ['domain', LIMITS.domain],
  ['domainCode', LIMITS.code],
  ['cluster', LIMITS.cluster],
  ['clusterCode', LIMITS.code],
  ['clusterEmphasis', LIMITS.clusterEmphasis],
] as const;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requiredText(object: JsonObject, key: string, field: string, max: number): string {
  const value = object[key];
  if (value === undefined || value === null) {
    throw CurriculumErrors.invalidDocument(field, 'is missing');
  }

  return text(value, field, max, 1);
}

function optionalText(
  object: JsonObject,
  key: string,
  field: string,
  max: number,
): string | undefined {
  const value = object[key];

  return value === undefined || value === null ? undefined : text(value, field, max, 0);
}

function text(value: unknown, field: string, max: number, min: number): string {
  if (typeof value !== 'string') {
    throw CurriculumErrors.invalidDocument(field, `must be a string, got ${describe(value)}`);
  }
  if (value.length < min || value.length > max) {
    throw CurriculumErrors.invalidDocument(
      field,
      `must be ${min} to ${max} characters long, got ${value.length}`,
    );
  }

  return value;
}

/** Names a JSON value's type with its article for error messages, such as "an object" or "a string". */
function describe(value: unknown): string {
  if (value === null || value === undefined) {
    return String(value);
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  const type = typeof value;

  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function optionalUrl(object: JsonObject, key: string): string | undefined {
  const value = optionalText(object, key, key, LIMITS.url);
  if (
    value !== undefined &&
    !isURL(value, { protocols: ['http', 'https'], require_protocol: true })
  ) {
    throw CurriculumErrors.invalidDocument(key, 'must be an http or https URL');
  }

  return value;
}

function parsePrerequisites(item: JsonObject, field: string): string[] | undefined {
  const value = item.prerequisites;
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    throw CurriculumErrors.invalidDocument(
      field,
      `must be an array of codes, got ${describe(value)}`,
    );
  }
  if (value.length > LIMITS.prerequisites) {
    throw CurriculumErrors.invalidDocument(
      field,
      `must have at most ${LIMITS.prerequisites} codes, got ${value.length}`,
    );
  }
  const codes = value.map((code, index) => text(code, `${field}[${index}]`, LIMITS.code, 1));

  return [...new Set(codes)];
}

function parseItem(value: unknown, index: number): ObjectiveInput {
  const field = `items[${index}]`;
  if (!isObject(value)) {
    throw CurriculumErrors.invalidDocument(field, `must be an object, got ${describe(value)}`);
  }
  const objective: ObjectiveInput = {
    code: requiredText(value, 'code', `${field}.code`, LIMITS.code),
    title: requiredText(value, 'title', `${field}.title`, LIMITS.title),
    parentCode: optionalText(value, 'parent', `${field}.parent`, LIMITS.code) || undefined,
    prerequisiteCodes: parsePrerequisites(value, `${field}.prerequisites`),
  };
  for (const [key, max] of OPTIONAL_ITEM_FIELDS) {
    objective[key] = optionalText(value, key, `${field}.${key}`, max);
  }

  return objective;
}

function parseItems(document: JsonObject): ObjectiveInput[] {
  const items = document.items;
  if (items === undefined || items === null) {
    throw CurriculumErrors.invalidDocument('items', 'is missing: send an array of objectives');
  }
  if (!Array.isArray(items)) {
    throw CurriculumErrors.invalidDocument(
      'items',
      `must be an array of objectives, got ${describe(items)}`,
    );
  }
  if (items.length === 0 || items.length > LIMITS.objectives) {
    throw CurriculumErrors.invalidDocument(
      'items',
      `must have 1 to ${LIMITS.objectives} objectives, got ${items.length}`,
    );
  }

  return items.map(parseItem);
}

/** Returns the distinct grades of the objectives in first-seen order. */
function gradeLevelsOf(objectives: ObjectiveInput[]): string[] {
  const grades = objectives
    .map((objective) => objective.grade)
    .filter((grade): grade is string => !!grade);

  return [...new Set(grades)].slice(0, LIMITS.gradeLevels);
}

/**
 * Converts a curriculum document (top-level name, source, license fields and `items`) into a
 * create input, checking types and sizes. Errors name the path, e.g. `items[12].code`. Fields
 * the document has beyond these, such as `notes`, are ignored.
 */
export function parseCurriculumDocument(document: unknown): CreateCurriculumInput {
  if (!isObject(document)) {
    throw CurriculumErrors.invalidDocument(
      'document',
      `must be a JSON object, got ${describe(document)}`,
    );
  }
  const objectives = parseItems(document);
  const input: CreateCurriculumInput = {
    name: requiredText(document, 'name', 'name', LIMITS.name),
    licenseUrl: optionalUrl(document, 'licenseUrl'),
    sourceUrl: optionalUrl(document, 'sourceUrl'),
    gradeLevels: gradeLevelsOf(objectives),
    objectives,
  };
  for (const [key, max] of OPTIONAL_TEXT_FIELDS) {
    input[key] = optionalText(document, key, key, max);
  }

  return input;
}

/** Parses a document passed as a JSON string, as GraphQL clients send it. */
export function parseCurriculumJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw CurriculumErrors.invalidDocument('document', `is not valid JSON (${reason})`);
  }
}
