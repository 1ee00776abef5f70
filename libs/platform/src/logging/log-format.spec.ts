import { chooseLogFormat, type LogFormatInputs } from './log-format';

const developer: LogFormatInputs = { nodeEnv: 'development', ci: false, stdoutIsTerminal: true };

describe('log format', () => {
  it.each<[string, Partial<LogFormatInputs>, 'json' | 'pretty']>([
    ['a developer at a terminal reads pretty lines', {}, 'pretty'],
    ['output piped in development stays JSON', { stdoutIsTerminal: false }, 'json'],
    ['LOG_FORMAT=pretty asks for it when piped', { stdoutIsTerminal: false, requested: 'pretty' }, 'pretty'],
    ['LOG_FORMAT=json keeps JSON at a terminal', { requested: 'json' }, 'json'],
    ['production writes JSON even at a terminal that asks for pretty', { nodeEnv: 'production', requested: 'pretty' }, 'json'],
    ['CI writes JSON even when asked for pretty', { ci: true, requested: 'pretty' }, 'json'],
    ['test processes write JSON', { nodeEnv: 'test', requested: 'pretty' }, 'json'],
  ])('%s', (_, change, expected) => expect(chooseLogFormat({ ...developer, ...change })).toBe(expected));
});
