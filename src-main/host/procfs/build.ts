// Small constructors for procfs nodes, and the ptrace-style access check several entries need.
import type { ProcNode } from './node';
import type { Process } from '../task/process';
import type { Inode } from '../vfs/inode';
import { fail, ok, type SysResult } from '../sim/result';

/** proc_inum base: real procfs numbers its fixed entries from 0xF0000000. */
export const PROC_INO_BASE = 0xf0000000;

export function fileNode(
  ino: number,
  mode: number,
  uid: number,
  read: (reader: Process) => SysResult<string>,
  write?: (writer: Process, data: string) => SysResult<void>,
): ProcNode {
  return { kind: 'file', mode, uid, gid: uid === 0 ? 0 : uid, ino, read, ...(write ? { write } : {}) };
}

export function textNode(ino: number, mode: number, uid: number, text: (reader: Process) => string): ProcNode {
  return fileNode(ino, mode, uid, (r) => ok(text(r)));
}

export function dirNode(ino: number, mode: number, uid: number, list: (reader: Process) => string[], lookup: (name: string) => ProcNode | null): ProcNode {
  return { kind: 'dir', mode, uid, gid: uid === 0 ? 0 : uid, ino, list, lookup };
}

export function linkNode(ino: number, uid: number, link: (reader: Process) => SysResult<string>, follow?: (reader: Process) => SysResult<Inode>): ProcNode {
  return { kind: 'link', mode: 0o777, uid, gid: uid === 0 ? 0 : uid, ino, link, ...(follow ? { follow } : {}) };
}

/** A table of named children, in listing order. */
export function tableDir(ino: number, mode: number, uid: number, entries: () => Record<string, ProcNode>): ProcNode {
  return dirNode(
    ino,
    mode,
    uid,
    () => Object.keys(entries()),
    (name) => entries()[name] ?? null,
  );
}

/** ptrace_may_access(PTRACE_MODE_READ): root or the same uid (no capabilities, no yama). */
export function mayTrace(reader: Process, target: Process): boolean {
  return reader.uid === 0 || reader.uid === target.uid;
}

export function traced(reader: Process, target: Process, gen: () => string): SysResult<string> {
  return mayTrace(reader, target) ? ok(gen()) : fail('EACCES');
}
