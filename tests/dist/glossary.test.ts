/**
 * The glossary as built: every term of the fact base has an entry, in alphabetical order, whose see-also links land
 * on the page; every inline term in every chapter links to an entry that exists, and its tooltip has a stable,
 * unique id; "Used in" names the chapters that use a term.
 */
import { expect, it } from 'vitest';
import { loadFactBase } from '../../src/lib/factbase/load';
import { chapterSlugs, distDocument } from './dist';

const glossary = loadFactBase().glossary;
const slugs = chapterSlugs();

it('tooltip ids are deterministic and unique on every chapter', () => {
  expect(slugs.length).toBeGreaterThan(0);
  for (const slug of slugs) {
    const ids = [...distDocument(`/chapters/${slug}/`).querySelectorAll('.term-tip')].map((t) => t.id);
    expect(ids.length, slug).toBeGreaterThan(0);
    expect(ids.filter((i) => !/^term-tip-[a-z0-9-]+$/.test(i)), `${slug}: tooltip ids not of the form term-tip-<term>`).toEqual([]);
    expect(new Set(ids).size, `${slug}: duplicate tooltip ids`).toBe(ids.length);
  }
});

it('the glossary lists every term alphabetically, with anchors every term link can reach', () => {
  const doc = distDocument('/glossary/');
  const headings = [...doc.querySelectorAll('h3[id^="term-"]')];
  expect(headings).toHaveLength(glossary.length);
  const terms = headings.map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim());
  expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', ignorePunctuation: true })));
  const ids = new Set(headings.map((h) => h.id));
  expect([...ids].sort()).toEqual(glossary.map((g) => `term-${g.id}`).sort());
  // See-also links resolve on the page.
  const seeAlso = [...doc.querySelectorAll('dl.links a[href^="#term-"]')].map((a) => a.getAttribute('href')!);
  expect(seeAlso.length).toBeGreaterThan(0);
  for (const href of seeAlso) expect(doc.querySelectorAll(`[id="${href.slice(1)}"]`), href).toHaveLength(1);
  // Every inline term in every chapter points at an entry that exists.
  for (const slug of slugs) {
    const links = [...distDocument(`/chapters/${slug}/`).querySelectorAll('a[href^="/glossary/#"]')].map((a) => a.getAttribute('href')!.split('#')[1]!);
    for (const id of links) expect(ids.has(id), `${slug} links to /glossary/#${id}`).toBe(true);
  }
  // And "Used in" names the chapters that use a term.
  const trainium = doc.getElementById('term-trainium')?.closest('.entry');
  expect(trainium, 'the Trainium entry').toBeTruthy();
  const usedIn = [...trainium!.querySelectorAll('a')].map((a) => a.textContent ?? '');
  expect(usedIn.some((t) => /Amazon moves in/.test(t)), `Trainium's links: ${usedIn.join(', ')}`).toBe(true);
});
