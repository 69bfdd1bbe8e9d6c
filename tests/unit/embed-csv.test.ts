import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvColumns, csvField, parseCsv, parseCsvObjects, toCsv } from '../../src/lib/csv';

describe('CSV fields (RFC 4180)', () => {
  it('leaves plain values bare', () => {
    expect(csvField('openai')).toBe('openai');
    expect(csvField(13000000000)).toBe('13000000000');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(NaN)).toBe('');
    expect(csvField(true)).toBe('true');
  });
  it('quotes commas, quotes and line breaks; doubles inner quotes; keeps edge spaces (part of the field, RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "up to"')).toBe('"say ""up to"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    expect(csvField(' lead')).toBe(' lead');
    expect(csvField('—“curly”')).toBe('—“curly”');
  });
});

describe('CSV cells a spreadsheet could run', () => {
  it('puts a quote mark before text that begins like a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(csvCell("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe("'\r=1");
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
  });
  it('leaves plain numbers as numbers, negative ones and numeric text included', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('+2.5')).toBe('+2.5');
    expect(csvCell('-1e9')).toBe('-1e9');
    expect(csvCell('—a dash is not a minus')).toBe('—a dash is not a minus');
    expect(toCsv([{ change: -5, text: '-5', formula: '-5-1' }], undefined, { bom: false })).toBe("change,text,formula\r\n-5,-5,'-5-1\r\n");
  });
});

describe('CSV files', () => {
  const rows = [
    { id: 'a', label: 'Plain', value: 1, note: '' },
    { id: 'b', label: 'Has, comma', value: null, note: 'He said "about"\r\nthen left' },
    { id: 'c', label: 'Extra', value: 2.5, extra: 'only here' },
  ];

  it('takes columns in first-seen order across rows', () => {
    expect(csvColumns(rows)).toEqual(['id', 'label', 'value', 'note', 'extra']);
  });

  it('writes a BOM, a header and CRLF records, and reads back to the same values', () => {
    const text = toCsv(rows);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(`${BOM}id,label,value,note,extra`);
    const back = parseCsvObjects(text);
    expect(back).toEqual([
      { id: 'a', label: 'Plain', value: '1', note: '', extra: '' },
      { id: 'b', label: 'Has, comma', value: '', note: 'He said "about"\r\nthen left', extra: '' },
      { id: 'c', label: 'Extra', value: '2.5', note: '', extra: 'only here' },
    ]);
  });

  it('can leave the BOM out', () => {
    expect(toCsv([{ a: 1 }], undefined, { bom: false })).toBe('a\r\n1\r\n');
  });

  it('round-trips awkward strings (a formula comes back defused)', () => {
    const nasty = ['', ',', '"', '""', '\n', 'a\r\nb', ' x ', '=1+1', '<script>', 'é—“”'];
    const text = toCsv(nasty.map((v, i) => ({ i, v })));
    expect(parseCsvObjects(text).map((r) => r.v)).toEqual(nasty.map((v) => (v === '=1+1' ? "'=1+1" : v)));
  });

  it('rejects malformed CSV instead of guessing', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/unterminated/);
    expect(() => parseCsv('a,b"c\n')).toThrow(/quote inside/);
    expect(() => parseCsv('"a"b\n')).toThrow(/after a closing quote/);
    expect(() => parseCsvObjects('a,b\r\n1\r\n')).toThrow(/1 fields/);
  });

  it('reads bare LF files too', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
