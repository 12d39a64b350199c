/**
 * The only place the client injects HTML: the server's rendered and sanitised output
 * (markdown-it with html:false + allowlist sanitizer, see src/markdown/). Never pass it text
 * typed by a person, and never HTML built in the client.
 */
import { createElement } from 'react';

export function ServerHtml({ html, className, as = 'div' }: { html: string; className?: string; as?: 'div' | 'span' }) {
  return createElement(as, { className: `prose ${className ?? ''}`.trim(), dangerouslySetInnerHTML: { __html: html } });
}
