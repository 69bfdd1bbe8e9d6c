// @vitest-environment node
/**
 * The real fact base (content/data/*.yaml) against the dated record in shared/sources/facts.md: the numbers, their
 * qualifiers and the pitfalls that keep the site from misleading.
 */
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/lib/factbase/load';
import type { Figure } from '../../src/lib/factbase/schema';
import { investedAsOf, termInForce, termsInForce } from '../../src/lib/queries';

const fb = loadFactBase();
const fig = (id: string): Figure => {
  const f = fb.figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};
const ev = (id: string) => {
  const e = fb.events.find((x) => x.id === id);
  if (!e) throw new Error(`no event ${id}`);
  return e;
};
const B = 1e9;

const CHAPTERS = [
  'the-bet',
  'all-in',
  'five-days-in-november',
  'outgrowing-one-cloud',
  'microsoft-hedges',
  'amazon-moves-in',
  'the-reset',
  'who-comes-out-ahead',
];

describe('the fact base loads', () => {
  it('has every collection filled', () => {
    expect(fb.sources.length).toBeGreaterThanOrEqual(40);
    expect(fb.entities.length).toBeGreaterThanOrEqual(25);
    expect(fb.events.length).toBeGreaterThanOrEqual(30);
    expect(fb.figures.length).toBeGreaterThanOrEqual(45);
    expect(fb.terms.length).toBeGreaterThanOrEqual(15);
    expect(fb.quotes.length).toBeGreaterThanOrEqual(9);
    expect(fb.glossary.length).toBeGreaterThanOrEqual(28);
    expect(fb.corrections.length).toBe(1);
  });
});

describe('sources', () => {
  it('gives only https URLs, and none cut short', () => {
    for (const s of fb.sources) {
      if (s.url === undefined) continue;
      expect(s.url, s.id).toMatch(/^https:\/\//);
      expect(s.url, s.id).not.toMatch(/…|\.\.\./);
    }
  });

  it('leaves out the Microsoft Source URL, which the fact sheet gives cut short', () => {
    const s = fb.sources.find((x) => x.id === 'microsoft-source-2025-11-18');
    expect(s).toBeDefined();
    expect(s!.url).toBeUndefined();
  });

  it('records the source article as the one source of kind article', () => {
    const articles = fb.sources.filter((s) => s.kind === 'article');
    expect(articles.map((s) => s.id)).toEqual(['the-new-stack-reset-decoded']);
    const a = articles[0]!;
    expect(a.publisher).toBe('The New Stack');
    expect(a.author).toBe('Paul Sawers');
    expect(a.published).toBe('2026-04-30');
    expect(a.title).toBe('The OpenAI-Microsoft reset, decoded: Why AWS may come out ahead');
  });

  it('dates DatacenterDynamics to the month only', () => {
    const s = fb.sources.find((x) => x.id === 'datacenterdynamics-2024-06')!;
    expect(s.published).toBe('2024-06-01');
    expect(s.precision).toBe('month');
  });

  it('marks every descriptive (non-verbatim) title with a note', () => {
    const verbatim = new Set([
      'the-new-stack-reset-decoded',
      'openai-blog-2019-07-22',
      'openai-blog-2020-06-11',
      'microsoft-blog-2020-09-22',
      'openai-blog-2022-11-30',
      'azure-blog-claude-foundry',
      'openai-continuing-partnership-2026-02-27',
      'microsoft-blog-2026-04-27',
    ]);
    for (const s of fb.sources) {
      if (verbatim.has(s.id)) continue;
      expect(s.note ?? '', s.id).toContain('Descriptive title; headline not recorded in our fact sheet.');
    }
  });

  it('is cited by something', () => {
    const cited = new Set([
      ...fb.events.flatMap((e) => e.sources),
      ...fb.figures.flatMap((f) => f.sources),
      ...fb.terms.flatMap((t) => t.sources),
      ...fb.quotes.map((q) => q.source),
    ]);
    for (const s of fb.sources) expect(cited.has(s.id), s.id).toBe(true);
  });
});

describe('entities', () => {
  it('has the eight companies with their own color token', () => {
    for (const id of ['microsoft', 'openai', 'amazon', 'anthropic', 'google', 'oracle', 'coreweave', 'nvidia']) {
      const e = fb.entities.find((x) => x.id === id);
      expect(e, id).toBeDefined();
      expect(e!.type).toBe('company');
      expect(e!.color).toBe(id);
    }
    expect(fb.entities.find((x) => x.id === 'amazon')!.name).toBe('Amazon / AWS');
  });

  it('gives every person and product an org', () => {
    for (const e of fb.entities.filter((x) => x.type !== 'company')) expect(e.org, e.id).toBeDefined();
  });
});

describe('events', () => {
  it('each has at least one source and a known chapter', () => {
    for (const e of fb.events) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      expect(CHAPTERS, e.id).toContain(e.chapter);
    }
  });

  it('covers all eight chapters', () => {
    const used = new Set(fb.events.map((e) => e.chapter));
    for (const slug of CHAPTERS) expect(used.has(slug), slug).toBe(true);
  });

  it('uses the 1st of the month for month precision and 1 January for year precision', () => {
    for (const e of fb.events) {
      if (e.precision === 'month') expect(e.date.endsWith('-01'), e.id).toBe(true);
      if (e.precision === 'year') expect(e.date.endsWith('-01-01'), e.id).toBe(true);
    }
  });

  it('pins the key dates', () => {
    expect(ev('microsoft-invests-2019').date).toBe('2019-07-22');
    expect(ev('microsoft-second-investment-2021')).toMatchObject({ date: '2021-01-01', precision: 'year', confidence: 'reported' });
    expect(ev('altman-removed-2023').date).toBe('2023-11-17');
    expect(ev('microsoft-hires-altman-2023').date).toBe('2023-11-20');
    expect(ev('altman-returns-2023').date).toBe('2023-11-22');
    expect(ev('oracle-extends-azure-2024')).toMatchObject({ date: '2024-06-01', precision: 'month' });
    expect(ev('recapitalisation-2025').date).toBe('2025-10-28');
    expect(ev('reset-2026')).toMatchObject({ date: '2026-04-27', chapter: 'the-reset', kind: 'terms' });
    expect(ev('openai-on-bedrock-preview-2026').date).toBe('2026-04-28');
    expect(ev('codex-bedrock-ga-2026')).toMatchObject({ date: '2026-06-01', confidence: 'reported' });
  });

  it('splits the two events of 2026-02-27', () => {
    const sameDay = fb.events.filter((e) => e.date === '2026-02-27').map((e) => e.id).sort();
    expect(sameDay).toEqual(['amazon-openai-deal-2026', 'stateless-api-statement-2026']);
  });

  it('marks the press-only events as reported', () => {
    expect(ev('oracle-openai-contract-reported-2025').confidence).toBe('reported');
    expect(ev('microsoft-weighs-legal-action-2026').confidence).toBe('reported');
  });

  it('files Claude in Microsoft 365 Copilot (Sept 2025) before Claude in Foundry (Nov 2025)', () => {
    expect(ev('claude-in-m365-copilot-2025').date < ev('microsoft-nvidia-anthropic-2025').date).toBe(true);
  });

  it('files the Amazon–Anthropic rounds of 2023–24 in outgrowing-one-cloud', () => {
    for (const id of ['amazon-anthropic-first-investment-2023', 'amazon-anthropic-round-complete-2024', 'amazon-anthropic-second-investment-2024']) {
      expect(ev(id).chapter, id).toBe('outgrowing-one-cloud');
    }
  });
});

describe('figures: money into OpenAI', () => {
  it('splits Amazon 2026 into $15B now and $35B on conditions', () => {
    expect(fig('amazon-openai-2026-now')).toMatchObject({ value: 15 * B, qualifier: 'exact', kind: 'investment', from: 'amazon', to: 'openai' });
    expect(fig('amazon-openai-2026-conditional')).toMatchObject({ value: 35 * B, qualifier: 'conditional', kind: 'investment', from: 'amazon', to: 'openai' });
    const sum = investedAsOf(fb, 'amazon', 'openai', '2026-12-31');
    expect(sum.paid).toBe(15 * B);
    expect(sum.conditional).toBe(35 * B);
    // The "$50B" headline is a total and must not be counted again.
    expect(fig('amazon-openai-2026-headline').kind).toBe('total');
  });

  it('marks no figure conditional as a whole when one of its parts is paid (pitfall 21)', () => {
    const headline = fig('amazon-openai-2026-headline');
    expect(headline.parts).toEqual(['amazon-openai-2026-now', 'amazon-openai-2026-conditional']);
    expect(headline.qualifier).not.toBe('conditional');
    for (const whole of fb.figures.filter((f) => f.parts)) {
      const paidPart = whole.parts!.some((id) => !['conditional', 'up-to', 'undisclosed'].includes(fig(id).qualifier));
      if (paidPart) expect(whole.qualifier, whole.id).not.toBe('conditional');
    }
  });

  it('cites the 2021 amount and the 49% profit share to press reports, not to filings or the article', () => {
    expect(fig('msft-openai-2021').sources).not.toContain('microsoft-10q-filings');
    expect(fig('msft-profit-share-2023').sources).not.toContain('the-new-stack-reset-decoded');
  });

  it('treats $13B as a running total, not an investment', () => {
    const t = fig('msft-openai-commitments-total');
    expect(t).toMatchObject({ value: 13 * B, kind: 'total' });
    expect(fig('msft-openai-paid-2025-09')).toMatchObject({ value: 11.6 * B, kind: 'paid-to-date' });
  });

  it('marks the 2021 and 2023 Microsoft amounts as reported', () => {
    expect(fig('msft-openai-2019')).toMatchObject({ value: 1 * B, qualifier: 'exact' });
    expect(fig('msft-openai-2021')).toMatchObject({ value: 2 * B, qualifier: 'reported' });
    expect(fig('msft-openai-2023')).toMatchObject({ value: 10 * B, qualifier: 'reported' });
    expect(investedAsOf(fb, 'microsoft', 'openai', '2026-12-31').paid).toBe(13 * B);
  });
});

describe('figures: Anthropic', () => {
  it('splits Amazon 2026 into $5B exact and up to $20B on milestones', () => {
    expect(fig('amazon-anthropic-2026-now')).toMatchObject({ value: 5 * B, qualifier: 'exact', kind: 'investment' });
    expect(fig('amazon-anthropic-2026-milestones')).toMatchObject({ value: 20 * B, qualifier: 'up-to', kind: 'investment' });
  });

  it('adds Amazon’s Anthropic investments to $13B paid and up to $20B more', () => {
    const sum = investedAsOf(fb, 'amazon', 'anthropic', '2026-12-31');
    expect(sum.paid).toBe(13 * B);
    expect(sum.upTo).toBe(20 * B);
    expect(investedAsOf(fb, 'amazon', 'anthropic', '2024-12-31').paid).toBe(8 * B);
    expect(fig('amazon-anthropic-paid-total-2026')).toMatchObject({ value: 13 * B, kind: 'total' });
    expect(fig('amazon-anthropic-total-2024-11')).toMatchObject({ value: 8 * B, kind: 'total' });
  });

  it('keeps Anthropic’s AWS spending as an "at least" commitment from Anthropic to Amazon', () => {
    expect(fig('anthropic-aws-2026-spend')).toMatchObject({
      value: 100 * B,
      qualifier: 'at-least',
      kind: 'commitment',
      from: 'anthropic',
      to: 'amazon',
      years: 10,
      chip: 'mixed',
    });
    expect(fig('anthropic-aws-2026-capacity')).toMatchObject({ value: 5, unit: 'GW', qualifier: 'up-to' });
  });

  it('gives Microsoft’s and NVIDIA’s Anthropic money as ceilings', () => {
    expect(fig('msft-anthropic-2025')).toMatchObject({ value: 5 * B, qualifier: 'up-to', from: 'microsoft' });
    expect(fig('nvidia-anthropic-2025')).toMatchObject({ value: 10 * B, qualifier: 'up-to', from: 'nvidia' });
    expect(fig('anthropic-azure-2025')).toMatchObject({ value: 30 * B, kind: 'commitment', from: 'anthropic', to: 'microsoft' });
    expect(fig('anthropic-azure-capacity-2025')).toMatchObject({ value: 1, unit: 'GW', qualifier: 'up-to' });
  });
});

describe('figures: commitments and capacity', () => {
  it('gives every commitment a from and a to', () => {
    const commitments = fb.figures.filter((f) => f.kind === 'commitment');
    expect(commitments.length).toBeGreaterThanOrEqual(8);
    for (const f of commitments) {
      expect(f.from, f.id).toBeDefined();
      expect(f.to, f.id).toBeDefined();
    }
  });

  it('never puts gigawatts in dollars', () => {
    for (const f of fb.figures) {
      if (f.kind === 'capacity') expect(f.unit, f.id).toBe('GW');
      if (f.unit === 'GW') expect(f.kind, f.id).toBe('capacity');
    }
  });

  it('runs the $38B AWS deal on NVIDIA GPUs, and names Trainium for the $100B only as its capacity', () => {
    expect(fig('openai-aws-2025')).toMatchObject({ value: 38 * B, years: 7, chip: 'nvidia-gpu', from: 'openai', to: 'amazon' });
    expect(fig('openai-aws-2026')).toMatchObject({ value: 100 * B, years: 8, chip: 'trainium', from: 'openai', to: 'amazon' });
    expect(fig('openai-aws-capacity-2026')).toMatchObject({ value: 2, unit: 'GW', qualifier: 'about', chip: 'trainium' });
  });

  it('keeps Oracle’s $300B as reported', () => {
    expect(fig('openai-oracle-2025')).toMatchObject({ value: 300 * B, qualifier: 'reported', kind: 'commitment' });
  });

  it('adds the CoreWeave contracts up to their stated total', () => {
    const parts = ['openai-coreweave-2025-03', 'openai-coreweave-2025-05', 'openai-coreweave-2025-09'].map((id) => fig(id).value!);
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(22.4 * B, -3);
    expect(fig('openai-coreweave-total-2025')).toMatchObject({ value: 22.4 * B, kind: 'total' });
    expect(fig('openai-coreweave-2025-03').years).toBe(5);
  });

  it('has the $250B Azure commitment from OpenAI to Microsoft', () => {
    expect(fig('openai-azure-2025')).toMatchObject({ value: 250 * B, qualifier: 'exact', kind: 'commitment', from: 'openai', to: 'microsoft' });
  });
});

describe('figures: stake and shares', () => {
  it('dates the 27% stake to the 2025-10-28 event', () => {
    const s = fig('msft-stake-2025');
    expect(s).toMatchObject({ value: 27, unit: 'percent', qualifier: 'about', kind: 'stake', event: 'recapitalisation-2025' });
    expect(ev(s.event).date).toBe('2025-10-28');
    expect(s.note).toMatch(/as-converted, diluted/);
    expect(fig('msft-stake-before-2025')).toMatchObject({ value: 32.5, qualifier: 'exact', kind: 'stake' });
    expect(fig('msft-stake-value-2025')).toMatchObject({ value: 135 * B, qualifier: 'about', kind: 'valuation' });
  });

  it('keeps "just shy of 50%" as a reported profit share, not a stake', () => {
    const p = fig('msft-profit-share-2023');
    expect(p).toMatchObject({ value: 49, kind: 'share', qualifier: 'reported' });
    expect(p.note).toMatch(/not an ownership stake/);
    expect(fb.figures.filter((f) => f.kind === 'stake').map((f) => f.value).sort()).toEqual([27, 32.5]);
  });

  it('marks the 45% as a share of all commercial RPO', () => {
    expect(fig('openai-share-of-rpo-2026')).toMatchObject({ value: 45, qualifier: 'about', kind: 'share' });
    expect(fig('msft-commercial-rpo-2026')).toMatchObject({ value: 625 * B, qualifier: 'exact', kind: 'rpo' });
    expect(fig('openai-rpo-2026')).toMatchObject({ value: 281 * B, qualifier: 'about', kind: 'rpo' });
    expect(fig('msft-capex-fy26-q2')).toMatchObject({ value: 37.5 * B, kind: 'capex' });
  });

  it('counts 1,500 customers as "at least" and "have used"', () => {
    const c = fig('foundry-customers-both-2026');
    expect(c).toMatchObject({ value: 1500, qualifier: 'at-least', kind: 'count' });
    expect(c.note).toMatch(/have used/);
  });

  it('leaves out the unsourced revenue-share rate and keeps the end years as years', () => {
    // Pitfall 9: only unnamed press reports give a rate; the companies said "the same percentage".
    expect(() => fig('revshare-rate-reported')).toThrow();
    expect(fig('revshare-to-microsoft-through-2030')).toMatchObject({ value: 2030, kind: 'year', unit: 'count' });
    expect(fig('msft-licence-2032')).toMatchObject({ value: 2032, kind: 'year', unit: 'count' });
  });

  it('counts Rainier chips, gpt-oss models and the eight days', () => {
    expect(fig('rainier-chips-2025')).toMatchObject({ value: 500000, unit: 'chips', qualifier: 'about' });
    expect(fig('gpt-oss-models-2025')).toMatchObject({ value: 2, qualifier: 'exact' });
    expect(fig('eight-days-2026')).toMatchObject({ value: 8, unit: 'count', qualifier: 'exact' });
  });

  it('keeps years in percent, percent under 100, and a source on every figure', () => {
    for (const f of fb.figures) {
      expect(f.sources.length, f.id).toBeGreaterThan(0);
      if (f.kind === 'year') expect(f.value! > 2000 && f.value! < 2100, f.id).toBe(true);
    }
  });
});

describe('terms', () => {
  it('starts the cloud lane exclusive on 2019-07-22', () => {
    const first = fb.terms.filter((t) => t.lane === 'cloud').sort((a, b) => a.start.localeCompare(b.start))[0]!;
    expect(first).toMatchObject({ start: '2019-07-22', end: '2025-01-20', state: 'exclusive' });
  });

  it('ends exclusivity in three steps (pitfall 4)', () => {
    expect(termsInForce(fb, '2024-06-01').cloud?.state).toBe('exclusive');
    expect(termsInForce(fb, '2025-01-21').cloud?.state).toBe('rofr');
    expect(termsInForce(fb, '2025-10-28').cloud?.state).not.toBe('rofr');
    expect(termsInForce(fb, '2025-10-28').api?.state).toBe('exclusive');
    expect(termsInForce(fb, '2026-03-01').api?.state).toBe('stateless-exclusive');
    const after = termsInForce(fb, '2026-04-27');
    expect(after.cloud?.state).toBe('primary-not-exclusive');
    expect(after.api?.state).toBe('none');
    expect(after.licence?.state).toBe('non-exclusive');
    expect(after.agi?.state).toBe('dropped');
  });

  const dayAfter = (iso: string) => {
    const d = new Date(`${iso}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  };
  /** Each interval of a row starts the day after the one before it ends. */
  const expectNoGap = (list: typeof fb.terms, name: string) => {
    for (let i = 1; i < list.length; i++) expect(list[i]!.start, `${name}: ${list[i]!.id}`).toBe(dayAfter(list[i - 1]!.end!));
  };

  it('covers the cloud, api and licence lanes without a gap from their first day to the reset', () => {
    const first = { cloud: '2019-07-22', api: ev('openai-api-opens-2020').date, licence: '2019-07-22' };
    for (const lane of ['cloud', 'api', 'licence'] as const) {
      const list = fb.terms.filter((t) => t.lane === lane).sort((a, b) => a.start.localeCompare(b.start));
      expect(list[0]!.start, lane).toBe(first[lane]);
      expectNoGap(list, lane);
    }
  });

  it('starts the API lane no earlier than the API itself, 2020-06-11, and the exclusive licence at GPT-3, 2020-09-22 (pitfall 19)', () => {
    expect(ev('openai-api-opens-2020').date).toBe('2020-06-11');
    expect(ev('gpt3-licence-2020').date).toBe('2020-09-22');
    const api = fb.terms.filter((t) => t.lane === 'api');
    expect(api.length).toBeGreaterThan(0);
    for (const t of api) expect(t.start >= '2020-06-11', `${t.id} starts ${t.start}`).toBe(true);
    const exclusiveLicence = fb.terms.filter((t) => t.lane === 'licence' && t.state.startsWith('exclusive'));
    for (const t of exclusiveLicence) expect(t.start >= '2020-09-22', `${t.id} starts ${t.start}`).toBe(true);
    expect(termsInForce(fb, '2020-09-22').licence?.sources).toContain('microsoft-blog-2020-09-22');
  });

  it('leaves no stake interval missing before 2025-10-28: equity from the first investment, 32.5% then about 27% (pitfall 18)', () => {
    const equity = fb.terms.filter((t) => t.lane === 'stake' && t.measure === 'equity').sort((a, b) => a.start.localeCompare(b.start));
    expect(equity[0]?.start, 'equity row starts with the first investment').toBe(ev('microsoft-invests-2019').date);
    expectNoGap(equity, 'stake equity');
    const on = (date: string) => equity.find((t) => termInForce(t, date));
    expect(on('2025-10-27')?.figure).toBe('msft-stake-before-2025');
    expect(on('2025-10-28')?.figure).toBe('msft-stake-2025');
  });
  it('runs the non-exclusive licence to 2032 and the revenue share to Microsoft to 2030, by year', () => {
    const lic = termsInForce(fb, '2026-05-01').licence!;
    expect(lic).toMatchObject({ end: '2032-12-31', endPrecision: 'year', figure: 'msft-licence-2032' });
    const rev = termsInForce(fb, '2026-05-01')['revshare-to-microsoft']!;
    expect(rev).toMatchObject({ end: '2030-12-31', endPrecision: 'year', figure: 'revshare-to-microsoft-through-2030' });
    expect(termsInForce(fb, '2026-04-26')['revshare-to-openai']?.state).toBe('paying');
    expect(termsInForce(fb, '2026-04-27')['revshare-to-openai']?.state).not.toBe('paying');
  });

  it('keeps profit share and equity apart in the stake lane', () => {
    const stakeOn = (date: string, measure: string) => fb.terms.find((t) => t.lane === 'stake' && t.measure === measure && termInForce(t, date));
    expect(stakeOn('2024-01-01', 'profit-share')).toMatchObject({ figure: 'msft-profit-share-2023', confidence: 'reported' });
    expect(stakeOn('2024-01-01', 'equity')).toMatchObject({ figure: 'msft-stake-before-2025' });
    expect(stakeOn('2025-10-28', 'profit-share')).toBeUndefined();
    expect(stakeOn('2025-10-28', 'equity')).toMatchObject({ figure: 'msft-stake-2025' });
  });

  it('says "in force by" wherever a start date is only inferred', () => {
    for (const id of ['api-exclusive-2020', 'stake-equity-before-2025', 'revshare-to-openai-paying-2019', 'revshare-to-microsoft-paying-2019']) {
      const t = fb.terms.find((x) => x.id === id)!;
      expect(t.detail, id).toMatch(/in force by/);
    }
  });
});

describe('quotes', () => {
  const article = 'the-new-stack-reset-decoded';

  it('keeps every quote to 30 words or fewer', () => {
    for (const q of fb.quotes) expect(q.words.trim().split(/\s+/).length, q.id).toBeLessThanOrEqual(30);
  });

  it('attributes Hood’s, Altman’s and Garman’s words to the article', () => {
    for (const q of fb.quotes.filter((x) => ['amy-hood', 'sam-altman', 'matt-garman'].includes(x.speaker))) {
      expect(q.viaArticle, q.id).toBe(true);
      expect(q.source, q.id).toBe(article);
    }
  });

  it('dates the earnings-call quotes 2026-01-28 and the AWS event quotes 2026-04-28', () => {
    for (const q of fb.quotes) {
      if (q.speaker === 'amy-hood' || q.speaker === 'satya-nadella') expect(q.date, q.id).toBe('2026-01-28');
      if (q.speaker === 'sam-altman' || q.speaker === 'matt-garman') expect(q.date, q.id).toBe('2026-04-28');
    }
  });
});

describe('glossary', () => {
  it('has the terms the chapters rely on', () => {
    const ids = new Set(fb.glossary.map((g) => g.id));
    for (const id of [
      'exclusivity', 'right-of-first-refusal', 'revenue-share', 'rpo', 'commercial-rpo', 'trainium', 'bedrock', 'foundry',
      'sagemaker', 'open-weight-model', 'agi-clause', 'limited-preview', 'compute-commitment', 'gigawatt',
      'as-converted-diluted-stake', 'capped-profit-arm', 'frontier-model', 'api',
      'stateless-api', 'stateful-runtime', 'hyperscaler', 'gpu', 'custom-silicon', 'capital-expenditure',
      'non-exclusive-licence', 'primary-cloud', 'recapitalisation', 'agent',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(fb.glossary.find((g) => g.id === 'right-of-first-refusal')!.aliases).toContain('ROFR');
  });

  it('gives no alias to two entries', () => {
    const seen = new Map<string, string>();
    for (const g of fb.glossary) {
      for (const a of [g.term, ...g.aliases].map((s) => s.toLowerCase())) {
        expect(seen.get(a) ?? g.id, `${a} in ${g.id} and ${seen.get(a)}`).toBe(g.id);
        seen.set(a, g.id);
      }
    }
  });
});
