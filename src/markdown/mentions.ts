import type MarkdownIt from 'markdown-it';

/**
 * Who each mention token of a source names: user id → display name, worked out by the caller
 * (the group's members) before rendering. A plain Map, so it crosses to a render worker as is.
 */
export type MentionTargets = ReadonlyMap<string, string>;

/**
 * The token the composer inserts for a mention: `@[Display Name](mention:<user id>)`. The server
 * resolves it by id, so display names need no quoting and no email is ever written. The label is
 * only a fallback: a chip shows the member's current name.
 */
export const MENTION_TOKEN =
  /@\[([^[\]\n]{1,100})\]\(mention:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/g;

/** The longest a token can be: the rule looks no further ahead, so `@[` repeated stays linear. */
const MAX_TOKEN = 2 + 100 + 2 + 'mention:'.length + 36 + 1;
const AT = 0x40; // @
const OPEN = 0x5b; // [

/**
 * Inline rule for mention tokens: a `span.mention` with the member's id and name when
 * `env.mentions` knows the id, else the label as plain text (`@Name`, no chip).
 */
export function mentions(md: MarkdownIt.MarkdownIt): void {
  const one = new RegExp(`^${MENTION_TOKEN.source}`);
  md.inline.ruler.before('link', 'mention', (state: MarkdownIt.StateInline, silent: boolean) => {
    const start = state.pos;
    if (state.src.charCodeAt(start) !== AT || state.src.charCodeAt(start + 1) !== OPEN) return false;
    const match = one.exec(state.src.slice(start, Math.min(state.posMax, start + MAX_TOKEN)));
    if (!match) return false;
    if (!silent) {
      const name = (state.env as { mentions?: MentionTargets }).mentions?.get(match[2]);
      if (name) {
        const open = state.push('span_open', 'span', 1);
        open.attrs = [
          ['class', 'mention'],
          ['data-user-id', match[2]],
        ];
        state.push('text', '', 0).content = `@${name}`;
        state.push('span_close', 'span', -1);
      } else {
        state.push('text', '', 0).content = `@${match[1]}`;
      }
    }
    state.pos = start + match[0].length;
    return true;
  });
}

/** A source with its mention tokens as `@Name` (their labels), for plain-text excerpts of it. */
export const mentionsAsText = (source: string): string =>
  source.replace(MENTION_TOKEN, (_, label: string) => `@${label}`);
