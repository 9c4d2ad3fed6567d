import { HttpStatus } from '@nestjs/common';

/** One problem with one input field, as the error body lists it. */
export interface FieldProblem {
  field: string;
  /** Message catalogue key, e.g. `validation.isInt`. */
  code: string;
  params?: Record<string, unknown>;
}

/**
 * Base of every error a module throws on purpose. The global filter turns it into the one error body;
 * `code` names the message in the catalogues (src/common/i18n), so the text is never built here.
 */
export abstract class DomainError extends Error {
  abstract readonly status: HttpStatus;

  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldProblem[] = [],
  ) {
    super(code);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly status = HttpStatus.NOT_FOUND;

  constructor(entity: string, id: string) {
    super('errors.notFound', { entity, id });
  }
}

export class InvalidInputError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;

  constructor(fields: FieldProblem[]) {
    super('errors.invalidInput', {}, fields);
  }
}

/** A request that is well-formed but clashes with the current state of things. */
export class ConflictError extends DomainError {
  readonly status = HttpStatus.CONFLICT;
}

export class ForbiddenError extends DomainError {
  readonly status = HttpStatus.FORBIDDEN;
}

export class UnauthenticatedError extends DomainError {
  readonly status = HttpStatus.UNAUTHORIZED;

  constructor(code = 'errors.unauthenticated') {
    super(code);
  }
}
