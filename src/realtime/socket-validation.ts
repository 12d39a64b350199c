import { invalid } from '../common/errors';
import { createValidationPipe } from '../common/validation';

/** A socket event's DTO class: what `handle()` validates the payload against. */
export type PayloadClass<D> = new () => D;

// The very pipe REST bodies go through (app-wide in http.ts): unknown fields refused, values
// transformed, every failure a `validation_failed` naming its field and reason.
const pipe = createValidationPipe();

/**
 * Validates one event payload against its DTO class and returns the DTO. A payload that is
 * not an object is refused first, as the JSON body parser refuses a body that is not one.
 */
export async function validatePayload<D extends object>(dto: PayloadClass<D>, payload: unknown): Promise<D> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw invalid('payload', 'must be an object');
  }
  const value: unknown = await pipe.transform(payload, { type: 'body', metatype: dto });
  // `transform: true` answers an instance of the class; anything else is a bug, not bad input.
  if (!(value instanceof dto)) throw new Error(`the validation pipe did not build a ${dto.name}`);
  return value;
}
