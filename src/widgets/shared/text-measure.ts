/**
 * How wide a line of chart text is, estimated on the generous side for Inter (or a system sans) so labels placed
 * with it never touch. One place for new drawings to measure text; the chart kit's measure with real font metrics
 * replaces it.
 */
export function textWidth(s: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of s) {
    if (/[il.,:;'’|!]/.test(ch)) em += 0.28;
    else if (ch === ' ') em += 0.29;
    else if (/[fjrt()\-]/.test(ch)) em += 0.4;
    else if (/[mwMW]/.test(ch)) em += 0.88;
    else if (/[A-Z]/.test(ch)) em += 0.7;
    else if (/[0-9%$]/.test(ch)) em += 0.63;
    else em += 0.58;
  }
  return em * size * (bold ? 1.08 : 1) + 2;
}

/** Words broken into lines no wider than `max` (a word longer than that gets a line of its own). */
export function wrapText(s: string, max: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const next = cur ? `${cur} ${word}` : word;
    if (cur && textWidth(next, size, bold) > max) {
      lines.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}
