/**
 * cloud-matrix: pure functions shared by the server render and the browser. No fact-base imports.
 */
import { formatDate, formatDateShort } from '../../lib/format';
import type { DataTable, SourceRef } from '../shared/types';
import type { Cell, CellState, CloudMatrixData, ComputeTie, Step } from './data';

export interface ViewState {
  asOf: string;
  highlight: string | null;
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);

/** The step in force on a date: the last one that began on or before it. */
export function stepAt(cell: Cell, date: string): Step | null {
  let hit: Step | null = null;
  for (const s of cell.steps) if (s.from <= date) hit = s;
  return hit;
}

/** Before a cell's first step: "no dated record" where the only thing we have is an undated claim, else none. */
const emptyState = (cell: Cell): CellState => (cell.steps.length > 0 && cell.steps.every((s) => s.undated) ? 'unknown' : 'none');

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
  emph: boolean;
  dim: boolean;
}

const EMPTY_LABEL: Record<'none' | 'unknown', string> = { none: 'Not available', unknown: 'No dated record' };

export function cellView(data: CloudMatrixData, cell: Cell, state: ViewState): CellView {
  const s = stepAt(cell, state.asOf);
  const cloud = data.clouds.find((c) => c.id === cell.cloud)!;
  const computeOn = cell.compute && cell.compute.from <= state.asOf ? cell.compute : null;
  const st: CellState = s ? s.state : emptyState(cell);
  const label = s ? s.label : EMPTY_LABEL[st as 'none' | 'unknown'];
  const since = s ? (s.undated ? `claim published ${formatDateShort(s.from, s.precision)}` : `since ${formatDateShort(s.from, s.precision)}`) : '';
  const compute = computeOn
    ? { text: st === 'none' ? `Compute supplier only, since ${formatDateShort(computeOn.from, computeOn.precision)}` : `Also a compute supplier, since ${formatDateShort(computeOn.from, computeOn.precision)}`, only: st === 'none' }
    : null;
  const hl = state.highlight;
  const touches = (id: string) => cell.steps.some((x) => x.event === id) || cell.compute?.event === id;
  const isEvent = !!hl && !data.labs.some((l) => l.id === hl) && !data.clouds.some((c) => c.company === hl);
  const emph = !!hl && (hl === cell.lab || hl === cloud.company || (isEvent && touches(hl)));
  const note = s?.note ?? (st === 'unknown' ? 'the record has no launch date' : null);
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
    emph,
    dim: !!hl && !emph,
  };
}

// --- The path strip under each lab: a broken time axis, compressed before the focus date ----------------------

export interface StripScale {
  d0: number;
  dF: number;
  d1: number;
  x0: number;
  xF: number;
  x1: number;
}

export function stripScale(data: CloudMatrixData, width: number, labelW: number): StripScale {
  const x0 = labelW;
  const x1 = Math.max(x0 + 100, width - 4);
  return { d0: dayOf(data.strip.start), dF: dayOf(data.strip.focus), d1: dayOf(data.strip.end), x0, xF: x0 + (x1 - x0) * 0.3, x1 };
}

export function stripX(sc: StripScale, iso: string | number): number {
  const d = typeof iso === 'number' ? iso : dayOf(iso);
  if (d <= sc.dF) return sc.x0 + ((Math.max(d, sc.d0) - sc.d0) / (sc.dF - sc.d0)) * (sc.xF - sc.x0);
  return sc.xF + ((Math.min(d, sc.d1) - sc.dF) / (sc.d1 - sc.dF)) * (sc.x1 - sc.xF);
}

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
  changes: { x: number; date: string }[];
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
}

export const TRACK_H = 10;
const TRACK_GAP = 7;

export function stripLayout(data: CloudMatrixData, lab: string, width: number): StripLayout {
  const w = Math.max(260, Math.round(width));
  const narrow = w < 460;
  const labelW = narrow ? 86 : 104;
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
      changes: [...cell.steps.map((s) => s.from), ...(cell.compute ? [cell.compute.from] : [])].map((d) => ({ x: stripX(sc, d), date: d })),
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
    if (y < y1) ticks.push({ x: stripX(sc, `${y}-07-01`), label: narrow ? '' : 'Jul', major: false });
  }
  return { width: w, height: axisY + 18, labelW, scale: sc, tracks, ticks, breakX: (sc.x0 + sc.xF) / 2, axisY };
}

// --- Words ---------------------------------------------------------------------------------------------------

export function summary(data: CloudMatrixData, asOf: string): string {
  const parts = data.labs.map((lab) => {
    const bits: string[] = [];
    const none: string[] = [];
    for (const c of data.clouds) {
      const cell = data.cells.find((x) => x.lab === lab.id && x.cloud === c.id)!;
      const s = stepAt(cell, asOf);
      const computeOn = cell.compute && cell.compute.from <= asOf;
      if (s) bits.push(s.phrase);
      else if (computeOn) none.push(`not on ${c.name}, which supplies ${lab.name} with computing only`);
      else if (emptyState(cell) === 'unknown') none.push(`no dated record for ${c.name}`);
      else none.push(`not on ${c.name}`);
    }
    const all = [...bits, ...none];
    return `${lab.name}’s models are ${all.join('; ')}`;
  });
  return `As of ${formatDate(asOf)}: ${parts.join('. ')}.`;
}

export interface CellHistory {
  id: string;
  title: string;
  steps: { when: string; label: string; note: string | null; detail: string; confidence: Step['confidence']; current: boolean; future: boolean; sources: SourceRef[] }[];
  compute: { when: string; label: string; future: boolean; sources: SourceRef[] } | null;
  empty: string | null;
}

export function history(data: CloudMatrixData, cellId: string, asOf: string): CellHistory | null {
  const cell = data.cells.find((c) => c.id === cellId);
  if (!cell) return null;
  const lab = data.labs.find((l) => l.id === cell.lab)!;
  const cloud = data.clouds.find((c) => c.id === cell.cloud)!;
  const cur = stepAt(cell, asOf);
  const refs = (ids: string[]) => ids.map((id) => data.sources[id]).filter((s): s is SourceRef => !!s);
  const when = (s: Step | ComputeTie) =>
    'undated' in s && s.undated ? `Date not in our record (claim published ${formatDate(s.from, s.precision)})` : formatDate(s.from, s.precision);
  return {
    id: cell.id,
    title: `${lab.name} on ${cloud.name}`,
    steps: cell.steps.map((s) => ({
      when: when(s),
      label: s.label,
      note: s.note,
      detail: s.detail,
      confidence: s.confidence,
      current: s === cur,
      future: s.from > asOf,
      sources: refs(s.sources),
    })),
    compute: cell.compute ? { when: formatDate(cell.compute.from, cell.compute.precision), label: cell.compute.label, future: cell.compute.from > asOf, sources: refs(cell.compute.sources) } : null,
    empty: cell.steps.length === 0 ? `Our record has no date on which ${cloud.name} began selling ${lab.name}’s models.` : null,
  };
}

export function table(data: CloudMatrixData, asOf: string): DataTable {
  return {
    columns: [
      { key: 'lab', label: 'Lab' },
      { key: 'cloud', label: 'Cloud' },
      { key: 'state', label: `Models on ${formatDateShort(asOf)}` },
      { key: 'since', label: 'Since' },
      { key: 'certainty', label: 'Certainty' },
      { key: 'compute', label: 'Compute supplier' },
    ],
    rows: data.cells.map((cell) => {
      const v = cellView(data, cell, { asOf, highlight: null });
      const s = stepAt(cell, asOf);
      return {
        lab: data.labs.find((l) => l.id === cell.lab)!.name,
        cloud: data.clouds.find((c) => c.id === cell.cloud)!.name,
        state: v.label + (v.note ? ` (${v.note})` : ''),
        since: s ? (s.undated ? 'not in our record' : formatDateShort(s.from, s.precision)) : '',
        certainty: s?.confidence ?? '',
        compute: cell.compute && cell.compute.from <= asOf ? `since ${formatDateShort(cell.compute.from, cell.compute.precision)}` : '',
      };
    }),
  };
}
