import { contentDisposition, fileNameProblem, finalContentType, sniffContentType } from './file-rules';

const bytes = (...b: number[]): Buffer => Buffer.from(b);
const zipWith = (name: string, extra = ''): Buffer => {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  return Buffer.concat([header, Buffer.from(name + extra, 'latin1')]);
};

describe('sniffing uploads from their bytes', () => {
  it.each([
    [Buffer.from('%PDF-1.7\n'), 'application/pdf'],
    [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    [bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    [Buffer.from('GIF89a....'), 'image/gif'],
    [Buffer.from('RIFF\0\0\0\0WEBPVP8 '), 'image/webp'],
    [
      zipWith('[Content_Types].xml', 'word/document.xml'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [zipWith('mimetype', 'application/vnd.oasis.opendocument.text'), 'application/vnd.oasis.opendocument.text'],
  ])('recognises %#', (head, type) => {
    expect(sniffContentType(head)?.contentType).toBe(type);
  });

  it.each([['<svg onload=alert(1)>'], ['<!doctype html><script>'], ['plain text'], ['']])('refuses %j', (text) => {
    expect(sniffContentType(Buffer.from(text))).toBeNull();
  });

  it('refuses a plain zip, and tells legacy office files apart by extension', () => {
    expect(sniffContentType(zipWith('evil.exe'))).toBeNull();
    const ole = sniffContentType(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))!;
    expect(finalContentType(ole, 'minutes.xls')).toBe('application/vnd.ms-excel');
  });
});

describe('file names', () => {
  it.each([
    ['../etc/passwd.pdf'],
    ['a/b.pdf'],
    ['a\\b.pdf'],
    ['bad\u0000.pdf'],
    ['line\nbreak.pdf'],
    ['evil\u202Efdp.exe'],
    ['.htaccess'],
    [''],
    ['x'.repeat(201)],
  ])('refuses %j', (name) => {
    expect(fileNameProblem(name, 200)).not.toBeNull();
  });

  it('accepts ordinary names, accents included', () => {
    expect(fileNameProblem('Informe hidrógeno 2026.pdf', 200)).toBeNull();
  });

  it('builds a Content-Disposition that cannot be broken out of', () => {
    const header = contentDisposition('a"b\\c ñ.pdf');
    expect(header).toBe(`attachment; filename="a_b_c _.pdf"; filename*=UTF-8''a%22b%5Cc%20%C3%B1.pdf`);
  });
});
