// pstree's drawing (merged siblings, pids, arguments, cut lines) and top's batch frame.
import { describe, expect, it } from 'vitest';
import { rig } from './run';

describe('pstree', () => {
  it('merges identical sibling subtrees as N*[name] and sorts children by name', async () => {
    const r = rig();
    r.start('sleep', '100');
    r.start('rdma-app', '/mnt/pmem/foo');
    r.start('sleep', '200');
    expect((await r.run('pstree')).out).toBe('init---bash-+-pstree\n            |-rdma-app\n            `-2*[sleep]\n');
  });

  it('shows pids with -p (no merging), arguments with -a, and (comm) for an empty command line', async () => {
    const r = rig();
    const a = r.start('sleep', '1');
    const b = r.start('sleep', '100');
    r.host.advance(2e9);
    const p = (await r.run('pstree', '-p', '2')).out;
    expect(p).toMatch(new RegExp(`^bash\\(2\\)-\\+-pstree\\(\\d+\\)\\n {8}\\|-sleep\\(${a}\\)\\n {8}\`-sleep\\(${b}\\)\\n$`));
    expect((await r.run('pstree', '-a', '2')).out).toBe('bash\n  |-pstree -a 2\n  |-(sleep)\n  `-sleep 100\n');
  });

  it('cuts lines at the width with a +, and long arguments with ...', async () => {
    const r = rig();
    r.start('rdma-app', '--pages=4', '/mnt/pmem/foo');
    const narrow = await r.runAs(r.shell, { COLUMNS: '18' }, 'pstree');
    // 18 columns, then one + for whatever did not fit.
    expect(narrow.out).toBe('init---bash-+-pstr+\n            `-rdma+\n');
    const args = await r.runAs(r.shell, { COLUMNS: '30' }, 'pstree', '-a', '2');
    expect(args.out).toBe('bash\n  |-pstree -a 2\n  `-rdma-app --pages=4 ...\n');
  });

  it('answers an unknown user and a bad option as psmisc does', async () => {
    const r = rig();
    expect(await r.run('pstree', 'nobody')).toEqual({ out: '', err: 'No such user name: nobody\n', status: 1 });
    const bad = await r.run('pstree', '-x');
    expect(bad.status).toBe(1);
    expect(bad.err).toMatch(/^pstree: invalid option -- 'x'\nUsage: pstree \[-acglpsStTuZ\]/);
  });
});

describe('top -b', () => {
  it('prints the summary with its trailing blanks, a blank line, the table without them, then a newline', async () => {
    const r = rig();
    const pid = r.start('sleep', '100000');
    r.host.advance(3725e9);
    const { out, status } = await r.run('top', '-b', '-n', '1');
    expect(status).toBe(0);
    const lines = out.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'top - 10:26:14 up  1:02,  1 user,  load average: 0.00, 0.00, 0.00',
      'Tasks:   4 total,   1 running,   3 sleeping,   0 stopped,   0 zombie',
      '%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st ',
      'MiB Mem :  15908.9 total,  15148.9 free,    498.7 used,    464.8 buff/cache     ',
      'MiB Swap:      0.0 total,      0.0 free,      0.0 used.  15410.3 avail Mem ',
      '',
      '  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND',
    ]);
    expect(lines).toContain(`    ${pid} root      20   0    2344   1220   1056 S   0.0   0.0   0:00.00 sleep`);
    expect(out.endsWith('top\n')).toBe(true);
  });

  it('cuts the command at the 80-column screen with a + unless -w widens it, and filters with -p', async () => {
    const r = rig();
    const pid = r.start('rdma-app', '--pages=4', '/mnt/pmem/foo');
    const cut = await r.run('top', '-b', '-n', '1', '-c', '-p', String(pid));
    expect(cut.out.split('\n').at(-2)).toBe(`    ${pid} root      20   0    2360   1220   1056 S   0.0   0.0   0:00.00 rdma-app +`);
    const wide = await r.run('top', '-b', '-n1', '-c', '-w', '200', '-p', String(pid));
    expect(wide.out.split('\n').at(-2)).toMatch(/ rdma-app --pages=4 \/mnt\/pmem\/foo$/);
    expect((await r.run('top', '-b', '-n', 'x')).err).toBe("top: bad iterations argument 'x'\n");
  });
});
