export type LogFormat = 'json' | 'pretty';

export interface LogFormatInputs {
  nodeEnv: string;
  /** CI=true in the environment. */
  ci: boolean;
  /** LOG_FORMAT, when set. */
  requested?: LogFormat;
  stdoutIsTerminal: boolean;
}

type LogFormatRule = { name: string; applies: (i: LogFormatInputs) => boolean; format: (i: LogFormatInputs) => LogFormat };

/**
 * Which log format a process writes, as the first rule that applies. Production and CI always write JSON, one
 * line per entry, for log shippers; a developer reads pretty lines in a terminal or by asking for them.
 */
export const LOG_FORMAT_RULES: readonly LogFormatRule[] = [
  { name: 'production-writes-json', applies: (i) => i.nodeEnv === 'production', format: () => 'json' },
  { name: 'ci-writes-json', applies: (i) => i.ci, format: () => 'json' },
  { name: 'development-only-is-pretty', applies: (i) => i.nodeEnv !== 'development', format: () => 'json' },
  { name: 'asked-for', applies: (i) => i.requested !== undefined, format: (i) => i.requested! },
  { name: 'terminal-is-pretty', applies: (i) => i.stdoutIsTerminal, format: () => 'pretty' },
  { name: 'otherwise-json', applies: () => true, format: () => 'json' },
];

export function chooseLogFormat(inputs: LogFormatInputs): LogFormat {
  return LOG_FORMAT_RULES.find((rule) => rule.applies(inputs))!.format(inputs);
}
