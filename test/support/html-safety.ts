import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

/**
 * Checks rendered HTML with a real HTML parser and lists anything dangerous: script-capable
 * tags, event handlers, dangerous URL schemes, and ids/names that could clobber globals.
 * Used by the tests of every rendered field.
 */
const DANGEROUS_TAGS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'base',
  'meta',
  'link',
  'svg',
  'math',
  'frame',
  'frameset',
  'template',
]);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'background', 'poster']);

export function findHtmlDangers(html: string): string[] {
  const problems: string[] = [];
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const el = node as Element;
      if (DANGEROUS_TAGS.has(el.name)) problems.push(`<${el.name}>`);
      for (const [name, value] of Object.entries(el.attribs)) {
        if (name.startsWith('on')) problems.push(`${el.name}[${name}]`);
        if (
          URL_ATTRS.has(name) &&
          /^\s*(javascript|vbscript|data\s*:\s*text\/html|data)/i.test(value.replace(/[\s\u0000-\u001f]/g, ''))
        ) {
          problems.push(`${el.name}[${name}=${value}]`);
        }
        if ((name === 'id' || name === 'name') && !/^md-[a-z0-9-]+$/.test(value))
          problems.push(`${el.name}[${name}=${value}]`);
        if (name === 'style' && /url\(|expression|javascript/i.test(value)) problems.push(`${el.name}[style=${value}]`);
      }
      walk(el.children);
    }
  };
  walk(parseDocument(html).children);
  return problems;
}
