import { Transform } from 'class-transformer';

/** Trims string inputs before validation, so "  " counts as empty. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Rejects NUL and other control characters (tab and newlines allowed) in free text. */
export const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
/** Single-line text: no control characters at all. */
export const SINGLE_LINE = /^[^\u0000-\u001F\u007F]*$/;
