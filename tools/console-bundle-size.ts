import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The console page's JavaScript, gzipped, against its budget (150 kB): printed after every build; over budget fails it. */
const BUDGET_BYTES = 150 * 1024;
const dir = join(__dirname, '..', 'dist', 'apps', 'console', 'web', 'assets');
const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  total += size;
  console.log(`${file}: ${(size / 1024).toFixed(1)} kB gzipped`);
}
console.log(`console JS: ${(total / 1024).toFixed(1)} kB gzipped (budget ${BUDGET_BYTES / 1024} kB)`);
if (total > BUDGET_BYTES) {
  console.error('over the budget');
  process.exit(1);
}
