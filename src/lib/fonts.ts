/**
 * The site's web fonts as the pages declare them (src/components/layout/Fonts.astro) and the build serves them
 * (src/integrations/font-subset.ts): one source of truth for the pages, the build step and the tests.
 */

/** The unicode ranges fontsource gives its Latin and Latin Extended files. */
export const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
export const LATIN_EXT = 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

/**
 * The weights the CSS draws (400 to 800): the served Latin files keep only this span of the `wght` axis, and every
 * face declares it, so a weight outside it is clamped rather than looked up in a file that lacks it.
 */
export const WEIGHTS = { min: 400, max: 800 } as const;

/** The preloaded Latin files, by fontsource base name: the build subsets these to the characters the site uses. */
export const PRELOADED = ['inter-latin-wght-normal', 'source-serif-4-latin-wght-normal'] as const;
