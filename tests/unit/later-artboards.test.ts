// A chapter's later artboards (src/lib/later-artboards.ts): the build moves the wider drawings out of the page into
// a list, leaves an addressed template in their place, and gives the phone drawing the shapes it stands in for.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTBOARDS } from '../../src/widgets/shared/artboards';
import { LATER_FILE, RATIO_SLOT, laterAddress, moveLaterArtboards, readLaterAddress } from '../../src/lib/later-artboards';

const board = (width: number, h: number, open = false) =>
  `<div data-artboard="${width}" class="w-artboard"${open ? ' data-artboard-open' : ''}><svg viewBox="0 0 ${width} ${h}" width="${width}" height="${h}"><text>${width}</text></svg></div>`;
const phone = `<div data-artboard="320" class="w-artboard" data-artboard-open ${RATIO_SLOT}><svg viewBox="0 0 288 230"><text>phone</text></svg></div>`;
const set = (...boards: string[]) => `${phone}<template data-later>${boards.join('')}</template>`;

describe('moveLaterArtboards', () => {
  it('moves each set of wider artboards into the list, in page order, and addresses each from its place', () => {
    const page = `<main><figure>${set(board(440, 245), board(640, 374, true))}</figure><p>prose</p><figure><div class="w-when">${set(board(440, 120, true))}</div></figure></main>`;
    const { html, boards } = moveLaterArtboards(page, `/chapters/x/${LATER_FILE}`, 'chapters/x/index.html');
    expect(boards).toEqual([board(440, 245) + board(640, 374, true), board(440, 120, true)]);
    expect(html).toBe(
      `<main><figure>${phone.replace(RATIO_SLOT, 'style="--later-440:440/245;--later-640:640/374"')}<template data-later="/chapters/x/artboards.json#0"></template></figure>` +
        `<p>prose</p><figure><div class="w-when">${phone.replace(RATIO_SLOT, 'style="--later-440:440/120"')}<template data-later="/chapters/x/artboards.json#1"></template></div></figure></main>`,
    );
  });

  it('reads the markup as Svelte writes it too (attributes in another order, an empty value, a scoping class)', () => {
    const svelte = `<div class="w-artboard svelte-1" data-artboard="320" data-artboard-open ${RATIO_SLOT}=""><svg class="strip" viewBox="0 0 320 75"></svg></div> <template data-later="" class="svelte-1"><div data-artboard="440" class="w-artboard svelte-1"><svg class="strip svelte-2" viewBox="0 0 440 75"></svg></div></template>`;
    const { html, boards } = moveLaterArtboards(svelte, '/a.json', 'p.html');
    expect(boards).toEqual(['<div data-artboard="440" class="w-artboard svelte-1"><svg class="strip svelte-2" viewBox="0 0 440 75"></svg></div>']);
    expect(html).toBe('<div class="w-artboard svelte-1" data-artboard="320" data-artboard-open style="--later-440:440/75"><svg class="strip" viewBox="0 0 320 75"></svg></div> <template data-later="/a.json#0"></template>');
  });

  it('writes addresses the browser reads back', () => {
    expect(readLaterAddress(laterAddress('/chapters/x/artboards.json', 3))).toEqual({ file: '/chapters/x/artboards.json', index: 3 });
    // An address the build did not write names no entry (the phone drawing stays).
    expect(readLaterAddress('/a.json').index).toBeNaN();
    expect(readLaterAddress('/a.json#x').index).toBeNaN();
  });

  it('leaves a page without later artboards as it is', () => {
    const page = `<figure>${board(320, 200)}${board(440, 245)}</figure>`;
    expect(moveLaterArtboards(page, '/a.json', 'p.html')).toEqual({ html: page, boards: [] });
  });

  it('names the page and the set when the markup is not what Artboards.astro writes', () => {
    const cases: [string, RegExp][] = [
      [`${board(320, 200)}<template data-later>${board(440, 245)}</template>`, /p\.html: later artboards #0: expected one phone artboard marked data-later-ratios before it, found none/],
      [`${phone}${phone}<template data-later>${board(440, 245)}</template>`, /#0: expected one phone artboard .* found 2/],
      [`${phone}<template data-later><p>none</p></template>`, /p\.html: later artboards #0: no artboard/],
      [`${phone}<template data-later><template>${board(440, 245)}</template>`, /#0: a template inside another/],
      [`${set(board(440, 245))}${phone}`, /p\.html: a phone artboard marked data-later-ratios with no <template data-later> after it/],
    ];
    for (const [page, error] of cases) expect(() => moveLaterArtboards(page, '/a.json', 'p.html')).toThrow(error);
  });
});

describe('the phone artboard standing in for later ones (body.css)', () => {
  it('takes, in each band above its own, the shape of the artboard the band shows, or the widest drawn below it', () => {
    const css = readFileSync('src/widgets/shared/body.css', 'utf8');
    const rules = [...css.matchAll(/@container \((\d+)px <= width\) \{ \[data-artboard-open\]\[data-artboard='320'\] > svg \{ aspect-ratio: ([^;]+); \} \}/g)];
    const wider = ARTBOARDS.slice(1);
    expect(rules.map((r) => Number(r[1]))).toEqual(wider.map((a) => a.from));
    rules.forEach((r, i) => {
      const fallbacks = wider.slice(0, i + 1).reverse().map((a) => `var(--later-${a.width}`);
      expect(r[2]).toBe(`${fallbacks.join(', ')}, auto${')'.repeat(fallbacks.length)}`);
    });
  });
});
