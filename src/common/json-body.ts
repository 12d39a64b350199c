import secureJsonParse from 'secure-json-parse';
import { AppError } from './errors';
import { LIMITS } from './limits';

/**
 * Nesting limits for JSON, checked before anything recursive touches the value (class-
 * transformer, class-validator and JSON.stringify all recurse, and overflow the stack on a
 * body nested a few thousand levels deep). Pure, iterative, linear in the input.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/** True when JSON text nests objects/arrays deeper than `max`; strings are skipped whole. */
export function jsonTextTooDeep(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Jump to the closing quote: one not preceded by an odd number of backslashes.
      let end = text.indexOf('"', i + 1);
      while (end !== -1) {
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end === -1) return false; // unterminated: the parser reports malformed JSON
      i = end;
    } else if (OPENERS.has(c)) {
      if (++depth > max) return true;
    } else if (CLOSERS.has(c)) {
      depth--;
    }
  }
  return false;
}

/** True when a parsed value (a socket payload) nests deeper than `max`. Iterative, so it cannot overflow. */
export function valueTooDeep(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

export const tooDeep = (field: string): AppError =>
  new AppError('validation_failed', `${field}: nested deeper than ${LIMITS.jsonDepth} levels`, [
    { field, reason: `must not nest objects and arrays deeper than ${LIMITS.jsonDepth} levels` },
  ]);

const malformed = (): AppError =>
  new AppError('validation_failed', 'The body is not valid JSON', [{ field: 'body', reason: 'malformed JSON' }]);

/**
 * The JSON body parser for every route (it replaces Fastify's): the depth limit first, then
 * secure-json-parse with the same prototype-poisoning protection Fastify's default applies
 * (`__proto__` and `constructor.prototype` keys are refused).
 */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0) {
    throw new AppError('validation_failed', 'The JSON body is empty', [{ field: 'body', reason: 'empty' }]);
  }
  if (jsonTextTooDeep(text, LIMITS.jsonDepth)) throw tooDeep('body');
  let body: unknown;
  try {
    body = secureJsonParse(text, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    throw malformed();
  }
  // Every body the API takes is an object; `null` or `"text"` would reach the DTO pipe as no body at all.
  if (typeof body !== 'object' || body === null) {
    throw new AppError('validation_failed', 'The body must be a JSON object', [
      { field: 'body', reason: 'must be a JSON object' },
    ]);
  }
  return body;
}
