/**
 * The widths a static chart is drawn at (ai2html's artboards). Each is shown over a band of widths of its figure and
 * scaled to fit, so text stays within about a third of its drawn size; the bands are container queries in
 * body.css, which this list must match (tests/unit/static-charts.test.ts checks it).
 */
export interface Artboard {
  /** Drawn width in pixels; also the artboard's name in `data-artboard`. */
  width: number;
  /** The figure's narrowest width that shows this artboard (the next one's `from` ends its band). */
  from: number;
}

export const ARTBOARDS: readonly Artboard[] = [
  { width: 320, from: 0 },
  { width: 440, from: 400 },
  { width: 640, from: 560 },
  { width: 900, from: 840 },
];

/** The artboard a printed page shows (an A4 or Letter column, about 640 CSS px): the one a handout draws. */
export const PRINT_ARTBOARD = 640;
