import { Param, ParseUUIDPipe } from '@nestjs/common';
import { InvalidInputError } from '../errors/domain-error.js';

/** A route parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new InvalidInputError([{ field: name, code: 'validation.isUuid' }]),
    }),
  );
