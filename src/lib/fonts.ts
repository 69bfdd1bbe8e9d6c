/**
 * The site's web fonts as the pages declare them (src/components/layout/Fonts.astro) and the build serves them
 * (src/integrations/font-subset.ts): one source of truth for the pages, the build step and the tests.
 */

/** The unicode range fontsource gives its Latin files: the only files the site serves (see Fonts.astro for why). */
export const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

/**
 * The weights the CSS draws (400 to 800): the served files keep only this span of the `wght` axis, and every
 * face declares it, so a weight outside it is clamped rather than looked up in a file that lacks it.
 */
export const WEIGHTS = { min: 400, max: 800 } as const;

/** The served (and preloaded) files, by fontsource base name: the build subsets these to the characters the site uses. */
export const PRELOADED = ['inter-latin-wght-normal', 'source-serif-4-latin-wght-normal'] as const;
