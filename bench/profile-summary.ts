import { readFileSync } from 'node:fs';

/**
 * Where a service spent its CPU during a benchmark: self time of a V8 .cpuprofile (written by
 * `BENCH_PROFILE=consignment npm run bench`) by package and by function, plus the inclusive time of
 * the functions named on the command line.
 *   npx ts-node bench/profile-summary.ts <file.cpuprofile> [top=25] [functionName ...]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const [file, ...rest] = process.argv.slice(2);
const top = Number(rest.find((a) => a.startsWith('top='))?.slice(4) ?? 25);
const inclusiveOf = rest.filter((a) => !a.startsWith('top='));
const profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } = JSON.parse(readFileSync(file, 'utf8'));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const total = [...selfMs.values()].reduce((a, b) => a + b, 0);

const packageOf = (url: string) => {
  if (!url) return '(native, gc, idle)';
  const dist = url.match(/dist\/apps\/[^/]+\/main\.js/);
  if (dist) return '(bundled: app, libs and webpacked packages)';
  const pkg = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  return url.startsWith('node:') ? 'node core' : url;
};
const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  add(byPackage, packageOf(url), ms);
  add(byFunction, `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`, ms);
}
const inclusive = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const name = byId.get(n)!.callFrame.functionName;
    if (inclusiveOf.includes(name) && !seen.has(name)) {
      seen.add(name);
      add(inclusive, name, ms);
    }
  }
}

const print = (title: string, map: Map<string, number>, limit: number) => {
  console.log(`\n${title}`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    console.log(`${(ms / 1000).toFixed(2).padStart(8)} s ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
};
console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled`);
print('self time by package', byPackage, 15);
print('self time by function', byFunction, top);
if (inclusiveOf.length) print('inclusive time', inclusive, inclusiveOf.length);
