import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HttpErrorFilter, loggerOptions } from '@titipan/platform';
import { LoggerModule } from 'nestjs-pino';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { OidcProvider } from './auth/oidc-provider';
import { CONSOLE_CONFIG, type ConsoleConfig } from './config/console-config';
import { CsrfGuard } from './csrf/csrf.guard';
import { HealthController } from './health/health.controller';
import { ProxyController } from './proxy/proxy.controller';
import { ProxyService } from './proxy/proxy.service';
import { ServiceRouteGuard } from './proxy/service-route.guard';
import { SessionController } from './session/session.controller';
import { SessionGuard } from './session/session.guard';
import { SessionService } from './session/session.service';
import { SessionStore } from './session/session.store';

/**
 * The console's backend-for-frontend: sign-in, sessions, the forwarding proxy and the single-page app's files.
 * No database and no Kafka (no PlatformModule): it owns no business data.
 */
@Module({})
export class ConsoleModule {
  static forConfig(config: ConsoleConfig): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [LoggerModule.forRoot(loggerOptions(config, 'console'))],
      controllers: [HealthController, AuthController, SessionController, ProxyController],
      providers: [
        { provide: CONSOLE_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        OidcProvider,
        SessionStore,
        SessionService,
        AuthService,
        ProxyService,
        SessionGuard,
        CsrfGuard,
        ServiceRouteGuard,
      ],
    };
  }
}
