/**
 * `@` autocomplete in the composer: find the word being typed after an `@`, and insert the
 * chosen member. Pure functions over the text and the caret position.
 */
export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  query: string;
}

export function mentionAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|[\s(])@([\p{L}\p{N}._-]{0,40})$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[2].length - 1, query: match[2] };
}

export interface Mentionable {
  userId: string;
  displayName: string;
  email: string;
}

/** Members whose name or email starts a word with the query, best first, at most `limit`. */
export function suggest<T extends Mentionable>(members: readonly T[], query: string, limit = 6): T[] {
  const q = fold(query);
  const scored = members
    .map((m) => {
      const name = fold(m.displayName);
      const score = name.startsWith(q)
        ? 0
        : name.split(/\s+/).some((w) => w.startsWith(q))
          ? 1
          : fold(m.email).startsWith(q)
            ? 2
            : -1;
      return { m, score };
    })
    .filter((x) => x.score >= 0)
    .sort((a, b) => a.score - b.score || a.m.displayName.localeCompare(b.m.displayName));
  return scored.slice(0, limit).map((x) => x.m);
}

/**
 * Replaces `@query` with the mention token the server resolves by id,
 * `@[Display Name](mention:<id>)`: unambiguous, needs no quoting for names with spaces, and
 * never writes the member's email into a message (readers see a chip with the name).
 */
export function insertMention(
  text: string,
  q: MentionQuery,
  caret: number,
  member: Mentionable,
): { text: string; caret: number } {
  const label = member.displayName.replace(/[[\]\n]/g, ' ').slice(0, 100);
  const token = `@[${label}](mention:${member.userId}) `;
  const next = text.slice(0, q.start) + token + text.slice(caret);
  return { text: next, caret: q.start + token.length };
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
