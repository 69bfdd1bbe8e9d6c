/**
 * cloud-matrix: pure functions for the build-time drawing (../shared/live.ts). No fact-base imports. Everything that
 * changes with the date is written once per span of dates in which it holds; the browser only switches spans.
 */
import { formatDate, formatDateShort, formatMonthShort } from '../../lib/format';
import { fill, type WordValues } from '../../lib/chart-words';
import { span, type TimedText } from '../shared/live';
import { dayOf, isoOf } from '../../lib/iso-date';
import { at, timeScale, timeScaleAttr, type TimeScale } from '../kit/scale';
import { measure, type TextStyle } from '../kit/text';
import type { DataTable, SourceRef } from '../shared/types';
import type { Cell, CellState, CloudMatrixData, ComputeTie, Step } from './data';

/** A date before every record: stands for "before the first change" when reading a state. */
const EARLIEST = '0000-01-01';

/** The step in force on a date: the last one that began on or before it. */
export function stepAt(cell: Cell, date: string): Step | null {
  let hit: Step | null = null;
  for (const s of cell.steps) if (s.from <= date) hit = s;
  return hit;
}

/** Before a cell's first step: "no dated record" where the only thing we have is an undated claim, else none. */
const emptyState = (cell: Cell): CellState => (cell.steps.length > 0 && cell.steps.every((s) => s.undated) ? 'unknown' : 'none');

/** A stretch of dates (from inclusive, until exclusive; null = open) in which nothing drawn changes. */
export interface Period {
  from: string | null;
  until: string | null;
  span: string;
}

/** The periods between the dates on which any of the cells changes (steps and compute ties). */
export function periods(cells: readonly Cell[]): Period[] {
  const dates = [...new Set(cells.flatMap((c) => [...c.steps.map((s) => s.from), ...(c.compute ? [c.compute.from] : [])]))].sort();
  const bounds = [null, ...dates, null];
  return bounds.slice(0, -1).map((from, i) => ({ from, until: bounds[i + 1]!, span: span(from, bounds[i + 1]) }));
}

export interface CellView {
  id: string;
  lab: string;
  cloud: string;
  state: CellState;
  label: string;
  note: string | null;
  /** "since Nov 18, 2025", "date not in our record", or "" when nothing is recorded yet. */
  since: string;
  confidence: Step['confidence'] | null;
  sourceIds: string[];
  compute: { text: string; only: boolean } | null;
}

/** The chart's words filled (`where`: the entry and field, for an error). */
const say = (template: string, values: WordValues, where: string) => fill(template, values, `cloud-matrix ${where}`);
/** A step's or tie's first day, only as precise as the record. */
const firstDay = (x: { from: string; precision: Step['precision'] }) => ({ date: x.from, precision: x.precision });

export function cellView(data: Pick<CloudMatrixData, 'words'>, cell: Cell, asOf: string): CellView {
  const w = data.words;
  const s = stepAt(cell, asOf);
  const computeOn = cell.compute && cell.compute.from <= asOf ? cell.compute : null;
  const st: CellState = s ? s.state : emptyState(cell);
  const label = s ? s.label : w.states[st];
  const since = s ? (s.undated ? say(w.cell.claimPublished, { date: firstDay(s) }, 'cell.claimPublished') : say(w.cell.since, { date: firstDay(s) }, 'cell.since')) : '';
  const compute = computeOn
    ? { text: st === 'none' ? say(w.cell.computeOnly, { date: firstDay(computeOn) }, 'cell.computeOnly') : say(w.cell.computeAlso, { date: firstDay(computeOn) }, 'cell.computeAlso'), only: st === 'none' }
    : null;
  const note = s?.note ?? (st === 'unknown' ? w.cell.noLaunchDate : null);
  return {
    id: cell.id,
    lab: cell.lab,
    cloud: cell.cloud,
    state: st,
    label,
    note,
    since,
    confidence: s?.confidence ?? null,
    sourceIds: s?.sources ?? [],
    compute,
  };
}

/** A cell's successive states, each with the span of dates it holds in. */
export function cellPhases(data: Pick<CloudMatrixData, 'words'>, cell: Cell): (Period & { view: CellView })[] {
  return periods([cell]).map((p) => ({ ...p, view: cellView(data, cell, p.from ?? EARLIEST) }));
}

/**
 * What a cell stands for, for highlighting: its lab, its cloud's company and every event that changed it. A lab, a
 * company or an event highlighted lights the cells it names and dims the others.
 */
export function cellIds(data: CloudMatrixData, cell: Cell): string[] {
  const cloud = data.clouds.find((c) => c.id === cell.cloud)!;
  const events = [...cell.steps.map((s) => s.event), cell.compute?.event].filter((e): e is string => !!e);
  return [...new Set([cell.lab, cloud.company, ...events])];
}

// --- The path strip under each lab: a broken time axis, compressed before the focus date ----------------------

/** The strip's broken axis: start → focus over the first 30% of the track, focus → end over the rest, clamped. */
export interface StripScale {
  x: TimeScale;
  x0: number;
  xF: number;
  x1: number;
}

export function stripScale(data: CloudMatrixData, width: number, labelW: number): StripScale {
  const x0 = labelW;
  const x1 = Math.max(x0 + 100, width - 4);
  const xF = x0 + (x1 - x0) * 0.3;
  return { x: timeScale([data.strip.start, data.strip.focus, data.strip.end], [x0, xF, x1], { clamp: true }), x0, xF, x1 };
}

export const stripX = (sc: StripScale, iso: string): number => at(sc.x, iso);

export interface Segment {
  x0: number;
  x1: number;
  state: CellState;
  from: string;
}

export interface StripTrack {
  cell: string;
  cloud: string;
  name: string;
  y: number;
  segments: Segment[];
  compute: { x0: number; x1: number } | null;
}

export interface StripLayout {
  width: number;
  height: number;
  labelW: number;
  scale: StripScale;
  tracks: StripTrack[];
  ticks: { x: number; label: string; major: boolean }[];
  breakX: number;
  axisY: number;
  /**
   * The axis's two linear parts (before and after the break), each drawn as a nested svg with its own time scale
   * (`data-time-scale`, days → x from the part's left edge), so the shared as-of line slides on a broken axis: each
   * part clips its own line and veil, and only the part whose dates hold the chart's date shows them.
   */
  parts: StripPart[];
}

export interface StripPart {
  x: number;
  width: number;
  scale: TimeScale;
  timeScale: string;
  /** Wide enough that the veil, slid to the earliest date the chart can show, still covers the whole part. */
  veilW: number;
}

export const TRACK_H = 10;
/** The strip's words (Strip.svelte's CSS: 12px). */
export const STRIP_TEXT: TextStyle = { size: 12 };
const TRACK_GAP = 7;

export function stripLayout(data: CloudMatrixData, lab: string, width: number): StripLayout {
  const w = Math.max(260, Math.round(width));
  const narrow = w < 460;
  // The cloud names end 8px before the tracks start (wide strips give them more air).
  const labelW = Math.ceil(Math.max(...data.clouds.map((c) => measure(c.short, STRIP_TEXT)))) + (narrow ? 8 : 24);
  const sc = stripScale(data, w, labelW);
  const tracks: StripTrack[] = data.clouds.map((c, i) => {
    const cell = data.cells.find((x) => x.lab === lab && x.cloud === c.id)!;
    const y = 4 + i * (TRACK_H + TRACK_GAP);
    const segs: Segment[] = [];
    const first = cell.steps[0];
    if (!first || first.from > data.strip.start) segs.push({ x0: sc.x0, x1: first ? stripX(sc, first.from) : sc.x1, state: emptyState(cell), from: data.strip.start });
    cell.steps.forEach((s, k) => {
      const next = cell.steps[k + 1];
      segs.push({ x0: stripX(sc, s.from), x1: next ? stripX(sc, next.from) : sc.x1, state: s.state, from: s.from });
    });
    return {
      cell: cell.id,
      cloud: c.id,
      name: c.short,
      y,
      segments: segs.filter((s) => s.x1 - s.x0 > 0.1),
      compute: cell.compute ? { x0: stripX(sc, cell.compute.from), x1: sc.x1 } : null,
    };
  });
  const axisY = 4 + data.clouds.length * (TRACK_H + TRACK_GAP) + 2;
  const ticks: StripLayout['ticks'] = [];
  const y0 = Number(data.strip.start.slice(0, 4));
  const yF = Number(data.strip.focus.slice(0, 4));
  const y1 = Number(data.strip.end.slice(0, 4));
  ticks.push({ x: stripX(sc, data.strip.start), label: String(y0), major: true });
  for (let y = yF; y <= y1; y++) {
    ticks.push({ x: stripX(sc, `${y}-01-01`), label: String(y), major: true });
    if (y < y1) ticks.push({ x: stripX(sc, `${y}-07-01`), label: narrow ? '' : formatMonthShort(`${y}-07-01`), major: false });
  }
  // Each part of the axis as a linear time scale of its own, from the part's left edge (not clamped: the veil and
  // line slide out of the part's view on dates outside it).
  const parts = [
    [data.strip.start, data.strip.focus, sc.x0, sc.xF],
    [data.strip.focus, data.strip.end, sc.xF, sc.x1],
  ].map(([from, until, x0, x1]) => {
    const width = (x1 as number) - (x0 as number);
    const x = timeScale([from as string, until as string], [0, width]);
    return { x: x0 as number, width, scale: x, timeScale: timeScaleAttr(x), veilW: width - Math.min(0, at(x, data.meta.range.min)) + 2 };
  });
  return { width: w, height: axisY + 18, labelW, scale: sc, tracks, ticks, breakX: (sc.x0 + sc.xF) / 2, axisY, parts };
}

// --- Words ---------------------------------------------------------------------------------------------------

function summaryParts(data: CloudMatrixData, asOf: string): string {
  const w = data.words.summary;
  const parts = data.labs.map((lab) => {
    const bits: string[] = [];
    const none: string[] = [];
    for (const c of data.clouds) {
      const cell = data.cells.find((x) => x.lab === lab.id && x.cloud === c.id)!;
      const s = stepAt(cell, asOf);
      const computeOn = cell.compute && cell.compute.from <= asOf;
      if (s) bits.push(s.phrase);
      else if (computeOn) none.push(say(w.computeOnly, { cloud: c.name, lab: lab.name }, 'summary.computeOnly'));
      else if (emptyState(cell) === 'unknown') none.push(say(w.noRecord, { cloud: c.name }, 'summary.noRecord'));
      else none.push(say(w.none, { cloud: c.name }, 'summary.none'));
    }
    const all = [...bits, ...none];
    return say(w.lab, { lab: lab.name, clauses: all.join('; ') }, 'summary.lab');
  });
  return parts.join('. ');
}

/** The spoken summary for each period ({date} is the chart's date). */
export function summaries(data: CloudMatrixData): TimedText[] {
  return periods(data.cells).map((p) => ({ span: p.span, text: say(data.words.summary.text, { date: '{date}', labs: summaryParts(data, p.from ?? EARLIEST) }, 'summary.text') }));
}

export interface HistoryStep {
  /** The dates this step is in force: the one in force is the current step, those still to come are future. */
  span: string;
  when: string;
  label: string;
  note: string | null;
  detail: string;
  confidence: Step['confidence'];
  sources: SourceRef[];
}

export interface CellHistory {
  id: string;
  title: string;
  steps: HistoryStep[];
  compute: { span: string; when: string; label: string; sources: SourceRef[] } | null;
  empty: string | null;
}

export function history(data: CloudMatrixData, cellId: string): CellHistory | null {
  const cell = data.cells.find((c) => c.id === cellId);
  if (!cell) return null;
  const lab = data.labs.find((l) => l.id === cell.lab)!;
  const cloud = data.clouds.find((c) => c.id === cell.cloud)!;
  const w = data.words.history;
  const refs = (ids: string[]) => ids.map((id) => data.sources[id]).filter((s): s is SourceRef => !!s);
  const when = (s: Step | ComputeTie) =>
    'undated' in s && s.undated ? say(w.undated, { date: firstDay(s) }, 'history.undated') : formatDate(s.from, s.precision);
  return {
    id: cell.id,
    title: say(w.title, { lab: lab.name, cloud: cloud.name }, 'history.title'),
    steps: cell.steps.map((s, i) => ({
      span: span(s.from, cell.steps[i + 1]?.from),
      when: when(s),
      label: s.label,
      note: s.note,
      detail: s.detail,
      confidence: s.confidence,
      sources: refs(s.sources),
    })),
    compute: cell.compute ? { span: span(cell.compute.from, null), when: formatDate(cell.compute.from, cell.compute.precision), label: cell.compute.label, sources: refs(cell.compute.sources) } : null,
    empty: cell.steps.length === 0 ? say(w.empty, { lab: lab.name, cloud: cloud.name }, 'history.empty') : null,
  };
}

/** "now" on the chart's default date, "the chosen date" on any other: the spans of each. */
export function nowSpans(data: CloudMatrixData): { now: string; chosen: string[] } {
  const d = data.meta.defaultAsOf;
  const next = isoOf(dayOf(d) + 1);
  return { now: span(d, next), chosen: [span(null, d), span(next, null)] };
}

/** The state column's heading: the period the table holds for (the table is the same on all its dates). */
function periodHeading(w: CloudMatrixData['words']['table'], p: Period): string {
  if (!p.from) return say(w.before, { until: { date: p.until! } }, 'table.before');
  if (!p.until) return say(w.after, { from: { date: p.from } }, 'table.after');
  const last = isoOf(dayOf(p.until) - 1);
  return last === p.from ? say(w.on, { from: { date: p.from } }, 'table.on') : say(w.between, { from: { date: p.from }, to: { date: last } }, 'table.between');
}

/** The data table for each period. */
export function tables(data: CloudMatrixData): { span: string; table: DataTable }[] {
  const w = data.words.table;
  return periods(data.cells).map((p) => {
    const asOf = p.from ?? EARLIEST;
    return {
      span: p.span,
      table: {
        columns: [
          { key: 'lab', label: w.lab },
          { key: 'cloud', label: w.cloud },
          { key: 'state', label: periodHeading(w, p) },
          { key: 'since', label: w.since },
          { key: 'certainty', label: w.certainty },
          { key: 'compute', label: w.compute },
        ],
        rows: data.cells.map((cell) => {
          const v = cellView(data, cell, asOf);
          const s = stepAt(cell, asOf);
          return {
            lab: data.labs.find((l) => l.id === cell.lab)!.name,
            cloud: data.clouds.find((c) => c.id === cell.cloud)!.name,
            state: v.label + (v.note ? ` (${v.note})` : ''),
            since: s ? (s.undated ? w.undated : formatDateShort(s.from, s.precision)) : '',
            certainty: s?.confidence ?? '',
            compute: cell.compute && cell.compute.from <= asOf ? say(data.words.cell.since, { date: firstDay(cell.compute) }, 'cell.since') : '',
          };
        }),
      },
    };
  });
}
