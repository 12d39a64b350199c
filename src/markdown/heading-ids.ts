import type MarkdownIt from 'markdown-it';

/** Every heading id starts with this, so no id can shadow a window global (the sanitizer keeps only these). */
export const HEADING_ID_PREFIX = 'md-';

/** `Hidrógeno verde` → `md-hidrogeno-verde`; a heading with no letters or digits → `md-section`. */
export function slugify(text: string): string {
  return (
    HEADING_ID_PREFIX +
    (text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'section')
  );
}

/**
 * Hands out `base`, then `base-1`, `base-2`, … skipping any id already taken (a heading whose
 * own text is `h-1`): the ids markdown-it-anchor gave, so links to them keep working. Its loop
 * retried from `-1` every time, which made 10,000 identical headings quadratic; here each base
 * remembers where it stopped, so every id is looked at a bounded number of times.
 */
export class UniqueIds {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  claim(base: string): string {
    let id = base;
    if (this.taken.has(base)) {
      let n = this.next.get(base) ?? 1;
      while (this.taken.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      this.next.set(base, n + 1);
    }
    this.taken.add(id);
    return id;
  }
}

/** The heading's text as a reader sees it (text and inline code), as markdown-it-anchor read it. */
function headingText(inline: MarkdownIt.Token | undefined): string {
  let text = '';
  for (const child of inline?.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
  }
  return text;
}

/** Core rule: an `id` on every heading, unique within the document. Runs last, as the anchor plugin did. */
export function headingIds(md: MarkdownIt.MarkdownIt): void {
  md.core.ruler.push('heading_ids', (state: MarkdownIt.StateCore) => {
    const ids = new UniqueIds();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type === 'heading_open') tokens[i].attrSet('id', ids.claim(slugify(headingText(tokens[i + 1]))));
    }
  });
}
