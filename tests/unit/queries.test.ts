// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/lib/factbase/load';
import { figuresWhere, investedAsOf, moneyStatus, termsInForce, timeline, UnknownIdError, getFigure, citing, sourcesFor } from '../../src/lib/queries';

const fb = loadFactBase('tests/fixtures/factbase-min');

describe('queries', () => {
  it('separates paid, conditional and up-to money, and counts undisclosed without summing it', () => {
    const before = investedAsOf(fb, 'microsoft', 'openai', '2025-12-31');
    expect(before).toMatchObject({ paid: 1e9, conditional: 0, upTo: 0, undisclosed: 0 });
    const after = investedAsOf(fb, 'microsoft', 'openai', '2026-03-01');
    expect(after).toMatchObject({ paid: 16e9, conditional: 35e9, upTo: 20e9, undisclosed: 1 });
  });
  it('classifies money by certainty', () => {
    expect(moneyStatus(getFigure(fb, 'money-later'))).toBe('conditional');
    expect(moneyStatus(getFigure(fb, 'money-ceiling'))).toBe('up-to');
    expect(moneyStatus(getFigure(fb, 'money-secret'))).toBe('undisclosed');
  });
  it('answers which terms were in force on a date', () => {
    expect(termsInForce(fb, '2023-12-31').cloud?.state).toBe('exclusive');
    expect(termsInForce(fb, '2025-01-20').cloud?.state).toBe('exclusive');
    expect(termsInForce(fb, '2025-01-21').cloud?.state).toBe('rofr');
    expect(termsInForce(fb, '2018-01-01').cloud).toBeUndefined();
  });
  it('filters figures by entity, kind and date, oldest first', () => {
    expect(figuresWhere(fb, { entity: 'openai', asOf: '2020-01-01' }).map((f) => f.id)).toEqual(['money-2019']);
    expect(figuresWhere(fb, { kind: 'investment' })).toHaveLength(5);
  });
  it('lists the timeline oldest first', () => {
    expect(timeline(fb).map((e) => e.id)).toEqual(['deal-2019', 'later-2026']);
    expect(timeline(fb, { asOf: '2020-01-01' })).toHaveLength(1);
  });
  it('finds what cites a source and the sources of items', () => {
    expect(citing(fb, 'src-a').figures).toHaveLength(5);
    expect(sourcesFor(fb, fb.figures).map((s) => s.id)).toEqual(['src-a']);
  });
  it('throws a named error for an unknown id', () => {
    expect(() => getFigure(fb, 'nope')).toThrow(UnknownIdError);
    expect(() => getFigure(fb, 'nope')).toThrow('unknown figure id "nope"');
  });
});
