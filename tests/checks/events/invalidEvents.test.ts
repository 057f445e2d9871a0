import { INVALID_KINDS } from '../../../src/arbitraries';
import { verifySignature } from '../../../src/signing';
import { SECRET } from '../support/receivers';
import { runCheck } from '../support/runCheck';
import type { DefectName } from './support/defects';
import { otherEventChecksNotPassing, statuses } from './support/area';
import { receiverPool } from './support/receivers';

const SCHEMA_KINDS = ['missing-required', 'wrong-type', 'enum-outside', 'bad-format', 'out-of-range', 'type-data-mismatch'];
const kindOf = (label: string): string => label.split(' ')[0] ?? '';

describe('evt-invalid-events (EVT-7)', () => {
  const receivers = receiverPool();

  it('passes against the reference receiver, and signs every case over its exact bytes', async () => {
    const statuses: number[] = [];
    const kinds = new Set<string>();
    const recording = await receivers.custom((req, body, res) => {
      const verified = verifySignature(body, req.headers['x-signature'] as string | undefined, [SECRET]).valid;
      res.on('finish', () => statuses.push(verified ? res.statusCode : -1));
      if (body.length === 0) kinds.add('empty-body');
      return false;
    });
    const report = await runCheck('evt-invalid-events', recording.url);
    expect(report).toMatchObject({ status: 'pass', requirement: 'EVT-7', severity: 'recommended', failures: [] });
    // Every kind but unknown-type (EVT-6's) and unknown-property (gridX's spec closes no object).
    expect(report.cases).toBe((INVALID_KINDS.length - 2) * 10);
    expect(report.note).toBe('no selected type allows a case of kind unknown-property');
    expect(statuses).toHaveLength(report.cases);
    expect(statuses.every((s) => s === 202 || s === 400)).toBe(true);
    expect(kinds.has('empty-body')).toBe(true);
  });

  it('warns, once for each non-JSON kind, against a receiver that crashes on bodies that are not JSON', async () => {
    const report = await runCheck('evt-invalid-events', (await receivers.defective('crashesOnInvalidJson')).url);
    expect(report.status).toBe('warn');
    expect(report.failures.map((f) => kindOf(f.label))).toEqual(['not-json', 'empty-body']);
    expect(report.failures[0]?.actual).toContain('500');
  });

  it('warns, once per kind, naming the broken field, against a receiver that crashes on schema violations', async () => {
    const report = await runCheck('evt-invalid-events', (await receivers.defective('crashesOnSchemaViolation')).url);
    expect(report.status).toBe('warn');
    expect(report.failures.map((f) => kindOf(f.label))).toEqual(SCHEMA_KINDS);
    for (const failure of report.failures.filter((f) => kindOf(f.label) !== 'type-data-mismatch')) {
      expect(failure.label).toMatch(/^[a-z-]+ \/[\w/]+ \([a-z/-]+\)$/);
    }
  });

  it.each<DefectName>(['crashesOnInvalidJson', 'crashesOnSchemaViolation'])('is the only event check %s breaks', async (defect) => {
    const url = (await receivers.defective(defect)).url;
    expect(statuses(await otherEventChecksNotPassing(url, ['evt-invalid-events']))).toEqual([]);
  });

  it('does not blame a receiver that crashes on absent optional fields (EVT-2) for invalid events', async () => {
    const report = await runCheck('evt-invalid-events', (await receivers.defective('crashesOnAbsentOptional')).url);
    expect(report).toMatchObject({ status: 'pass', failures: [] });
  });

  it('leaves unknown types to EVT-6', async () => {
    const report = await runCheck('evt-invalid-events', (await receivers.defective('crashesOnUnknownType')).url);
    expect(report).toMatchObject({ status: 'pass', failures: [] });
  });
});
