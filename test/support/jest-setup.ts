import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';

// in-process components log through Nest's console logger; keep test output readable
const levels: Record<string, LogLevel[]> = {
  silent: [],
  error: ['error', 'fatal'],
  warn: ['error', 'fatal', 'warn'],
  info: ['error', 'fatal', 'warn', 'log'],
  debug: ['error', 'fatal', 'warn', 'log', 'debug', 'verbose'],
};
Logger.overrideLogger(levels[process.env.TEST_LOG_LEVEL ?? 'silent'] ?? levels.error);
