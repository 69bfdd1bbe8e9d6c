/** Site-wide constants. SITE_URL is set by whoever deploys; locally the site is served where `npm start` serves it. */
export const SITE_NAME = 'The Reset';
export const SITE_TAGLINE = 'How Microsoft and OpenAI bound themselves together, strained, and reset the deal — and how AWS came into the story';
export const SITE_AUTHOR = 'The Reset graphics desk';
export const DEFAULT_SITE_URL = 'http://localhost:4321';

export function siteUrl(): string {
  const fromEnv = typeof process !== 'undefined' ? process.env.SITE_URL : undefined;
  return (fromEnv?.trim() || DEFAULT_SITE_URL).replace(/\/+$/, '');
}

/** Variables set by CI and by the hosts that build on deploy: where they are set, the build is for the public. */
export const DEPLOY_VARS = ['CI', 'GITHUB_ACTIONS', 'NETLIFY', 'CF_PAGES'] as const;

const isSet = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

/**
 * What the build must know about SITE_URL before it writes a page: a problem that stops it (a deploy without
 * SITE_URL, or a SITE_URL that is not an http(s) origin), or a note for a local build on the default origin.
 */
export function checkSiteUrl(env: Record<string, string | undefined>): { error?: string; note?: string } {
  const given = env.SITE_URL?.trim();
  if (given) {
    let url: URL | null = null;
    try {
      url = new URL(given);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol)) return { error: `SITE_URL must be an http(s) address such as https://example.org (got "${given}")` };
    return {};
  }
  const deploy = DEPLOY_VARS.filter((v) => isSet(env[v]));
  if (deploy.length) {
    return {
      error:
        `SITE_URL is not set, but ${deploy.join(', ')} ${deploy.length > 1 ? 'are' : 'is'} set, so this build looks like a deploy. ` +
        `Set SITE_URL to the public origin (for example SITE_URL=https://example.org npm run build): without it, canonical links, ` +
        `og:url, social cards, oEmbed files, feeds and embed codes would all point at ${DEFAULT_SITE_URL}.`,
    };
  }
  return { note: `SITE_URL is not set: links and embed codes point at ${DEFAULT_SITE_URL} (fine locally; set SITE_URL to deploy)` };
}

/** The span of the story every time axis shares, so charts line up with each other. */
export const STORY_START = '2019-01-01';
export const STORY_END = '2032-12-31';
/** The last dated event of the narrative: the default "as of" for charts. */
export const STORY_NOW = '2026-06-01';
