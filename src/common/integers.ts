import { Transform } from 'class-transformer';
import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { IntegerBounds } from './limits';

/**
 * The one integer rule: a whole number within named bounds (see INTEGER_BOUNDS). In a path or
 * query string it is digits only (no sign, exponent, fraction or spaces); in a JSON body it is
 * a number. Anything else is a 400 naming the parameter and the bounds. No Nest imports, so
 * the socket payload checks and unit specs use it directly (route parameters: params.ts).
 */
const DIGITS = /^\d+$/;
/** More digits than this cannot be within any bound we use (2^53 has 16). */
const MAX_DIGITS = 16;

export const integerReason = (b: IntegerBounds): string =>
  `must be a whole number from ${b.min.toLocaleString('en')} to ${b.max.toLocaleString('en')}`;

/** A number within bounds, or null. */
export function boundedInteger(value: unknown, b: IntegerBounds): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= b.min && value <= b.max ? value : null;
}

/** Text as sent in a path or query string → the integer, or null when it is not one within bounds. */
export function parseIntegerText(text: string, b: IntegerBounds): number | null {
  if (!DIGITS.test(text) || text.length > MAX_DIGITS) return null;
  return boundedInteger(Number(text), b);
}

function integerRule(b: IntegerBounds, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'boundedInteger',
      constraints: [b.min, b.max],
      validator: {
        validate: (value: unknown) => boundedInteger(value, b) !== null,
        defaultMessage: (_args?: ValidationArguments) => `$property ${integerReason(b)}`,
      },
    },
    options,
  );
}

/** An integer in a JSON body: a JSON number, never a string. */
export const BodyInteger = (b: IntegerBounds, options?: ValidationOptions): PropertyDecorator =>
  integerRule(b, options);

/** An integer in a query string: digits only, turned into a number before the bounds are checked. */
export const QueryInteger =
  (b: IntegerBounds): PropertyDecorator =>
  (target, key) => {
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && DIGITS.test(value) && value.length <= MAX_DIGITS ? Number(value) : value,
    )(target, key);
    integerRule(b)(target, key);
  };
