// What every design shares (kernel.md §4 "Behaviour common to all policies"), run under each of
// the six: device DAX is never affected, page-cache pins hold copies (seed 000: "punch hole in the
// middle of a MR succeeds and leaves the state of the file relative to ongoing RDMA
// inconsistent"), ODP takes no pins (003 cover letter "Background"), and a CoW write over pinned
// shared extents is a layout change each design treats like truncate (seed 001).
import { describe, expect, it } from 'vitest';
import { abi, explainPath, renderExplanation } from '../../../../src-main/host/index';
import { errnoOf, expectSane, LAYOUT_EXCLUSIVE, PAGE, pinFile, RW_ACCESS, value } from '../helpers';
import { bootUnder, eventsOf, prepare, reg } from './util';

const POLICIES = ['rfc-v2', 'longterm-disabled', 'legacy-hang', 'close-blocks', 'fs-reject', 'immutable'];

describe('the six designs', () => {
  it('are listed in kernel.md §4 order; a switch is one policy.switch event, a repeat none, an unknown name EINVAL', () => {
    const { host } = bootUnder('rfc-v2');
    expect(host.policies()).toEqual(POLICIES);
    for (const p of POLICIES) value(host.setPolicy(p));
    value(host.setPolicy('immutable'));
    expect(eventsOf(host, 'policy.switch').map((e) => (e.kind === 'policy.switch' ? `${e.from}>${e.to}` : ''))).toEqual([
      'rfc-v2>longterm-disabled', 'longterm-disabled>legacy-hang', 'legacy-hang>close-blocks', 'close-blocks>fs-reject', 'fs-reject>immutable',
    ]);
    expect(errnoOf(host.setPolicy('hang'))).toBe('EINVAL');
    expect(host.policyName).toBe('immutable');
  });
});

describe.each(POLICIES)('under %s', (policy) => {
  it('device DAX registrations need no lease and are never affected; truncate of the char device is EINVAL (003 point 0)', () => {
    const { host, shell, root } = bootUnder(policy);
    const r = prepare(host, shell, '/dev/dax2.0', 8);
    expect(errnoOf(r.sys.fcntl(r.fd, abi.F_SETLEASE, LAYOUT_EXCLUSIVE))).toBe('EINVAL');
    expect(errnoOf(reg(r, 8))).toBe('ok');
    expect(host.kernel.segments.size).toBe(0);
    expect(errnoOf(root.truncate('/dev/dax2.0', 0))).toBe('EINVAL');
    expect(errnoOf(r.sys.ftruncate(r.fd, 0))).toBe('EINVAL');
  });

  it('page-cache pins hold copies: truncate and punch succeed and the divergence is recorded and explained (seed 000)', () => {
    const { host, shell, root } = bootUnder(policy, { setup: { files: [{ path: '/root/buf', size: 16 * PAGE }] } });
    const r = prepare(host, shell, '/root/buf', 8);
    const got = errnoOf(reg(r, 8));
    expect(got).toBe(policy === 'longterm-disabled' ? 'EFAULT' : 'ok');
    if (got !== 'ok') return;
    const fd = value(root.open('/root/buf', abi.O_RDWR));
    expect(errnoOf(root.fallocate(fd, abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE, 2 * PAGE, PAGE))).toBe('ok');
    expect(errnoOf(root.truncate('/root/buf', 4 * PAGE))).toBe('ok');
    expect(eventsOf(host, 'data.divergence').map((e) => (e.kind === 'data.divergence' ? [e.op, e.first, e.last] : []))).toEqual([['punch', 2, 3], ['truncate', 4, 8]]);
    const why = renderExplanation(value(explainPath(host, shell, '/root/buf')));
    expect(why).toContain('data divergence');
    expectSane(host);
  });

  it('ODP takes no pin and needs no lease; a layout change invalidates the range and a later access there faults (003 "Background")', () => {
    const { host, shell, root } = bootUnder(policy);
    const r = prepare(host, shell, '/mnt/pmem/bar', 8);
    const mr = value(reg(r, 8, RW_ACCESS | abi.IBV_ACCESS_ON_DEMAND));
    expect(host.kernel.segments.size).toBe(0);
    expect(errnoOf(root.truncate('/mnt/pmem/bar', 4 * PAGE))).toBe('ok');
    expect(eventsOf(host, 'rdma.odp.invalidate')[0]).toMatchObject({ mr: mr.mrn, first: 4, last: 8 });
    expect(errnoOf(host.remoteAccess(mr.mrn, 0, 4 * PAGE))).toBe('ok');
    expect(eventsOf(host, 'rdma.odp.fault')).toHaveLength(0);
    expect(errnoOf(host.remoteAccess(mr.mrn, 3 * PAGE, 2 * PAGE))).toBe('EFAULT');
    expect(eventsOf(host, 'rdma.odp.fault').at(-1)).toMatchObject({ first: 4, last: 5, resolved: false });
    expect(errnoOf(root.truncate('/mnt/pmem/bar', 8 * PAGE))).toBe('ok');
    expect(errnoOf(host.remoteAccess(mr.mrn, 4 * PAGE, 4 * PAGE))).toBe('ok');
    expect(eventsOf(host, 'rdma.odp.fault').at(-1)).toMatchObject({ first: 4, last: 8, resolved: true });
    expect(errnoOf(host.remoteAccess(mr.mrn, 4 * PAGE, 4 * PAGE))).toBe('ok');
    expect(eventsOf(host, 'rdma.odp.fault')).toHaveLength(2);
    expect(errnoOf(host.remoteAccess(mr.mrn, 7 * PAGE, 2 * PAGE))).toBe('EINVAL');
    expectSane(host);
  });

  it('a CoW write over pinned shared extents meets what a truncate over them meets (seed 001: "Truncate is a red herring")', () => {
    const outcome = (op: 'truncate' | 'cow'): string => {
      const { host, shell, root } = bootUnder(policy, { setup: { reflink: true } });
      const src = value(root.open('/mnt/pmem/bar', abi.O_RDWR));
      value(root.ficlone(value(root.open('/mnt/pmem/copy', abi.O_RDWR | abi.O_CREAT)), src));
      if (policy === 'immutable') value(root.fallocate(src, abi.FALLOC_FL_SEAL_BLOCK_MAP, 0, PAGE));
      const lease = policy === 'rfc-v2' || policy === 'close-blocks' ? LAYOUT_EXCLUSIVE : null;
      const r = prepare(host, shell, '/mnt/pmem/bar', 4);
      if (lease !== null) value(r.sys.fcntl(r.fd, abi.F_SETLEASE, lease));
      reg(r, 4);
      const res = op === 'truncate' ? root.ftruncate(src, 0) : root.pwrite(src, 'x', PAGE);
      expectSane(host);
      return errnoOf(res);
    };
    const expected: Record<string, string> = {
      'rfc-v2': 'ETXTBSY',
      'longterm-disabled': 'ok',
      'legacy-hang': 'pending:xfs_break_dax_layouts',
      'close-blocks': 'ETXTBSY',
      'fs-reject': 'ok',
      immutable: 'ETXTBSY',
    };
    expect(outcome('cow')).toBe(expected[policy]);
    expect(outcome('truncate')).toBe(expected[policy]);
  });

  it('pins keep their blocks whatever happens next: kill of the owner unwinds, and nothing pinned is freed (kernel.md §4 invariant)', () => {
    const { host, shell, root } = bootUnder(policy);
    const fd = value(root.open('/mnt/pmem/foo', abi.O_RDWR));
    if (policy === 'immutable') value(root.fallocate(fd, abi.FALLOC_FL_SEAL_BLOCK_MAP, 0, PAGE));
    const lease = policy === 'rfc-v2' || policy === 'close-blocks' ? LAYOUT_EXCLUSIVE : null;
    const p = policy === 'longterm-disabled' ? null : pinFile(host, shell, '/mnt/pmem/foo', 4, { lease });
    root.truncate('/mnt/pmem/foo', 0);
    root.fallocate(fd, abi.FALLOC_FL_PUNCH_HOLE | abi.FALLOC_FL_KEEP_SIZE, 0, 8 * PAGE);
    expectSane(host);
    if (p) value(root.kill(p.pid, 'SIGKILL'));
    expect(host.kernel.segments.size).toBe(0);
    expectSane(host);
  });
});
