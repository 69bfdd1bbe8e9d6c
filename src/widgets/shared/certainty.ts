/** The visual grammar of certainty, the same in every chart: solid, hatched, outline, dashed with "?". */
import type { Qualifier } from '../../lib/factbase/schema';

export type Certainty = 'solid' | 'hatched' | 'outline' | 'undisclosed';

export function certaintyOf(q: Qualifier): Certainty {
  switch (q) {
    case 'conditional':
      return 'hatched';
    case 'up-to':
      return 'outline';
    case 'undisclosed':
      return 'undisclosed';
    default:
      return 'solid';
  }
}

/** Only the press says so: drawn as the mark plus a small "reported" tag. */
export const isReported = (q: Qualifier) => q === 'reported';

/** CSS custom properties of a company's color token. */
export const markColor = (token: string | undefined) => (token ? `var(--c-${token})` : 'var(--ink-faint)');
export const inkColor = (token: string | undefined) => (token ? `var(--c-${token}-ink)` : 'var(--ink-muted)');
