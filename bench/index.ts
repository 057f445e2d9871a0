import fc from 'fast-check';
import { anyEventArbitrary } from '../src/arbitraries';
import { createEngine } from '../src/engine';
import { runCertification } from '../src/runner/runCertification';
import { serialiseEvent } from '../src/serialise';
import { startChildReceiver } from './childReceiver';
import { benchCapacity } from './capacity';
import { benchDelivery } from './delivery';
import { benchGenerate } from './generate';
import { benchHmac } from './hmac';
import { round } from './measure';
import { benchMemory } from './memory';
import { benchStartup } from './startup';

// `npm run bench`: side-by-side measurements in one run, each against a named peer, with ratios.
// BENCH_MS sets the time per measured loop (default 3000 ms). The last line is one JSON object.
// It runs the compiled CLI (bin/hookproof.js), so `npm run bench` builds first.
async function main(): Promise<void> {
  const ms = Number(process.env.BENCH_MS ?? 3000);
  const engine = createEngine();
  const bodies = fc.sample(anyEventArbitrary(engine.catalogue), { numRuns: 2000, seed: 1 }).map(serialiseEvent);

  const generate = benchGenerate(engine, ms);
  console.log(
    `generate+validate  hookproof ${generate.hookproof_per_s}/s (validity ${generate.hookproof_validity})  json-schema-faker ${generate.faker_per_s}/s (validity ${generate.faker_validity})  ratio ${generate.ratio}`,
  );

  const hmac = benchHmac(bodies, ms);
  console.log(`hmac sign+verify   hookproof ${hmac.hookproof_per_s}/s  node:crypto ${hmac.node_crypto_per_s}/s  ratio ${hmac.ratio}`);

  const startup = benchStartup();
  console.log(
    `startup            require('hookproof') ${startup.require_hookproof_ms} ms (${startup.require_hookproof_ratio}x), require('hookproof/jest') ${startup.require_hookproof_jest_ms} ms (${startup.require_hookproof_jest_ratio}x), hookproof --version ${startup.version_ms} ms (${startup.version_ratio}x), types ${startup.types_ms} ms (${startup.types_ratio}x)  node -e "require('ajv')" ${startup.require_ajv_ms} ms`,
  );

  const secret = 'bench-secret-0123456789';
  const receiver = await startChildReceiver(secret);
  try {
    const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
    const delivery = await benchDelivery(receiver.url, secret, bodies, concurrency, Number(process.env.BENCH_REQUESTS ?? 5000));
    console.log(`delivery           hookproof ${delivery.hookproof_per_s}/s  autocannon ${delivery.autocannon_per_s}/s  at concurrency ${concurrency}  ratio ${delivery.ratio}`);
    // Capacity drives many connections at once: the same comparison at 64.
    const delivery64 = await benchDelivery(receiver.url, secret, bodies, 64, Number(process.env.BENCH_REQUESTS ?? 5000));
    console.log(`delivery           hookproof ${delivery64.hookproof_per_s}/s  autocannon ${delivery64.autocannon_per_s}/s  at concurrency 64  ratio ${delivery64.ratio}`);

    const capacity = await benchCapacity(receiver.url, secret, engine, bodies, Math.max(1000, ms));
    console.log(`capacity           sustains ${capacity.max_sustained_per_s} events/s (broke at ${capacity.broke_at_per_s}/s)`);
    console.log(
      `capacity latency   at 1000/s: hookproof p50 ${capacity.p50_ms_at_1000} ms, p99 ${capacity.p99_ms_at_1000} ms  undici open loop p50 ${capacity.peer_p50_ms_at_1000} ms, p99 ${capacity.peer_p99_ms_at_1000} ms  p99 added ${capacity.p99_added_ms} ms  ratio ${capacity.p99_ratio}`,
    );

    const started = Date.now();
    const report = await runCertification({ url: receiver.url, secrets: [secret], allowHttp: true, seed: 1 });
    const certify = { wall_s: round((Date.now() - started) / 1000, 2), cases: report.summary.cases, verdict: report.verdict === 'pass' ? 1 : 0 };
    console.log(`certify (default)  ${certify.wall_s} s for ${certify.cases} cases, verdict ${report.verdict}`);

    const memory = await benchMemory(receiver.url, secret);
    console.log(`memory             certify peak ${memory.certify_peak_mb} MB  --runs 1000 peak ${memory.certify_runs1000_peak_mb} MB  ratio ${memory.ratio}`);
    console.log(JSON.stringify({ generate, hmac, delivery, delivery64, capacity, certify, startup, memory }));
  } finally {
    receiver.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
