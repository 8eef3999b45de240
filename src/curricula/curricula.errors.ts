import { AppError, ErrorCode } from '../common/app-error';
import { CURRICULUM_LIMITS } from './curriculum-limits';

/** How many codes an error message lists before it abbreviates. */
const LISTED_CODES = 20;

function listCodes(codes: string[]): string {
  const shown = codes
    .slice(0, LISTED_CODES)
    .map((code) => `"${code}"`)
    .join(', ');

  return codes.length > LISTED_CODES ? `${shown} and ${codes.length - LISTED_CODES} more` : shown;
}

export const CurriculumErrors = {
  duplicateCode: (field: string, code: string, firstField: string) =>
    new AppError(
      ErrorCode.BadUserInput,
      `${field} "${code}" duplicates ${firstField}: objective codes must be unique within a curriculum.`,
      { reason: 'OBJECTIVE_DUPLICATE_CODE', field },
    ),
  codeExists: (field: string, code: string) =>
    new AppError(
      ErrorCode.Conflict,
      `${field} "${code}" already exists in this curriculum: objective codes must be unique within a curriculum.`,
      { reason: 'OBJECTIVE_CODE_EXISTS', field },
    ),
  unknownParent: (field: string, code: string) =>
    new AppError(
      ErrorCode.BadUserInput,
      `${field} "${code}" is not the code of any objective in this curriculum. Use an existing code or leave it out.`,
      { reason: 'OBJECTIVE_UNKNOWN_PARENT', field },
    ),
  tooManyObjectives: (field: string, existing: number, added: number) =>
    new AppError(
      ErrorCode.BadUserInput,
      `${field} would bring the curriculum to ${existing + added} objectives; the maximum is ${CURRICULUM_LIMITS.objectives}.`,
      { reason: 'CURRICULUM_TOO_MANY_OBJECTIVES', field },
    ),
  unknownCodes: (field: string, curriculumId: string, codes: string[]) =>
    new AppError(
      ErrorCode.NotFound,
      `${field} contains ${codes.length} code(s) that are not objectives of curriculum "${curriculumId}": ${listCodes(codes)}.`,
      { reason: 'OBJECTIVE_NOT_FOUND', field, details: { unknownCodes: codes } },
    ),
  invalidDocument: (field: string, message: string) =>
    new AppError(ErrorCode.BadUserInput, `Invalid curriculum document: ${field} ${message}.`, {
      reason: 'INVALID_CURRICULUM_DOCUMENT',
      field,
    }),
};
