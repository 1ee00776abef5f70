import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { currentContext } from '../context/request-context';
import type { PlatformConfig } from '../config/platform-config';

/** JSON logs, one line each, carrying the correlation id of the request or event being handled. */
export function loggerOptions(config: PlatformConfig, service: string): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { service },
      messageKey: 'message',
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label: string) => ({ level: label }) },
      mixin: () => {
        const context = currentContext();
        return context ? { correlationId: context.correlationId, actor: context.actor?.id } : {};
      },
      genReqId: (req: IncomingMessage) => currentContext()?.correlationId ?? String(req.headers['x-correlation-id'] ?? ''),
      redact: ['req.headers.authorization'],
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
      quietReqLogger: true,
    },
  };
}
