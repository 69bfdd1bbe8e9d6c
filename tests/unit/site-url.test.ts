// @vitest-environment node
// SITE_URL: a deploy without it stops the build (every absolute link would name localhost); a local build says once
// that it uses the default.
import { describe, expect, it } from 'vitest';
import { checkSiteUrl, DEFAULT_SITE_URL, DEPLOY_VARS } from '../../src/lib/site';

describe('SITE_URL before a build', () => {
  for (const v of DEPLOY_VARS) {
    it(`${v} set without SITE_URL: an error naming SITE_URL`, () => {
      const { error } = checkSiteUrl({ [v]: v === 'CI' ? 'true' : '1' });
      expect(error).toMatch(new RegExp(`^SITE_URL is not set, but ${v} is set, so this build looks like a deploy`));
      expect(error).toContain(DEFAULT_SITE_URL);
    });
  }

  it('names every deploy variable that is set; "false", "0" and empty do not count', () => {
    expect(checkSiteUrl({ CI: 'true', NETLIFY: 'true' }).error).toContain('CI, NETLIFY are set');
    for (const off of ['false', '0', '']) expect(checkSiteUrl({ CI: off }).error).toBeUndefined();
  });

  it('with SITE_URL given, a deploy builds; a SITE_URL that is not an http(s) address does not', () => {
    expect(checkSiteUrl({ CI: 'true', SITE_URL: 'https://reset.example' })).toEqual({});
    expect(checkSiteUrl({ CF_PAGES: '1', SITE_URL: 'reset.example' }).error).toMatch(/^SITE_URL must be an http\(s\) address/);
    expect(checkSiteUrl({ SITE_URL: 'ftp://reset.example' }).error).toMatch(/^SITE_URL must be/);
  });

  it('locally, without SITE_URL: a note, not an error', () => {
    const r = checkSiteUrl({});
    expect(r.error).toBeUndefined();
    expect(r.note).toBe(`SITE_URL is not set: links and embed codes point at ${DEFAULT_SITE_URL} (fine locally; set SITE_URL to deploy)`);
  });
});
