/**
 * Svelte's server render leaves comments that only its client hydration reads (`<!--[-->`, `<!--]-->`, `<!--[-1-->`,
 * `<!---->`, `<!--$s1-s2-->`). Nothing on this site hydrates a Svelte component (the drawings are static, a small
 * runtime switches their attributes), so the comments are dead weight: on a chapter about 4,500 DOM nodes and 38 KB
 * of HTML that the browser parses before the page settles. The build removes them from every page
 * (src/integrations/static-markup.ts); the text inside scripts, styles and text areas is left as written.
 */
const MARKER = /<!--(?:\[-?\d*|\]|\$s[\w-]*|)-->/g;
const RAW_TEXT = /(<(script|style|textarea)\b[\s\S]*?<\/\2\s*>)/gi;

export function stripSvelteMarkers(html: string): { html: string; removed: number } {
  let removed = 0;
  const out = html
    .split(RAW_TEXT)
    .map((part, i) => {
      // split() with two groups yields [text, raw element, tag name, text, …]: only the text parts are markup.
      if (i % 3 !== 0) return i % 3 === 1 ? part : '';
      return part.replace(MARKER, () => {
        removed++;
        return '';
      });
    })
    .join('');
  return { html: out, removed };
}

/** Whether a page still carries any of Svelte's hydration comments (the build's check over `dist/`). */
export const hasSvelteMarkers = (html: string): boolean => stripSvelteMarkers(html).removed > 0;
