import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
// The one place IsOptional is used: its null-skipping is exactly what Nullable means.
// eslint-disable-next-line no-restricted-imports
import { IsOptional, IsUUID, ValidateBy, ValidateIf } from 'class-validator';

/** Trims string inputs before validation, so "  " counts as empty. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * A field that may be left out, but not sent as null. (class-validator's IsOptional skips
 * null too, and a null then reached the database as a not-null violation: a 500.)
 */
export const Optional = (): PropertyDecorator =>
  applyDecorators(
    ValidateIf((_: object, value: unknown) => value !== undefined),
    ValidateBy({
      name: 'notNull',
      validator: { validate: (value: unknown) => value !== null, defaultMessage: () => '$property must not be null' },
    }),
  );

/** A field that may be left out or sent as null, where null means "clear it" (describe it `nullable: true`). */
export const Nullable = (): PropertyDecorator => IsOptional();

/** Trims every string of an array input, so "  " counts as empty and is refused. */
export const TrimEach = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value,
  );

/** A query-string boolean: exactly `true` or `false` (anything else stays text, and IsBoolean refuses it). */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/**
 * An id field: any UUID, lower-cased, so that ids spelt in capitals name the same socket.io
 * room (room names are compared as strings; Postgres compares uuids either way).
 */
export const UuidField = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value)),
    IsUUID('all', { message: '$property must be a UUID' }),
  );

/** Text that is more than whitespace, kept as sent (markdown cares about trailing spaces). Judges strings only. */
export const NotBlank = (): PropertyDecorator =>
  ValidateBy({
    name: 'notBlank',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || value.trim().length > 0,
      defaultMessage: () => '$property must not be empty',
    },
  });
