/**
 * SVG paths for lines and areas, from d3-shape, with coordinates rounded to two decimals (the drawings are written
 * into every page four times). Build time only.
 */
import { area, curveStepAfter, line } from 'd3-shape';

export interface StepPoint {
  x: number;
  /** The level from this x on, until the next point. */
  y: number;
}

export interface BandPoint {
  x: number;
  lo: number;
  hi: number;
}

/** A level that holds from each point until the next (a running total that changes on dated deals). */
export const stepLine = (points: readonly StepPoint[]): string =>
  line<StepPoint>((p) => p.x, (p) => p.y).curve(curveStepAfter).digits(2)(points) ?? '';

/** The band between two such levels (money on conditions above money paid, say). */
export const stepBand = (points: readonly BandPoint[]): string =>
  area<BandPoint>().x((p) => p.x).y0((p) => p.lo).y1((p) => p.hi).curve(curveStepAfter).digits(2)(points) ?? '';
