/** A query string says "true" or "false"; anything else stays as it came, for the validator to name. */
export const asBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
