/**
 * Scales and ticks for the drawings, from d3-scale and d3-time, always in UTC: a date in the fact base is a calendar
 * day, never a local time. Runs at build time only (the browser moves the as-of line with the four numbers
 * `timeScaleAttr` writes, so no scale code ships to readers).
 */
import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3-scale';
import { utcDay, utcYear } from 'd3-time';
import { formatYearShort } from '../../lib/format';
import { utcDate as utc } from '../../lib/iso-date';

export type TimeScale = ScaleTime<number, number>;
export type LinearScale = ScaleLinear<number, number>;

/** Days since 1970 of a date (what `data-time-scale` is written in). */
const daysOf = (d: Date): number => Math.round(d.getTime() / 86_400_000);

/** A length rounded to a tenth of a pixel: a drawing is written four times into a page, and long fractions weigh. */
export const px = (v: number): number => Math.round(v * 10) / 10;

/**
 * A time scale from the start of the first day to the start of the last (an axis that draws a day through its end
 * ends at the day after). With three or more days and as many range stops it is a broken axis (d3's piecewise
 * scale), each part linear.
 */
export function timeScale(days: readonly string[], range: readonly number[], { clamp = false } = {}): TimeScale {
  return scaleUtc().domain(days.map(utc)).range(range).clamp(clamp);
}

/** The day after an ISO day: where an axis that draws `iso` through its end stops. */
export const dayAfter = (iso: string): string => utcDay.offset(utc(iso), 1).toISOString().slice(0, 10);

/** Where a day falls on a time scale. */
export const at = (x: TimeScale, iso: string): number => x(utc(iso));

/**
 * The scale as the browser reads it (`svg[data-time-scale]`): "d0 d1 x0 x1", days since 1970 mapped to pixels, for
 * a linear scale (one part of a broken one is its own linear scale).
 */
export function timeScaleAttr(x: TimeScale): string {
  const [d0, d1] = x.domain() as [Date, Date];
  const [r0, r1] = x.range() as [number, number];
  return `${daysOf(d0)} ${daysOf(d1)} ${px(r0)} ${px(r1)}`;
}

/** A linear scale for amounts (dollars, gigawatts, years, shares). */
export function linear(domain: readonly [number, number], range: readonly [number, number], { clamp = false } = {}): LinearScale {
  return scaleLinear().domain(domain).range(range).clamp(clamp);
}

/** Round ticks from 0 to `max`, about `count` of them (1, 2 or 5 times a power of ten: d3's ticks). */
export function valueTicks(max: number, count: number): number[] {
  return max > 0 ? scaleLinear().domain([0, max]).ticks(count) : [0];
}

export interface YearTick {
  /** 1 January of the year. */
  x: number;
  /** The middle of the year, where its label sits. */
  mid: number;
  year: number;
  /** "2024", "’24" where years are narrow, or null where labels are thinned out. */
  label: string | null;
}

/**
 * A tick at each 1 January on a time scale, labelled in the middle of its year; labels are thinned to every n-th year
 * so that each has at least `minGap` pixels, and shortened to "’24" when a year is narrower than `shortBelow`.
 */
export function yearTicks(x: TimeScale, { minGap = 40, shortBelow = 44 } = {}): YearTick[] {
  const [start, end] = [x.domain()[0]!, x.domain().at(-1)!];
  const years = utcYear.range(utcYear.ceil(start), end);
  if (years.length === 0) return [];
  const first = years[0]!.getUTCFullYear();
  const pxPerYear = (x(end) - x(start)) / ((end.getTime() - start.getTime()) / (365.2425 * 86_400_000));
  const step = Math.max(1, Math.ceil(minGap / pxPerYear));
  const short = step > 1 || pxPerYear < shortBelow;
  return years.map((d) => {
    const year = d.getUTCFullYear();
    const x0 = x(d);
    const x1 = x(d3Min(utcYear.offset(d, 1), end));
    return { x: px(x0), mid: px((x0 + x1) / 2), year, label: (year - first) % step === 0 ? (short ? formatYearShort(year) : String(year)) : null };
  });
}

const d3Min = (a: Date, b: Date) => (a < b ? a : b);
