import autocannon from 'autocannon';
import { createDeliveryClient, sign } from './shipped';
import { round } from './measure';

interface Run {
  readonly accepted: number;
  readonly seconds: number;
  /** CPU time of this whole process (user + system) during the run, in microseconds. */
  readonly cpuUs: number;
}

/** `run`, with the CPU time this process spent on it. */
async function measured(run: () => Promise<Omit<Run, 'cpuUs'>>): Promise<Run> {
  const before = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(before);
  return { ...result, cpuUs: used.user + used.system };
}

/** hookproof's delivery client: `amount` signed bodies from `bodies` at `concurrency`. */
async function hookproofRun(url: string, secret: string, bodies: readonly Buffer[], concurrency: number, amount: number, first: number): Promise<Omit<Run, 'cpuUs'>> {
  const client = createDeliveryClient({ connections: concurrency });
  let next = 0;
  let failed = 0;
  const started = process.hrtime.bigint();
  let lastAnswer = started;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < amount) {
        const body = bodies[(first + next) % bodies.length] as Buffer;
        next += 1;
        const result = await client.send({ url, body, headers: { 'x-signature': sign(body, [secret]) } });
        lastAnswer = process.hrtime.bigint();
        if (result.outcome !== 'success') failed += 1;
      }
    }),
  );
  const seconds = Number(lastAnswer - started) / 1e9;
  await client.close();
  if (failed > 0) throw new Error(`${failed} hookproof deliveries were not accepted`);
  return { accepted: amount, seconds };
}

/** autocannon doing the same: each request a distinct body from `bodies`, signed in setupRequest. */
async function autocannonRun(url: string, secret: string, bodies: readonly Buffer[], concurrency: number, amount: number, first: number): Promise<Omit<Run, 'cpuUs'>> {
  let i = first;
  let lastAnswer = 0n;
  const started = process.hrtime.bigint();
  const instance = autocannon({
    url,
    connections: concurrency,
    amount,
    method: 'POST',
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const body = bodies[i % bodies.length] as Buffer;
          i += 1;
          return { ...request, body, headers: { 'content-type': 'application/json', 'x-signature': sign(body, [secret]) } };
        },
      },
    ],
  } as never) as unknown as NodeJS.EventEmitter & PromiseLike<unknown>;
  // Timed as hookproof is, from the call to the last answer: autocannon's own `duration` ends at
  // its next once-a-second sample after the last answer, so it counted up to a second too many
  // (its rates came out as the requests over whole seconds: 5000 / 2.01 s = 2,488/s).
  instance.on('response', () => {
    lastAnswer = process.hrtime.bigint();
  });
  const result = await instance;
  return { accepted: (result as { '2xx': number })['2xx'], seconds: Number(lastAnswer - started) / 1e9 };
}

// Before anything is counted, each side runs this many turns of this many requests, alternating.
// The receiver and both clients start cold: V8 optimises their hot paths only after some thousand
// requests, and the first turns run at about half the speed of the later ones. With 500 requests
// of warm-up, whoever measured first paid for it (the same client read 0.65x then 0.99x then
// 1.04x autocannon, in three bench runs one after the other on one receiver).
const WARM_UP_TURNS = 3;
const WARM_UP_REQUESTS = 2000;
// Measured turns per side, in the order ABBA BAAB: a receiver or machine that speeds up or slows
// down over the measurement favours neither.
const ORDER = ['hookproof', 'autocannon', 'autocannon', 'hookproof', 'autocannon', 'hookproof', 'hookproof', 'autocannon'] as const;

/**
 * Signed, distinct events delivered per second to the same receiver at the same concurrency:
 * hookproof's delivery client against autocannon, both signing each request.
 *
 * Both first warm the receiver and their own code (see WARM_UP_TURNS), then run four turns each
 * of a quarter of `amount` (see ORDER). Each side's rate is its accepted requests over its summed
 * time; the per-turn rates are returned too, so a reader sees the spread behind the ratio, and
 * each side's CPU per delivery (this process's user + system time over its accepted requests).
 */
export async function benchDelivery(url: string, secret: string, bodies: readonly Buffer[], concurrency: number, amount: number): Promise<Record<string, number | string>> {
  const run = {
    hookproof: (...args: Parameters<typeof hookproofRun>) => measured(() => hookproofRun(...args)),
    autocannon: (...args: Parameters<typeof autocannonRun>) => measured(() => autocannonRun(...args)),
  };
  let first = 0;
  for (let turn = 0; turn < WARM_UP_TURNS; turn += 1) {
    for (const side of ['hookproof', 'autocannon'] as const) {
      await run[side](url, secret, bodies, concurrency, WARM_UP_REQUESTS, first);
      first += WARM_UP_REQUESTS;
    }
  }
  const quarter = Math.ceil(amount / 4);
  const runs: Record<'hookproof' | 'autocannon', Run[]> = { hookproof: [], autocannon: [] };
  for (const side of ORDER) {
    runs[side].push(await run[side](url, secret, bodies, concurrency, quarter, first));
    first += quarter;
  }
  const rate = (of: readonly Run[]): number => of.reduce((n, r) => n + r.accepted, 0) / of.reduce((s, r) => s + r.seconds, 0);
  const acceptedByAutocannon = runs.autocannon.reduce((n, r) => n + r.accepted, 0);
  if (acceptedByAutocannon < 4 * quarter) throw new Error(`${4 * quarter - acceptedByAutocannon} autocannon deliveries were not accepted`);
  const hookproofPerS = rate(runs.hookproof);
  const autocannonPerS = rate(runs.autocannon);
  const cpuPerDelivery = (of: readonly Run[]): number => of.reduce((t, r) => t + r.cpuUs, 0) / of.reduce((n, r) => n + r.accepted, 0);
  const turns = (of: readonly Run[]): string => of.map((r) => Math.round(r.accepted / r.seconds)).join(' ');
  return {
    concurrency,
    requests: 4 * quarter,
    hookproof_per_s: round(hookproofPerS, 1),
    autocannon_per_s: round(autocannonPerS, 1),
    ratio: round(hookproofPerS / autocannonPerS),
    autocannon_2xx: acceptedByAutocannon,
    hookproof_cpu_us_per_delivery: round(cpuPerDelivery(runs.hookproof), 1),
    autocannon_cpu_us_per_delivery: round(cpuPerDelivery(runs.autocannon), 1),
    hookproof_turns_per_s: turns(runs.hookproof),
    autocannon_turns_per_s: turns(runs.autocannon),
  };
}
