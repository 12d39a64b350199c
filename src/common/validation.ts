import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, ErrorDetail } from './errors';

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    // A null refused by any rule is refused for being null (see Optional in dto.ts): say so, once.
    const own =
      e.value === null && e.constraints && !e.constraints.whitelistValidation
        ? [{ field, reason: `${e.property} must not be null` }]
        : Object.values(e.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Global DTO validation: unknown fields are refused and every failure names its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    // `value` is read by flatten() only (to spot nulls); error bodies never echo values.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const message = details.map((d) => `${d.field}: ${d.reason}`).join('; ') || 'Invalid input';
      return new AppError('validation_failed', message, details);
    },
  });
}
