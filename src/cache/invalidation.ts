/**
 * What changed, as the caches need to hear it. Writers say what they changed; each cache
 * decides which of its entries that touches (see the `subscribe` calls).
 */
export type Invalidation =
  /** A session was revoked (logout). */
  | { kind: 'session'; sessionId: string }
  /** A person's profile, platform role, organisation or active flag changed. */
  | { kind: 'user'; userId: string }
  | { kind: 'organisation'; organisationId: string }
  /** A group was created or changed (name, slug, visibility…). */
  | { kind: 'group'; groupId: string }
  /** Someone was added to a group, changed role, or left it. */
  | { kind: 'membership'; groupId: string; userId: string }
  /** Anything may have changed (bulk writes, missed notifications). */
  | { kind: 'all' };

/** NOTIFY payloads must stay under 8000 bytes; past this a message says "all" instead. */
const MAX_PAYLOAD = 7000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CacheMessage {
  /** The process that sent it (it has already applied the invalidations itself). */
  origin: string;
  invalidations: Invalidation[];
}

export function encodeMessage(message: CacheMessage): string {
  const text = JSON.stringify({ o: message.origin, i: message.invalidations });
  return text.length <= MAX_PAYLOAD ? text : JSON.stringify({ o: message.origin, i: [{ kind: 'all' }] });
}

/** Parses a payload from another process; anything malformed counts as "all" (safe, just slower). */
export function decodeMessage(payload: string): CacheMessage {
  try {
    const parsed = JSON.parse(payload) as { o?: unknown; i?: unknown };
    const origin = typeof parsed.o === 'string' ? parsed.o : '';
    if (!Array.isArray(parsed.i)) return { origin, invalidations: [{ kind: 'all' }] };
    const invalidations = parsed.i.map(check);
    return {
      origin,
      invalidations: invalidations.includes(null) ? [{ kind: 'all' }] : (invalidations as Invalidation[]),
    };
  } catch {
    return { origin: '', invalidations: [{ kind: 'all' }] };
  }
}

function check(raw: unknown): Invalidation | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const id = (field: string): string | null =>
    typeof r[field] === 'string' && UUID.test(r[field] as string) ? (r[field] as string) : null;
  switch (r.kind) {
    case 'all':
      return { kind: 'all' };
    case 'session': {
      const sessionId = id('sessionId');
      return sessionId ? { kind: 'session', sessionId } : null;
    }
    case 'user': {
      const userId = id('userId');
      return userId ? { kind: 'user', userId } : null;
    }
    case 'organisation': {
      const organisationId = id('organisationId');
      return organisationId ? { kind: 'organisation', organisationId } : null;
    }
    case 'group': {
      const groupId = id('groupId');
      return groupId ? { kind: 'group', groupId } : null;
    }
    case 'membership': {
      const groupId = id('groupId');
      const userId = id('userId');
      return groupId && userId ? { kind: 'membership', groupId, userId } : null;
    }
    default:
      return null;
  }
}
