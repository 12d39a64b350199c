import { invalid } from '../common/errors';
import { boundedInteger, integerReason } from '../common/integers';
import { INTEGER_BOUNDS } from '../common/limits';

/**
 * Validation of socket event payloads (socket.io has no DTO pipe). Each failure is a
 * `validation_failed` naming the field, like the REST API.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Fields = Record<string, unknown>;

export function object(payload: unknown, allowed: readonly string[]): Fields {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw invalid('payload', 'must be an object');
  }
  const unknown = Object.keys(payload).filter((k) => !allowed.includes(k));
  if (unknown.length) throw invalid(unknown[0], 'is not an accepted field');
  return payload as Fields;
}

export function uuid(p: Fields, name: string): string {
  const v = p[name];
  if (typeof v !== 'string' || !UUID.test(v)) throw invalid(name, 'must be a UUID');
  return v.toLowerCase();
}

export function optionalUuid(p: Fields, name: string): string | null {
  return p[name] === undefined || p[name] === null ? null : uuid(p, name);
}

export function seq(p: Fields, name: string): number {
  const v = boundedInteger(p[name], INTEGER_BOUNDS.seq);
  if (v === null) throw invalid(name, integerReason(INTEGER_BOUNDS.seq));
  return v;
}

export function optionalSeq(p: Fields, name: string): number | null {
  return p[name] === undefined || p[name] === null ? null : seq(p, name);
}

export function bool(p: Fields, name: string): boolean {
  if (typeof p[name] !== 'boolean') throw invalid(name, 'must be true or false');
  return p[name];
}
