import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InternalError } from '../errors';
import type { CertificationReport } from '../evidence/certificationReport';
import { canonicalize } from './canonicalJson';
import { signEnvelope, type DsseEnvelope } from './dsse';
import { readReportFile } from './readReportFile';
import { bytesDigest, IN_TOTO_PAYLOAD_TYPE, statementFor, type StatementSubject } from './statement';
import { testResultStatementFor } from './testResultStatement';
import { ATTESTATION_FILE_NAME } from './verifyReport';

/** The standard in-toto test-result attestation of the same run, beside hookproof's own. */
export const TEST_RESULT_ATTESTATION_FILE_NAME = 'report.test-result.dsse.json';

/**
 * Signs the report.json at `reportPath` as written (so the signed digest is the file's) and writes
 * the DSSE envelope beside it as report.dsse.json, and the standard in-toto test-result statement of
 * the same subjects as report.test-result.dsse.json. Returns the first envelope's path. The
 * envelopes hold the statement, the signature and the key id: never the key.
 */
export async function signReportFile(reportPath: string, privateKey: KeyObject): Promise<string> {
  const report = readReportFile(reportPath);
  const fileSha256 = bytesDigest(readFileSync(reportPath));
  const envelope = attestationFor(report, privateKey, fileSha256);
  const path = join(dirname(reportPath), ATTESTATION_FILE_NAME);
  await writeEnvelope(path, envelope);
  // The same subjects under the standard test-result predicate, for tooling that knows only in-toto.
  const own = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { subject: StatementSubject[] };
  const standard = signEnvelope(IN_TOTO_PAYLOAD_TYPE, Buffer.from(canonicalize(testResultStatementFor(report, own.subject)), 'utf8'), privateKey);
  await writeEnvelope(join(dirname(reportPath), TEST_RESULT_ATTESTATION_FILE_NAME), standard);
  return path;
}

async function writeEnvelope(path: string, envelope: DsseEnvelope): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
  await rename(temporary, path);
}

/** The DSSE envelope of a report that carries its digest; `reportFileSha256` is the SHA-256 of report.json's bytes. */
export function attestationFor(report: CertificationReport, privateKey: KeyObject, reportFileSha256: string): DsseEnvelope {
  if (report.digest === undefined) throw new InternalError('cannot sign a report without a digest');
  const statement = statementFor({ ...report, digest: report.digest }, reportFileSha256);
  return signEnvelope(IN_TOTO_PAYLOAD_TYPE, Buffer.from(canonicalize(statement), 'utf8'), privateKey);
}
