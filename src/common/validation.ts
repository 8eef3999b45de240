import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { AppError, ErrorCode, FieldProblem } from './app-error';
import { cacheValidationMetadata } from './validation-metadata-cache';

/**
 * Constraints that check a value's type. When one of them fails, the range and length checks
 * of the same field say nothing useful (`capacity must not be greater than 500` for "4"), so
 * only the type failure is reported.
 */
const TYPE_CONSTRAINTS = new Set([
  'isArray',
  'isBoolean',
  'isDateString',
  'isEnum',
  'isIn',
  'isInt',
  'isIso8601',
  'isNumber',
  'isObject',
  'isString',
  'isUuid',
]);

/** Returns the fields that an input class declares, for the message about an unknown one. */
function acceptedFields(target: object | undefined): string[] {
  if (target === undefined) {
    return [];
  }
  const metadata = getMetadataStorage().getTargetValidationMetadatas(
    target.constructor,
    '',
    true,
    false,
  );

  return [...new Set(metadata.map((entry) => entry.propertyName))];
}

function fieldMessages(error: ValidationError): string[] {
  const constraints = Object.entries(error.constraints ?? {});
  if (constraints.length === 0) {
    return [];
  }
  if (constraints.some(([name]) => name === 'whitelistValidation')) {
    const accepted = acceptedFields(error.target);

    return [
      accepted.length > 0
        ? `${error.property} is not an accepted field: remove it (accepted: ${accepted.join(', ')})`
        : `${error.property} is not an accepted field: remove it`,
    ];
  }
  if (error.value === undefined || error.value === null) {
    return [`${error.property} is required`];
  }
  const typeFailures = constraints.filter(([name]) => TYPE_CONSTRAINTS.has(name));

  return (typeFailures.length > 0 ? typeFailures : constraints).map(([, message]) => message);
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = fieldMessages(error).map((message) => ({
      field,
      message: message.replace(error.property, field),
    }));

    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Converts class-validator failures into one BAD_USER_INPUT error listing every field. */
export function validationErrorToAppError(errors: ValidationError[]): AppError {
  if (Array.isArray(errors[0]?.target)) {
    return new AppError(
      ErrorCode.BadUserInput,
      'The body is a JSON array: send one JSON object with the fields of this request.',
      { reason: 'BODY_NOT_OBJECT', field: 'body' },
    );
  }
  const problems = flatten(errors);
  const first = problems[0];
  const message =
    problems.length === 1 && first
      ? `Invalid input: ${first.message}.`
      : `Invalid input in ${problems.length} fields: ${problems.map((p) => p.message).join('; ')}.`;

  return new AppError(ErrorCode.BadUserInput, message, {
    reason: 'VALIDATION_FAILED',
    field: first?.field,
    problems,
  });
}

export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();

  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // Values are kept on the errors to tell a missing field from a wrong one, and targets to
    // list the accepted fields; neither is echoed.
    validationError: { target: true, value: true },
    exceptionFactory: validationErrorToAppError,
  });
}
