import { startDevIssuer } from '../tools/dev-issuer';

/**
 * Outside jest (whose global setup does it) a benchmark publishes the development issuer's keys itself, so the
 * services it starts accept its tokens: DEV_JWKS_URL for every service environment made after this, and a test
 * NODE_ENV (services refuse development tokens in production).
 */
export async function trustDevTokens(): Promise<void> {
  process.env.NODE_ENV ??= 'test';
  if (!process.env.DEV_JWKS_URL) process.env.DEV_JWKS_URL = (await startDevIssuer()).jwksUrl;
}
