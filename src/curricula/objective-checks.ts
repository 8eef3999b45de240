import { CurriculumErrors } from './curricula.errors';
import { ObjectiveInput } from './dto/objective.input';
import { ImportWarning } from './dto/curriculum-output';

/** Field names of an objective list in the caller's input, used in error paths. */
export interface ObjectiveFieldNames {
  list: string;
  parent: string;
  prerequisites: string;
}

export const INPUT_FIELD_NAMES: ObjectiveFieldNames = {
  list: 'objectives',
  parent: 'parentCode',
  prerequisites: 'prerequisiteCodes',
};

export const DOCUMENT_FIELD_NAMES: ObjectiveFieldNames = {
  list: 'items',
  parent: 'parent',
  prerequisites: 'prerequisites',
};

/**
 * Checks new objectives against each other and the curriculum's existing codes: codes must be
 * unique and a parent code must name an objective of the curriculum. Prerequisite codes may
 * point outside the curriculum (a grade 6 standard builds on grade 5 ones), so they are kept and
 * returned as warnings instead of failing.
 */
export function checkObjectives(
  objectives: ObjectiveInput[],
  existingCodes: Set<string>,
  names: ObjectiveFieldNames,
): ImportWarning[] {
  const firstIndex = new Map<string, number>();
  objectives.forEach((objective, index) => {
    const field = `${names.list}[${index}].code`;
    const earlier = firstIndex.get(objective.code);
    if (earlier !== undefined) {
      throw CurriculumErrors.duplicateCode(field, objective.code, `${names.list}[${earlier}].code`);
    }
    if (existingCodes.has(objective.code)) {
      throw CurriculumErrors.codeExists(field, objective.code);
    }
    firstIndex.set(objective.code, index);
  });
  const known = (code: string) => firstIndex.has(code) || existingCodes.has(code);
  objectives.forEach((objective, index) => {
    if (objective.parentCode !== undefined && !known(objective.parentCode)) {
      throw CurriculumErrors.unknownParent(
        `${names.list}[${index}].${names.parent}`,
        objective.parentCode,
      );
    }
  });

  return objectives.flatMap((objective, index) =>
    (objective.prerequisiteCodes ?? [])
      .map((code, position) => ({ code, position }))
      .filter(({ code }) => !known(code))
      .map(({ code, position }) => ({
        field: `${names.list}[${index}].${names.prerequisites}[${position}]`,
        reason: 'UNRESOLVED_PREREQUISITE',
        message: `Prerequisite "${code}" of "${objective.code}" is not in this curriculum; so it is kept as an unresolved code.`,
      })),
  );
}
