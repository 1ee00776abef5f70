import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '../config/load-config';
import { PlatformConfig } from '../config/platform-config';
import { correlationIdFrom, runInContext } from '../context/request-context';
import { jsonDepthLimit } from '../http/json-depth';
import { createValidationPipe } from '../http/request-validation.pipe';
import { securityHeaders } from '../http/security-headers';
import { EventTransport } from '../consumer/event-transport';
import { PLATFORM_CONFIG } from '../platform.tokens';

/** Every request runs in a context carrying its correlation id, echoed back in the response. */
function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const correlationId = correlationIdFrom(req.headers['x-correlation-id']);
  res.setHeader('x-correlation-id', correlationId);
  runInContext({ correlationId }, next);
}

export function openApiDocument(app: INestApplication, service: string): OpenAPIObject {
  const config = new DocumentBuilder().setTitle(`Titipan ${service} API`).setVersion('1').addBearerAuth().build();
  return SwaggerModule.createDocument(app, config);
}

/** Wires an app the same way for production and tests: logger, body size and depth limits, validation, docs, shutdown. */
export function configureServiceApp(app: NestExpressApplication, service: string): void {
  const config = app.get<PlatformConfig>(PLATFORM_CONFIG);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', config.HTTP_TRUST_PROXY); // the client address the per-address rate limit counts
  app.use(securityHeaders());
  app.use(correlationMiddleware);
  app.useBodyParser('json', { limit: config.HTTP_BODY_LIMIT, verify: jsonDepthLimit() });
  app.useGlobalPipes(createValidationPipe());
  SwaggerModule.setup('docs', app, () => openApiDocument(app, service), { jsonDocumentUrl: 'docs/openapi.json' });
}

export async function createServiceApp(module: Type<unknown>, service: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  configureServiceApp(app, service);
  connectEventTransport(app);
  return app;
}

/**
 * Connects the Kafka side (EventTransport) as a Nest microservice: Nest discovers the `@EventPattern` listeners and
 * hands them to the transport. The app's global guards, pipes and filters are the HTTP edge's (token, rate limits,
 * request shape, HTTP error body), so the transport does not inherit them.
 */
export function connectEventTransport(app: INestApplication): EventTransport {
  const strategy = app.get(EventTransport);
  app.connectMicroservice({ strategy }, { inheritAppConfig: false });
  return strategy;
}

/** main.ts of every service: validate config first (a bad setting stops start-up, named), then listen. */
export async function bootstrapService(module: Type<unknown>, service: string, configClass: new () => PlatformConfig = PlatformConfig) {
  let config: PlatformConfig;
  try {
    config = loadConfig(configClass);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', service, message: 'invalid configuration', problems: error.problems })}\n${error.message}\n`,
    );
    process.exit(1);
  }
  const app = await createServiceApp(module, service);
  const logger = app.get(Logger);
  // graceful stop: stop taking requests, finish in-flight work; consumers commit their offsets and the relay stops
  // (side by side, before the database closes), exit 0
  const shutdown = async (signal: string) => {
    logger.log(`${signal} received, shutting down`);
    setTimeout(() => {
      logger.error(`shutdown took longer than ${SHUTDOWN_TIMEOUT_MS} ms, exiting`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  // listeners start in the background: a broker that is down does not hold the HTTP side back
  await app.startAllMicroservices();
  await app.listen(config.PORT, '0.0.0.0');
  logger.log(`${service} listening on port ${config.PORT}`);
}

/** Longest a graceful shutdown may take before the process gives up and exits non-zero. */
const SHUTDOWN_TIMEOUT_MS = 20_000;
