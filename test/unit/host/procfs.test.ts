// procfs generated from live state: file_pins as in the 003 cover letter, /proc/locks (reference
// §1), the per-process files, mounts and the lease-break-time sysctl.
import { describe, expect, it } from 'vitest';
import { abi } from '../../../src-main/host/index';
import { addMmPin } from '../../../src-main/host/rdma/pins';
import { boot, errnoOf, pinFile, proc, read, value, PAGE, RW_ACCESS } from './helpers';

describe('/proc/<pid>/file_pins (003 cover letter)', () => {
  it('lists the owning fd, then each pinned file tab-indented, then mm-owned pins as bare paths', () => {
    const { host, shell } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4);
    const bar = value(p.sys.open('/mnt/pmem/bar', abi.O_RDWR));
    value(p.sys.fcntl(bar, abi.F_SETLEASE, abi.F_RDLCK | abi.F_LAYOUT | abi.F_EXCLUSIVE));
    const addr = value(p.sys.mmap({ length: 2 * PAGE, prot: abi.PROT_READ | abi.PROT_WRITE, flags: abi.MAP_SHARED, fd: bar }));
    value(p.sys.ibv_reg_mr(p.ctxFd, p.pd, addr, 2 * PAGE, RW_ACCESS));
    value(p.sys.ibv_reg_mr(p.ctxFd, p.pd, p.addr, PAGE, RW_ACCESS));
    const task = host.kernel.proc(p.pid)!;
    addMmPin(host.kernel, task, host.kernel.segments.values().next().value!.inode!);
    expect(read(host, shell, `/proc/${p.pid}/file_pins`)).toBe(`${p.ctxFd}: /dev/infiniband/uverbs0\n\t/mnt/pmem/foo\n\t/mnt/pmem/bar\n/mnt/pmem/foo\n`);
  });

  it('shows a pinned file that was unlinked with " (deleted)", as seq_file_path does', () => {
    const { host, shell, root } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/bar', 2);
    value(root.unlink('/mnt/pmem/bar'));
    expect(read(host, shell, `/proc/${p.pid}/file_pins`)).toBe(`${p.ctxFd}: /dev/infiniband/uverbs0\n\t/mnt/pmem/bar (deleted)\n`);
    expect(value(root.readlink(`/proc/${p.pid}/fd/${p.dataFd}`))).toBe('/mnt/pmem/bar (deleted)');
  });

  it('is readable by the owner and root only (proc_mem_open, PTRACE_MODE_READ)', () => {
    const { host, shell } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/foo', 2);
    const op = host.spawnShell({ uid: 1000 });
    expect(errnoOf(host.vfs.readFile(op.pid, `/proc/${p.pid}/file_pins`))).toBe('EACCES');
    expect(errnoOf(host.vfs.readdir(op.pid, `/proc/${p.pid}/fd`))).toBe('EACCES');
  });
});

describe('/proc/locks and fdinfo (reference §1)', () => {
  it('prints an exclusive layout lease as LAYOUT with the pmem0 device 103:00 and the xfs inode', () => {
    const { host, shell } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/foo', 2);
    expect(read(host, shell, '/proc/locks')).toBe(`1: LEASE  ACTIVE    LAYOUT ${p.pid} 103:00:131 0 EOF\n`);
  });

  it('numbers leases newest first, as the kernel\'s lists give them', () => {
    const { host, shell } = boot();
    const a = proc(host, shell);
    const r1 = value(a.sys.open('/etc/passwd', abi.O_RDONLY));
    value(a.sys.fcntl(r1, abi.F_SETLEASE, abi.F_RDLCK));
    const b = proc(host, shell);
    const r2 = value(b.sys.open('/etc/group', abi.O_RDONLY));
    value(b.sys.fcntl(r2, abi.F_SETLEASE, abi.F_WRLCK));
    const lines = read(host, shell, '/proc/locks').split('\n');
    expect(lines[0]).toMatch(new RegExp(`^1: LEASE  ACTIVE    WRITE ${b.pid} fe:01:`));
    expect(lines[1]).toMatch(new RegExp(`^2: LEASE  ACTIVE    READ ${a.pid} fe:01:`));
  });

  it('fdinfo shows pos, flags (with FASYNC set by the lease, O_LARGEFILE), mnt_id and the lock line', () => {
    const { host, shell } = boot();
    const a = proc(host, shell);
    const fd = value(a.sys.open('/var/log/app.log', abi.O_RDONLY | abi.O_CLOEXEC));
    value(a.sys.fcntl(fd, abi.F_SETLEASE, abi.F_RDLCK));
    const ino = value(a.sys.fstat(fd)).ino;
    expect(read(host, shell, `/proc/${a.pid}/fdinfo/${fd}`)).toBe(`pos:\t0\nflags:\t02120000\nmnt_id:\t21\nlock:\t1: LEASE  ACTIVE    READ ${a.pid} fe:01:${ino} 0 EOF\n`);
  });
});

describe('per-process files', () => {
  it('status, stat, cmdline, comm, wchan of a sleeping rdma-app', () => {
    const { host, shell } = boot();
    const pid = value(host.spawn({ argv: ['rdma-app', '--pages', '4', '--mrs', '2', '/mnt/pmem/foo'] }));
    const status = read(host, shell, `/proc/${pid}/status`);
    expect(status).toContain('Name:\trdma-app\n');
    expect(status).toContain('State:\tS (sleeping)\n');
    expect(status).toContain(`Pid:\t${pid}\nPPid:\t1\n`);
    expect(status).toContain('VmPin:\t      16 kB\n');
    expect(status).toMatch(/SigCgt:\t0000000010004000\n/);
    const stat = read(host, shell, `/proc/${pid}/stat`).trim().split(' ');
    expect(stat).toHaveLength(52);
    expect(stat.slice(0, 4)).toEqual([String(pid), '(rdma-app)', 'S', '1']);
    expect(read(host, shell, `/proc/${pid}/cmdline`)).toBe('rdma-app\0--pages\x004\0--mrs\x002\0/mnt/pmem/foo\0');
    expect(read(host, shell, `/proc/${pid}/comm`)).toBe('rdma-app\n');
    expect(read(host, shell, `/proc/${pid}/wchan`)).toBe('ep_poll');
  });

  it('fd/ lists the descriptors as links to their files; the socket and the context show as Linux does', () => {
    const { host, shell, root } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/foo', 2);
    const [s] = value(p.sys.socketpair());
    const names = value(root.readdir(`/proc/${p.pid}/fd`)).map((e) => e.name);
    expect(names).toEqual(['0', '1', '2', String(p.dataFd), String(p.ctxFd), String(s), String(s + 1)]);
    expect(value(root.readlink(`/proc/${p.pid}/fd/${p.ctxFd}`))).toBe('/dev/infiniband/uverbs0');
    expect(value(root.readlink(`/proc/${p.pid}/fd/0`))).toBe('/dev/pts/0');
    expect(value(root.readlink(`/proc/${p.pid}/fd/${s}`))).toMatch(/^socket:\[\d+\]$/);
    expect(value(root.stat(`/proc/${p.pid}/fd/${p.dataFd}`)).ino).toBe(131);
  });

  it('maps pads the path to column 73 and marks shared mappings with s', () => {
    const { host, shell } = boot();
    const p = pinFile(host, shell, '/mnt/pmem/foo', 2);
    const line = read(host, shell, `/proc/${p.pid}/maps`).split('\n')[0]!;
    expect(line).toMatch(new RegExp(`^${p.addr.toString(16)}-${(p.addr + 2 * PAGE).toString(16)} rw-s 00000000 103:00 131 +/mnt/pmem/foo$`));
    expect(line.indexOf('/mnt')).toBe(73);
  });

  it('stack is root-only; a breaker blocked on a lease shows __break_lease first', () => {
    const { host, shell } = boot();
    const holder = proc(host, shell, ['holder']);
    holder.sys.sigaction('SIGIO', 'ignore');
    const fd = value(holder.sys.open('/var/log/app.log', abi.O_RDONLY));
    value(holder.sys.fcntl(fd, abi.F_SETLEASE, abi.F_WRLCK));
    const reader = proc(host, shell, ['cat']);
    reader.sys.open('/var/log/app.log', abi.O_RDONLY);
    expect(read(host, shell, `/proc/${reader.pid}/stack`).split('\n')[0]).toBe('[<0>] __break_lease+0x58e/0x6e0');
    expect(read(host, shell, `/proc/${reader.pid}/status`)).toContain('State:\tS (sleeping)');
    const op = host.spawnShell({ uid: 1000 });
    expect(errnoOf(host.vfs.readFile(op.pid, `/proc/${reader.pid}/stack`))).toBe('EACCES');
  });

  it('comm can be renamed through /proc by its owner', () => {
    const { host, shell } = boot();
    const a = proc(host, shell, ['worker']);
    value(host.vfs.writeFile(shell, `/proc/${a.pid}/comm`, 'renamed\n'));
    expect(host.processes().find((p) => p.pid === a.pid)!.comm).toBe('renamed');
  });

  it('/proc/self points at the reader', () => {
    const { host, shell } = boot();
    expect(value(host.vfs.readlink(shell, '/proc/self'))).toBe(String(shell));
    expect(read(host, shell, '/proc/self/comm')).toBe('bash\n');
  });
});

describe('host-wide files', () => {
  it('/proc/mounts lists the mounts in the reference §5.7 format', () => {
    const { host, shell } = boot();
    expect(read(host, shell, '/proc/mounts')).toBe(
      [
        '/dev/vda1 / ext4 rw,relatime,errors=remount-ro 0 0',
        'udev /dev devtmpfs rw,nosuid,relatime,size=8145376k,nr_inodes=2036344,mode=755 0 0',
        'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
        'tmpfs /tmp tmpfs rw,nosuid,nodev 0 0',
        '/dev/pmem0 /mnt/pmem xfs rw,relatime,attr2,dax,inode64,noquota 0 0',
        '/dev/pmem1 /mnt/pmem1 ext4 rw,relatime,dax 0 0',
        '',
      ].join('\n'),
    );
    expect(read(host, shell, '/etc/mtab')).toBe(read(host, shell, '/proc/mounts'));
  });

  it('fs.lease-break-time reads 45 and only root may change it', () => {
    const { host, shell } = boot();
    expect(read(host, shell, '/proc/sys/fs/lease-break-time')).toBe('45\n');
    const op = host.spawnShell({ uid: 1000 });
    expect(errnoOf(host.vfs.writeFile(op.pid, '/proc/sys/fs/lease-break-time', '5\n'))).toBe('EACCES');
    expect(errnoOf(host.vfs.writeFile(shell, '/proc/sys/fs/lease-break-time', 'x\n'))).toBe('EINVAL');
    value(host.vfs.writeFile(shell, '/proc/sys/fs/lease-break-time', '5\n'));
    expect(read(host, shell, '/proc/sys/fs/lease-break-time')).toBe('5\n');
    expect(host.events().filter((e) => e.kind === 'sysctl.set')).toMatchObject([{ name: 'fs.lease-break-time', value: '5' }]);
  });

  it('lists processes as directories in /proc', () => {
    const { host, shell } = boot();
    const names = value(host.vfs.readdir(shell, '/proc')).map((e) => e.name);
    expect(names.slice(0, 2)).toEqual(['1', String(shell)]);
    expect(names).toContain('locks');
  });
});

describe('what ps, top, lsof and lslocks read', () => {
  it('stat gives the session, process group and terminal foreground group: a running job owns the terminal', () => {
    const { host, shell } = boot();
    const bg = value(host.spawnChild(shell, ['sleep', '100']));
    const fields = (pid: number) => read(host, shell, `/proc/${pid}/stat`).split(' ');
    // pid 1 leads its own session, without a terminal (tpgid -1)
    expect(fields(1).slice(4, 8)).toEqual(['1', '1', '0', '-1']);
    // the login shell leads the session of pts/0 (tty_nr 136<<8) and holds the terminal at its prompt
    expect(fields(shell).slice(4, 8)).toEqual([String(shell), String(shell), String(136 << 8), String(shell)]);
    // a background job is a group of its own in the shell's session
    expect(fields(bg).slice(4, 8)).toEqual([String(bg), String(shell), String(136 << 8), String(shell)]);
    const fg = value(host.spawnChild(shell, ['ps']));
    expect(fields(bg)[7]).toBe(String(fg));
    expect(read(host, shell, `/proc/${fg}/status`)).toContain(`NSpgid:\t${fg}\nNSsid:\t${shell}\n`);
  });

  it('a process orphaned to init stays in the session of its terminal', () => {
    const { host, shell } = boot();
    const parent = value(host.spawnChild(shell, ['holder']));
    const child = value(host.sys(parent).fork());
    host.sys(parent).exit(0);
    host.sys(shell).wait4(parent);
    expect(host.kernel.proc(child)?.ppid).toBe(1);
    expect(read(host, shell, `/proc/${child}/stat`).split(' ').slice(4, 6)).toEqual([String(child), String(shell)]);
  });

  it('an exec runs the new image: state R and no wchan until the program sleeps', () => {
    const { host, shell, root } = boot();
    const child = value(root.fork());
    expect(read(host, shell, `/proc/${child}/stat`).split(' ')[2]).toBe('S');
    value(host.sys(child).execve('ps', ['ps']));
    expect(read(host, shell, `/proc/${child}/stat`).split(' ')[2]).toBe('R');
    expect(read(host, shell, `/proc/${child}/wchan`)).toBe('0');
  });

  it('fd links carry the open mode in their permission bits, as lsof reads them', () => {
    const { host, shell } = boot();
    const a = proc(host, shell);
    const r = value(a.sys.open('/etc/passwd', abi.O_RDONLY));
    const w = value(a.sys.open('/tmp/out', abi.O_WRONLY | abi.O_CREAT, 0o644));
    const rw = value(a.sys.open('/mnt/pmem/foo', abi.O_RDWR));
    const mode = (fd: number) => value(host.sys(shell).lstat(`/proc/${a.pid}/fd/${fd}`)).mode;
    expect([mode(r), mode(w), mode(rw)]).toEqual([0o120500, 0o120300, 0o120700]);
    value(a.sys.close(r));
    value(a.sys.dup2(w, r));
    expect(mode(r)).toBe(0o120300);
  });

  it('wchan shows 0 to a reader without ptrace access', () => {
    const { host, shell } = boot();
    const op = host.spawnShell({ uid: 1000 });
    expect(read(host, shell, '/proc/1/wchan')).toBe('ep_poll');
    expect(read(host, op.pid, '/proc/1/wchan')).toBe('0');
  });

  it('root and statm, mountinfo for libmount', () => {
    const { host, shell, root } = boot();
    expect(value(root.readlink(`/proc/${shell}/root`))).toBe('/');
    expect(read(host, shell, '/proc/1/statm')).toBe('586 305 264 6 0 84 0\n');
    const info = read(host, shell, '/proc/self/mountinfo').split('\n');
    expect(info[0]).toBe('21 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw,errors=remount-ro');
    expect(info).toContain('25 21 259:0 / /mnt/pmem rw,relatime shared:5 - xfs /dev/pmem0 rw,attr2,dax,inode64,noquota');
  });

  it('meminfo, stat and loadavg in the kernel formats, with the boot time and an idle machine', () => {
    const { host, shell } = boot();
    host.advance(10e9);
    const mem = read(host, shell, '/proc/meminfo');
    expect(mem.startsWith('MemTotal:       16290752 kB\nMemFree:        15512436 kB\nMemAvailable:   15780104 kB\n')).toBe(true);
    expect(mem).toContain('\nHugePages_Total:       0\nHugePages_Free:        0\n');
    expect(mem).toContain('\nVmallocTotal:   34359738367 kB\n');
    const stat = read(host, shell, '/proc/stat');
    expect(stat.split('\n').slice(0, 3)).toEqual(['cpu  0 0 0 2000 0 0 0 0 0 0', 'cpu0 0 0 0 1000 0 0 0 0 0 0', 'cpu1 0 0 0 1000 0 0 0 0 0 0']);
    expect(stat).toContain('\nbtime 1566206649\nprocesses 2\nprocs_running 0\nprocs_blocked 0\n');
    expect(read(host, shell, '/proc/loadavg')).toBe('0.00 0.00 0.00 0/2 2\n');
    expect(read(host, shell, '/proc/sys/kernel/pid_max')).toBe('32768\n');
  });
});
