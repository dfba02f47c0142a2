// xfs_info(8) from xfsprogs 6.1.0 — the shell script: an XFS mount point or its device gets the
// live geometry (xfs_spaceman -c info), anything else goes to xfs_db, which reads a superblock
// that is not there. The geometry is that of mkfs.xfs (2019) on the pmem namespace, reflink
// as the host was set up.
import { abi, strerror } from '../../host';
import { defineTool, type ToolRun } from '../tool';
import { quoteaf } from '../common';
import { readMounts } from './mounts';

const XFS_MAGIC = 0x58465342;

function geometry(source: string, blocks: number, reflink: boolean): string {
  const agcount = 4;
  const agsize = Math.ceil(blocks / agcount);
  const col = (s: string) => s.padEnd(22);
  return (
    `meta-data=${col(source)} isize=512    agcount=${agcount}, agsize=${agsize} blks\n` +
    `         =${col('')} sectsz=512   attr=2, projid32bit=1\n` +
    `         =${col('')} crc=1        finobt=1, sparse=1, rmapbt=0\n` +
    `         =${col('')} reflink=${reflink ? 1 : 0}    bigtime=0 inobtcount=0 nrext64=0\n` +
    `data     =${col('')} bsize=4096   blocks=${blocks}, imaxpct=25\n` +
    `         =${col('')} sunit=0      swidth=0 blks\n` +
    `naming   =version 2              bsize=4096   ascii-ci=0, ftype=1\n` +
    `log      =internal log           bsize=4096   blocks=2560, version=2\n` +
    `         =${col('')} sectsz=512   sunit=0 blks, lazy-count=1\n` +
    `realtime =none                   extsz=4096   blocks=0, rtextents=0\n`
  );
}

/** xfs_db -p xfs_info -c info ARG on something that is not a mounted XFS filesystem. */
async function xfsDb(t: ToolRun, arg: string): Promise<number> {
  const o = await t.settle(t.sys.open(arg, abi.O_RDWR));
  if (!o.ok) {
    await t.err(`xfs_info: cannot open ${arg}: ${strerror(o.errno)}\n`);
    return 1;
  }
  const r = t.sys.pread(o.value, 512, 0);
  await t.settle(t.sys.close(o.value));
  if (!r.ok || r.value.length < 4) {
    await t.err(`xfs_info: ${arg} is invalid (cannot read first 512 bytes)\n`);
    return 1;
  }
  const magic = [...r.value.slice(0, 4)].reduce((n, c) => n * 256 + (c.charCodeAt(0) & 0xff), 0);
  await t.err(`xfs_info: ${arg} is not a valid XFS filesystem (unexpected SB magic number 0x${magic.toString(16).padStart(8, '0')})\nUse -F to force a read attempt.\n`);
  return 1;
}

export const xfsInfo = defineTool({
  name: 'xfs_info',
  summary: 'display XFS filesystem geometry information',
  help: 'Usage: xfs_info [-V] [-t mtab] [mountpoint|device|file]\n',
  async run(t) {
    if (t.args[0] === '-V') {
      await t.out('xfs_info version 6.1.0\n');
      return 0;
    }
    if (t.args.length !== 1) {
      await t.err('Usage: xfs_info [-V] [-t mtab] [mountpoint|device|file]\n');
      return 2;
    }
    const arg = t.args[0]!;
    const m = (await readMounts(t)).find((x) => x.fstype === 'xfs' && (x.target === arg || x.source === arg));
    if (!m) return xfsDb(t, arg);
    const fs = t.sys.statfs(m.target);
    if (!fs.ok || fs.value.type !== XFS_MAGIC) return xfsDb(t, arg);
    // The superblock's feature bits are not in statfs; the kernel's superblock holds reflink.
    const sb = t.host.kernel.supers.find((s) => s.mountpoint === m.target);
    await t.out(geometry(m.source, fs.value.blocks, sb?.reflink ?? false));
    return 0;
  },
});

export const sync = defineTool({
  name: 'sync',
  summary: 'synchronize cached writes to persistent storage',
  help: `Usage: sync [OPTION] [FILE]...
Synchronize cached writes to persistent storage

If one or more files are specified, sync only them,
or their containing file systems.

      --help        display this help and exit
`,
  async run(t) {
    // sync(2) has nothing to flush on this host: DAX writes are already on the media.
    let status = 0;
    for (const f of t.args) {
      if (f.startsWith('-') && f !== '-') {
        await t.err(`sync: invalid option -- '${f.replace(/^-+/, '')}'\nTry 'sync --help' for more information.\n`);
        return 1;
      }
      const o = await t.settle(t.sys.open(f, abi.O_RDONLY | abi.O_NONBLOCK));
      if (!o.ok) {
        await t.err(`sync: error opening ${quoteaf(f)}: ${strerror(o.errno)}\n`);
        status = 1;
        continue;
      }
      await t.settle(t.sys.close(o.value));
    }
    return status;
  },
});
