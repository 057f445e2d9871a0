import { defectiveReceiver, soundReceiver, type RunningReceiver } from '../../support/receivers';
import { DEFECTS, type DefectName, type Override } from './defects';

/** Starts receivers for one describe block and closes them after each test. */
export function receiverPool(): {
  sound(): Promise<RunningReceiver>;
  defective(name: DefectName): Promise<RunningReceiver>;
  /** A receiver with a hand-written defect; requests it lets through are answered after `delayMs`. */
  custom(override: Override, delayMs?: number): Promise<RunningReceiver>;
} {
  let running: RunningReceiver[] = [];
  afterEach(async () => {
    await Promise.all(running.map((r) => r.close()));
    running = [];
  });
  const keep = (r: RunningReceiver): RunningReceiver => {
    running.push(r);
    return r;
  };
  return {
    sound: async () => keep(await soundReceiver()),
    defective: async (name) => keep(await defectiveReceiver(DEFECTS[name])),
    custom: async (override, delayMs = 0) =>
      keep(await defectiveReceiver(async (req, body, res) => override(req, body, res) || (await new Promise<boolean>((resolve) => setTimeout(() => resolve(false), delayMs))))),
  };
}
