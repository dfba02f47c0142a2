// A small in-memory ShellFs for tests and for running the shell before the kernel's VFS is plugged in.

import { FsError, normalizePath, type OpenMode, type ShellFile, type ShellFs, type ShellStat } from './fs';

type Node =
  | { type: 'file'; data: string; mode: number; mtimeMs: number }
  | { type: 'dir'; entries: Map<string, Node>; mode: number; mtimeMs: number }
  | { type: 'char'; device: 'null' | 'zero'; mode: number; mtimeMs: number };

export class MemoryFs implements ShellFs {
  private readonly root: Node = { type: 'dir', entries: new Map(), mode: 0o755, mtimeMs: 0 };
  /** Virtual time for mtimes; tests may move it. */
  now = 0;

  constructor(files: Record<string, string> = {}) {
    for (const d of ['/dev', '/tmp', '/root', '/proc']) this.mkdirp(d);
    this.dirOf('/dev').entries.set('null', { type: 'char', device: 'null', mode: 0o666, mtimeMs: 0 });
    this.dirOf('/dev').entries.set('zero', { type: 'char', device: 'zero', mode: 0o666, mtimeMs: 0 });
    for (const [path, data] of Object.entries(files)) {
      this.mkdirp(path.slice(0, path.lastIndexOf('/')) || '/');
      this.writeFile(path, data);
    }
  }

  mkdirp(path: string): void {
    let dir = this.root;
    for (const seg of segments(path)) {
      if (dir.type !== 'dir') throw new FsError('ENOTDIR', path);
      let next = dir.entries.get(seg);
      if (!next) {
        next = { type: 'dir', entries: new Map(), mode: 0o755, mtimeMs: this.now };
        dir.entries.set(seg, next);
      }
      dir = next;
    }
  }

  writeFile(path: string, data: string, mode = 0o644): void {
    const { dir, name } = this.parent(path);
    dir.entries.set(name, { type: 'file', data, mode, mtimeMs: this.now });
  }

  readFile(path: string): string {
    const n = this.lookup(path);
    if (n.type === 'dir') throw new FsError('EISDIR', path);
    return n.type === 'file' ? n.data : '';
  }

  remove(path: string): void {
    const { dir, name } = this.parent(path);
    if (!dir.entries.delete(name)) throw new FsError('ENOENT', path);
  }

  stat(path: string): ShellStat {
    const n = this.lookup(path);
    const size = n.type === 'file' ? n.data.length : n.type === 'dir' ? 4096 : 0;
    return { type: n.type, mode: n.mode, size, uid: 0, gid: 0, mtimeMs: n.mtimeMs };
  }

  readdir(path: string): string[] {
    const n = this.lookup(path);
    if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
    return [...n.entries.keys()];
  }

  open(path: string, mode: OpenMode): ShellFile {
    let node: Node | undefined;
    try {
      node = this.lookup(path);
    } catch (e) {
      if (mode === 'r') throw e;
      const { dir, name } = this.parent(path);
      node = { type: 'file', data: '', mode: 0o644, mtimeMs: this.now };
      dir.entries.set(name, node);
    }
    if (node.type === 'dir') throw new FsError('EISDIR', path);
    if (node.type === 'char') return deviceFile(node.device);
    const file = node;
    if (mode === 'w') file.data = '';
    let done = false;
    return {
      read: () => {
        if (done) return null;
        done = true;
        return file.data === '' ? null : file.data;
      },
      write: (data) => {
        file.data += data;
        file.mtimeMs = this.now;
      },
      close: () => undefined,
    };
  }

  private lookup(path: string): Node {
    let n: Node = this.root;
    for (const seg of segments(path)) {
      if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
      const next = n.entries.get(seg);
      if (!next) throw new FsError('ENOENT', path);
      n = next;
    }
    return n;
  }

  private dirOf(path: string): Extract<Node, { type: 'dir' }> {
    const n = this.lookup(path);
    if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
    return n;
  }

  private parent(path: string): { dir: Extract<Node, { type: 'dir' }>; name: string } {
    const segs = segments(path);
    const name = segs.pop();
    if (name === undefined) throw new FsError('EISDIR', path);
    return { dir: this.dirOf('/' + segs.join('/')), name };
  }
}

function segments(path: string): string[] {
  return normalizePath(path).split('/').filter(Boolean);
}

function deviceFile(device: 'null' | 'zero'): ShellFile {
  return {
    read: () => (device === 'zero' ? '\0'.repeat(4096) : null),
    write: () => undefined,
    close: () => undefined,
  };
}
