import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DomainError } from '@titipan/kernel';
import { custom, Issuer, type BaseClient } from 'openid-client';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config/console-config';

/** How long to wait between discovery attempts while the provider is not answering (it may start after the console). */
const DISCOVERY_RETRY_MS = 3000;

/**
 * The console's client at the identity provider (openid-client 5): a public client (`token_endpoint_auth_method:
 * none`), so the code flow is protected by PKCE S256, state and nonce rather than a secret. The provider's
 * discovery document is read at start and retried until it answers; readiness waits for it.
 */
@Injectable()
export class OidcProvider implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OidcProvider');
  private discovered?: BaseClient;
  private stopped = false;
  private timer?: NodeJS.Timeout;

  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig) {}

  onApplicationBootstrap(): void {
    void this.discover();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  get ready(): boolean {
    return this.discovered !== undefined;
  }

  /** The client, or 503 PROVIDER_UNAVAILABLE while the discovery document has not been read. */
  get client(): BaseClient {
    if (!this.discovered) {
      throw new DomainError('unavailable', 'PROVIDER_UNAVAILABLE', 'the identity provider has not answered yet; try again shortly');
    }
    return this.discovered;
  }

  private async discover(): Promise<void> {
    try {
      const issuer = await Issuer.discover(this.config.OIDC_ISSUER);
      const client = new issuer.Client({
        client_id: this.config.OIDC_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: [this.config.callbackUrl],
        post_logout_redirect_uris: [`${this.config.publicOrigin}/`],
        response_types: ['code'],
        id_token_signed_response_alg: 'RS256',
      });
      // a few seconds of clock difference between the console and the provider must not fail an ID token
      client[custom.clock_tolerance] = 5;
      this.discovered = client;
      this.logger.log(`identity provider ${issuer.metadata.issuer} discovered`);
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn(`identity provider ${this.config.OIDC_ISSUER} not reachable yet (${(error as Error).message}); retrying`);
      this.timer = setTimeout(() => void this.discover(), DISCOVERY_RETRY_MS);
    }
  }
}
