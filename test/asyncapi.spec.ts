import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { ALL_EVENTS, allTopics } from '@titipan/contracts';
import { buildAsyncApi } from '../tools/asyncapi/build-asyncapi';

describe('AsyncAPI document', () => {
  const committed = JSON.parse(readFileSync(join(__dirname, '..', 'docs', 'asyncapi.json'), 'utf8'));

  it('is the one generated from libs/contracts (run npm run asyncapi after changing a contract)', () => {
    expect(JSON.parse(JSON.stringify(buildAsyncApi()))).toEqual(committed);
  });

  it('is a valid AsyncAPI 3 document', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(committed));
    const errors = diagnostics
      .filter((d) => Number(d.severity) === Number(DiagnosticSeverity.Error))
      .map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  });

  it('describes every topic and every event type with its payload schema', () => {
    expect(
      Object.values(committed.channels)
        .map((c) => (c as { address: string }).address)
        .sort(),
    ).toEqual(allTopics().sort());
    for (const d of ALL_EVENTS) {
      const message = committed.components.messages[`${d.type}.v${d.version}`];
      expect(message.payload.allOf[1].properties.data.$ref).toBe(`#/components/schemas/${d.payload.name}`);
      expect(committed.components.schemas[d.payload.name].type).toBe('object');
    }
  });
});
