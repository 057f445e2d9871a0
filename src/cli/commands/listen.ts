import { Option } from 'commander';
import { addListenAddressOptions, addSecretOptions, reportDirOption } from '../options';
import { displayPath } from '../../displayPath';
import { appendFileSync } from 'node:fs';
import { createEngine } from '../../engine';
import { describeCause, UsageError } from '../../errors';
import { prepareReportDir } from '../reportDir';
import { validateSecrets } from '../../runner/validateTarget';
import { buildListenReport, deliveryLine, listenUntil, parseRespondScript, recordLine, renderListenSummary } from '../../sender';
import { redactSecrets, REPORT_FILE_NAMES, terminalSafe, writeReports } from '../../reports';
import { join } from 'node:path';
import type { ListenSession } from '../../sender';
import type { CommandRegistration, CommonOptions } from '../command';
import { exitCodeForOutcome, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';
import { numberOption } from '../numberOption';
import { durationOption } from '../durationOption';
import { collect } from '../collect';
import { nameLists } from '../nameList';
import { untilSignal } from '../untilSignal';
import { resolveSecrets, type SecretSources } from '../secrets';

/** Typed options of `listen`. */
export interface ListenCommandOptions extends CommonOptions, SecretSources {
  readonly port: number;
  readonly host: string;
  /** The respond script, e.g. "204" or "503,503,204". */
  readonly respond: string;
  /** NDJSON file every delivery is appended to. */
  readonly record?: string;
  readonly expect?: readonly string[];
  readonly forMs?: number;
  readonly count?: number;
  readonly retryWindowMs?: number;
  readonly reportDir: string;
  /** Bodies longer than this many bytes are cut there and answered 413 (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Resolves when the run should stop (SIGINT/SIGTERM in the CLI; a test's own promise). */
  readonly until?: Promise<void>;
  /** Called with the URL once listening (tests point their sender at it). */
  readonly onReady?: (url: string) => void;
}

/**
 * `hookproof listen`: a receiver that judges a sender. Every delivery is checked for SND-1 and
 * SND-2 and answered as the respond script says; on exit the retries are judged (SND-3), a summary
 * is printed and report.json, junit.xml and report.html are written. Exit 0 pass, 1 fail or incomplete.
 */
export async function runListen(options: ListenCommandOptions, io: CliIO): Promise<ExitCode> {
  const secrets = validateSecrets(resolveSecrets(options, io.env ?? process.env));
  const respond = parseRespondScript(options.respond);
  if (options.count !== undefined && options.count < 1) throw new UsageError('--count must be at least 1');
  const engine = createEngine({ specPath: options.spec });
  const expect = options.expect?.map((type) => engine.catalogue.get(type).type);
  const record = options.record !== undefined ? openRecord(options.record) : undefined;
  // Event ids and types come from the sender: escaped so it cannot drive the terminal.
  const print = (line: string): void => io.out(terminalSafe(redactSecrets(line, secrets)));
  const reportDir = await prepareReportDir(options.reportDir);
  const signal = options.until === undefined ? untilSignal() : undefined;
  const until = options.until ?? signal?.promise;

  let session: ListenSession;
  try {
    session = await listenUntil({
      validators: engine.validators,
      secrets,
      respond,
      signatureHeader: engine.catalogue.signatureHeader.name,
      port: options.port,
      host: options.host,
      ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
      ...(options.forMs !== undefined ? { forMs: options.forMs } : {}),
      ...(options.count !== undefined ? { count: options.count } : {}),
      ...(until !== undefined ? { until } : {}),
      onReady: (url) => {
        print(`hookproof listen on ${url}: answering ${respond.source}${expect !== undefined ? `, expecting ${expect.join(', ')}` : ''}; ${stopWhen(options)}`);
        options.onReady?.(url);
      },
      onDelivery: (delivery, body) => {
        print(deliveryLine(delivery));
        record?.(recordLine(delivery, body, secrets), io);
      },
      onIgnored: (method, path) => print(`ignored ${method} ${path}: not a delivery (answered 405)`),
    });
  } finally {
    signal?.dispose();
  }

  const report = buildListenReport({
    ...session,
    spec: { path: displayPath(engine.spec.path), sha256: engine.spec.sha256 },
    respond: respond.source,
    expect,
    secrets,
    reportPath: join(reportDir, REPORT_FILE_NAMES.json),
    ...(options.retryWindowMs !== undefined ? { retry: { retryWindowMs: options.retryWindowMs } } : {}),
  });
  const files = await writeReports(report, reportDir, secrets);
  for (const line of renderListenSummary(report, { secrets, htmlPath: files.html }).trimEnd().split('\n')) io.out(line);
  // An incomplete verdict (hookproof's own stall left SND-3 undecided) is no pass either.
  return exitCodeForOutcome(report.verdict !== 'pass');
}

/** An appender for the NDJSON record; checks up front that the file can be written. */
function openRecord(path: string): (line: string, io: CliIO) => void {
  try {
    appendFileSync(path, '');
  } catch (cause) {
    throw new UsageError(`cannot write the --record file ${path}: ${describeCause(cause)}`);
  }
  let failed = false;
  return (line, io) => {
    if (failed) return;
    try {
      appendFileSync(path, `${line}\n`);
    } catch (cause) {
      failed = true;
      io.err(`hookproof: recording to ${path} stopped: ${describeCause(cause)}`);
    }
  };
}

function stopWhen(options: ListenCommandOptions): string {
  const parts = [options.forMs !== undefined ? `after ${options.forMs / 1000} s` : undefined, options.count !== undefined ? `after ${options.count} deliveries` : undefined].filter(
    (p): p is string => p !== undefined,
  );
  return parts.length > 0 ? `stops ${parts.join(' or ')} or on Ctrl-C` : 'Ctrl-C to stop';
}

/** Registration of `listen`. */
export const listenCommand: CommandRegistration = {
  name: 'listen',
  readsSpec: true,
  define(command) {
    addSecretOptions(
      addListenAddressOptions(command.description('certify a sender: receive its deliveries, judge each (SND-1, SND-2) and its retries (SND-3)')),
      'the receiver secret the sender must sign with; repeat for a rotation, current first; prefer --secret-env',
    )
      .option('--respond <script>', 'statuses to answer per event, attempt by attempt: 204, or 503,503,204 (= 503x2,204); the last repeats', '204')
      .option('--record <file>', 'append every delivery to this NDJSON file (each body whole, up to --max-body)')
      .addOption(numberOption('--max-body', 'bytes', 'cut bodies longer than this and answer 413 (1024 to 67108864; default 1048576 = 1 MiB)'))
      .addOption(new Option('--expect <types>', 'fail unless these event types (comma-separated, e.g. ping) arrive, and only they').argParser(collect))
      .addOption(durationOption('--for', 'stop after this long (500ms, 30s, 2m)'))
      .addOption(numberOption('--count', 'n', 'stop after this many deliveries (retries count)'))
      .addOption(durationOption('--retry-window', 'how long a retry of a transient answer is waited for before it counts as missing (default 60s)'))
      .addOption(reportDirOption('where to write report.json, junit.xml and report.html', './hookproof-listen-report'));
  },
  run(parsed, io) {
    // Commander leaves out the options not given; most flags are named after the fields, these three are not.
    const {
      expect,
      for: forMs,
      retryWindow: retryWindowMs,
      maxBody,
      ...given
    } = parsed.opts<Omit<ListenCommandOptions, 'forMs' | 'retryWindowMs' | 'maxBodyBytes'> & { for?: number; retryWindow?: number; maxBody?: number }>();
    return runListen(
      {
        ...given,
        ...nameLists({ expect }),
        ...(forMs !== undefined ? { forMs } : {}),
        ...(maxBody !== undefined ? { maxBodyBytes: maxBody } : {}),
        ...(retryWindowMs !== undefined ? { retryWindowMs } : {}),
      },
      io,
    );
  },
};
