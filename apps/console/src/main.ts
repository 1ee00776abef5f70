import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, correlationIdFrom, runInContext } from '@titipan/platform';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { loadConsoleConfig, type ConsoleConfig } from './config/console-config';
import { ConsoleModule } from './console.module';
import { bodyLimitOf, forwardTarget } from './proxy/domain/forward-rules';
import { cookieOf, SESSION_COOKIE } from './session/session-cookie';
import { consoleSecurityHeaders, webApp } from './web-app/web-app';

const SHUTDOWN_TIMEOUT_MS = 20_000;

function correlation(req: Request, res: Response, next: NextFunction): void {
  const correlationId = correlationIdFrom(req.headers['x-correlation-id']);
  res.setHeader('x-correlation-id', correlationId);
  runInContext({ correlationId }, next);
}

/** The body parser's refusals (too large, aborted) in the one error shape; they happen before Nest's filter sees the request. */
function bodyRefused(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const typed = error as { type?: string; status?: number; message?: string };
  if (typeof typed?.status !== 'number' || typed.status < 400 || typed.status >= 500) return next(error);
  const tooLarge = typed.type === 'entity.too.large';
  res.status(typed.status).json({
    statusCode: typed.status,
    code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST',
    message: tooLarge ? 'request body exceeds the configured limit' : 'the request body was refused',
    correlationId: res.getHeader('x-correlation-id'),
  });
}

/** The console app wired as in production; the tests start it the same way, from the bundle. */
export async function createConsoleApp(config: ConsoleConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ConsoleModule.forConfig(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', config.HTTP_TRUST_PROXY);
  app.use(consoleSecurityHeaders(config.publicOrigin));
  app.use(correlation);
  app.use(cookieParser());
  // bodies are forwarded as they came (bytes, not re-serialised JSON), within the limit (a file upload's own, larger
  // one); only /api forwards any
  const bodyOf = {
    json: express.raw({ type: () => true, limit: config.HTTP_BODY_LIMIT }),
    upload: express.raw({ type: () => true, limit: config.HTTP_UPLOAD_LIMIT }),
  };
  app.use('/api', (req: Request, res: Response, next: NextFunction) => {
    const limit = bodyLimitOf({
      method: req.method,
      target: forwardTarget(req.originalUrl),
      contentType: req.headers['content-type'],
      hasSessionCookie: cookieOf(req, SESSION_COOKIE) !== undefined,
    });
    return bodyOf[limit](req, res, next);
  });
  app.use(webApp(config.CONSOLE_WEB_DIR || join(__dirname, 'web')));
  app.use(bodyRefused);
  return app;
}

async function main(): Promise<void> {
  let config: ConsoleConfig;
  try {
    config = loadConsoleConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', service: 'console', message: 'invalid configuration', problems: error.problems })}\n${error.message}\n`,
    );
    process.exit(1);
  }
  const app = await createConsoleApp(config);
  const logger = app.get(Logger);
  const shutdown = async (signal: string) => {
    logger.log(`${signal} received, shutting down`);
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen(config.PORT, '0.0.0.0');
  logger.log(`console listening on port ${config.PORT}, at ${config.publicOrigin}`);
}

void main();
