// dmesg (util-linux 2.38.1) and sysctl (procps-ng 4.0.2) as root and as the operator.
import { describe, expect, it } from 'vitest';
import type { Host } from '../../../../src-main/host';
import { OPERATOR, sh } from './harness';

const relax = { prepare: (h: Host) => void h.kernel.sysctl.set('kernel.dmesg_restrict', '0') };

describe('dmesg', () => {
  it('prints every record as [%5lu.%06lu] text, ending with the DAX mount notices', async () => {
    const { out, status } = await sh('dmesg');
    expect(status).toBe(0);
    const lines = out.trimEnd().split('\n');
    for (const l of lines) expect(l).toMatch(/^\[ {0,4}\d+\.\d{6}\] ./);
    expect(lines[0]).toBe('[    0.000000] Linux version 5.3.0-rc3-pinsim (pinsim@pinsim) (gcc version 9.2.1 20190827 (Debian 9.2.1-4)) #1 SMP Fri Aug 9 22:58:33 UTC 2019');
    expect(lines.slice(-5).join('\n')).toBe(
      [
        '[    3.712105] XFS (pmem0): DAX enabled. Warning: EXPERIMENTAL, use at your own risk',
        '[    3.713260] XFS (pmem0): Mounting V5 Filesystem',
        '[    3.731842] XFS (pmem0): Ending clean mount',
        '[    3.745913] EXT4-fs (pmem1): DAX enabled. Warning: EXPERIMENTAL, use at your own risk',
        '[    3.748502] EXT4-fs (pmem1): mounted filesystem with ordered data mode. Opts: dax',
      ].join('\n'),
    );
    expect(out).not.toMatch(/rdma|lease|pinsim:/i);
  });

  it('prints wall-clock times from the boot time with -T, decodes with -x, filters with -l', async () => {
    const { out } = await sh('dmesg -T | tail -1; dmesg -x | tail -2; dmesg -l warn; dmesg -t -k | tail -1; dmesg -r | head -1');
    expect(out).toBe(
      [
        '[Mon Aug 19 09:24:12 2019] EXT4-fs (pmem1): mounted filesystem with ordered data mode. Opts: dax',
        'kern  :warn  : [    3.745913] EXT4-fs (pmem1): DAX enabled. Warning: EXPERIMENTAL, use at your own risk',
        'kern  :info  : [    3.748502] EXT4-fs (pmem1): mounted filesystem with ordered data mode. Opts: dax',
        '[    3.712105] XFS (pmem0): DAX enabled. Warning: EXPERIMENTAL, use at your own risk',
        '[    3.745913] EXT4-fs (pmem1): DAX enabled. Warning: EXPERIMENTAL, use at your own risk',
        'EXT4-fs (pmem1): mounted filesystem with ordered data mode. Opts: dax',
        '<5>[    0.000000] Linux version 5.3.0-rc3-pinsim (pinsim@pinsim) (gcc version 9.2.1 20190827 (Debian 9.2.1-4)) #1 SMP Fri Aug 9 22:58:33 UTC 2019',
        '',
      ].join('\n'),
    );
  });

  it('-c prints then clears as root, so the next read is empty', async () => {
    const { out } = await sh('dmesg -c | wc -l; dmesg | wc -l; echo $?');
    expect(out.split('\n').slice(0, 3)).toEqual([expect.stringMatching(/^[1-9]\d+$/), '0', '0']);
  });

  it('refuses the operator while kernel.dmesg_restrict is 1', async () => {
    const { out, status } = await sh('dmesg', { uid: OPERATOR });
    expect(out).toBe('dmesg: read kernel buffer failed: Operation not permitted\n');
    expect(status).toBe(1);
  });

  it('lets the operator read but not clear once dmesg_restrict is 0', async () => {
    const r = await sh('dmesg | tail -1; dmesg -C; echo "C $?"; dmesg -c > /dev/null; echo "c $?"', { uid: OPERATOR, ...relax });
    expect(r.out).toBe(
      [
        '[    3.748502] EXT4-fs (pmem1): mounted filesystem with ordered data mode. Opts: dax',
        'dmesg: clear kernel buffer failed: Operation not permitted',
        'C 1',
        'dmesg: clear kernel buffer failed: Operation not permitted',
        'c 1',
        '',
      ].join('\n'),
    );
  });

  it('complains like util-linux about bad options', async () => {
    const { out } = await sh('dmesg -Z; echo $?; dmesg -r -T; echo $?; dmesg x; echo $?');
    expect(out).toBe(
      "dmesg: invalid option -- 'Z'\nTry 'dmesg --help' for more information.\n1\n" +
        'dmesg: mutually exclusive arguments: --ctime --raw\n1\n' +
        "dmesg: bad usage\nTry 'dmesg --help' for more information.\n1\n",
    );
  });
});

describe('sysctl', () => {
  it('reads, reads values only, and writes as root through /proc/sys', async () => {
    const { out } = await sh('sysctl fs.lease-break-time; sysctl -n fs.leases-enable; sysctl -w fs.lease-break-time=10; cat /proc/sys/fs/lease-break-time; sysctl fs/lease-break-time kernel.osrelease');
    expect(out).toBe('fs.lease-break-time = 45\n1\nfs.lease-break-time = 10\n10\nfs.lease-break-time = 10\nkernel.osrelease = 5.3.0-rc3-pinsim\n');
  });

  it('lists the tree with -a in name order, lease sysctls and kernel.* included', async () => {
    const { out } = await sh('sysctl -a');
    const keys = out.trimEnd().split('\n').map((l) => l.split(' = ')[0]!);
    expect(keys).toEqual(expect.arrayContaining(['fs.lease-break-time', 'fs.leases-enable', 'kernel.dmesg_restrict', 'kernel.hostname', 'kernel.osrelease', 'kernel.pid_max', 'vm.swappiness']));
    expect(keys).toEqual([...keys].sort());
    expect(out).toContain('kernel.printk = 4\t4\t1\t7\n');
  });

  it('denies the operator writes and 0600 keys, as procps words it', async () => {
    const { out, status } = await sh('sysctl -w fs.lease-break-time=1; echo $?; sysctl fs.protected_symlinks; echo $?; sysctl -n fs.lease-break-time', { uid: OPERATOR });
    expect(out).toBe('sysctl: permission denied on key "fs.lease-break-time"\n1\nsysctl: permission denied on key \'fs.protected_symlinks\'\n1\n45\n');
    expect(status).toBe(0);
  });

  it('reports unknown keys, kernel rejections and read-only keys', async () => {
    const { out } = await sh('sysctl fs.nope; echo $?; sysctl -w kernel.dmesg_restrict=5; echo $?; sysctl -w kernel.osrelease=6; echo $?; sysctl -w fs.lease-break-time; echo $?');
    expect(out).toBe(
      'sysctl: cannot stat /proc/sys/fs/nope: No such file or directory\n1\n' +
        'sysctl: setting key "kernel.dmesg_restrict": Invalid argument\n1\n' +
        'sysctl: setting key "kernel.osrelease": Permission denied\n0\n' +
        'sysctl: command line(0): invalid syntax, continuing...\n1\n',
    );
  });

  it('loads settings from a file with -p', async () => {
    const conf = '# lease tuning\\nfs.lease-break-time = 12\\n-fs.nope = 1\\nbogus\\n; done\\n';
    const { out } = await sh(`sysctl -p; echo $?; printf '${conf}' > /tmp/s.conf; sysctl -p /tmp/s.conf; echo $?; sysctl -n fs.lease-break-time`);
    expect(out).toBe(
      'sysctl: cannot open "/etc/sysctl.conf": No such file or directory\n1\n' +
        'fs.lease-break-time = 12\nsysctl: cannot stat /proc/sys/fs/nope: No such file or directory\nsysctl: /tmp/s.conf(4): invalid syntax, continuing...\n1\n12\n',
    );
  });

  it('shows its usage on stderr with no arguments', async () => {
    const { out, status } = await sh('sysctl');
    expect(out).toMatch(/^\nUsage:\n sysctl \[options\] \[variable\[=value\] \.\.\.\]\n/);
    expect(status).toBe(1);
  });
});
