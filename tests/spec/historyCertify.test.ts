import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/engine';
import { startReferenceReceiver } from '../../src/receiver';
import { runCertification } from '../../src/runner/runCertification';
import { ROOT } from '../cli/paths';

// Spec independence end to end: the full list of checks, built from each of gridX's earlier files,
// certifies the reference receiver. The receiver reads no spec (it is a tolerant reader that checks
// signatures, `id` and `type`), so the same receiver serves every version. Few runs per check:
// the property tests elsewhere carry the volume.
const HISTORY = join(ROOT, 'spec', 'history');
const FILES = readdirSync(HISTORY).filter((f) => f.endsWith('.yaml')).sort();
const SECRET = 'history-spec-certification-secret';

describe.each(FILES)('certifying the reference receiver with %s', (file) => {
  it('passes every required check, and the report names that spec version', async () => {
    const engine = createEngine({ specPath: join(HISTORY, file) });
    const receiver = await startReferenceReceiver({ secrets: [SECRET] });
    try {
      const report = await runCertification({
        url: `${receiver.url}hooks/gridx`,
        secrets: [SECRET],
        allowHttp: true,
        engine,
        seed: 11,
        runs: 2,
        retryBaseDelayMs: 5,
      });
      const failed = report.checks.filter((c) => c.status === 'fail').map((c) => `${c.id}: ${c.failures[0]?.label ?? c.note ?? ''}`);
      expect(failed).toEqual([]);
      expect(report.verdict).toBe('pass');
      expect(report.spec).toMatchObject({ title: 'gridX webhook events', version: file.slice(0, 10) });
      // Every event type of that version was sent.
      const types = engine.catalogue.types.filter((t) => !t.deprecated).map((t) => t.type);
      expect(report.coverage.rows.map((r) => r.type)).toEqual(expect.arrayContaining(types));
    } finally {
      await receiver.close();
    }
  });
});
