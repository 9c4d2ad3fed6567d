import { ValidationPipe } from '@nestjs/common';
import { InvalidInputError } from '../errors/domain-error.js';
import { validationProblems } from './validation-problems.js';

/** Every body and query is validated the same way: unknown fields rejected, types converted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // validationProblems() reads constraint arguments (the 1 of @Min(1)) through the target, and tells a
    // missing field by its value. Neither is sent back to the caller.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => new InvalidInputError(validationProblems(errors)),
  });
}
