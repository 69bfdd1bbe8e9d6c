/**
 * The date the site's content last changed: the newest chapter `updated` date or correction. Read at config time
 * (node) and handed to the browser as import.meta.env.PUBLIC_RESET_UPDATED, the "updated" date a chart's citation
 * carries.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir, loadContent } from './factbase/content-files';

export function siteUpdated(root: string = contentDir()): string {
  const dates: string[] = [];
  const dir = join(root, 'chapters');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
    const m = /^updated:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(readFileSync(join(dir, file), 'utf8'));
    if (m) dates.push(m[1]!);
  }
  for (const c of loadContent('corrections', root)) if (typeof c.date === 'string') dates.push(c.date);
  return dates.sort().at(-1) ?? '1970-01-01';
}
