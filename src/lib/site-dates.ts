/**
 * The date the site's content last changed: the newest chapter `updated` date or correction. Read at config time
 * (node) and handed to the browser as import.meta.env.PUBLIC_RESET_UPDATED, the "updated" date a chart's citation
 * carries.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export function siteUpdated(root: string = process.cwd()): string {
  const dates: string[] = [];
  const dir = join(root, 'content/chapters');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
    const m = /^updated:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(readFileSync(join(dir, file), 'utf8'));
    if (m) dates.push(m[1]!);
  }
  const corrections = parse(readFileSync(join(root, 'content/data/corrections.yaml'), 'utf8'));
  if (Array.isArray(corrections)) for (const c of corrections) if (typeof c?.date === 'string') dates.push(c.date);
  return dates.sort().at(-1) ?? '1970-01-01';
}
