import type MarkdownIt from 'markdown-it';
import { escapeHtml } from './escape';

/**
 * markdown-it stops nesting blocks at `maxNesting` (100) levels, which bounds its recursion, but
 * it then silently drops every remaining line of the too-deep container: `>` × 10,000 followed by
 * text rendered as 100 empty quotes. Here those lines are kept, shown as plain escaped text at the
 * deepest level, so nothing a person wrote disappears.
 */
export function keepTooDeep(md: MarkdownIt.MarkdownIt): void {
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state: MarkdownIt.StateBlock, startLine: number, endLine: number): void => {
    if (state.level < state.md.options.maxNesting) return tokenize(state, startLine, endLine);
    const line = state.skipEmptyLines(startLine);
    if (line >= endLine || state.sCount[line] < state.blkIndent) {
      state.line = line;
      return;
    }
    // The container's lines: up to the first one indented less than it (as the ordinary loop stops),
    // so what follows the deep part renders as usual.
    let end = line + 1;
    while (end < endLine && (state.isEmpty(end) || state.sCount[end] >= state.blkIndent)) end++;
    const token = state.push('too_deep', '', 0);
    token.content = state.getLines(line, end, state.blkIndent, false).replace(/\n+$/, '');
    token.map = [line, end];
    token.block = true;
    state.line = end;
  };
  md.renderer.rules.too_deep = (tokens, idx) =>
    `<p>${escapeHtml(tokens[idx].content).replace(/\n/g, '<br />\n')}</p>\n`;
}

/** Emphasis (`*`, `_`, `~~`) nested deeper than this shows its marks as text. Nobody nests 16 deep. */
export const MAX_EMPHASIS_DEPTH = 16;
const EMPHASIS = new Set(['em_open', 'em_close', 'strong_open', 'strong_close', 's_open', 's_close']);

/**
 * markdown-it nests emphasis without limit: `**` × 10,000 around a word became 5,000 nested
 * `<strong>`, a tree deep enough to overflow recursive code that walks it. Past
 * MAX_EMPHASIS_DEPTH the marks stay as the text they were, so nothing is lost.
 */
export function capEmphasis(md: MarkdownIt.MarkdownIt): void {
  md.core.ruler.after('inline', 'cap_emphasis', (state: MarkdownIt.StateCore) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const flattened: boolean[] = [];
      for (const token of block.children) {
        if (!EMPHASIS.has(token.type)) continue;
        let flatten: boolean;
        if (token.nesting === 1) flattened.push((flatten = flattened.length >= MAX_EMPHASIS_DEPTH));
        else flatten = flattened.pop() ?? false;
        if (flatten) {
          token.type = 'text';
          token.tag = '';
          token.nesting = 0;
          token.content = token.markup;
        }
      }
    }
  });
}
