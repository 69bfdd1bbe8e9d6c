/**
 * What a chart's figure may hold as built. A figure off screen is skipped by `content-visibility` until the reader
 * nears it, but a text or date field inside it gets the whole figure laid out while the page loads anyway (the cloud
 * matrix at the end of who-comes-out-ahead: one 45–57 ms layout and about 20 font instances; TBT 43–121 ms with the
 * figure laid out, 0–32 ms without). The as-of control is built with the date in words, which the runtime replaces
 * with a date field when the chart wakes (src/lib/chart-protocol.ts, ASOF_DATE).
 */
import { describe, expect, it } from 'vitest';
import { ASOF_DATE } from '../../src/lib/chart-protocol';
import { distDocument, readerPages } from './dist';

describe('chart figures as built', () => {
  const pages = readerPages().filter((p) => p.html.includes('data-widget='));

  it('hold no text or date field, and every as-of date slot carries the limits of the field it becomes', () => {
    expect(pages.length).toBeGreaterThan(10);
    // Fields Chromium does not check at load: the sliders and buttons the controls use.
    const inert = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'hidden']);
    let fields = 0;
    const wrong: string[] = [];
    for (const page of pages) {
      const doc = distDocument(page.path);
      for (const figure of doc.querySelectorAll('figure[data-widget]')) {
        const where = `${page.path} figure[data-widget="${figure.getAttribute('data-widget')}"]`;
        for (const input of figure.querySelectorAll('input, textarea, select')) {
          const type = (input.getAttribute('type') ?? 'text').toLowerCase();
          if (input.localName !== 'input' || !inert.has(type)) wrong.push(`${where}: <${input.localName} type="${type}"> #${input.id}`);
        }
        for (const slot of figure.querySelectorAll(`[${ASOF_DATE}]`)) {
          fields++;
          const [min, max] = (slot.getAttribute(ASOF_DATE) ?? '').split(' ');
          const iso = /^\d{4}-\d{2}-\d{2}$/;
          if (slot.localName !== 'span' || !slot.id || !iso.test(min ?? '') || !iso.test(max ?? '') || min! > max! || !slot.textContent?.trim())
            wrong.push(`${where}: as-of slot <${slot.localName} id="${slot.id}" ${ASOF_DATE}="${slot.getAttribute(ASOF_DATE)}">`);
        }
      }
    }
    expect(fields, 'as-of date slots found').toBeGreaterThan(5);
    expect(wrong).toEqual([]);
  });
});
