/**
 * A chapter's later artboards as built (src/lib/later-artboards.ts): each chapter page carries only its charts' phone
 * drawings, each followed by an empty template that addresses the chapter's artboards.json; that file holds, in the
 * same order, exactly the wider drawings the chart's place on the page can show, and the phone drawing declares the
 * shape of each. Pages that are not chapters (/charts/, embeds) still draw every artboard in the page.
 */
import { describe, expect, it } from 'vitest';
import { ARTBOARDS, CHAPTER_FIGURES, artboardsUpTo } from '../../src/widgets/shared/artboards';
import { LATER_FILE } from '../../src/lib/later-artboards';
import { chapterSlugs, distDocument, distFiles, readDist, readerPages } from './dist';

const slugs = chapterSlugs();
const widths = (root: ParentNode) => [...root.querySelectorAll('.w-artboard')].map((b) => Number(b.getAttribute('data-artboard')));

describe.each(slugs)('/chapters/%s/', (slug) => {
  const doc = distDocument(`/chapters/${slug}/`);
  const file = `/chapters/${slug}/${LATER_FILE}`;
  const list = JSON.parse(readDist(file)) as unknown[];
  const markers = [...doc.querySelectorAll('template[data-later]')] as HTMLTemplateElement[];

  it('ships only the phone artboard of each chart, each shown at every width until the wider ones come', () => {
    const boards = [...doc.querySelectorAll('.w-artboard')];
    expect(boards.length).toBeGreaterThan(0);
    expect(new Set(widths(doc))).toEqual(new Set([ARTBOARDS[0]!.width]));
    for (const b of boards) expect(b.hasAttribute('data-artboard-open'), b.outerHTML.slice(0, 80)).toBe(true);
    expect(markers.length).toBe(boards.length);
  });

  it(`addresses, from each phone artboard, the next entry of ${LATER_FILE}, which holds the drawings its place can show`, () => {
    expect(list.length).toBe(markers.length);
    markers.forEach((marker, i) => {
      expect(marker.getAttribute('data-later')).toBe(`${file}#${i}`);
      expect(marker.content.childNodes.length).toBe(0);
      const entry = list[i];
      expect(typeof entry).toBe('string');
      const later = doc.createElement('template');
      later.innerHTML = entry as string;
      const story = !!marker.closest('[data-scrolly]');
      const drawn = artboardsUpTo(story ? CHAPTER_FIGURES.story : CHAPTER_FIGURES.inline).slice(1).map((a) => a.width);
      expect(widths(later.content), `#${i} (${story ? 'scroll sequence' : 'text column'})`).toEqual(drawn);
      // The widest drawn stands for every wider figure; the others only for their band.
      expect([...later.content.querySelectorAll('[data-artboard-open]')].map((b) => Number(b.getAttribute('data-artboard')))).toEqual([drawn.at(-1)]);
      expect(entry as string).not.toMatch(/<script|<template|<!--/);
      // The phone drawing before it holds the place of each at its shape (body.css).
      const phone = marker.previousElementSibling as HTMLElement;
      expect(phone.matches('.w-artboard[data-artboard="320"][data-artboard-open]')).toBe(true);
      const shapes = [...later.content.querySelectorAll('.w-artboard')].map((b) => {
        const [, , w, h] = b.querySelector('svg')!.getAttribute('viewBox')!.split(' ');
        return `--later-${b.getAttribute('data-artboard')}:${w}/${h}`;
      });
      expect(phone.getAttribute('style')).toBe(shapes.join(';'));
    });
  });
});

it('writes artboards.json beside each chapter and nowhere else, and leaves every artboard in the other pages', () => {
  expect(distFiles(LATER_FILE)).toEqual(slugs.map((s) => `/chapters/${s}/${LATER_FILE}`).sort());
  const others = readerPages().filter((p) => !p.path.startsWith('/chapters/') && p.html.includes('w-artboard'));
  expect(others.map((p) => p.path)).toEqual(expect.arrayContaining(['/charts/', '/embed/money-flows/']));
  for (const p of others) expect(p.html, p.path).not.toContain('data-later');
  expect(new Set(widths(distDocument('/charts/')))).toEqual(new Set(ARTBOARDS.map((a) => a.width)));
});
