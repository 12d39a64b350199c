import { AppError, invalid } from '../common/errors';
import { LIMITS } from '../common/limits';
import { textProblem } from '../common/text';
import { MENTION_TOKEN } from '../markdown/mentions';

/**
 * Pure rules for message input (no Nest imports, so they are unit-tested directly):
 * body length and characters, reaction emoji, channel names, and mention resolution.
 */

/** Length in Unicode code points, so an emoji counts once. */
export function charCount(text: string): number {
  if (text.length <= LIMITS.messageBodyChars) return [...text].length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Checks a message body; returns it unchanged (trailing whitespace is kept, markdown cares). */
export function checkBody(body: unknown, field = 'body'): string {
  if (typeof body !== 'string') throw invalid(field, 'must be a string');
  const problem = textProblem(body, true);
  if (problem) throw invalid(field, problem);
  if (body.trim().length === 0) throw invalid(field, 'must not be empty');
  const count = charCount(body);
  if (count > LIMITS.messageBodyChars) {
    throw new AppError(
      'payload_too_large',
      `${field}: at most ${LIMITS.messageBodyChars.toLocaleString('en')} characters (got ${count})`,
      [{ field, reason: `at most ${LIMITS.messageBodyChars} characters` }],
    );
  }
  return body;
}

/** Shortcodes the client offers; any other single emoji is accepted too. */
export const REACTION_SHORTCODES = ['+1', '-1', 'heart', 'tada', 'eyes', 'rocket', 'laugh', 'thinking'] as const;

const EMOJI =
  /^(?:\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}\uFE0F?\p{Emoji_Modifier}?(?:\u200D\p{Extended_Pictographic}\uFE0F?\p{Emoji_Modifier}?)*)$/u;

/** Why `emoji` is not a reaction, or null when it is one emoji or a known shortcode. */
export function emojiProblem(emoji: unknown): string | null {
  if (typeof emoji !== 'string' || emoji.length === 0 || emoji.length > 32) {
    return 'must be one emoji or a known shortcode';
  }
  if ((REACTION_SHORTCODES as readonly string[]).includes(emoji)) return null;
  const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(emoji)];
  if (graphemes.length !== 1 || !EMOJI.test(emoji)) {
    return `must be one emoji or one of ${REACTION_SHORTCODES.join(', ')}`;
  }
  return null;
}

export function checkEmoji(emoji: string): string {
  const problem = emojiProblem(emoji);
  if (problem) throw invalid('emoji', problem);
  return emoji;
}

export const CHANNEL_NAME = /^[a-z0-9][a-z0-9_-]{0,79}$/;
export const CHANNEL_NAME_RULE = 'lowercase letters, digits, - and _, starting with a letter or digit, at most 80';

export interface MentionCandidate {
  userId: string;
  displayName: string;
  email: string;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds the group members a body mentions: the composer's `@[Name](mention:id)` tokens, and
 * (typed by hand) `@Display Name` or `@email`, case-insensitively.
 * A mention must start the text or follow a non-word character, and must not run on into
 * more name characters (so `@Ane` does not match inside `@Anet`). Code spans and code
 * blocks are ignored: text that quotes `@someone` in code is not a mention.
 */
export function findMentions(body: string, members: readonly MentionCandidate[]): string[] {
  const text = body.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
  if (!text.includes('@')) return [];
  const found = new Set<string>();
  // The composer's tokens name the member by id (`@[Name](mention:id)`); only members count.
  const ids = new Set(members.map((m) => m.userId));
  for (const [, , id] of text.matchAll(MENTION_TOKEN)) if (ids.has(id)) found.add(id);
  for (const m of members) {
    if (found.has(m.userId)) continue;
    for (const handle of [m.email, m.displayName]) {
      if (!handle) continue;
      const re = new RegExp(
        `(^|[^\\p{L}\\p{N}_.@])@${escapeRegExp(handle)}(?![\\p{L}\\p{N}_@]|\\.[\\p{L}\\p{N}])`,
        'iu',
      );
      if (re.test(text)) {
        found.add(m.userId);
        break;
      }
    }
  }
  return [...found];
}
