import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * The one rule for free text anywhere in the API (names, titles, topics, descriptions, tags,
 * search terms, message bodies): valid Unicode, no NUL, no control characters (multi-line text
 * may hold tab and newlines). Pure, so services, the socket gateway and DTOs share it.
 */

/**
 * A UTF-16 surrogate half without its partner: not text. Postgres cannot store it, and the
 * driver would silently turn it into U+FFFD, so it is refused rather than altered.
 */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F]/;

/** Why `text` is not acceptable text, or null when it is. */
export function textProblem(text: string, multiline: boolean): string | null {
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it contains a lone surrogate)';
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (multiline ? CONTROL_MULTILINE.test(text) : CONTROL_SINGLE_LINE.test(text)) {
    return multiline
      ? 'must not contain control characters other than tab and newline'
      : 'must not contain control characters';
  }
  return null;
}

function textDecorator(name: string, multiline: boolean, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        // Type checks belong to IsString; this rule only judges strings.
        validate: (value: unknown) => typeof value !== 'string' || textProblem(value, multiline) === null,
        defaultMessage: (args?: ValidationArguments) => {
          const values: unknown[] = Array.isArray(args?.value) ? args.value : [args?.value];
          const reason = values
            .map((v) => (typeof v === 'string' ? textProblem(v, multiline) : null))
            .find((r) => r !== null);
          return `$property ${reason ?? 'must be plain text'}`;
        },
      },
    },
    options,
  );
}

/** Single-line text (names, titles, topics, tags, search terms). */
export const SingleLineText = (options?: ValidationOptions): PropertyDecorator =>
  textDecorator('singleLineText', false, options);

/** Multi-line text (descriptions, markdown): tab and newlines allowed. */
export const MultiLineText = (options?: ValidationOptions): PropertyDecorator =>
  textDecorator('multiLineText', true, options);
