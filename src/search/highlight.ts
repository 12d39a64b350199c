import { escapeHtml } from '../markdown/markdown';

/**
 * Engines highlight with these control characters instead of HTML tags. Text is stripped of
 * them before indexing, so after escaping the only markup we add is <mark>.
 */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

export function stripMarkers(text: string): string {
  return text.replace(/[\u0001\u0002]/g, '');
}

/** Escapes engine output, then turns the markers into <mark> (balanced, never nested). */
export function markersToHtml(text: string): string {
  let open = false;
  let html = '';
  for (const part of escapeHtml(text).split(/([\u0001\u0002])/)) {
    if (part === MARK_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === MARK_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += part;
    }
  }
  return open ? html + '</mark>' : html;
}

/** Folds accents and case the way the index does (`hidrógeno` → `hidrogeno`). */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
