/** Positions of chapter marks on the home page's time axis; two lanes so close chapters never collide. */
import { scaleUtc } from 'd3-scale';
import { formatDate } from './format';
import { utcDate as utc } from './iso-date';

interface DatedEvent { id: string; date: string; title: string }
interface ChapterPeriod { slug: string; title: string; order: number; period: { start: string; end: string } }


export function layoutChapterMarks(
  chapters: ChapterPeriod[],
  { width, marginX, events = [] }: { width: number; marginX: number; events?: DatedEvent[] },
) {
  const sorted = [...chapters].sort((a, b) => a.order - b.order);
  const first = sorted[0]?.period.start ?? '2019-01-01';
  const lastEnd = sorted.reduce((m, c) => (c.period.end > m ? c.period.end : m), first);
  const startYear = Number(first.slice(0, 4));
  const endYear = Number(lastEnd.slice(0, 4)) + 1;
  const x = scaleUtc().domain([utc(`${startYear}-01-01`), utc(`${endYear}-01-01`)]).range([marginX, width - marginX]);
  const minGap = 30;
  const placed: { cx: number; lane: number }[] = [];
  const items = sorted.map((c) => {
    const x0 = x(utc(c.period.start));
    const x1 = x(utc(c.period.end));
    const cx = (x0 + x1) / 2;
    const lane = placed.some((p) => p.lane === 0 && Math.abs(p.cx - cx) < minGap) ? 1 : 0;
    placed.push({ cx, lane });
    const periodLabel =
      c.period.start.slice(0, 7) === c.period.end.slice(0, 7)
        ? formatDate(c.period.start, 'month')
        : `${formatDate(c.period.start, 'month')} to ${formatDate(c.period.end, 'month')}`;
    return { slug: c.slug, title: c.title, order: c.order, x: x0, width: x1 - x0, cx, lane, periodLabel };
  });
  const years = [];
  for (let y = startYear; y <= endYear; y++) years.push({ x: x(utc(`${y}-01-01`)), label: String(y) });
  // Events stack by month under the axis, so the crowding of 2025–2026 shows at a glance.
  const perMonth = new Map<string, number>();
  const dots = [...events]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => {
      const month = e.date.slice(0, 7);
      const k = perMonth.get(month) ?? 0;
      perMonth.set(month, k + 1);
      return { id: e.id, title: e.title, date: e.date, x: x(utc(`${month}-15`)), stack: k };
    });
  return { items, years, dots, x0: marginX, x1: width - marginX };
}
