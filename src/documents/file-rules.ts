/**
 * Upload safety, free of I/O: what a file really is (from its first bytes, never from what
 * the client claims), which names are acceptable, and a Content-Disposition header that
 * cannot be used to inject headers or escape the quotes.
 */
export interface SniffedType {
  contentType: string;
  /** File-name extensions that agree with the content; a mismatch is refused. */
  extensions: readonly string[];
}

const OOXML: Array<[marker: string, SniffedType]> = [
  [
    'word/',
    {
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extensions: ['docx'],
    },
  ],
  ['xl/', { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] }],
  [
    'ppt/',
    {
      contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      extensions: ['pptx'],
    },
  ],
];

const ODF: Record<string, string> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

const startsWith = (head: Buffer, bytes: number[], offset = 0): boolean =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);

/**
 * Sniffs the content type from magic bytes: PDF, PNG, JPEG, GIF, WebP, Office Open XML,
 * OpenDocument and legacy (OLE2) Office. Anything else, including SVG and HTML, is null.
 */
export function sniffContentType(head: Buffer): SniffedType | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { contentType: 'application/pdf', extensions: ['pdf'] };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { contentType: 'image/png', extensions: ['png'] };
  }
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] };
  if (head.subarray(0, 6).toString('latin1') === 'GIF87a' || head.subarray(0, 6).toString('latin1') === 'GIF89a') {
    return { contentType: 'image/gif', extensions: ['gif'] };
  }
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') {
    return { contentType: 'image/webp', extensions: ['webp'] };
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Legacy Word/Excel/PowerPoint share one container; the extension tells them apart.
    return { contentType: 'application/x-ole-storage', extensions: ['doc', 'xls', 'ppt'] };
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const text = head.toString('latin1');
    // OpenDocument: an uncompressed `mimetype` entry first, holding the type.
    if (text.substring(30, 38) === 'mimetype') {
      const type = /^application\/vnd\.oasis\.opendocument\.[a-z]+/.exec(text.substring(38, 38 + 60))?.[0];
      if (type && ODF[type]) return { contentType: type, extensions: [ODF[type]] };
      return null;
    }
    if (text.includes('[Content_Types].xml') || OOXML.some(([m]) => text.includes(m))) {
      for (const [marker, type] of OOXML) if (text.includes(marker)) return type;
    }
    return null; // a plain zip (or anything else in one) is not an office document
  }
  return null;
}

const LEGACY_OFFICE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** The type to store and serve: the sniffed one, refined by the extension only for legacy Office. */
export function finalContentType(sniffed: SniffedType, fileName: string): string {
  return sniffed.contentType === 'application/x-ole-storage'
    ? LEGACY_OFFICE[extensionOf(fileName)]
    : sniffed.contentType;
}

/** Why a file name is refused, or null when it is fine. */
export function fileNameProblem(name: string, maxChars: number): string | null {
  if (name.length === 0) return 'must not be empty';
  if (name.length > maxChars) return `must be at most ${maxChars} characters`;
  // NUL and control characters split names in C code and inject into headers.
  if (/[\u0000-\u001F\u007F-\u009F]/.test(name)) return 'must not contain NUL or control characters';
  // Bidirectional overrides make "evil\u202Efdp.exe" look like "evilexe.pdf".
  if (/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/.test(name)) return 'must not contain text-direction controls';
  if (name.includes('/') || name.includes('\\')) return 'must not contain / or \\ (no paths such as ../)';
  if (name === '.' || name === '..' || name.startsWith('.')) return 'must not start with a dot';
  if (name.trim() !== name) return 'must not start or end with spaces';
  return null;
}

/**
 * `attachment` with an ASCII fallback and the exact name in RFC 5987 form. The fallback
 * drops quotes and backslashes, so the header cannot be broken out of.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
