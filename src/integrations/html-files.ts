import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const files = (dir: string, keep: (name: string) => boolean) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => join(e.parentPath, e.name));

/** Every HTML file under a built folder, at any depth. */
export const htmlFiles = (dir: string): string[] => files(dir, (name) => name.endsWith('.html'));

/** Every file under a built folder that may name another built file: pages, stylesheets, scripts, data, header rules. */
export const textFiles = (dir: string): string[] => files(dir, (name) => /\.(html|css|js|mjs|json|txt|xml|webmanifest)$|^_headers$/.test(name));
