import { buildCsv, csvField, CSV_BOM } from './csv';

describe('csvField', () => {
  it('writes plain text and numbers as they are', () => {
    expect(csvField('Energy')).toBe('Energy');
    expect(csvField(0.9)).toBe('0.9');
    expect(csvField(17)).toBe('17');
  });

  it('writes null, undefined and non-finite numbers as empty fields', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('quotes leading or trailing spaces so they survive', () => {
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it('neutralises spreadsheet formulas', () => {
    expect(csvField('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField(-2)).toBe('-2');
  });

  it('keeps accents and non-Latin text untouched', () => {
    expect(csvField('Larrañaga')).toBe('Larrañaga');
    expect(csvField('Euskal Herria — ñ, é')).toBe('"Euskal Herria — ñ, é"');
  });
});

describe('buildCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    const csv = buildCsv(
      ['name', 'count'],
      [
        ['Energía', 3],
        ['a "b", c', null],
      ],
    );
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe(`${CSV_BOM}name,count\r\nEnergía,3\r\n"a ""b"", c",\r\n`);
  });

  it('writes only the header for an empty table', () => {
    expect(buildCsv(['a', 'b'], [])).toBe(`${CSV_BOM}a,b\r\n`);
  });

  it('encodes to UTF-8 bytes with the EF BB BF mark', () => {
    const bytes = Buffer.from(buildCsv(['x'], [['ñ']]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('x\r\nñ\r\n');
  });
});
