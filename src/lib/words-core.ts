/**
 * The part of chart words a browser needs: placeholders filled with words and counts only (`cap`,
 * `words`, `plural:<one>:<other>`). Amounts, dates and figures are filled at build time by ./chart-words.ts, which
 * builds on this; a script that rewrites a sentence as the reader filters (timeline's summary) or moves the date
 * (terms-timeline's "In force on") ships only this.
 */
export class ChartWordsError extends Error {
  override name = 'ChartWordsError';
}

export interface Placeholder {
  /** The whole placeholder as written, braces included. */
  raw: string;
  /** The value's name, or the figure id for `{figure:<id>}`. */
  name: string;
  figure: boolean;
  modifiers: string[];
}

export const PLACEHOLDER = /\{([^{}]*)\}/g;
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A word or count as a placeholder asks for it; anything else is the build's to fill (./chart-words.ts). */
export function renderPlain(p: Placeholder, value: string | number): string {
  const has = (m: string) => p.modifiers.includes(m);
  const plural = p.modifiers.find((m) => m.startsWith('plural:'));
  let text: string;
  if (typeof value === 'number') {
    if (plural) {
      const [, one, other] = plural.split(':');
      text = value === 1 ? one! : other!;
    } else text = has('words') ? (NUMBER_WORDS[value] ?? String(value)) : String(value);
  } else {
    const bad = p.modifiers.find((m) => m === 'words' || m.startsWith('plural:'));
    if (bad) throw new ChartWordsError(`modifier "${bad}" applies to a count, not to ${p.raw}`);
    text = value;
  }
  return has('cap') ? capital(text) : text;
}

/** The template filled with words and counts only: what the browser may fill. */
export function fillText(template: string, values: Readonly<Record<string, string | number>>, where = 'chart words'): string {
  // The build has checked every template (chart-words.ts placeholders()); here each is only looked up.
  return template.replace(PLACEHOLDER, (raw, body: string) => {
    const [name = '', ...modifiers] = body.split('|').map((x) => x.trim());
    const value = values[name];
    if (value === undefined) throw new ChartWordsError(`${where}: unknown placeholder "${raw}"`);
    return renderPlain({ raw, name, figure: false, modifiers }, value);
  });
}
