import { describe, expect, it } from 'vitest';
import { parseBuilderParams, parseChildId, parseEmbedParams, parsePlain, parseTheme, parseView, parseWpSecret } from '../../src/lib/embed/params';
import type { StateRules } from '../../src/lib/widget-state';

const rules: StateRules = { min: '2019-01-01', max: '2032-12-31', defaultAsOf: '2026-06-01', highlights: ['microsoft', 'openai'] };
const HOSTILE = ['<script>alert(1)</script>', '"><svg onload=alert(1)>', 'javascript:alert(1)', 'x'.repeat(10_240), '%3Cscript%3E', '\u0000', ''];

describe('embed URL parameters', () => {
  it('reads every known parameter', () => {
    const p = parseEmbedParams('?asOf=2024-03-01&highlight=openai&theme=dark&plain=1&view=full&childId=chart_1-a', '#?secret=abc123', rules);
    expect(p).toEqual({ state: { asOf: '2024-03-01', highlight: 'openai' }, theme: 'dark', plain: true, view: 'full', childId: 'chart_1-a', secret: 'abc123' });
  });

  it('falls back to defaults when nothing is given', () => {
    expect(parseEmbedParams('', '', rules)).toEqual({ state: { asOf: '2026-06-01', highlight: null }, theme: 'auto', plain: false, view: 'compact', childId: null, secret: null });
  });

  it('rejects dates that are malformed, impossible or out of the story range', () => {
    for (const asOf of ['2024-02-30', '2018-12-31', '2033-01-01', '2024-3-1', '20240301', '2024-03-01T00:00', ' 2024-03-01x']) {
      expect(parseEmbedParams(`?asOf=${encodeURIComponent(asOf)}`, '', rules).state.asOf, asOf).toBe('2026-06-01');
    }
    expect(parseEmbedParams('?asOf=2019-01-01', '', rules).state.asOf).toBe('2019-01-01');
    expect(parseEmbedParams('?asOf=2032-12-31', '', rules).state.asOf).toBe('2032-12-31');
  });

  it('accepts only highlight ids the widget knows', () => {
    expect(parseEmbedParams('?highlight=amazon', '', rules).state.highlight).toBeNull();
    expect(parseEmbedParams('?highlight=OpenAI', '', rules).state.highlight).toBeNull();
    expect(parseEmbedParams('?highlight=microsoft', '', rules).state.highlight).toBe('microsoft');
  });

  it('uses the first of repeated parameters, so a second value cannot slip past validation', () => {
    expect(parseEmbedParams('?theme=dark&theme=<b>', '', rules).theme).toBe('dark');
    expect(parseEmbedParams('?theme=<b>&theme=dark', '', rules).theme).toBe('auto');
  });

  it('maps every hostile value in every parameter to a default', () => {
    for (const v of HOSTILE) {
      const e = encodeURIComponent(v);
      const search = `?asOf=${e}&highlight=${e}&theme=${e}&plain=${e}&view=${e}&childId=${e}&parentUrl=${e}&parentTitle=${e}`;
      const p = parseEmbedParams(search, `#?secret=${e}`, rules);
      expect(p).toEqual({ state: { asOf: '2026-06-01', highlight: null }, theme: 'auto', plain: false, view: 'compact', childId: null, secret: null });
    }
  });

  it('ignores parameters it does not know (pym parentUrl, parentTitle, initialWidth)', () => {
    const p = parseEmbedParams('?initialWidth=640&childId=c1&parentTitle=Hi&parentUrl=https%3A%2F%2Fexample.com', '', rules);
    expect(Object.keys(p).sort()).toEqual(['childId', 'plain', 'secret', 'state', 'theme', 'view']);
    expect(JSON.stringify(p)).not.toContain('example.com');
  });
});

describe('single parameters', () => {
  it('theme', () => {
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('auto')).toBe('auto');
    expect(parseTheme('Dark')).toBe('auto');
    expect(parseTheme(undefined)).toBe('auto');
  });
  it('view: full, or else the compact default', () => {
    expect(parseView('full')).toBe('full');
    expect(parseView('compact')).toBe('compact');
    expect(parseView('Full')).toBe('compact');
    expect(parseView('everything')).toBe('compact');
    expect(parseView(undefined)).toBe('compact');
  });
  it('plain', () => {
    expect(parsePlain('1')).toBe(true);
    expect(parsePlain('true')).toBe(true);
    expect(parsePlain('0')).toBe(false);
    expect(parsePlain('yes')).toBe(false);
    expect(parsePlain(undefined)).toBe(false);
  });
  it('pym childId: ^[A-Za-z0-9_-]{1,64}$', () => {
    expect(parseChildId('a')).toBe('a');
    expect(parseChildId('x'.repeat(64))).toBe('x'.repeat(64));
    expect(parseChildId('x'.repeat(65))).toBeNull();
    expect(parseChildId('a b')).toBeNull();
    expect(parseChildId('a.b')).toBeNull();
    expect(parseChildId('')).toBeNull();
  });
  it('WordPress secret from #?secret=', () => {
    expect(parseWpSecret('#?secret=abc123')).toBe('abc123');
    expect(parseWpSecret('#secret=abc123')).toBe('abc123');
    expect(parseWpSecret('#?secret=abc123&x=1')).toBe('abc123');
    expect(parseWpSecret('#?secret=' + 'a'.repeat(33))).toBeNull();
    expect(parseWpSecret('#?secret=abc-123')).toBeNull();
    expect(parseWpSecret('#?secret=')).toBeNull();
    expect(parseWpSecret('')).toBeNull();
  });
});

describe('builder URL', () => {
  const rulesOf = () => rules;
  it('reads widget and state, validated against that widget', () => {
    expect(parseBuilderParams('?widget=timeline&asOf=2020-01-01&highlight=openai&theme=light&plain=1&view=full', ['money-flows', 'timeline'], rulesOf)).toEqual({
      widget: 'timeline',
      state: { asOf: '2020-01-01', highlight: 'openai' },
      theme: 'light',
      plain: true,
      view: 'full',
    });
  });
  it('falls back to the first available widget for unknown or unavailable ids', () => {
    expect(parseBuilderParams('?widget=<script>', ['money-flows', 'timeline'], rulesOf)?.widget).toBe('money-flows');
    expect(parseBuilderParams('?widget=cloud-matrix', ['money-flows'], rulesOf)?.widget).toBe('money-flows');
    expect(parseBuilderParams('', [], rulesOf)).toBeNull();
  });
});

describe('isRealDate (browser copy) agrees with the fact base schema', async () => {
  const { isRealDate } = await import('../../src/lib/iso-date');
  const schema = await import('../../src/lib/factbase/schema');
  it('on real, impossible and malformed dates', () => {
    for (const s of ['2024-02-29', '2023-02-29', '2019-01-01', '2032-12-31', '2024-13-01', '2024-00-10', '2024-04-31', '24-01-01', '2024-1-1', '', 'x']) {
      expect(isRealDate(s), s).toBe(schema.isRealDate(s));
    }
  });
});
