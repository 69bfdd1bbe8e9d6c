/**
 * Chart words are templates kept under content/charts/ (YAML): the sentence is the editor's, every amount and date in
 * it is filled here by the site's formatters (./format.ts), so nothing a chart says about money is typed by hand.
 *
 * A placeholder is `{name}` or `{name|modifier|…}`:
 * - `{figure:<id>}` a figure of the fact base, with its certainty ("about 27%", "up to $20 billion");
 * - `{name}` a value the chart passes in: words (as they are), a count, an amount (`{ usd }`), a date (`{ date }`)
 *   or an amount with its certainty (a figure-like record the chart derives).
 * Modifiers: `short` ("$13B", "Jan 19, 2023"), `month` (a date to the month), `cap` (capital first letter),
 * `words` (a count spelled out: "three"), `plural:<one>:<other>` (the word that agrees with a count).
 * The loader fills figures once (fillFigures); a chart fills the rest (fill).
 * A live placeholder the browser fills (`{date}` in an "as of" sentence) is passed in as the string '{date}'.
 * Anything else fails loudly: an unknown placeholder, modifier or figure id is an error, never empty text.
 */
import type { Figure, Precision } from './factbase/schema';
import { formatDate, formatDateShort, formatFigure, formatUSD } from './format';
import { ChartWordsError, PLACEHOLDER, renderPlain, type Placeholder } from './words-core';

export { ChartWordsError, type Placeholder } from './words-core';

const NAME = /^(?:figure:[a-z0-9]+(?:-[a-z0-9]+)*|[a-zA-Z][a-zA-Z0-9]*)$/;
const MODIFIER = /^(?:short|month|cap|words|plural:[^:|]+:[^:|]+)$/;

/** Every placeholder in a template; a malformed one (bad name, unknown modifier, stray brace) throws. */
export function placeholders(template: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    const [name = '', ...modifiers] = m[1]!.split('|').map((s) => s.trim());
    if (!NAME.test(name)) throw new ChartWordsError(`malformed placeholder "${m[0]}"`);
    const bad = modifiers.find((x) => !MODIFIER.test(x));
    if (bad !== undefined) throw new ChartWordsError(`unknown modifier "${bad}" in "${m[0]}" (known: short, month, cap, words, plural:one:other)`);
    const figure = name.startsWith('figure:');
    out.push({ raw: m[0], name: figure ? name.slice('figure:'.length) : name, figure, modifiers });
  }
  if (/[{}]/.test(template.replace(PLACEHOLDER, ''))) throw new ChartWordsError('has a brace that opens or closes no placeholder');
  return out;
}

/** Fills every placeholder of `template` with `render(placeholder)`, in one pass; errors name `where`. */
export function fillWith(template: string, where: string, render: (p: Placeholder) => string): string {
  let list: Placeholder[];
  try {
    list = placeholders(template);
  } catch (e) {
    throw new ChartWordsError(`${where}: ${(e as Error).message}`);
  }
  let i = 0;
  // One pass over the template, so a value that itself reads "{date}" (a live placeholder) is never filled again.
  return template.replace(PLACEHOLDER, () => {
    const p = list[i++]!;
    try {
      return render(p);
    } catch (e) {
      const message = (e as Error).message;
      throw new ChartWordsError(message.startsWith(`${where}: `) ? message : `${where}: ${message}`);
    }
  });
}



/** An amount with its certainty, as a figure of the fact base has it (or one the chart derives from figures). */
export type Amount = Pick<Figure, 'value' | 'unit' | 'kind' | 'qualifier'>;
type FigureLike = Amount & Pick<Figure, 'id'>;
/** A value a template can name: words, a count, an amount in dollars, a date, or an amount with its certainty. */
export type WordValue = string | number | { usd: number } | { date: string; precision?: Precision } | Amount;
export type WordValues = Readonly<Record<string, WordValue>>;

/**
 * What is wrong with a template for a field that may name `allowed` values (null: names are not checked) and the
 * figures `figureIds` (absent: figure ids are not checked), or null when it is sound.
 */
export function templateProblem(template: string, allowed: readonly string[] | null, figureIds?: ReadonlySet<string>): string | null {
  let list: Placeholder[];
  try {
    list = placeholders(template);
  } catch (e) {
    return (e as Error).message;
  }
  for (const p of list) {
    if (p.figure) {
      if (figureIds && !figureIds.has(p.name)) return `unknown figure "${p.name}"`;
    } else if (allowed && !allowed.includes(p.name)) {
      const may = allowed.length ? allowed.map((a) => `{${a}}`).join(', ') : 'no named placeholders';
      return `unknown placeholder "{${p.name}}" (this text may use ${may}, and {figure:<id>})`;
    }
  }
  return null;
}

function render(p: Placeholder, value: WordValue | FigureLike): string {
  if (typeof value === 'number' || typeof value === 'string') return renderPlain(p, value);
  const has = (m: string) => p.modifiers.includes(m);
  const bad = p.modifiers.find((m) => m === 'words' || m.startsWith('plural:'));
  if (bad) throw new ChartWordsError(`modifier "${bad}" applies to a count, not to ${p.raw}`);
  let text: string;
  if ('usd' in value) text = formatUSD(value.usd, { short: has('short') });
  else if ('date' in value) {
    const precision = value.precision ?? 'day';
    const shown = has('month') && precision === 'day' ? 'month' : precision;
    text = has('short') ? formatDateShort(value.date, shown) : formatDate(value.date, shown);
  } else text = formatFigure(value, { short: has('short') });
  return has('cap') ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * The template with each `{figure:<id>}` filled from `figures` and named placeholders left for `fill`: the loader
 * resolves figures once, so a chart fills its words without the fact base at hand.
 */
export function fillFigures(template: string, figures: readonly FigureLike[]): string {
  const list = placeholders(template);
  let i = 0;
  return template.replace(PLACEHOLDER, (raw) => {
    const p = list[i++]!;
    if (!p.figure) return raw;
    const f = figures.find((x) => x.id === p.name);
    if (!f) throw new ChartWordsError(`unknown figure "${p.name}"`);
    return render(p, f);
  });
}

/**
 * The template with every placeholder filled from `values`; `where` names the template in an error
 * ("money-flows summary.committed"). Figures must have been filled first (fillFigures).
 */
export function fill(template: string, values: WordValues = {}, where = 'chart words'): string {
  return fillWith(template, where, (p) => {
    const value = p.figure ? undefined : values[p.name];
    if (value === undefined) throw new ChartWordsError(`${where}: unknown placeholder "${p.raw}"`);
    return render(p, value);
  });
}
