// The host's default filesystem tree (kernel.md §2): ext4 root on /dev/vda1, xfs DAX on
// /dev/pmem0 at /mnt/pmem (reflink off unless asked), ext4 DAX on /dev/pmem1 at /mnt/pmem1,
// tmpfs /tmp, procfs, devtmpfs /dev with the DAX, RDMA and ordinary devices.
import type { Kernel } from '../kernel';
import type { Inode } from './inode';
import { addInode, makeSuper, mount } from './namespace';
import { allocate, writeBytes } from './fileops';
import { procRoot } from '../procfs/root';
import { assert } from '../sim/assert';
import { logBoot, logDaxMount } from '../log/boot-log';

export interface FileSpec {
  path: string;
  /** Size in bytes; the blocks are allocated (as `fallocate -l`). */
  size?: number;
  content?: string;
  uid?: number;
  gid?: number;
  mode?: number;
}

export interface HostSetup {
  /** Make /mnt/pmem's xfs with reflink=1 (2019 kernels refused DAX with reflink; pinsim allows it). */
  reflink?: boolean;
  /** The HCA supports on-demand paging (IBV_ACCESS_ON_DEMAND). Default true. */
  odp?: boolean;
  /** fs.lease-break-time in seconds. Default 45. */
  leaseBreakTime?: number;
  /** Extra files; the defaults (/mnt/pmem/foo etc.) are made unless `defaultFiles` is false. */
  files?: FileSpec[];
  defaultFiles?: boolean;
}

const PMEM_BLOCKS = 16909336576 / 4096;

export const DEFAULT_FILES: readonly FileSpec[] = [
  { path: '/mnt/pmem/foo', size: 1 << 30 },
  { path: '/mnt/pmem/bar', size: 64 << 20 },
  { path: '/mnt/pmem1/data', size: 64 << 20 },
  { path: '/var/log/app.log', content: 'app: started\n', mode: 0o644 },
  { path: '/home/operator/notes.txt', content: 'rdma cluster notes\n', uid: 1000, gid: 1000, mode: 0o644 },
];

function dir(k: Kernel, parent: Inode, name: string, mode = 0o755, uid = 0, gid = 0): Inode {
  return parent.entries!.get(name) ?? addInode(k, parent, name, 'dir', mode, uid, gid);
}

function dirPath(k: Kernel, path: string): Inode {
  let cur = k.root;
  for (const part of path.split('/').filter(Boolean)) {
    let next = cur.entries!.get(part) ?? dir(k, cur, part);
    while (next.mounted?.root) next = next.mounted.root;
    cur = next;
  }
  return cur;
}

export function setupFilesystems(k: Kernel, setup: HostSetup): void {
  logBoot(k);
  const rootSb = makeSuper(k, { fstype: 'ext4', major: 254, minor: 1, source: '/dev/vda1', options: 'rw,relatime,errors=remount-ro', blocks: 8 << 20, rootIno: 2, firstIno: 11 });
  mount(k, rootSb, null, '/');
  const root = k.root;
  dir(k, root, 'lost+found', 0o700);
  for (const d of ['bin', 'dev', 'etc', 'home', 'mnt', 'proc', 'usr', 'var']) dir(k, root, d);
  dir(k, root, 'root', 0o700);
  dir(k, root, 'tmp', 0o1777);
  dir(k, dir(k, root, 'home'), 'operator', 0o755, 1000, 1000);
  dir(k, dir(k, root, 'usr'), 'bin');
  const usr = dir(k, root, 'usr');
  dir(k, dir(k, usr, 'local'), 'bin');
  dir(k, dir(k, root, 'var'), 'log');
  const mnt = dir(k, root, 'mnt');
  const pmemDir = dir(k, mnt, 'pmem');
  const pmem1Dir = dir(k, mnt, 'pmem1');

  const devSb = makeSuper(k, { fstype: 'devtmpfs', major: 0, minor: 5, source: 'udev', options: 'rw,nosuid,relatime,size=8145376k,nr_inodes=2036344,mode=755', rootIno: 1, firstIno: 2 });
  mount(k, devSb, root.entries!.get('dev')!, '/dev');
  const procSb = makeSuper(k, { fstype: 'proc', major: 0, minor: 21, source: 'proc', options: 'rw,nosuid,nodev,noexec,relatime', rootIno: 1, firstIno: 2 });
  mount(k, procSb, root.entries!.get('proc')!, '/proc');
  procSb.root!.proc = procRoot(k);
  procSb.root!.mode = 0o555;
  const tmpSb = makeSuper(k, { fstype: 'tmpfs', major: 0, minor: 26, source: 'tmpfs', options: 'rw,nosuid,nodev', blocks: 1 << 19, rootIno: 1, firstIno: 2 });
  mount(k, tmpSb, root.entries!.get('tmp')!, '/tmp');
  tmpSb.root!.mode = 0o1777;
  const xfsOpts = 'rw,relatime,attr2,dax,inode64,noquota';
  const pmemSb = makeSuper(k, { fstype: 'xfs', major: 259, minor: 0, source: '/dev/pmem0', dax: true, reflink: setup.reflink ?? false, options: xfsOpts, blocks: PMEM_BLOCKS, rootIno: 128, firstIno: 131 });
  mount(k, pmemSb, pmemDir, '/mnt/pmem');
  logDaxMount(k, pmemSb);
  const pmem1Sb = makeSuper(k, { fstype: 'ext4', major: 259, minor: 1, source: '/dev/pmem1', dax: true, options: 'rw,relatime,dax', blocks: PMEM_BLOCKS, rootIno: 2, firstIno: 12 });
  mount(k, pmem1Sb, pmem1Dir, '/mnt/pmem1');
  logDaxMount(k, pmem1Sb);
  addInode(k, pmem1Sb.root!, 'lost+found', 'dir', 0o700, 0, 0);

  setupDevices(k, devSb.root!);
  setupEtc(k);
  const files = [...(setup.defaultFiles === false ? [] : DEFAULT_FILES), ...(setup.files ?? [])];
  for (const f of files) makeFile(k, f);
}

function setupDevices(k: Kernel, dev: Inode): void {
  const chr = (parent: Inode, name: string, kind: 'null' | 'zero' | 'uverbs' | 'devdax', major: number, minor: number, mode: number) =>
    addInode(k, parent, name, 'chr', mode, 0, 0, { kind, major, minor });
  chr(dev, 'null', 'null', 1, 3, 0o666);
  chr(dev, 'zero', 'zero', 1, 5, 0o666);
  // ndctl region 2 holds the devdax namespace2.0 (align 4096).
  chr(dev, 'dax2.0', 'devdax', 252, 0, 0o600);
  const ib = dir(k, dev, 'infiniband');
  chr(ib, 'uverbs0', 'uverbs', 231, 192, 0o666);
  addInode(k, dev, 'pmem0', 'blk', 0o660, 0, 6, { kind: 'pmem', major: 259, minor: 0 });
  addInode(k, dev, 'pmem1', 'blk', 0o660, 0, 6, { kind: 'pmem', major: 259, minor: 1 });
  addInode(k, dev, 'vda', 'blk', 0o660, 0, 6, { kind: 'disk', major: 254, minor: 0 });
  addInode(k, dev, 'vda1', 'blk', 0o660, 0, 6, { kind: 'disk', major: 254, minor: 1 });
  dir(k, dev, 'pts');
  const fd = addInode(k, dev, 'fd', 'lnk', 0o777, 0, 0);
  fd.target = '/proc/self/fd';
}

function setupEtc(k: Kernel): void {
  const passwd = k.users.map((u) => `${u.name}:x:${u.uid}:${u.gid}:${u.name}:${u.home}:${u.shell}\n`).join('');
  const group = 'root:x:0:\ndisk:x:6:\n' + k.users.filter((u) => u.uid !== 0).map((u) => `${u.name}:x:${u.gid}:\n`).join('');
  makeFile(k, { path: '/etc/passwd', content: passwd, mode: 0o644 });
  makeFile(k, { path: '/etc/group', content: group, mode: 0o644 });
  makeFile(k, { path: '/etc/hostname', content: `${k.hostname}\n`, mode: 0o644 });
  const fstab = '/dev/vda1 / ext4 errors=remount-ro 0 1\n/dev/pmem0 /mnt/pmem xfs dax 0 0\n/dev/pmem1 /mnt/pmem1 ext4 dax 0 0\n';
  makeFile(k, { path: '/etc/fstab', content: fstab, mode: 0o644 });
  const mtab = addInode(k, dirPath(k, '/etc'), 'mtab', 'lnk', 0o777, 0, 0);
  mtab.target = '../proc/self/mounts';
}

/** Creates a file (and its parent directories) owned by root unless said otherwise. */
export function makeFile(k: Kernel, f: FileSpec): Inode {
  const parts = f.path.split('/').filter(Boolean);
  const name = parts.pop();
  assert(name, `bad setup path ${f.path}`);
  const parent = dirPath(k, '/' + parts.join('/'));
  const inode = addInode(k, parent, name, 'reg', f.mode ?? 0o644, f.uid ?? 0, f.gid ?? 0);
  if (f.content) writeBytes(inode, 0, f.content);
  if (f.size) allocate(inode, 0, f.size, false);
  return inode;
}
