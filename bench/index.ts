import fc from 'fast-check';
import { anyEventArbitrary, createEngine, runCertification, serialiseEvent } from './shipped';
import { startBareReceiver, startChildReceiver } from './childReceiver';
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
  const bare = await startBareReceiver();
  try {
    // Four measured turns a side of a quarter each: at 5,000 a turn lasted about 0.17 s, short
    // enough for one collection or descheduling to move a turn's rate by 10% (7,113 to 8,018/s).
    const requests = Number(process.env.BENCH_REQUESTS ?? 20_000);
    // Against a receiver that answers at once, the clients are the bottleneck: this compares them.
    // Against the reference receiver, that receiver is (it checks each signature and event), and
    // any client reads about what it can take: shown beside, for what a real receiver changes.
    const deliveries: Record<string, Record<string, number | string>> = {};
    for (const [name, target] of [
      ['bare', bare],
      ['reference', receiver],
    ] as const) {
      for (const concurrency of [8, 64]) {
        const delivery = await benchDelivery(target.url, secret, bodies, concurrency, requests);
        deliveries[`${name}_${concurrency}`] = delivery;
        console.log(
          `delivery           ${name === 'bare' ? 'bare receiver     ' : 'reference receiver'} at concurrency ${String(concurrency).padEnd(2)}  hookproof ${delivery.hookproof_per_s}/s  autocannon ${delivery.autocannon_per_s}/s  ratio ${delivery.ratio}  CPU per delivery: hookproof ${delivery.hookproof_cpu_us_per_delivery} us, autocannon ${delivery.autocannon_cpu_us_per_delivery} us  (turns/s: hookproof ${delivery.hookproof_turns_per_s}; autocannon ${delivery.autocannon_turns_per_s})`,
        );
      }
    }

    const capacity = await benchCapacity(bare.url, secret, engine, bodies, Math.max(1000, ms));
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
    console.log(JSON.stringify({ generate, hmac, delivery: deliveries, capacity, certify, startup, memory }));
  } finally {
    receiver.stop();
    bare.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
