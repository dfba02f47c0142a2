// Simulated programs (kernel.md §6): rdma-app's options and logrotate-job's timer and log.
import { describe, expect, it } from 'vitest';
import { boot, errnoOf, expectSane, read, value } from './helpers';

describe('rdma-app', () => {
  it('shows its parameters in argv and pins what it says it pins', () => {
    const { host, shell } = boot();
    const pid = value(host.spawn({ argv: ['rdma-app', '--file', '/mnt/pmem1/data', '--pages', '32', '--mrs', '4'] }));
    expect(host.processes().find((p) => p.pid === pid)).toMatchObject({ comm: 'rdma-app', argv: ['rdma-app', '--file', '/mnt/pmem1/data', '--pages', '32', '--mrs', '4'], state: 'S' });
    expect(host.kernel.mrs.size).toBe(4);
    expect([...host.kernel.segments.values()].reduce((n, s) => n + s.last - s.first, 0)).toBe(32);
    expect(read(host, shell, `/proc/${pid}/file_pins`)).toBe('4: /dev/infiniband/uverbs0\n\t/mnt/pmem1/data\n');
    expectSane(host);
  });

  it('without a layout lease the registration is refused and it exits 1 with rc_pingpong\'s message', () => {
    const { host, shell } = boot();
    const out: string[] = [];
    const { pid, tty } = host.spawnShell();
    host.onTtyOutput(tty, (d) => out.push(d));
    const app = value(host.spawnChild(pid, ['rdma-app', '--lease', 'none', '--pages', '4']));
    expect(out.join('')).toBe("rdma-app: Couldn't register MR: Operation not permitted\n");
    expect(host.events().find((e) => e.kind === 'process.exit' && e.pid === app)).toMatchObject({ code: 1 });
    expect(read(host, shell, '/proc/locks')).toBe('');
  });

  it('--odp registers without a lease and without pins', () => {
    const { host } = boot();
    value(host.spawn({ argv: ['rdma-app', '--lease', 'none', '--odp', '--pages', '4'] }));
    expect(host.kernel.mrs.size).toBe(1);
    expect(host.kernel.segments.size).toBe(0);
  });

  it('on device DAX it needs no lease', () => {
    const { host } = boot();
    const pid = value(host.spawn({ argv: ['rdma-app', '--file', '/dev/dax2.0', '--pages', '4'] }));
    expect(host.processes().find((p) => p.pid === pid)?.state).toBe('S');
    expect(host.kernel.mrs.size).toBe(1);
  });

  it('--close-after-pin leaves a zombie lease (003 cover letter point 5)', () => {
    const { host, shell } = boot();
    const pid = value(host.spawn({ argv: ['rdma-app', '--pages', '4', '--close-after-pin'] }));
    expect([...host.kernel.leases.values()][0]!.state).toBe('ZOMBIE');
    expect(errnoOf(host.vfs.readlink(shell, `/proc/${pid}/fd/3`))).toBe('ENOENT');
    expect(value(host.vfs.readdir(shell, `/proc/${pid}/fd`)).map((e) => e.name)).toEqual(['0', '1', '2', '4']);
  });
});

describe('logrotate-job', () => {
  it('truncates on its timer and logs failures in truncate(1)\'s words', () => {
    const { host, shell } = boot();
    value(host.spawn({ argv: ['rdma-app', '--pages', '4'] }));
    const job = value(host.spawn({ argv: ['logrotate-job', '--file', '/mnt/pmem/foo', '--every', '10'] }));
    expect(host.processes().find((p) => p.pid === job)).toMatchObject({ state: 'S', wchan: 'do_nanosleep' });
    host.advance(25e9);
    expect(read(host, shell, '/var/log/logrotate-job.log')).toBe(
      "logrotate-job: failed to truncate '/mnt/pmem/foo' at 0 bytes: Text file busy\n".repeat(2),
    );
    expect(host.events().filter((e) => e.kind === 'layout.refused')).toHaveLength(2);
    expectSane(host);
  });

  it('succeeds once nothing pins the file', () => {
    const { host, shell } = boot();
    value(host.spawn({ argv: ['logrotate-job', '--file', '/var/log/app.log', '--every', '5'] }));
    host.advance(6e9);
    expect(value(host.sys(shell).stat('/var/log/app.log')).size).toBe(0);
    expect(host.vfs.exists(shell, '/var/log/logrotate-job.log')).toBe(false);
  });

  it('reports a classic lease as EAGAIN, since it opens with O_NONBLOCK like coreutils', () => {
    const { host, shell } = boot();
    const holder = value(host.spawnChild(shell, ['holder']));
    const sys = host.sys(holder);
    sys.sigaction('SIGIO', 'ignore');
    const fd = value(sys.open('/var/log/app.log', 0));
    value(sys.fcntl(fd, 1024, 0));
    value(host.spawn({ argv: ['logrotate-job', '--every', '5'] }));
    host.advance(6e9);
    expect(read(host, shell, '/var/log/logrotate-job.log')).toBe("logrotate-job: cannot open '/var/log/app.log' for writing: Resource temporarily unavailable\n");
  });
});
