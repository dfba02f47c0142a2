// fs-reject: the filesystem decides (seed 000/002, Jason Gunthorpe: "the FS itself can reject/deny
// the longterm pin request based on its internal status"; "we already allow ftruncate to fail with
// PROT_EXEC maps (ETXTBUSY)"; Dan Williams: "Turn off reflink ... audit the configuration").
import { describe, expect, it } from 'vitest';
import { abi, explainPath } from '../../../../src-main/host/index';
import { errnoOf, expectSane, PAGE, pinFile, proc, value } from '../helpers';
import { bootUnder, eventsOf, prepare, reg, track } from './util';

const PUNCH = abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE;

describe('fs-reject: pins (000 Jason Gunthorpe "reject/deny the longterm pin request")', () => {
  it('a DAX filesystem without reflink accepts pins with no lease at all', () => {
    const { host, shell } = bootUnder('fs-reject');
    pinFile(host, shell, '/mnt/pmem/foo', 4, { lease: null });
    pinFile(host, shell, '/mnt/pmem1/data', 4, { lease: null });
    expect(host.kernel.segments.size).toBe(2);
    expectSane(host);
  });

  it('reflink on the filesystem makes it refuse every fsdax pin with EOPNOTSUPP; ext4 DAX beside it still pins', () => {
    const { host, shell } = bootUnder('fs-reject', { setup: { reflink: true } });
    expect(errnoOf(reg(prepare(host, shell, '/mnt/pmem/foo', 4), 4))).toBe('EOPNOTSUPP');
    expect(eventsOf(host, 'rdma.mr.refused')[0]).toMatchObject({ errno: 'EOPNOTSUPP', path: '/mnt/pmem/foo' });
    expect(errnoOf(reg(prepare(host, shell, '/mnt/pmem1/data', 4), 4))).toBe('ok');
  });
});

describe('fs-reject: layout changes under pins (000 "ftruncate ... fail ... (ETXTBUSY)")', () => {
  it('the open succeeds and ftruncate/fallocate over the pinned pages fail with ETXTBSY; elsewhere they proceed', () => {
    const { host, shell } = bootUnder('fs-reject');
    pinFile(host, shell, '/mnt/pmem/foo', 4, { lease: null });
    const t = proc(host, shell, ['truncate']);
    const fd = value(t.sys.open('/mnt/pmem/foo', abi.O_WRONLY | abi.O_CREAT | abi.O_NONBLOCK));
    expect(errnoOf(t.sys.ftruncate(fd, 0))).toBe('ETXTBSY');
    expect(errnoOf(t.sys.fallocate(fd, PUNCH, PAGE, PAGE))).toBe('ETXTBSY');
    expect(eventsOf(host, 'layout.refused')[0]).toMatchObject({ op: 'truncate', errno: 'ETXTBSY' });
    expect(errnoOf(t.sys.fallocate(fd, PUNCH, 64 * PAGE, PAGE))).toBe('ok');
    expect(errnoOf(t.sys.ftruncate(fd, 8 * PAGE))).toBe('ok');
    expect(errnoOf(t.sys.pwrite(fd, 'grow', 16 * PAGE))).toBe('ok');
    expectSane(host);
  });

  it('pins left by legacy-hang are not the filesystem\'s: after the switch a truncate over them waits', () => {
    const { host, shell, root } = bootUnder('legacy-hang');
    const p = pinFile(host, shell, '/mnt/pmem/foo', 4, { lease: null });
    value(host.setPolicy('fs-reject'));
    const s = track(root.truncate('/mnt/pmem/foo', 0));
    expect(s).toMatchObject({ done: false, wchan: 'xfs_break_dax_layouts' });
    value(p.sys.ibv_dereg_mr(p.ctxFd, p.mrs[0]!));
    expect(s).toMatchObject({ done: true, result: 'ok' });
  });

  it('its own pins are left bare by a switch away and back: they wait from then on (kernel.md §4)', () => {
    const { host, shell, root } = bootUnder('fs-reject');
    pinFile(host, shell, '/mnt/pmem/foo', 4, { lease: null });
    value(host.setPolicy('rfc-v2'));
    expect(errnoOf(root.truncate('/mnt/pmem/foo', 0))).toBe('pending:xfs_break_dax_layouts');
    value(host.setPolicy('fs-reject'));
    const t = proc(host, shell, ['truncate']);
    expect(errnoOf(t.sys.truncate('/mnt/pmem/foo', 0))).toBe('pending:xfs_break_dax_layouts');
    pinFile(host, shell, '/mnt/pmem/foo', 4, { lease: null });
    const u = proc(host, shell, ['truncate']);
    expect(errnoOf(u.sys.truncate('/mnt/pmem/foo', 0))).toBe('ETXTBSY');
    expectSane(host);
  });
});

describe('fs-reject: why (000 "the FS itself can reject")', () => {
  it('the refusal rests on the pins: an exclusive lease beside them is not offered as a way out', () => {
    const { host, shell } = bootUnder('fs-reject');
    pinFile(host, shell, '/mnt/pmem/foo', 4);
    const e = value(explainPath(host, shell, '/mnt/pmem/foo'));
    expect(e.verdict).toMatchObject({ kind: 'fails', errno: 'ETXTBSY' });
    expect(e.links.find((l) => l.kind === 'pin')!.text).toContain("with the filesystem's consent (fs-reject)");
    expect(e.waysOut.map((w) => w.action)).toEqual(['dereg', 'kill']);
  });
});
