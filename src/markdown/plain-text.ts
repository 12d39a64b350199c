/**
 * The text a reader sees in THE renderer's HTML, for search to index and quote: tags dropped,
 * one line per block or line break (blank lines and edge spaces gone), entities decoded. Linear, and safe on this input only
 * (the sanitised output of renderMarkdown, where `<` and `>` in text are always escaped).
 */
const BLOCK_END = /<\/(?:p|h[1-6]|li|blockquote|pre|tr|table|ul|ol)>|<br\s*\/?>|<hr\s*\/?>/gi;
const TAG = /<[^>]*>/g;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(_m: string, dec?: string, hex?: string, name?: string): string {
  if (name) return NAMED[name.toLowerCase()];
  const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
}

export function plainText(html: string): string {
  return html
    .replace(BLOCK_END, '\n')
    .replace(TAG, '')
    .replace(ENTITY, decode)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}
