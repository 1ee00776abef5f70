import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The console's JavaScript, gzipped, printed after every build. The budget (150 kB) holds for what a first page
 * load fetches: the entry chunk and what it imports statically (everything the till needs, offline too). An
 * office area's pages, Chart.js and the spreadsheet readers are fetched when first opened; they are listed, and
 * the total is printed beside them. Over budget fails the build.
 */
const BUDGET_BYTES = 150 * 1024;
const root = join(__dirname, '..', 'dist', 'apps', 'console', 'web');
const manifest = JSON.parse(readFileSync(join(root, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  { file: string; isEntry?: boolean; imports?: string[] }
>;
const gzipped = (file: string) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const firstLoad = new Set<string>();
const visit = (key: string) => {
  const chunk = manifest[key];
  if (!chunk || firstLoad.has(chunk.file)) return;
  firstLoad.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

let first = 0;
let total = 0;
for (const name of readdirSync(join(root, 'assets')).filter((f) => f.endsWith('.js'))) {
  const file = `assets/${name}`;
  const size = gzipped(file);
  total += size;
  if (firstLoad.has(file)) first += size;
  console.log(`${name}: ${kB(size)} gzipped${firstLoad.has(file) ? ' (first load)' : ' (when first opened)'}`);
}
console.log(`console JS: first load ${kB(first)} gzipped (budget ${BUDGET_BYTES / 1024} kB), all chunks ${kB(total)}`);
if (first > BUDGET_BYTES) {
  console.error('the first load is over the budget');
  process.exit(1);
}
