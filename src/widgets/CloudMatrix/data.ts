/**
 * cloud-matrix: which labs' frontier models are sold on which clouds, over time. Server side only.
 * Each cell is a sequence of dated steps, each taken from an event in content/data/events.yaml (its date,
 * precision, confidence and sources). This file chooses which events change which cell; the words of each state
 * are in content/charts/cloud-matrix.yaml, and names of products and models come from entities.yaml. Nothing is dated
 * here that the record does not date: Anthropic's "on all three clouds" is shown as Anthropic's claim, from the day
 * the source article published it.
 */
import type { FactBase } from '../../lib/factbase/schema';
import { formatDateShort, listJoin } from '../../lib/format';
import { getEntity, getEvent, getFigure, getSource } from '../../lib/queries';
import { chartWords } from '../../lib/factbase/load';
import { fill, type WordValues } from '../../lib/chart-words';
import { CELL_STATES, type ChartWords } from '../../lib/factbase/chart-words-schema';
import { FactBaseError } from '../../lib/factbase/validate';
import { STORY_END, STORY_NOW, STORY_START } from '../../lib/site';
import type { WidgetDefinition } from '../registry';
import type { Moment } from '../shared/AsOfControl.svelte';
import { sourceRefs } from '../shared/sources';
import type { DataRow, SourceRef, WidgetMeta } from '../shared/types';

/** What a reader can buy on a cloud (the states content/charts/cloud-matrix.yaml words). */
export type CellState = (typeof CELL_STATES)[number];
export type Confidence = 'confirmed' | 'reported' | 'article-only';

export interface Step {
  /** From this day (inclusive) until the next step. */
  from: string;
  precision: 'day' | 'month' | 'quarter' | 'year';
  state: CellState;
  /** Words in the cell: "Limited preview". */
  label: string;
  /** A second line in the cell, when the state needs one. */
  note: string | null;
  /** The state as a clause of the summary: "in limited preview on AWS". */
  phrase: string;
  /** The longer account in the details panel. */
  detail: string;
  confidence: Confidence;
  /** The event that set this state, or null for a claim with no event. */
  event: string | null;
  sources: string[];
  /** True for a state the record cannot date: drawn "date not in our record". */
  undated: boolean;
}

export interface ComputeTie {
  from: string;
  precision: Step['precision'];
  event: string;
  label: string;
  confidence: Confidence;
  sources: string[];
}

export interface Cell {
  id: string;
  lab: string;
  cloud: string;
  steps: Step[];
  /** The cloud also (or only) supplies the lab with computing: not the same as selling its models. */
  compute: ComputeTie | null;
}

export interface CloudMatrixData {
  meta: WidgetMeta;
  labs: { id: string; name: string; color: string | null }[];
  clouds: { id: string; name: string; short: string; company: string; color: string | null }[];
  cells: Cell[];
  moments: Moment[];
  sources: Record<string, SourceRef>;
  /** The compressed strip axis: first day, the day detail begins, last day. */
  strip: { start: string; focus: string; end: string };
  /** The words view.ts writes (content/charts/cloud-matrix.yaml), and shared.yaml's tags and sources' lead. */
  words: CloudMatrixWords;
}
export type CloudMatrixWords = Pick<ChartWords<'cloud-matrix'>, 'states' | 'cell' | 'summary' | 'history' | 'strip' | 'table'> & {
  tags: ChartWords<'shared'>['tags'];
  sources: string;
};

// --- Editorial choices (no dates or amounts: those come from the events; no words: those are content) ----------

const SOURCE_ARTICLE = 'the-new-stack-reset-decoded';

type Ev = ReturnType<typeof getEvent>;
/** A step's words, filled: the state's own label where the step gives none. */
type StepWords = { label?: string; note?: string; phrase: string; detail?: string };

function fromEvent(e: Ev, state: CellState, states: Record<CellState, string>, words: StepWords): Step {
  return {
    from: e.date,
    precision: e.precision,
    state,
    label: words.label ?? states[state],
    note: words.note ?? null,
    phrase: words.phrase,
    detail: (words.detail ?? e.summary).replace(/\s+/g, ' ').trim(),
    confidence: e.confidence,
    event: e.id,
    sources: [...e.sources],
    undated: false,
  };
}

function computeTie(e: Ev, label: string): ComputeTie {
  return { from: e.date, precision: e.precision, event: e.id, label, confidence: e.confidence, sources: [...e.sources] };
}

export function buildCloudMatrix(fb: FactBase): CloudMatrixData {
  const ev = (id: string) => getEvent(fb, id);
  const w = chartWords(fb, 'cloud-matrix');
  const shared = chartWords(fb, 'shared');
  const name = (id: string) => getEntity(fb, id).name;
  const short = (id: string) => getEntity(fb, id).short ?? getEntity(fb, id).name;

  const openai = name('openai');
  const anthropic = name('anthropic');
  const claude = name('claude');
  const gptOss = getEntity(fb, 'gpt-oss');
  const ossModels = [...new Set(gptOss.description.match(/gpt-oss-\w+/g) ?? [])];
  const ossEvery = ossModels.length > 0 && getFigure(fb, 'gpt-oss-models-2025').value === ossModels.length;
  const aws38 = fb.figures.find((f) => f.event === 'aws-openai-38b-2025' && f.kind === 'commitment');
  // The names of record any text of a cell may use (the schema's CLOUD_MATRIX_NAMES).
  const names: WordValues = {
    openai,
    anthropic,
    claude,
    bedrock: short('bedrock'),
    foundry: name('foundry'),
    copilot: name('microsoft-365-copilot'),
    codex: name('codex'),
    google: name('google'),
    nvidia: name('nvidia'),
    rainier: name('project-rainier'),
  };
  const say = (template: string, where: string, more: WordValues = {}) => fill(template, { ...names, ...more }, `cloud-matrix ${where}`).replace(/\s+/g, ' ').trim();
  const cw = w.cells;
  /** A step's words from the file, filled (its detail keeps the event's summary where it names it). */
  const stepWords = (e: Ev, words: { label?: string; note?: string; phrase: string; detail?: string }, where: string, more: WordValues = {}): StepWords => ({
    ...(words.label !== undefined && { label: say(words.label, `${where}.label`, more) }),
    ...(words.note !== undefined && { note: say(words.note, `${where}.note`, more) }),
    phrase: say(words.phrase, `${where}.phrase`, more),
    ...(words.detail !== undefined && { detail: say(words.detail, `${where}.detail`, { ...more, summary: e.summary }) }),
  });
  const step = (cell: keyof typeof cw, event: string, state: CellState, words: Parameters<typeof stepWords>[1], more: WordValues = {}) =>
    fromEvent(ev(event), state, w.states, stepWords(ev(event), words, `cells.${cell}.${event}`, more));
  const tie = (cell: keyof typeof cw, event: string, text: string) => computeTie(ev(event), say(text, `cells.${cell}.compute`));

  const clouds = [
    { id: 'azure', name: name('azure'), short: name('azure'), company: 'microsoft' },
    { id: 'aws', name: short('amazon'), short: short('amazon'), company: 'amazon' },
    { id: 'google', name: name('google-cloud'), short: name('google-cloud'), company: 'google' },
  ].map((c) => ({ ...c, color: getEntity(fb, c.company).color ?? null }));
  const labs = ['openai', 'anthropic'].map((id) => ({ id, name: name(id), color: getEntity(fb, id).color ?? null }));

  // Anthropic's own claim, as the source article reports it: dated by the article, not by any launch.
  const article = getSource(fb, SOURCE_ARTICLE);
  const claimStep = (cloud: string): Step => {
    const more = { cloud, publisher: article.publisher, published: fill(article.approximate ? w.claim.around : w.claim.on, { date: { date: article.published, precision: article.precision } }) };
    return {
      from: article.published,
      precision: article.precision,
      state: 'claimed',
      label: w.states.claimed,
      note: say(w.claim.note, 'claim.note', more),
      phrase: say(w.claim.phrase, 'claim.phrase', more),
      detail: say(w.claim.detail, 'claim.detail', more),
      confidence: 'article-only',
      event: null,
      sources: [SOURCE_ARTICLE],
      undated: true,
    };
  };

  const oss = cw['openai-aws']['gpt-oss-on-bedrock-2025'];
  const ossValues = { models: ossModels.length ? listJoin(ossModels) : gptOss.name, family: gptOss.name };
  const cells: Cell[] = [
    {
      id: 'openai-azure',
      lab: 'openai',
      cloud: 'azure',
      steps: [
        step('openai-azure', 'microsoft-invests-2019', 'exclusive', cw['openai-azure']['microsoft-invests-2019']),
        step('openai-azure', 'stateless-api-statement-2026', 'exclusive', cw['openai-azure']['stateless-api-statement-2026']),
        step('openai-azure', 'reset-2026', 'available', cw['openai-azure']['reset-2026']),
      ],
      compute: tie('openai-azure', 'microsoft-invests-2019', cw['openai-azure'].compute),
    },
    {
      id: 'openai-aws',
      lab: 'openai',
      cloud: 'aws',
      steps: [
        step('openai-aws', 'gpt-oss-on-bedrock-2025', 'open-weight', { note: ossEvery ? oss.noteEvery : oss.note, phrase: ossEvery ? oss.phraseEvery : oss.phrase }, ossValues),
        step('openai-aws', 'openai-on-bedrock-preview-2026', 'preview', cw['openai-aws']['openai-on-bedrock-preview-2026']),
        step('openai-aws', 'codex-bedrock-ga-2026', 'partial', cw['openai-aws']['codex-bedrock-ga-2026']),
      ],
      compute: tie('openai-aws', 'aws-openai-38b-2025', aws38?.chip === 'nvidia-gpu' ? cw['openai-aws'].computeGpu : cw['openai-aws'].compute),
    },
    {
      id: 'openai-google',
      lab: 'openai',
      cloud: 'google',
      steps: [],
      compute: tie('openai-google', 'openai-google-cloud-2025', cw['openai-google'].compute),
    },
    {
      id: 'anthropic-azure',
      lab: 'anthropic',
      cloud: 'azure',
      steps: [
        step('anthropic-azure', 'claude-in-m365-copilot-2025', 'in-app', cw['anthropic-azure']['claude-in-m365-copilot-2025']),
        step('anthropic-azure', 'microsoft-nvidia-anthropic-2025', 'available', cw['anthropic-azure']['microsoft-nvidia-anthropic-2025']),
      ],
      compute: tie('anthropic-azure', 'microsoft-nvidia-anthropic-2025', cw['anthropic-azure'].compute),
    },
    {
      id: 'anthropic-aws',
      lab: 'anthropic',
      cloud: 'aws',
      steps: [claimStep(clouds[1]!.short)],
      compute: tie('anthropic-aws', 'project-rainier-live-2025', cw['anthropic-aws'].compute),
    },
    {
      id: 'anthropic-google',
      lab: 'anthropic',
      cloud: 'google',
      steps: [claimStep(clouds[2]!.short)],
      compute: null,
    },
  ];
  const eventIds = [...new Set(cells.flatMap((c) => [...c.steps.map((s) => s.event), c.compute?.event]).filter((x): x is string => !!x))].sort(
    (a, b) => ev(a).date.localeCompare(ev(b).date) || a.localeCompare(b),
  );
  if (w.history.hint.split('{line}').length !== 2) throw new FactBaseError('content/charts/cloud-matrix.yaml', 'history', 'hint', 'must name {line} once: the dotted line it explains is drawn there');
  // Every key moment is an event that changed a cell: a misspelt or stray id in the file fails here, never silently.
  for (const id of Object.keys(w.moments)) {
    if (!eventIds.includes(id)) throw new FactBaseError('content/charts/cloud-matrix.yaml', 'moments', id, 'is not an event that changes a cell of this chart');
  }
  const moments: Moment[] = Object.entries(w.moments)
    .map(([id, momentName]) => ({ id, date: ev(id).date, name: momentName, when: formatDateShort(ev(id).date, 'month'), title: ev(id).title }))
    .sort((a, b) => a.date.localeCompare(b.date));

  const sourceIds = [...new Set(cells.flatMap((c) => [...c.steps.flatMap((s) => s.sources), ...(c.compute?.sources ?? [])]))];
  const refs = sourceRefs(fb, sourceIds);
  const companies = ['openai', 'anthropic', 'microsoft', 'amazon', 'google'];

  const meta: WidgetMeta = {
    id: 'cloud-matrix',
    title: w.title.text,
    takeaway: fill(w.takeaway.text, { openai, anthropic, claude, bedrock: name('bedrock') }, 'cloud-matrix takeaway'),
    sources: refs,
    highlights: [
      ...companies.map((id) => ({ id, label: name(id) })),
      ...eventIds.map((id) => ({ id, label: ev(id).title })),
    ],
    range: { min: STORY_START, max: STORY_END },
    defaultAsOf: STORY_NOW,
  };

  return {
    meta,
    labs,
    clouds,
    cells,
    moments,
    sources: Object.fromEntries(refs.map((r) => [r.id, r])),
    strip: { start: '2019-01-01', focus: '2025-01-01', end: '2027-01-01' },
    words: { states: w.states, cell: w.cell, summary: w.summary, history: w.history, strip: w.strip, table: w.table, tags: shared.tags, sources: shared.source.lead },
  };
}

function dataRows(fb: FactBase): DataRow[] {
  const d = buildCloudMatrix(fb);
  const w = chartWords(fb, 'cloud-matrix').data;
  const urls = (ids: string[]) => ids.map((id) => getSource(fb, id).url ?? '').filter(Boolean).join(' ');
  const rows: DataRow[] = [];
  for (const c of d.cells) {
    const lab = d.labs.find((l) => l.id === c.lab)!.name;
    const cloud = d.clouds.find((x) => x.id === c.cloud)!.name;
    for (const s of c.steps) {
      rows.push({
        id: `${c.id}-${s.state}-${s.from}`,
        lab,
        cloud,
        kind: s.undated ? w.claim : w.availability,
        state: s.state,
        label: s.label,
        date: s.from,
        date_precision: s.precision,
        date_note: s.undated ? w.claimDate : '',
        event: s.event ?? '',
        qualifier: s.confidence,
        source_ids: s.sources.join(' '),
        source_urls: urls(s.sources),
      });
    }
    if (c.compute) {
      rows.push({
        id: `${c.id}-compute-${c.compute.from}`,
        lab,
        cloud,
        kind: w.compute,
        state: 'compute',
        label: c.compute.label,
        date: c.compute.from,
        date_precision: c.compute.precision,
        date_note: '',
        event: c.compute.event,
        qualifier: c.compute.confidence,
        source_ids: c.compute.sources.join(' '),
        source_urls: urls(c.compute.sources),
      });
    }
  }
  return rows;
}

export const widget: WidgetDefinition<CloudMatrixData> = {
  id: 'cloud-matrix',
  buildData: buildCloudMatrix,
  dataRows,
};
