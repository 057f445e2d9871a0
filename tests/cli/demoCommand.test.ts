import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';

// `demo` run in a partner's project must not overwrite the reports of their own certify run.
describe('hookproof demo', () => {
  it("writes to its own directory by default, not certify's ./hookproof-report", async () => {
    const io = memoryIO();
    expect(await runCli(['demo', '--help'], io)).toBe(0);
    const help = io.stdout.join('\n').replace(/\s+/g, ' ');
    expect(help).toContain('(default: "./hookproof-demo-report")');
    expect(help).not.toContain('(default: "./hookproof-report")');
  });
});
