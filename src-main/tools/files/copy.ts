// The data copy behind cp and a cross-filesystem mv (coreutils copy.c): FICLONE first unless
// --reflink=never (9.x defaults to auto), else read/write in 128 KiB chunks, leaving holes where
// a sparse source has them; directories recursively; -p/-a keep mode and times.
import { abi, strerror, type Stat } from '../../host';
import type { ToolRun } from '../tool';
import { quoteaf } from '../common';
import { joinPath } from './filemode';

export interface CopyOptions {
  tool: 'cp' | 'mv';
  recursive: boolean;
  preserve: boolean;
  reflink: 'auto' | 'always' | 'never';
  verbose: boolean;
}

const CHUNK = 128 * 1024;
const ZEROS = /^\0*$/;

async function fail(t: ToolRun, o: CopyOptions, msg: string): Promise<false> {
  await t.err(`${o.tool}: ${msg}\n`);
  return false;
}

/** `a/b/` → `b`: the name a copy into a directory gets. */
export function lastComponent(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

async function copyData(t: ToolRun, o: CopyOptions, src: string, dst: string, st: Stat): Promise<boolean> {
  const s = await t.settle(t.sys.open(src, abi.O_RDONLY));
  if (!s.ok) return fail(t, o, `cannot open ${quoteaf(src)} for reading: ${strerror(s.errno)}`);
  const d = await t.settle(t.sys.open(dst, abi.O_WRONLY | abi.O_CREAT | abi.O_TRUNC, st.mode & 0o777));
  if (!d.ok) {
    await t.settle(t.sys.close(s.value));
    return fail(t, o, `cannot create regular file ${quoteaf(dst)}: ${strerror(d.errno)}`);
  }
  let ok = true;
  const cloned = o.reflink !== 'never' ? await t.settle(t.sys.ficlone(d.value, s.value)) : null;
  if (cloned && !cloned.ok && o.reflink === 'always') {
    ok = await fail(t, o, `failed to clone ${quoteaf(dst)} from ${quoteaf(src)}: ${strerror(cloned.errno)}`);
  } else if (!cloned?.ok) {
    // A file with fewer blocks than its size has holes: keep them (--sparse=auto).
    const sparse = st.type === 'reg' && st.blocks * 512 < st.size;
    let pos = 0;
    for (;;) {
      if (t.signal.aborted) break;
      const r = t.sys.read(s.value, CHUNK);
      if (!r.ok) {
        ok = await fail(t, o, `error reading ${quoteaf(src)}: ${strerror(r.errno)}`);
        break;
      }
      if (r.value === '') break;
      if (!(sparse && ZEROS.test(r.value))) {
        const w = await t.settle(t.sys.pwrite(d.value, r.value, pos));
        if (!w.ok) {
          ok = await fail(t, o, `error writing ${quoteaf(dst)}: ${strerror(w.errno)}`);
          break;
        }
      }
      pos += r.value.length;
    }
    if (ok && sparse) {
      const tr = await t.settle(t.sys.ftruncate(d.value, pos));
      if (!tr.ok) ok = await fail(t, o, `failed to extend ${quoteaf(dst)}: ${strerror(tr.errno)}`);
    }
  }
  await t.settle(t.sys.close(d.value));
  await t.settle(t.sys.close(s.value));
  return ok;
}

function preserve(t: ToolRun, dst: string, st: Stat): void {
  t.sys.chmod(dst, st.mode & 0o7777);
  t.sys.utimensat(dst, st.atimeNs, st.mtimeNs);
}

/** Copies `src` to `dst` (which names the copy itself, not its directory). */
export async function copyPath(t: ToolRun, o: CopyOptions, src: string, dst: string, top = true): Promise<boolean> {
  // Symbolic links are copied as what they point to: the kernel model has no symlink(2).
  const sr = t.sys.stat(src);
  if (!sr.ok) return fail(t, o, `cannot stat ${quoteaf(src)}: ${strerror(sr.errno)}`);
  const st = sr.value;
  const dr = t.sys.stat(dst);
  if (dr.ok && dr.value.ino === st.ino && dr.value.dev.major === st.dev.major && dr.value.dev.minor === st.dev.minor) {
    return fail(t, o, `${quoteaf(src)} and ${quoteaf(dst)} are the same file`);
  }
  if (st.type === 'dir') {
    if (!o.recursive) return fail(t, o, `-r not specified; omitting directory ${quoteaf(src)}`);
    if (dr.ok && dr.value.type !== 'dir') return fail(t, o, `cannot overwrite non-directory ${quoteaf(dst)} with directory ${quoteaf(src)}`);
    if (top && isUnder(t, st, dst)) return fail(t, o, `cannot copy a directory, ${quoteaf(src)}, into itself, ${quoteaf(dst)}`);
    if (!dr.ok) {
      const m = t.sys.mkdir(dst, st.mode & 0o777);
      if (!m.ok) return fail(t, o, `cannot create directory ${quoteaf(dst)}: ${strerror(m.errno)}`);
      if (o.verbose && o.tool === 'cp') await t.out(`${quoteaf(src)} -> ${quoteaf(dst)}\n`);
    }
    const list = t.sys.readdir(src);
    if (!list.ok) return fail(t, o, `cannot access ${quoteaf(src)}: ${strerror(list.errno)}`);
    let ok = true;
    for (const e of list.value) ok = (await copyPath(t, o, joinPath(src, e.name), joinPath(dst, e.name), false)) && ok;
    if (o.preserve) preserve(t, dst, st);
    return ok;
  }
  if (dr.ok && dr.value.type === 'dir') return fail(t, o, `cannot overwrite directory ${quoteaf(dst)} with non-directory`);
  const ok = await copyData(t, o, src, dst, st);
  if (ok && o.preserve) preserve(t, dst, st);
  if (ok && o.verbose && o.tool === 'cp') await t.out(`${quoteaf(src)} -> ${quoteaf(dst)}\n`);
  return ok;
}

/** Whether `dst` lies inside the directory `dir`: its parent, walked up by `..`, meets `dir`. */
export function isUnder(t: ToolRun, dir: Stat, dst: string): boolean {
  let p = dst.replace(/\/+$/, '').replace(/\/[^/]*$/, '') || (dst.startsWith('/') ? '/' : '.');
  let prev: Stat | null = null;
  for (let depth = 0; depth < 256; depth++) {
    const r = t.sys.stat(p);
    if (!r.ok) return false;
    const st = r.value;
    if (st.ino === dir.ino && st.dev.major === dir.dev.major && st.dev.minor === dir.dev.minor) return true;
    if (prev && prev.ino === st.ino && prev.dev.major === st.dev.major && prev.dev.minor === st.dev.minor) return false;
    prev = st;
    p = p === '/' ? '/' : `${p}/..`;
  }
  return false;
}
