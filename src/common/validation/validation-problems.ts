import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { FieldProblem } from '../errors/domain-error.js';

/**
 * Flattens class-validator's error tree into one problem per field and constraint, with the field written
 * as a path a person can follow (`slots[1].endsAt`) and the constraint's own arguments (`min: 1`) as
 * message parameters. A missing field is reported once, as required.
 */
export function validationProblems(errors: ValidationError[], parentPath = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = fieldPath(parentPath, error.property);
    const constraints = Object.keys(error.constraints ?? {});
    // A field that is missing fails every rule it has; "required" is the one thing worth saying.
    if (constraints.length > 0 && error.value == null && !constraints.includes('whitelistValidation')) {
      return [{ field: path, code: 'validation.isDefined', params: {} }];
    }
    const own = constraints.map((constraint) => ({
      field: path,
      code: `validation.${constraint}`,
      params: constraintArguments(error, constraint),
    }));
    return [...own, ...validationProblems(error.children ?? [], path)];
  });
}

function fieldPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

function constraintArguments(error: ValidationError, constraint: string): Record<string, unknown> {
  const target = error.target?.constructor;
  if (!target) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name ?? m.type) === constraint);
  const args = (metadata?.constraints ?? []) as unknown[];
  return Object.fromEntries(
    args.map((value, i) => [String(i), Array.isArray(value) ? value.join(', ') : value]),
  );
}
