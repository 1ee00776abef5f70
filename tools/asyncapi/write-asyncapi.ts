import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApi } from './build-asyncapi';

/** npm run asyncapi: regenerates docs/asyncapi.json from libs/contracts. */
const file = join(__dirname, '..', '..', 'docs', 'asyncapi.json');
writeFileSync(file, `${JSON.stringify(buildAsyncApi(), null, 2)}\n`);
console.log(`wrote ${file}`);
