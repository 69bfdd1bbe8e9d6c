/**
 * Fails the build when a chapter names a figure or quote the fact base does not have, naming the chapter file
 * and the id: the component alone could not say which file it was rendered from.
 */
import { relative } from 'node:path';
import { loadFactBase } from '../factbase/load';
import { isJsx, jsxAttr, type MdxNode as Node } from './jsx';

interface VFileLike { path?: string; history?: string[] }

const CHECKS: Record<string, { collection: 'figures' | 'quotes' | 'glossary'; attr: string }> = {
  Fact: { collection: 'figures', attr: 'id' },
  Quote: { collection: 'quotes', attr: 'id' },
  Term: { collection: 'glossary', attr: 'id' },
};

export function findUnknownIds(tree: Node, known: Record<'figures' | 'quotes' | 'glossary', Set<string>>): { component: string; id: string }[] {
  const bad: { component: string; id: string }[] = [];
  const walk = (n: Node) => {
    if (isJsx(n) && n.name && CHECKS[n.name]) {
      const { collection, attr } = CHECKS[n.name]!;
      const id = jsxAttr(n, attr);
      if (id === undefined) bad.push({ component: n.name, id: `(missing ${attr})` });
      else if (!known[collection].has(id)) bad.push({ component: n.name, id });
    }
    n.children?.forEach(walk);
  };
  walk(tree);
  return bad;
}

export default function remarkFactIds() {
  return (tree: Node, file: VFileLike) => {
    const fb = loadFactBase();
    const known = {
      figures: new Set(fb.figures.map((f) => f.id)),
      quotes: new Set(fb.quotes.map((q) => q.id)),
      glossary: new Set(fb.glossary.map((g) => g.id)),
    };
    const bad = findUnknownIds(tree, known);
    if (bad.length) {
      const path = file.path ?? file.history?.[0] ?? 'a chapter';
      const shown = relative(process.cwd(), path) || path;
      const list = bad.map((b) => `<${b.component} id="${b.id}">`).join(', ');
      throw new Error(`${shown}: unknown id in ${list}: no such entry in the fact base (content/data/)`);
    }
  };
}
