/**
 * What the first connection to the target was, as recorded at connection time: the address the
 * host name resolved to and, over https, the certificate the receiver presented. It is provenance
 * ("this run spoke to that machine, which showed that certificate"), not a judgement: TLS-1 judges.
 */
export interface ConnectionFacts {
  readonly address: string;
  readonly port: number;
  readonly tls?: {
    /** SHA-256 fingerprint of the leaf certificate's DER bytes, upper-case hex pairs joined by ':'. */
    readonly certificateSha256: string;
    /** The certificate's notAfter, as an ISO 8601 time. */
    readonly validTo: string;
    readonly subject?: string;
  };
  /** The proxy deliveries went through (HTTPS_PROXY/HTTP_PROXY), password masked; `address` is then the proxy's. */
  readonly proxy?: string;
}

/**
 * Where and how a report was made, beyond what report.json already says at its top level (`tool`
 * name and version, `spec` path, SHA-256, title and version, `startedAt`/`finishedAt`, `seed`,
 * `options`): those are not repeated here, so there is one place for each fact.
 */
export interface Provenance {
  /** The Node.js version that ran hookproof, e.g. "v20.20.0". */
  readonly node: string;
  /** `process.platform`-`process.arch`, e.g. "linux-x64". */
  readonly platform: string;
  /**
   * The command as run, secret-free: the subcommand and its options in a canonical order. Secret
   * values never appear (`--secret` is written `--secret <redacted>`); `--secret-env` names do.
   */
  readonly command: readonly string[];
  /** The first connection to the target: its resolved address and, over https, its certificate. */
  readonly connection?: ConnectionFacts;
}

/** Provenance of a run made by this process. */
export function currentProvenance(command: readonly string[], connection: ConnectionFacts | undefined): Provenance {
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    command: [...command],
    ...(connection !== undefined ? { connection } : {}),
  };
}
