import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type JsonWebKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEV_TOKEN_ALGORITHM, type DevSigningKey } from '@titipan/platform';
import { writeSecretFileOnce } from './local-files';

/**
 * The development token issuer: a key pair of this checkout (`.local/dev-signing-key.json`, git-ignored, made at
 * first use) whose private half signs the tokens of `npm run token`, the tools and the tests, and whose public
 * half is published as a JWKS over HTTP. The services verify those tokens with the code that verifies the identity
 * provider's (a remote JWKS), and accept them only with NODE_ENV=development or test.
 */
export const DEV_SIGNING_KEY_FILE = join(__dirname, '..', '.local', 'dev-signing-key.json');

interface StoredKey {
  kid: string;
  privateJwk: JsonWebKey;
}

let loaded: DevSigningKey | undefined;

export function devSigningKey(): DevSigningKey {
  if (loaded) return loaded;
  if (!existsSync(DEV_SIGNING_KEY_FILE)) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const stored: StoredKey = { kid: `dev-${randomBytes(6).toString('hex')}`, privateJwk: privateKey.export({ format: 'jwk' }) };
    writeSecretFileOnce(DEV_SIGNING_KEY_FILE, `${JSON.stringify(stored, null, 2)}\n`);
  }
  const stored = JSON.parse(readFileSync(DEV_SIGNING_KEY_FILE, 'utf8')) as StoredKey;
  loaded = { kid: stored.kid, privateKey: createPrivateKey({ key: stored.privateJwk, format: 'jwk' }) };
  return loaded;
}

/** The public half, as a JWKS. */
export function devJwks(): { keys: JsonWebKey[] } {
  const { kid, privateKey } = devSigningKey();
  return { keys: [{ ...createPublicKey(privateKey).export({ format: 'jwk' }), kid, alg: DEV_TOKEN_ALGORITHM, use: 'sig' }] };
}

export interface RunningDevIssuer {
  jwksUrl: string;
  close(): Promise<void>;
}

/** Publishes the JWKS at http://127.0.0.1:<port>/jwks.json (port 0: a free one). */
export async function startDevIssuer(port = 0): Promise<RunningDevIssuer> {
  const body = JSON.stringify(devJwks());
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/jwks.json') {
      response.writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'max-age=300' }).end(body);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  server.unref(); // it serves while its process has other work; it never keeps one alive
  return {
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
