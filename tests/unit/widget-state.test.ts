import { describe, expect, it } from 'vitest';
import { clampDate, parseState, stateQuery, validDate } from '../../src/lib/widget-state';
import { dayOf, isoOf } from '../../src/lib/iso-date';

const rules = { min: '2019-01-01', max: '2032-12-31', defaultAsOf: '2026-06-01', highlights: ['microsoft', 'reset-2026'] };

describe('widget state from untrusted input', () => {
  it('keeps valid values', () => {
    expect(parseState({ asOf: '2023-12-31', highlight: 'microsoft' }, rules)).toEqual({ asOf: '2023-12-31', highlight: 'microsoft' });
  });
  it('falls back to defaults for odd, hostile or out-of-range values', () => {
    for (const bad of ['<script>alert(1)</script>', '2023-02-30', '1999-01-01', '2040-01-01', 'x'.repeat(10_000), 42, null, undefined]) {
      expect(parseState({ asOf: bad, highlight: bad }, rules)).toEqual({ asOf: '2026-06-01', highlight: null });
    }
    expect(validDate(' 2020-01-01 ', rules)).toBe('2020-01-01');
  });
  it('converts dates to days and back, clamps, and writes only non-default state to a query', () => {
    expect(isoOf(dayOf('2026-04-27'))).toBe('2026-04-27');
    expect(dayOf('2019-01-02') - dayOf('2019-01-01')).toBe(1);
    expect(clampDate('2040-01-01', rules.min, rules.max)).toBe('2032-12-31');
    expect(stateQuery({ asOf: '2026-06-01', highlight: null }, rules)).toBe('');
    expect(stateQuery({ asOf: '2023-12-31', highlight: 'microsoft' }, rules)).toBe('?asOf=2023-12-31&highlight=microsoft');
  });
});
