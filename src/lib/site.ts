/** Site-wide constants. SITE_URL is set by whoever deploys; locally the site is served where `npm start` serves it. */
export const SITE_NAME = 'The Reset';
export const SITE_TAGLINE = 'How Microsoft and OpenAI bound themselves together, strained, and reset the deal — and how AWS came into the story';
export const SITE_AUTHOR = 'The Reset graphics desk';
export const DEFAULT_SITE_URL = 'http://localhost:4321';

export function siteUrl(): string {
  const fromEnv = typeof process !== 'undefined' ? process.env.SITE_URL : undefined;
  return (fromEnv || DEFAULT_SITE_URL).replace(/\/+$/, '');
}

/** The span of the story every time axis shares, so charts line up with each other. */
export const STORY_START = '2019-01-01';
export const STORY_END = '2032-12-31';
/** The last dated event of the narrative: the default "as of" for charts. */
export const STORY_NOW = '2026-06-01';
