// Fixes that look right but are not: the drills must not give them full marks.
import { describe, expect, test } from 'vitest';
import { missingPolicy, play, shipped, solution } from './helpers';

const runnable = (id: string) => missingPolicy(shipped(id)) === null;

describe('wrong fixes', () => {
  test('fork-shared: killing only the parent leaves the pins with the helper', async () => {
    const { run, screen } = await play('fork-shared', "kill $(pgrep -f 'rdma-app.*applog' | head -1)\nsleep 1\ntruncate -s 0 /mnt/pmem/applog\n");
    expect(screen).toContain("failed to truncate '/mnt/pmem/applog' at 0 bytes: Text file busy");
    expect(run.status).toBe('timeout');
    const objectives = Object.fromEntries(run.snapshot().objectives.map((o) => [o.id, o.met]));
    expect(objectives).toEqual({ truncated: false, unpinned: false, 'db-serving': true });
    expect(run.score().passed).toBe(false);
  });

  test('etxtbsy-basic: killing every rdma-app frees the log but costs the database', async () => {
    const { run } = await play('etxtbsy-basic', 'pkill rdma-app\nsleep 1\ntruncate -s 0 /mnt/pmem/applog\n');
    const s = run.snapshot();
    expect(s.objectives.find((o) => o.id === 'truncated')?.met).toBe(true);
    expect(s.objectives.find((o) => o.id === 'db-serving')?.met).toBe(false);
    expect(s.penalties.map((p) => [p.cost, p.text])).toEqual([[50, 'killed the production database server']]);
    expect(run.score().total).toBe(67 - 50);
    expect(run.score().passed).toBe(false);
  });

  test.skipIf(!runnable('legacy-hang'))('legacy-hang: killing the waiting job is charged and does not fix the cause', async () => {
    const { run } = await play('legacy-hang', 'kill $(pgrep logrotate-sim)\n');
    expect(run.snapshot().penalties.map((p) => p.cost)).toEqual([20]);
    expect(run.snapshot().objectives.find((o) => o.id === 'rotate-running')?.met).toBe(false);
    expect(run.score().passed).toBe(false);
  });

  test('pagecache-divergence: truncating the file yourself under the registration is charged', async () => {
    const restart = 'kill $(pgrep rdma-app)\nsleep 1\ntruncate -s 1M /var/lib/stream/buf\nrdma-app --lease=none --pages=256 /var/lib/stream/buf &\nsleep 1\n';
    const { run } = await play('pagecache-divergence', `${restart}truncate -s 0 /var/lib/stream/buf\n`);
    expect(run.snapshot().penalties.map((p) => p.text)).toContain('truncated the file under a live registration yourself (data divergence)');
  });

  test('pagecache-divergence: a job truncating on its own is not charged to the trainee', async () => {
    const { run } = await play('pagecache-divergence', 'sleep 60\n');
    expect(run.snapshot().penalties).toEqual([]);
  });

  test('switching the design is charged once, however often it is switched', async () => {
    const { run } = await play('etxtbsy-basic', `simctl policy legacy-hang\nsimctl policy rfc-v2\n${solution('etxtbsy-basic')}`);
    expect(run.snapshot().penalties.map((p) => p.cost)).toEqual([50]);
    expect(run.score().total).toBe(50);
    expect(run.score().passed).toBe(false);
  });

  test('signalling pid 1 or a shell is charged', async () => {
    const { run } = await play('device-dax', "kill -HUP 1\ntrap '' USR1\nkill -USR1 $$\n");
    expect(run.snapshot().penalties.map((p) => p.cost).sort()).toEqual([10, 20]);
  });

  test('each hint costs what the scenario says, and the drill can still be passed', async () => {
    const { run, screen } = await play('etxtbsy-basic', `# pinsim: hint\n# pinsim: hint\n${solution('etxtbsy-basic')}`);
    expect(screen).toContain('[hint 1, −5] Ask the host.');
    expect(screen).toContain('[hint 2, −10]');
    expect(run.score().lines.filter((l) => l.label.startsWith('hint')).map((l) => l.points)).toEqual([-5, -10]);
    expect(run.score().total).toBe(85);
    expect(run.score().passed).toBe(true);
  });

  test('a drill whose design is missing is reported, not run', () => {
    expect(missingPolicy({ ...shipped('etxtbsy-basic'), policy: 'no-such-design' as never })).toMatch(/policy no-such-design is not in this build/);
  });
});
