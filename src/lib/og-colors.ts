/**
 * The companies' colors as the light theme draws them (src/styles/global.css: --c-<token> and --c-<token>-ink),
 * for images that cannot read CSS, and the choice of which companies a page's card shows.
 */
import type { FactBase } from './factbase/schema';
import { COLOR_TOKENS } from './factbase/schema';

export type ColorToken = (typeof COLOR_TOKENS)[number];

export const COMPANY_COLORS: Record<ColorToken, { mark: string; ink: string }> = {
  microsoft: { mark: '#0072b2', ink: '#005a8c' },
  openai: { mark: '#009e73', ink: '#006b4e' },
  amazon: { mark: '#e69f00', ink: '#7f5400' },
  anthropic: { mark: '#d55e00', ink: '#a14700' },
  google: { mark: '#cc79a7', ink: '#93456f' },
  coreweave: { mark: '#56b4e9', ink: '#1b6690' },
  oracle: { mark: '#b59a00', ink: '#6b5c00' },
  nvidia: { mark: '#7a7a7a', ink: '#555555' },
  softbank: { mark: '#8c8c8c', ink: '#555555' },
};

/** A company's name as a short label: "Amazon / AWS" reads "Amazon". */
const label = (name: string) => name.split(' / ')[0]!.trim();

/**
 * The companies a set of entity ids is mostly about: colored companies only, most mentioned first (ties in order of
 * first mention), at most `max`.
 */
export function companiesOf(fb: FactBase, entityIds: readonly string[], max = 4): { id: string; name: string; color: ColorToken }[] {
  const count = new Map<string, number>();
  for (const id of entityIds) count.set(id, (count.get(id) ?? 0) + 1);
  const first = (id: string) => entityIds.indexOf(id);
  return [...count.keys()]
    .map((id) => fb.entities.find((e) => e.id === id))
    .filter((e): e is NonNullable<typeof e> => !!e && e.type === 'company' && !!e.color)
    .sort((a, b) => count.get(b.id)! - count.get(a.id)! || first(a.id) - first(b.id))
    .slice(0, max)
    .map((e) => ({ id: e.id, name: label(e.name), color: e.color! }));
}

/** The entities a chapter's figures name (payer and payee of each), in order of use. */
export function chapterEntities(fb: FactBase, figureIds: readonly string[]): string[] {
  return figureIds.flatMap((id) => {
    const f = fb.figures.find((x) => x.id === id);
    return f ? [f.from, f.to].filter((x): x is string => !!x) : [];
  });
}
