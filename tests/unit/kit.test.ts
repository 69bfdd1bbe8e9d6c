// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { anchorWithin, collisions, flow, measure, overlaps, tagWidth, textBox, widestDated, wrap } from '../../src/widgets/kit/text';
import { at, dayAfter, linear, timeScale, timeScaleAttr, valueTicks, yearTicks } from '../../src/widgets/kit/scale';
import { stepBand, stepLine } from '../../src/widgets/kit/path';
import { timeScale as browserTimeScale } from '../../src/widgets/shared/live-dom';
import { dayOf, isoOf } from '../../src/lib/iso-date';
import { formatDateShort } from '../../src/lib/format';

describe('text measured from the served fonts', () => {
  it('kerns: "AV" is narrower than "A" and "V" set apart', () => {
    const s = { size: 100 };
    expect(measure('AV', s)).toBeLessThan(measure('A', s) + measure('V', s) - 1);
  });
  it('reads the weight from the variable font: bold is wider, and each weight is its own instance', () => {
    const text = 'Revenue share, Microsoft pays OpenAI';
    const regular = measure(text, { size: 12.5 });
    const bold = measure(text, { size: 12.5, weight: 700 });
    expect(bold).toBeGreaterThan(regular * 1.02);
    expect(measure(text, { size: 12.5 })).toBe(regular);
    // Inter at 12.5px: this line is about 220px (a per-character guess at 0.6em said 270).
    expect(regular).toBeGreaterThan(200);
    expect(regular).toBeLessThan(240);
  });
  it('scales with size, adds letter spacing per character, and sets tabular figures to one width', () => {
    expect(measure('Azure', { size: 26 })).toBeCloseTo(2 * measure('Azure', { size: 13 }), 6);
    expect(measure('REPORTED', { size: 10, letterSpacing: 0.05 }) - measure('REPORTED', { size: 10 })).toBeCloseTo(8 * 0.5, 6);
    // Charts set tabular figures (body.css), so that is the default; prose figures are proportional.
    expect(measure('1111', { size: 12 })).toBeCloseTo(measure('0000', { size: 12 }), 6);
    expect(measure('1111', { size: 12, tabular: false })).toBeLessThan(measure('0000', { size: 12, tabular: false }));
    // Chromium's getComputedTextLength for this money-flows label (Inter Variable loaded, tabular): 59.99.
    expect(measure('2021 $2B', { size: 12.5 })).toBeCloseTo(59.99, 0);
  });
  it('measures the serif face apart from the sans', () => {
    expect(measure('The Reset', { family: 'serif', size: 20 })).not.toBeCloseTo(measure('The Reset', { size: 20 }), 0);
  });
  it("measures the arrows from Inter, and counts a character outside a face's range as one em", () => {
    const arrow = measure('a→b', { size: 10 }) - measure('ab', { size: 10 });
    expect(arrow).toBeCloseTo((1954 / 2048) * 10, 3); // Inter's → advance, not the one em a system glyph counts
    // Inter has ł, but the served face's range leaves it to a system font.
    expect(measure('ał', { size: 10 }) - measure('a', { size: 10 })).toBeCloseTo(10, 0);
    expect(measure('a→', { family: 'serif', size: 10 }) - measure('a', { family: 'serif', size: 10 })).toBeCloseTo(10, 0);
  });
  it('wraps and flows to a width by measured words', () => {
    const style = { size: 12.5 };
    const lines = wrap('Apr 20, 2026: Anthropic commits more than $100 billion to AWS', 200, style);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(measure(l, style)).toBeLessThanOrEqual(200);
    expect(lines.join(' ')).toBe('Apr 20, 2026: Anthropic commits more than $100 billion to AWS');
    expect(flow(['Trainium', 'up to 5 GW', '10 years'], 1000, style)).toEqual(['Trainium · up to 5 GW · 10 years']);
    expect(flow(['Trainium', 'up to 5 GW', '10 years'], measure('Trainium · up to 5 GW', style), style)).toEqual(['Trainium · up to 5 GW', '10 years']);
  });
  it('boxes text by its anchor and finds collisions', () => {
    const s = { size: 12 };
    const w = measure('2019', s);
    const a = textBox('2019', 100, 20, 'middle', s);
    expect(a.x1 - a.x0).toBeCloseTo(w, 6);
    expect(a.x0).toBeCloseTo(100 - w / 2, 6);
    expect(a.y0).toBeLessThan(20 - 8);
    expect(a.y1).toBeGreaterThan(20);
    const b = textBox('2019', 100 + w, 20, 'middle', s);
    expect(overlaps(a, b)).toBe(false);
    expect(overlaps(a, b, 2)).toBe(true);
    expect(collisions([{ key: 'a', box: a }, { key: 'b', box: b }, { key: 'c', box: textBox('x', 100, 20, 'start', s) }])).toEqual([['a', 'c']]);
    expect(anchorWithin('2019', 2, s, 0, 300)).toBe('start');
    expect(anchorWithin('2032', 299, s, 0, 300)).toBe('end');
    expect(anchorWithin('2025', 150, s, 0, 300)).toBe('middle');
  });
  it("boxes a tag's word with 4px either side, in whole pixels, and follows the word it draws", () => {
    const tag = { size: 10.5, weight: 700, letterSpacing: 0.05 };
    const w = tagWidth('REPORTED', tag);
    expect(Number.isInteger(w)).toBe(true);
    expect(w - 8).toBeGreaterThanOrEqual(measure('REPORTED', tag));
    expect(w - 9).toBeLessThan(measure('REPORTED', tag));
    expect(tagWidth('PRESS ONLY', tag)).toBeGreaterThan(w);
  });
});

describe('scales and ticks in UTC', () => {
  it('maps the story axis day by day, and writes it as the browser reads it (data-time-scale)', () => {
    const x = timeScale(['2019-01-01', dayAfter('2032-12-31')], [10, 710]);
    expect(at(x, '2019-01-01')).toBe(10);
    expect(at(x, '2033-01-01')).toBe(710);
    const attr = timeScaleAttr(x);
    expect(attr).toBe(`${dayOf('2019-01-01')} ${dayOf('2033-01-01')} 10 710`);
    // The runtime's decoder (live-dom.ts) places a date where the build's d3 scale does.
    const browser = browserTimeScale(attr)!;
    for (const d of ['2019-07-22', '2023-01-23', '2026-04-27', '2032-12-31']) expect(browser.x(dayOf(d))).toBeCloseTo(at(x, d), 6);
  });
  it('is a broken axis with three stops, and clamps when asked', () => {
    const x = timeScale(['2019-01-01', '2025-01-01', '2027-01-01'], [0, 30, 100], { clamp: true });
    expect(at(x, '2025-01-01')).toBe(30);
    expect(at(x, '2026-01-01')).toBeCloseTo(30 + 70 * (365 / 730), 6);
    expect(at(x, '2030-01-01')).toBe(100);
    expect(at(x, '2010-01-01')).toBe(0);
  });
  it('ticks each year, labelled mid-year, thinned and shortened where years are narrow', () => {
    const wide = yearTicks(timeScale(['2019-01-01', '2033-01-01'], [0, 1400]));
    expect(wide.map((t) => t.label)).toEqual(Array.from({ length: 14 }, (_, i) => String(2019 + i)));
    expect(wide[0]!.mid).toBeCloseTo(50, 0);
    const narrow = yearTicks(timeScale(['2019-01-01', '2033-01-01'], [0, 300]));
    expect(narrow).toHaveLength(14);
    expect(narrow.filter((t) => t.label).map((t) => t.label)).toEqual(['’19', '’21', '’23', '’25', '’27', '’29', '’31']);
  });
  it('gives round value ticks and linear amounts', () => {
    expect(valueTicks(300e9, 4)).toEqual([0, 100e9, 200e9, 300e9]);
    expect(valueTicks(50e9, 6)).toEqual([0, 10e9, 20e9, 30e9, 40e9, 50e9]);
    expect(valueTicks(0, 3)).toEqual([0]);
    expect(linear([0, 100], [0.5, 640.5])(45)).toBeCloseTo(288.5, 6);
  });
});

describe('paths from d3-shape', () => {
  it('draws a level that holds until the next point, and the band between two levels', () => {
    expect(stepLine([{ x: 0, y: 68 }, { x: 10.123, y: 50 }, { x: 20, y: 50 }])).toBe('M0,68L10.12,68L10.12,50L20,50L20,50');
    expect(stepBand([{ x: 0, lo: 10, hi: 5 }, { x: 10, lo: 10, hi: 2 }])).toBe('M0,5L10,5L10,2L10,10L10,10L0,10Z');
  });
});

describe('dated labels the browser rewrites', () => {
  it('finds the widest a label can be over some years, so the build can say where it must turn', () => {
    const style = { size: 12, weight: 700, tabular: false };
    const write = (iso: string) => `As of ${formatDateShort(iso)}`;
    const widest = widestDated([2020], write, style);
    let most = 0;
    for (let day = dayOf('2020-01-01'); day < dayOf('2021-01-01'); day++) most = Math.max(most, measure(write(isoOf(day)), style));
    expect(widest).toBeGreaterThanOrEqual(most - 1e-9);
    expect(widest - most).toBeLessThan(0.5);
  }, 30_000);
});
