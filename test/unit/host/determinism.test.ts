// Same seed and inputs give the same event log, byte for byte (issue 3, "Deterministic clock").
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src-main/host/index';

function scenario(seed: number): string {
  const host = createHost({ seed });
  const shell = host.spawnShell().pid;
  const sys = host.sys(shell);
  const app = host.spawn({ argv: ['rdma-app', '--pages', '64', '--mrs', '8', '--close-after-pin', '--fork-helper', '/mnt/pmem/foo'] });
  host.spawn({ argv: ['logrotate-job', '--file', '/mnt/pmem/foo', '--every', '7'] });
  host.spawn({ argv: ['rdma-app', '--file', '/mnt/pmem1/data', '--handoff', '--pages', '8'] });
  host.advance(30e9);
  if (app.ok) sys.kill(app.value, 'SIGKILL');
  sys.truncate('/mnt/pmem/foo', 0);
  host.advance(30e9);
  for (const p of host.processes()) if (p.comm === 'rdma-app' || p.comm === 'rdma-keeper') sys.kill(p.pid, 'SIGTERM');
  host.advance(30e9);
  return host.events().map((e) => JSON.stringify(e)).join('\n');
}

describe('determinism', () => {
  it('replays the same event log byte for byte from the same seed', () => {
    const a = scenario(1234);
    const b = scenario(1234);
    expect(a.length).toBeGreaterThan(1000);
    expect(a).toBe(b);
  });

  it('a different seed changes the keys the HCA hands out, and nothing else of the story', () => {
    const a = scenario(1).split('\n');
    const b = scenario(2).split('\n');
    expect(a.length).toBe(b.length);
    const differing = a.filter((line, i) => line !== b[i]);
    expect(differing.length).toBeGreaterThan(0);
    expect(differing.every((l) => l.includes('"kind":"rdma.mr"') || l.includes('"kind":"host.boot"'))).toBe(true);
  });
});
