/**
 * cloud-matrix: which labs' frontier models are sold on which clouds, over time. Server side only.
 * Each cell is a sequence of dated steps, each taken from an event in content/data/events.yaml (its date,
 * precision, confidence and sources). This file chooses which events change which cell and words the states;
 * names of products and models come from entities.yaml. Nothing is dated here that the record does not date:
 * Anthropic's "on all three clouds" is shown as Anthropic's claim, from the day the source article published it.
 */
import type { FactBase } from '../../lib/factbase/schema';
import { formatDate, formatDateShort, listJoin } from '../../lib/format';
import { getEntity, getEvent, getFigure, getSource } from '../../lib/queries';
import { chartWords } from '../../lib/factbase/load';
import { fill } from '../../lib/chart-words';
import { STORY_END, STORY_NOW, STORY_START } from '../../lib/site';
import type { WidgetDefinition } from '../registry';
import type { Moment } from '../shared/AsOfControl.svelte';
import { sourceRefs } from '../shared/sources';
import type { DataRow, SourceRef, WidgetMeta } from '../shared/types';

/** What a reader can buy on a cloud. Order matters only for the key. */
export const CELL_STATES = ['exclusive', 'available', 'partial', 'preview', 'open-weight', 'in-app', 'claimed', 'unknown', 'none'] as const;
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
}

// --- Wording and editorial choices (no dates or amounts: those come from the events) -------------------------

const STATE_LABEL: Record<CellState, string> = {
  exclusive: 'Available, exclusive',
  available: 'Available',
  partial: 'Partly available',
  preview: 'Limited preview',
  'open-weight': 'Open-weight only',
  'in-app': 'In an app only',
  claimed: 'Available (date not in our record)',
  unknown: 'No dated record',
  none: 'Not available',
};

const MOMENT_NAME: Record<string, string> = {
  'microsoft-invests-2019': '2019 deal',
  'gpt-oss-on-bedrock-2025': 'gpt-oss on AWS',
  'claude-in-m365-copilot-2025': 'Claude in Copilot',
  'microsoft-nvidia-anthropic-2025': 'Claude in Foundry',
  'reset-2026': 'The reset',
  'openai-on-bedrock-preview-2026': 'OpenAI on Bedrock',
  'codex-bedrock-ga-2026': 'Codex GA',
};

const SOURCE_ARTICLE = 'the-new-stack-reset-decoded';

type Ev = ReturnType<typeof getEvent>;

function fromEvent(e: Ev, state: CellState, words: { label?: string; note?: string | null; phrase: string; detail?: string }): Step {
  return {
    from: e.date,
    precision: e.precision,
    state,
    label: words.label ?? STATE_LABEL[state],
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
  const name = (id: string) => getEntity(fb, id).name;
  const short = (id: string) => getEntity(fb, id).short ?? getEntity(fb, id).name;

  const openai = name('openai');
  const anthropic = name('anthropic');
  const claude = name('claude');
  const bedrock = short('bedrock');
  const foundry = name('foundry');
  const copilot = name('microsoft-365-copilot');
  const codex = name('codex');
  const gptOss = getEntity(fb, 'gpt-oss');
  const ossModels = [...new Set(gptOss.description.match(/gpt-oss-\w+/g) ?? [])];
  const ossCount = getFigure(fb, 'gpt-oss-models-2025').value;
  const aws38 = fb.figures.find((f) => f.event === 'aws-openai-38b-2025' && f.kind === 'commitment');

  const clouds = [
    { id: 'azure', name: name('azure'), short: name('azure'), company: 'microsoft' },
    { id: 'aws', name: short('amazon'), short: short('amazon'), company: 'amazon' },
    { id: 'google', name: `${name('google')} Cloud`, short: `${name('google')} Cloud`, company: 'google' },
  ].map((c) => ({ ...c, color: getEntity(fb, c.company).color ?? null }));
  const labs = ['openai', 'anthropic'].map((id) => ({ id, name: name(id), color: getEntity(fb, id).color ?? null }));

  // Anthropic's own claim, as the source article reports it: dated by the article, not by any launch.
  const article = getSource(fb, SOURCE_ARTICLE);
  const claimStep = (cloud: string): Step => ({
    from: article.published,
    precision: article.precision,
    state: 'claimed',
    label: STATE_LABEL.claimed,
    note: `${anthropic}’s claim, via ${article.publisher}`,
    phrase: `on ${cloud} by ${anthropic}’s own claim (date not in our record)`,
    detail: `${anthropic} says ${claude} is the only frontier model family available on all three major clouds, as ${article.publisher} reported ${article.approximate ? 'around' : 'on'} ${formatDate(article.published, article.precision)}. Our record has no dated launch of ${claude} on ${cloud}, so none is shown.`,
    confidence: 'article-only',
    event: null,
    sources: [SOURCE_ARTICLE],
    undated: true,
  });

  const cells: Cell[] = [
    {
      id: 'openai-azure',
      lab: 'openai',
      cloud: 'azure',
      steps: [
        fromEvent(ev('microsoft-invests-2019'), 'exclusive', {
          note: `${openai}’s API ran only on Azure`,
          phrase: 'on Azure, exclusively',
          detail: `${ev('microsoft-invests-2019').summary} Our record first names the API as exclusive to Azure in the January 2023 extension, so read it as in force by then.`,
        }),
        fromEvent(ev('stateless-api-statement-2026'), 'exclusive', {
          note: 'stateless APIs Azure-only (restated)',
          phrase: 'on Azure, with its stateless APIs exclusive to it',
        }),
        fromEvent(ev('reset-2026'), 'available', {
          note: 'primary cloud, no longer exclusive',
          phrase: 'on Azure, its primary cloud but no longer an exclusive one',
        }),
      ],
      compute: computeTie(ev('microsoft-invests-2019'), 'Azure has supplied its computing since the 2019 deal'),
    },
    {
      id: 'openai-aws',
      lab: 'openai',
      cloud: 'aws',
      steps: [
        fromEvent(ev('gpt-oss-on-bedrock-2025'), 'open-weight', {
          note: ossModels.length ? `${ossCount === ossModels.length ? 'both: ' : ''}${listJoin(ossModels)}` : gptOss.name,
          phrase: `on ${bedrock} only as open-weight models (${ossCount === ossModels.length ? 'both ' : ''}${gptOss.name} models)`,
        }),
        fromEvent(ev('openai-on-bedrock-preview-2026'), 'preview', {
          note: 'which model: sources differ',
          phrase: `in limited preview on ${bedrock}`,
        }),
        fromEvent(ev('codex-bedrock-ga-2026'), 'partial', {
          label: `${codex} generally available`,
          note: 'models: limited preview, as last recorded',
          phrase: `on ${bedrock}, where ${codex} is generally available (reported) and its models were last recorded in limited preview`,
        }),
      ],
      compute: computeTie(ev('aws-openai-38b-2025'), `AWS supplies computing${aws38?.chip === 'nvidia-gpu' ? ` on ${name('nvidia')} GPUs` : ''}`),
    },
    {
      id: 'openai-google',
      lab: 'openai',
      cloud: 'google',
      steps: [],
      compute: computeTie(ev('openai-google-cloud-2025'), `${name('google')} Cloud supplies computing, but does not sell ${openai}’s models`),
    },
    {
      id: 'anthropic-azure',
      lab: 'anthropic',
      cloud: 'azure',
      steps: [
        fromEvent(ev('claude-in-m365-copilot-2025'), 'in-app', {
          label: `Inside ${copilot}`,
          note: `not yet in ${foundry}`,
          phrase: `inside ${copilot}, not yet sold on Azure`,
        }),
        fromEvent(ev('microsoft-nvidia-anthropic-2025'), 'available', {
          label: `Available in ${foundry}`,
          note: null,
          phrase: `in ${foundry} on Azure`,
        }),
      ],
      compute: computeTie(ev('microsoft-nvidia-anthropic-2025'), `${anthropic} also committed to buy Azure computing`),
    },
    {
      id: 'anthropic-aws',
      lab: 'anthropic',
      cloud: 'aws',
      steps: [claimStep(clouds[1]!.short)],
      compute: computeTie(ev('project-rainier-live-2025'), `AWS runs ${name('project-rainier')} for ${anthropic}`),
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
  const moments: Moment[] = Object.keys(MOMENT_NAME)
    .filter((id) => eventIds.includes(id))
    .map((id) => ({ id, date: ev(id).date, name: MOMENT_NAME[id]!, when: formatDateShort(ev(id).date, 'month'), title: ev(id).title }))
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
  };
}

function dataRows(fb: FactBase): DataRow[] {
  const d = buildCloudMatrix(fb);
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
        kind: s.undated ? 'claim (undated availability)' : 'model availability',
        state: s.state,
        label: s.label,
        date: s.from,
        date_precision: s.precision,
        date_note: s.undated ? 'date the claim was published, not a launch date' : '',
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
        kind: 'compute supplier',
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
