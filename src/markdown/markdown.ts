import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { capEmphasis, keepTooDeep } from './deep-nesting';
import { headingIds } from './heading-ids';
import { mentions, MentionTargets } from './mentions';
import { wikiLinks, WikiLinkTargets } from './wiki-links';

/**
 * THE markdown renderer, for messages, documents and search snippets alike. Safe by
 * construction, in three layers:
 *  1. markdown-it with `html: false`: raw HTML in the source is shown as text;
 *  2. `validateLink` admits only http(s), mailto and relative links (no javascript:, data:…);
 *  3. an allowlist sanitizer on the output, so even a plugin bug cannot emit a script,
 *     an event handler or an id/name that could clobber page globals.
 * One line of plain prose (most chat messages) has no character either layer acts on, so it
 * is wrapped in a paragraph directly; the spec proves that gives the same HTML.
 *
 * Every step is linear in the size of the source (test/markdown-hostile.test.ts and
 * bench/render.ts hold it to that); MarkdownRenderer runs large sources on a worker thread
 * with a time limit, with this same code.
 */
export interface RenderOptions {
  /** What each `[[Page title]]` of the source resolves to; a title not in it is a missing page. */
  wikiLinks?: WikiLinkTargets;
  /** Who each `@[Name](mention:id)` token names (id → display name); an id not in it is plain text. */
  mentions?: MentionTargets;
}

const SAFE_IMAGE = /^https?:/i;

export function isSafeLink(url: string): boolean {
  const trimmed = url.trim();
  // Control characters and whitespace inside a scheme are the classic filter bypass.
  if (/[\u0000-\u001F\u007F]/.test(trimmed)) return false;
  if (trimmed.startsWith('//') || trimmed.startsWith('\\')) return false; // protocol-relative: another site
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  return scheme === null || ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

/** `- [ ] todo` and `- [x] done` become disabled checkboxes. */
function taskLists(md: MarkdownIt.MarkdownIt): void {
  md.core.ruler.after('inline', 'task_lists', (state: MarkdownIt.StateCore) => {
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i];
      if (
        inline.type !== 'inline' ||
        tokens[i - 1].type !== 'paragraph_open' ||
        tokens[i - 2].type !== 'list_item_open'
      ) {
        continue;
      }
      const first = inline.children?.[0];
      const match = first?.type === 'text' ? /^\[([ xX])\]\s/.exec(first.content) : null;
      if (!first || !match) continue;
      first.content = first.content.slice(match[0].length);
      const box = new state.Token('html_inline', '', 0);
      box.content = `<input type="checkbox" disabled${match[1] === ' ' ? '' : ' checked'}> `;
      inline.children!.unshift(box);
      tokens[i - 2].attrJoin('class', 'task-list-item');
    }
  });
}

function createParser(): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
  md.validateLink = (url: string): boolean => isSafeLink(url);
  md.use(keepTooDeep);
  md.use(capEmphasis);
  md.use(headingIds);
  md.use(taskLists);
  md.use(wikiLinks);
  md.use(mentions);
  // External links open safely in a new tab.
  const defaultLinkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
    const href = String(tokens[idx].attrGet('href') ?? '');
    if (/^https?:/i.test(href)) {
      tokens[idx].attrSet('rel', 'noopener noreferrer nofollow');
      tokens[idx].attrSet('target', '_blank');
    }
    return defaultLinkOpen ? defaultLinkOpen(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
  };
  // Only http(s) images are shown. Leaving the others out here, not in the sanitizer's filter,
  // matters for speed: each tag that filter removes copies the whole output so far.
  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, opts, env, self) =>
    SAFE_IMAGE.test(String(tokens[idx].attrGet('src') ?? '')) ? defaultImage(tokens, idx, opts, env, self) : '';
  return md;
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const ALIGNMENTS = ['text-align:left', 'text-align:right', 'text-align:center'];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    ...HEADINGS,
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'em',
    'strong',
    'del',
    's',
    'sup',
    'sub',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'input',
    'span',
    'mark',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target', 'class', 'data-page-id'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    li: ['class'],
    code: ['class'],
    span: ['class', 'data-user-id'],
    input: [{ name: 'type', multiple: false, values: ['checkbox'] }, 'checked', 'disabled'],
    // markdown-it writes table alignment as exactly these; matching whole values spares a CSS
    // parse of every cell (allowedStyles parses each one with postcss).
    th: [{ name: 'style', multiple: false, values: ALIGNMENTS }],
    td: [{ name: 'style', multiple: false, values: ALIGNMENTS }],
    ...Object.fromEntries(HEADINGS.map((h) => [h, ['id']])),
  },
  allowedClasses: {
    a: ['wikilink', 'mention'],
    span: ['wikilink-missing', 'mention'],
    li: ['task-list-item'],
    code: [/^language-[a-z0-9+#-]{1,30}$/],
  },
  parseStyleAttributes: false,
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: Object.fromEntries(
    HEADINGS.map((h) => [
      h,
      (tagName: string, attribs: sanitizeHtml.Attributes) => {
        // Only our own prefixed heading ids survive: no id can shadow a window global.
        const { id, ...rest } = attribs;
        return { tagName, attribs: id && /^md-[a-z0-9-]{1,90}$/.test(id) ? { ...rest, id } : rest };
      },
    ]),
  ),
  exclusiveFilter: (frame) => frame.tag === 'img' && !SAFE_IMAGE.test(frame.attribs.src ?? ''),
};

const parser = createParser();

/**
 * One line of prose with no markup, link or entity in it: starts with a letter; letters,
 * digits, spaces and `,;?!'"()|/%+=-`; a `.` or `:` only before a space, a digit or the end (so
 * no domain or scheme can form for linkify); no `@`, `#`, `&`, `<`, brackets, emphasis
 * marks or backslashes; no newline, tab or trailing space. Most chat messages are like this.
 */
const PROSE = /^\p{L}(?:[\p{L}\p{N} ,;?!'"()|/%+=-]|[.:](?=[ \p{N}]|$))*(?<! )$/u;

export const isProse = (source: string): boolean => PROSE.test(source);

/** Renders user markdown to sanitised HTML. The client shows only this output. */
export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  // Prose has nothing to escape, so both layers can only wrap it in a paragraph; the spec holds
  // this path to the full one on generated text. It spares a chat message both parsers.
  if (isProse(source)) return `<p>${source}</p>\n`;
  return renderParsed(source, options);
}

/** The full path: markdown-it, then the sanitizer. */
export function renderParsed(source: string, options: RenderOptions = {}): string {
  return sanitizeHtml(parser.render(source, { wikiLinks: options.wikiLinks, mentions: options.mentions }), SANITIZE);
}

export { escapeHtml } from './escape';
