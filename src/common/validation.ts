import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, ErrorCode, FieldProblem } from './app-error';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(error.property, field),
    }));

    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Converts class-validator failures into one BAD_USER_INPUT error listing every field. */
export function validationErrorToAppError(errors: ValidationError[]): AppError {
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
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: validationErrorToAppError,
  });
}
