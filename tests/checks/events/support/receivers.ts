import { defectiveReceiver, soundReceiver } from '../../support/receivers';
import { closeAfterEach, type RunningReceiver } from '../../../support/servers';
import { DEFECTS, type DefectName, type Override } from './defects';

/** Starts receivers for one describe block and closes them after each test. */
export function receiverPool(): {
  sound(): Promise<RunningReceiver>;
  defective(name: DefectName): Promise<RunningReceiver>;
  /** A receiver with a hand-written defect; requests it lets through are answered after `delayMs`. */
  custom(override: Override, delayMs?: number): Promise<RunningReceiver>;
} {
  const closing = closeAfterEach();
  return {
    sound: () => closing(soundReceiver()),
    defective: (name) => closing(defectiveReceiver(DEFECTS[name])),
    custom: (override, delayMs = 0) =>
      closing(defectiveReceiver(async (req, body, res) => override(req, body, res) || (await new Promise<boolean>((resolve) => setTimeout(() => resolve(false), delayMs))))),
  };
}
