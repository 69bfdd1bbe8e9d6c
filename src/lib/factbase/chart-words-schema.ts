/**
 * The shape of each chart's words (content/charts/<widget-id>.yaml): which entries and fields a chart needs, and which
 * placeholders each field may use (../chart-words.ts fills them). A file is a mapping of entries; an entry is a
 * mapping of fields to text, or just text (read as the field `text`).
 */
import { z } from 'astro/zod';
import { fillFigures, templateProblem } from '../chart-words';
import { EVENT_KINDS, type Figure } from './schema';
import { WIDGET_IDS } from '../widgets';
import { FactBaseError } from './validate';

/** A text that may name the given values (and any figure). */
const words = (...allowed: string[]) =>
  z.string().superRefine((s, ctx) => {
    const problem = s.trim() === '' ? 'is empty' : templateProblem(s, allowed);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
/** An entry of named fields; a bare string stands for its `text` field. */
const entry = <T extends z.ZodRawShape>(fields: T) =>
  z.preprocess((v) => (typeof v === 'string' ? { text: v } : v), z.strictObject(fields));
const text = (...allowed: string[]) => entry({ text: words(...allowed) });
/** An entry whose fields are keyed by the record (a term's lane and state, an event id). */
const keyed = (...allowed: string[]) => z.record(z.string(), words(...allowed));

/** cloud-matrix's states of a cell (CloudMatrix/data.ts CellState): what a customer could buy on a cloud. */
export const CELL_STATES = ['exclusive', 'available', 'partial', 'preview', 'open-weight', 'in-app', 'claimed', 'unknown', 'none'] as const;
/** cloud-matrix's names of record, which any text of its cells may use (CloudMatrix/data.ts fills them). */
const CLOUD_MATRIX_NAMES = ['openai', 'anthropic', 'claude', 'bedrock', 'foundry', 'copilot', 'codex', 'google', 'nvidia', 'rainier'];
const named = (...more: string[]) => words(...CLOUD_MATRIX_NAMES, ...more);

/** Entries of a chart whose title and takeaway name no values. */
const frame = { title: text(), takeaway: text() };

/** A file per chart, and shared.yaml for the words every chart's frame and controls use. */
export const CHART_WORD_IDS = [...WIDGET_IDS, 'shared'] as const;
export type ChartWordsId = (typeof CHART_WORD_IDS)[number];

export const CHART_WORDS = {
  'money-flows': z.strictObject({
    ...frame,
    part: entry({
      paid: words('amount'),
      about: words('amount'),
      atLeast: words('amount'),
      now: words('part'),
      conditional: words('amount'),
      upTo: words('amount'),
      undisclosed: words(),
      next: words('part'),
      notYet: words(),
    }),
    detail: entry({
      text: words('from', 'to', 'date', 'title', 'parts', 'sources'),
      part: words('amount', 'sure'),
      partWithNote: words('amount', 'sure', 'note'),
      undisclosed: words(),
      notYet: words('date'),
      hint: words(),
    }),
    note: entry({ paidIn: words('amount', 'date'), total: words('amount'), totalAbout: words('amount'), totalUpTo: words('amount'), headline: words('amount'), notYet: words() }),
    overTime: entry({
      committed: words('amount'),
      conditional: words('amount'),
      upTo: words('amount'),
      marker: words('from', 'to', 'date', 'what'),
      markerReported: words('from', 'to', 'date', 'what'),
      key: words(),
      keyReported: words(),
      keyPaid: words(),
      today: words('short'),
    }),
    views: entry({ label: words(), deal: words(), time: words() }),
    summary: entry({
      asOf: words('date', 'clauses'),
      noneYet: words('date', 'from', 'to', 'first'),
      committed: words('from', 'amount', 'to'),
      rounds: words('count'),
      reportedOne: words(),
      reportedSome: words('count'),
      paidIn: words('amount', 'date'),
      conditional: words('amount'),
      upTo: words('amount'),
      promisedUpTo: words('from', 'amount', 'to'),
      andConditional: words('amount'),
      promisedConditional: words('from', 'amount', 'to'),
      undisclosed: words('from', 'to'),
      plusUndisclosed: words('count'),
    }),
    table: entry({
      pair: words(),
      date: words(),
      amount: words(),
      sure: words(),
      drawn: words(),
      state: words('short'),
      undisclosed: words(),
      made: words(),
      known: words(),
      notYet: words(),
      paid: words(),
      conditional: words(),
      upTo: words(),
      undisclosedDrawn: words(),
      paidToDate: words(),
      total: words(),
    }),
    data: entry({ annotation: words() }),
  }),
  'terms-timeline': z.strictObject({
    title: text(),
    takeaway: entry({ text: words('first', 'second', 'third', 'kept'), kept: words('what'), licence: words('through'), stake: words('share') }),
    through: text('year'),
    rows: z.record(z.string(), z.strictObject({ name: words(), sub: words(), tight: words(), group: words().optional() })),
    short: keyed(),
    clause: keyed('through', 'share'),
    asOfEnd: text('date'),
    moments: keyed(),
    statement: entry({
      text: words('date', 'clauses', 'missing'),
      missing: words('names'),
      stake: words(),
      bothWays: words('reported'),
      reported: words(),
      none: words('date'),
      noneBefore: words('date', 'first'),
    }),
    dates: entry({ text: words('start', 'end'), open: words('start'), noEnd: words(), through: words('year') }),
    certainty: entry({ confirmed: words(), reported: words(), 'article-only': words() }),
    status: entry({ notYet: words(), inForce: words(), ended: words(), spoken: words('date') }),
    measure: entry({ 'profit-share': words(), equity: words() }),
    note: text(),
    controls: entry({ asOf: words(), hint: words() }),
    key: entry({ label: words(), strength: words(), none: words(), fades: words() }),
    asOfLine: text(),
    now: entry({ reported: words(), ended: words('date'), notYet: words('date'), notYetShort: words(), none: words() }),
    table: entry({
      term: words(),
      state: words(),
      from: words(),
      to: words(),
      certainty: words(),
      now: words('short'),
      noEnd: words(),
      through: words('year'),
      inForce: words(),
      notYet: words(),
      ended: words(),
    }),
  }),
  'compute-commitments': z.strictObject({
    ...frame,
    amount: entry({
      exact: words('amount'),
      about: words('amount'),
      atLeast: words('amount'),
      upTo: words('amount'),
      reported: words('amount'),
      undisclosed: words(),
      undisclosedLong: words(),
      total: words('amount'),
    }),
    capacity: entry({ exact: words('gw', 'unit'), about: words('gw', 'unit'), upTo: words('gw', 'unit'), unit: words(), unitLong: words('count') }),
    length: entry({ years: words('years'), about: words('years'), from: words('year'), notStated: words(), notStatedShort: words() }),
    chips: entry({ trainium: words(), 'nvidia-gpu': words(), mixed: words() }),
    detail: entry({
      who: words('lab', 'cloud', 'date'),
      amount: words('who', 'amount', 'sure'),
      over: words('years'),
      capacity: words('gw', 'sure'),
      chips: words('chips'),
      text: words('bits', 'note', 'sources'),
      notYet: words('date'),
      hint: words(),
      eightDays: words('note', 'sources'),
    }),
    summary: entry({
      asOf: words('date', 'clauses'),
      noneYet: words('date'),
      lab: words('lab', 'clouds'),
      cloud: words('cloud', 'contracts'),
      cloudTotal: words('cloud', 'contracts', 'total'),
      over: words('amount', 'years'),
      on: words('amount', 'chips'),
      capacityOf: words('capacity', 'chips'),
    }),
    panels: entry({ usd: words(), usdNarrow: words(), gw: words(), years: words(), total: words('total'), totalShort: words('total'), notYet: words() }),
    eightDays: entry({ headline: words('source'), label: words('days', 'start', 'end'), days: words('days') }),
    leftOut: text('label', 'reason'),
    key: entry({ label: words(), trainium: words(), 'nvidia-gpu': words(), mixed: words(), open: words() }),
    table: entry({
      lab: words(),
      cloud: words(),
      date: words(),
      amount: words(),
      sure: words(),
      years: words(),
      gw: words(),
      chips: words(),
      state: words('short'),
      signed: words(),
      known: words(),
      notYet: words(),
      total: words(),
      notStated: words(),
    }),
  }),
  'cloud-matrix': z.strictObject({
    title: text(),
    takeaway: text('openai', 'anthropic', 'claude', 'bedrock'),
    states: entry(Object.fromEntries(CELL_STATES.map((s) => [s, words()])) as Record<(typeof CELL_STATES)[number], ReturnType<typeof words>>),
    key: entry({
      label: words(),
      exclusive: words(),
      available: words(),
      preview: words(),
      'open-weight': words(),
      'in-app': words(),
      claimed: words(),
      none: words(),
      compute: words(),
    }),
    moments: keyed(),
    controls: entry({ asOf: words() }),
    // The events that change each cell are the chart's choice (CloudMatrix/data.ts); these are their words.
    cells: entry({
      'openai-azure': z.strictObject({
        'microsoft-invests-2019': z.strictObject({ note: named(), phrase: named(), detail: named('summary') }),
        'stateless-api-statement-2026': z.strictObject({ note: named(), phrase: named() }),
        'reset-2026': z.strictObject({ note: named(), phrase: named() }),
        compute: named(),
      }),
      'openai-aws': z.strictObject({
        'gpt-oss-on-bedrock-2025': z.strictObject({ note: named('models'), noteEvery: named('models'), phrase: named('family'), phraseEvery: named('family') }),
        'openai-on-bedrock-preview-2026': z.strictObject({ note: named(), phrase: named() }),
        'codex-bedrock-ga-2026': z.strictObject({ label: named(), note: named(), phrase: named() }),
        compute: named(),
        computeGpu: named(),
      }),
      'openai-google': z.strictObject({ compute: named() }),
      'anthropic-azure': z.strictObject({
        'claude-in-m365-copilot-2025': z.strictObject({ label: named(), note: named(), phrase: named() }),
        'microsoft-nvidia-anthropic-2025': z.strictObject({ label: named(), phrase: named() }),
        compute: named(),
      }),
      'anthropic-aws': z.strictObject({ compute: named() }),
    }),
    claim: entry({ note: named('publisher'), phrase: named('cloud'), detail: named('cloud', 'publisher', 'published'), on: words('date'), around: words('date') }),
    cell: entry({ since: words('date'), claimPublished: words('date'), computeOnly: words('date'), computeAlso: words('date'), noLaunchDate: words() }),
    summary: entry({ text: words('date', 'labs'), lab: words('lab', 'clauses'), computeOnly: words('cloud', 'lab'), noRecord: words('cloud'), none: words('cloud') }),
    history: entry({
      title: words('lab', 'cloud'),
      undated: words('date'),
      empty: words('lab', 'cloud'),
      asOf: words(),
      now: words(),
      chosen: words(),
      hint: words('line'),
    }),
    strip: entry({ title: words() }),
    table: entry({
      lab: words(),
      cloud: words(),
      since: words(),
      certainty: words(),
      compute: words(),
      before: words('until'),
      after: words('from'),
      on: words('from'),
      between: words('from', 'to'),
      undated: words(),
    }),
    data: entry({ availability: words(), claim: words(), compute: words(), claimDate: words() }),
  }),
  'rpo-exposure': z.strictObject({
    title: text('openai'),
    takeaway: text('openai'),
    heading: entry({ wide: words('microsoft'), narrow: words(), wideAmount: words('microsoft'), narrowAmount: words(), disclosed: words('disclosed') }),
    labels: entry({ tiedTo: words('openai'), restWide: words(), restNarrow: words(), half: words() }),
    empty: entry({ title: words(), wide: words('microsoft', 'disclosed'), narrow: words('microsoft', 'disclosed') }),
    details: entry({
      openai: words('microsoft', 'openai', 'sure', 'disclosed', 'source'),
      rest: words('openai', 'rest', 'restShare', 'disclosed', 'source'),
      total: words('microsoft', 'sure', 'note', 'disclosed', 'source'),
      source: words('publishers'),
      hint: words(),
    }),
    aria: entry({ openai: words('openai'), rest: words('rest', 'restShare'), total: words() }),
    summary: entry({ before: words('date', 'microsoft', 'openai', 'disclosed'), after: words('date', 'microsoft', 'openai', 'disclosed') }),
    note: text('term', 'definition', 'commercialTerm', 'commercial', 'openai'),
    table: entry({
      what: words(),
      amount: words(),
      sure: words(),
      date: words(),
      total: words('microsoft'),
      share: words('openai'),
      openai: words('openai'),
      rest: words(),
      restAmount: words('rest', 'restShare'),
      notYet: words(),
    }),
  }),
  timeline: z.strictObject({
    title: entry({ text: words(), compact: words() }),
    takeaway: text('count', 'first', 'last'),
    summary: entry({
      none: words('filters', 'total'),
      showing: words('count', 'total', 'first', 'last', 'filtered', 'by', 'date', 'highlighted', 'tagged'),
      filtered: words('filters'),
      all: words(),
      highlightedEvent: words('event'),
      highlightedCompany: words('count', 'name'),
      tagged: words('count'),
      kinds: words('kinds'),
    }),
    key: entry({ label: words(), day: words(), month: words(), year: words() }),
    filters: entry({ companies: words(), companiesLabel: words(), kinds: words(), kindsLabel: words(), all: words(), none: words() }),
    marker: text('date'),
    readIn: text('chapter'),
    kinds: entry(Object.fromEntries(EVENT_KINDS.map((k) => [k, words()])) as Record<(typeof EVENT_KINDS)[number], ReturnType<typeof words>>),
    table: entry({ date: words(), title: words(), kind: words(), companies: words(), certainty: words(), sources: words() }),
  }),
  shared: z.strictObject({
    certainty: entry({ label: words(), solid: words(), hatched: words(), outline: words(), undisclosed: words(), reported: words(), articleOnly: words() }),
    tags: entry({ reported: words(), articleOnly: words(), claim: words() }),
    controls: entry({ asOf: words(), showData: words(), moments: words(), slider: words('label') }),
    table: entry({ label: words('title'), caption: words('title') }),
    source: entry({
      lead: words('count'),
      and: words(),
      embed: words(),
      embedFor: words(),
      data: words(),
      dataFor: words(),
      cite: words(),
      citeFor: words(),
    }),
    sequence: text('title'),
  }),
} satisfies Record<ChartWordsId, z.ZodType>;

export type ChartWords<K extends ChartWordsId> = z.infer<(typeof CHART_WORDS)[K]>;
export type ChartWordsBase = { [K in ChartWordsId]: ChartWords<K> };

/** A parsed file with each text passed through `f` (given its entry and field). */
function mapTexts(value: unknown, f: (text: string, path: string[]) => string, path: string[] = []): unknown {
  if (typeof value === 'string') return f(value, path);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapTexts(v, f, [...path, k])]));
  return value;
}

/**
 * Checks each chart's words against its schema and the fact base's figures, and fills every `{figure:<id>}`. Each
 * failure names the file, the entry and the field:
 * `content/charts/money-flows.yaml: entry "takeaway", field "text": unknown figure "x"`.
 */
export function validateChartWords(raw: Partial<Record<ChartWordsId, unknown>>, figures: readonly Figure[], dir = 'content/charts'): ChartWordsBase {
  const figureIds = new Set(figures.map((f) => f.id));
  const out: Partial<Record<ChartWordsId, unknown>> = {};
  for (const id of CHART_WORD_IDS) {
    const file = `${dir}/${id}.yaml`;
    if (raw[id] === undefined) throw new FactBaseError(file, null, null, 'is missing: every chart keeps its words in a file of its own');
    const parsed = CHART_WORDS[id].safeParse(raw[id]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const path = [...issue.path.map(String), ...keys.slice(0, 1)];
      const problem = keys.length ? 'is not a word this chart uses (a misspelt key?)' : issue.message;
      throw new FactBaseError(file, path[0] ?? null, path.length > 1 ? path.slice(1).join('.') : null, problem);
    }
    out[id] = mapTexts(parsed.data, (text, path) => {
      // Named values were checked by the schema; here only figure ids remain.
      const problem = templateProblem(text, null, figureIds);
      if (problem) throw new FactBaseError(file, path[0] ?? null, path.slice(1).join('.') || null, problem);
      return fillFigures(text, figures);
    });
  }
  return out as ChartWordsBase;
}
