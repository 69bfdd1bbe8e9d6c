/**
 * The site's web fonts as the pages declare them (src/components/layout/Fonts.astro) and the build serves them
 * (src/integrations/font-subset.ts): one source of truth for the pages, the build step, the chart kit and the tests.
 */

/** The unicode range fontsource gives its Latin files. */
export const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

/**
 * The weights the CSS draws (400 to 800): the served files keep only this span of the `wght` axis, and every
 * face declares it, so a weight outside it is clamped rather than looked up in a file that lacks it.
 */
export const WEIGHTS = { min: 400, max: 800 } as const;

/**
 * The OpenType features the served files keep: those browsers apply to Latin text by default, and the figures the CSS
 * asks for (`font-variant-numeric: tabular-nums lining-nums`). The rest (Inter's stylistic sets and character
 * variants, which the site never turns on) would pull their alternate glyphs into the subset.
 */
export const FEATURES = ['ccmp', 'locl', 'rvrn', 'mark', 'mkmk', 'kern', 'liga', 'clig', 'calt', 'rlig', 'rclt', 'tnum', 'pnum', 'lnum'] as const;

export interface ServedFont {
  /** The kit's name for the face (src/widgets/kit/text.ts). */
  family: 'sans' | 'serif';
  /** The CSS family name. */
  name: string;
  /** The source file in node_modules; the build emits it as `_astro/<its name>.<hash>.woff2` (servedName), then cuts it down. */
  file: string;
  /** The face's unicode-range: the build keeps the characters the site draws inside it. */
  range: string;
  /** Axes other than wght, pinned where the file's default leaves them. */
  pin: Readonly<Record<string, number>>;
}

/**
 * One face a family, each preloaded (Fonts.astro says why). Inter is the whole font (inter-ui, OFL), not fontsource's
 * Latin file, because the navigation and the charts draw ← and →, which no fontsource subset of Inter holds; its
 * advances and kerning match fontsource's Inter 4.001 for every Latin character at every weight the site draws.
 */
export const SERVED: readonly ServedFont[] = [
  { family: 'sans', name: 'Inter Variable', file: 'inter-ui/variable/InterVariable.woff2', range: `${LATIN},U+2190-2193`, pin: { opsz: 14 } },
  { family: 'serif', name: 'Source Serif 4 Variable', file: '@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2', range: LATIN, pin: {} },
];

/** The name a served file keeps in `_astro/` before its hash: `InterVariable` for `…/InterVariable.woff2`. */
export const servedName = (font: ServedFont): string => font.file.slice(font.file.lastIndexOf('/') + 1).replace(/\.woff2$/, '');
