import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { currentContext } from '../context/request-context';
import type { PlatformConfig } from '../config/platform-config';
import { chooseLogFormat } from './log-format';

/** Health calls are polled by orchestrators and tools: not request-logged. */
const HEALTH_PATHS = /^\/health(\/live|\/ready)?(\?|$)/;

/**
 * JSON logs, one line each, carrying the correlation id of the request or event being handled; in development
 * at a terminal (or with LOG_FORMAT=pretty) the same entries as readable lines through pino-pretty.
 */
export function loggerOptions(config: Pick<PlatformConfig, 'LOG_LEVEL' | 'NODE_ENV' | 'LOG_FORMAT'>, service: string): Params {
  const options = {
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
    // the console's session cookie is as good as a token: never in a log line
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    autoLogging: { ignore: (req: IncomingMessage) => HEALTH_PATHS.test(req.url ?? '') },
    quietReqLogger: true,
  };
  const format = chooseLogFormat({
    nodeEnv: config.NODE_ENV,
    ci: process.env.CI === 'true',
    requested: config.LOG_FORMAT === 'auto' ? undefined : config.LOG_FORMAT,
    stdoutIsTerminal: process.stdout.isTTY === true,
  });
  if (format === 'json') return { pinoHttp: options };
  // loaded only here: production never needs it; sync so lines are not lost when the process exits
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { build } = require('pino-pretty') as typeof import('pino-pretty');
  return {
    pinoHttp: [
      options,
      build({
        sync: true,
        messageKey: 'message',
        ignore: 'pid,hostname,service,context',
        messageFormat: '{service} {if context}[{context}] {end}{message}',
        translateTime: 'SYS:HH:MM:ss.l',
      }),
    ],
  };
}
