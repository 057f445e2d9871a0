import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InternalError } from '../errors';
import type { CertificationReport } from '../evidence/certificationReport';
import { canonicalize } from './canonicalJson';
import { signEnvelope, type DsseEnvelope } from './dsse';
import { readReportFile } from './readReportFile';
import { bytesDigest, IN_TOTO_PAYLOAD_TYPE, statementFor } from './statement';
import { ATTESTATION_FILE_NAME } from './verifyReport';

/**
 * Signs the report.json at `reportPath` as written (so the signed digest is the file's) and writes
 * the DSSE envelope beside it as report.dsse.json. Returns the envelope's path. The envelope holds
 * the statement, the signature and the key id: never the key.
 */
export async function signReportFile(reportPath: string, privateKey: KeyObject): Promise<string> {
  const report = readReportFile(reportPath);
  const envelope = attestationFor(report, privateKey, bytesDigest(readFileSync(reportPath)));
  const path = join(dirname(reportPath), ATTESTATION_FILE_NAME);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
  await rename(temporary, path);
  return path;
}

/** The DSSE envelope of a report that carries its digest; `reportFileSha256` is the SHA-256 of report.json's bytes. */
export function attestationFor(report: CertificationReport, privateKey: KeyObject, reportFileSha256: string): DsseEnvelope {
  if (report.digest === undefined) throw new InternalError('cannot sign a report without a digest');
  const statement = statementFor({ ...report, digest: report.digest }, reportFileSha256);
  return signEnvelope(IN_TOTO_PAYLOAD_TYPE, Buffer.from(canonicalize(statement), 'utf8'), privateKey);
}
