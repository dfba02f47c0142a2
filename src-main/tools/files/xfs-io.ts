// xfs_io(8) from xfsprogs 6.1.0: `xfs_io [-fr] [-c CMD]... FILE`, each -c run in order on the
// file opened O_RDWR (O_CREAT with -f). Failing calls print perror()'s `NAME: strerror` and set
// the exit status, except fzero, which in 6.1.0 never does.
import { abi, strerror } from '../../host';
import { defineTool, type ToolRun } from '../tool';
import { getopt } from '../getopt';
import { COMMANDS, type IoFile } from './xfs-io-cmds';

const USAGE = 'Usage: xfs_io [-adfinrRstVx] [-m mode] [-p prog] [[-c|-C] cmd]... file\n';

/** libxcmd's command(): the argument-count check, then the command. */
async function runCommand(t: ToolRun, file: IoFile | null, words: string[]): Promise<{ status: number; quit: boolean }> {
  const name = words[0]!;
  const ct = COMMANDS.find((c) => c.name === name || c.altname === name);
  if (!ct) {
    await t.err(`command "${name}" not found\n`);
    return { status: 0, quit: false };
  }
  if (!ct.library) {
    if (!file) {
      await t.err("no files are open, try 'help open'\n");
      return { status: 0, quit: false };
    }
    if (file.foreign && !ct.foreignOk) {
      await t.err(`foreign file active, ${ct.name} command is for XFS filesystems only\n`);
      return { status: 0, quit: false };
    }
  }
  const n = words.length - 1;
  if (ct.argmin >= 0 && (n < ct.argmin || (ct.argmax !== -1 && n > ct.argmax))) {
    const msg =
      ct.argmax === -1 ? `expected at least ${ct.argmin} arguments`
      : ct.argmin === ct.argmax ? `expected ${ct.argmin} arguments`
      : `expected between ${ct.argmin} and ${ct.argmax} arguments`;
    await t.err(`bad argument count ${n} to ${name}, ${msg}\n`);
    return { status: 0, quit: false };
  }
  if (ct.name === 'quit') return { status: 0, quit: true };
  return { status: await ct.run(t, file, words), quit: false };
}

export const xfsIo = defineTool({
  name: 'xfs_io',
  summary: 'debug the I/O path of an XFS filesystem',
  async run(t) {
    const p = getopt(t.args, { short: 'ac:C:dFfiLm:p:PnrRstTVx', inOrder: false });
    if (!p.ok) {
      await t.err(`xfs_io: ${p.message}\n${USAGE}`);
      return 1;
    }
    const cmds: string[] = [];
    let create = false;
    let readonly = false;
    let mode = 0o600;
    for (const o of p.opts) {
      if (o.key === 'c' || o.key === 'C') cmds.push(o.value ?? '');
      else if (o.key === 'f') create = true;
      else if (o.key === 'r') readonly = true;
      else if (o.key === 'm') {
        const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(o.value ?? '');
        if (!m) {
          await t.err(`non-numeric mode -- ${o.value}\n`);
          return 1;
        }
        mode = m[1]!.startsWith('0x') || m[1]!.startsWith('0X') ? parseInt(m[1]!, 16) : m[1]!.startsWith('0') ? parseInt(m[1]!, 8) : Number(m[1]);
      } else if (o.key === 'V') {
        await t.out('xfs_io version 6.1.0\n');
        return 0;
      }
    }
    const files: IoFile[] = [];
    for (const path of p.operands) {
      let flags = (readonly ? abi.O_RDONLY : abi.O_RDWR) | (create ? abi.O_CREAT : 0);
      let o = await t.settle(t.sys.open(path, flags, mode));
      if (!o.ok && o.errno === 'EISDIR' && !readonly) {
        flags = flags & ~abi.O_ACCMODE;
        readonly = true;
        o = await t.settle(t.sys.open(path, flags, mode));
      }
      if (!o.ok) {
        await t.err(`${path}: ${strerror(o.errno)}\n`);
        for (const f of files) await t.settle(t.sys.close(f.fd));
        return 1;
      }
      const fs = t.sys.statfs(path);
      files.push({ fd: o.value, name: path, readonly, foreign: !(fs.ok && fs.value.type === 0x58465342) });
    }
    const file = files[files.length - 1] ?? null;
    // Without -c, commands come one per line from standard input.
    if (!cmds.length) {
      for (let c = await t.stdin.read(); c !== null; c = await t.stdin.read()) cmds.push(...c.split('\n'));
    }
    let status = 0;
    for (const c of cmds) {
      const words = c.split(' ').filter((w) => w !== '');
      if (!words.length) continue;
      const r = await runCommand(t, file, words);
      status = Math.max(status, r.status);
      if (r.quit || t.signal.aborted) break;
    }
    for (const f of files) await t.settle(t.sys.close(f.fd));
    return status;
  },
});
