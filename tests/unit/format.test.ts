import { describe, expect, it } from 'vitest';
import { formatDate, formatDateShort, formatFigure, formatSplit, formatUSD, formatValue, listJoin } from '../../src/lib/format';
import type { Figure } from '../../src/lib/factbase/schema';

const f = (value: number | null, unit: Figure['unit'], qualifier: Figure['qualifier'], kind: Figure['kind'] = 'investment') => ({ value, unit, qualifier, kind });

describe('formatting', () => {
  it('formats dollar amounts in words', () => {
    expect(formatFigure(f(13e9, 'USD', 'exact', 'total'))).toBe('$13 billion');
    expect(formatUSD(1.25e9)).toBe('$1.25 billion');
    expect(formatUSD(11.6e9, { short: true })).toBe('$11.6B');
    expect(formatUSD(500e6)).toBe('$500 million');
  });
  it('keeps certainty in the words', () => {
    expect(formatFigure(f(20e9, 'USD', 'up-to'))).toBe('up to $20 billion');
    expect(formatFigure(f(null, 'USD', 'undisclosed'))).toBe('undisclosed');
    expect(formatFigure(f(27, 'percent', 'about', 'stake'))).toBe('about 27%');
    expect(formatFigure(f(100e9, 'USD', 'at-least', 'commitment'))).toBe('more than $100 billion');
    expect(formatFigure(f(10e9, 'USD', 'reported'))).toBe('a reported $10 billion');
    expect(formatFigure(f(35e9, 'USD', 'conditional'))).toBe('$35 billion on conditions');
    expect(formatFigure(f(5, 'GW', 'up-to', 'capacity'))).toBe('up to 5 gigawatts');
  });
  it('formats a deal in two parts without adding them', () => {
    expect(formatSplit(f(15e9, 'USD', 'exact'), f(35e9, 'USD', 'conditional'))).toBe('$15 billion now, $35 billion on conditions');
    expect(formatSplit(f(5e9, 'USD', 'exact'), f(20e9, 'USD', 'up-to'))).toBe('$5 billion now, up to $20 billion more on milestones');
  });
  it('formats dates only as precisely as they are known', () => {
    expect(formatDate('2026-04-27')).toBe('April 27, 2026');
    expect(formatDate('2024-06-01', 'month')).toBe('June 2024');
    expect(formatDate('2021-01-01', 'year')).toBe('2021');
    expect(formatDate('2025-04-01', 'quarter')).toBe('Q2 2025');
    expect(formatDateShort('2026-04-28')).toBe('Apr 28, 2026');
  });
  it('names every month as English Intl does, long and short', () => {
    for (let m = 1; m <= 12; m++) {
      const iso = `2025-${String(m).padStart(2, '0')}-09`;
      const at = Date.UTC(2025, m - 1, 9);
      expect(formatDate(iso)).toBe(new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(at));
      expect(formatDateShort(iso)).toBe(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(at));
    }
  });
  it('never puts a thousands separator in a calendar year', () => {
    expect(formatValue(f(2032, 'count', 'exact', 'year'))).toBe('2032');
    expect(formatValue(f(1500, 'count', 'at-least', 'count'))).toBe('1,500');
    expect(formatValue(f(8, 'count', 'exact', 'count'))).toBe('eight');
  });
  it('joins lists in English', () => {
    expect(listJoin(['a', 'b', 'c'])).toBe('a, b, and c');
    expect(listJoin(['a', 'b'], 'or')).toBe('a or b');
  });
});
