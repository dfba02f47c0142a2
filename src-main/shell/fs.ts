// What the shell needs from a filesystem; the kernel's VFS (and a test double) implements it.

/** Kernel calls may finish at once or block (a hanging truncate), so either is allowed. */
export type MaybePromise<T> = T | Promise<T>;

export type FileType = 'file' | 'dir' | 'symlink' | 'char' | 'block' | 'fifo' | 'socket';

export interface ShellStat {
  type: FileType;
  /** Permission bits (0o777 and friends). */
  mode: number;
  size: number;
  uid?: number;
  gid?: number;
  /** Modification time in milliseconds of the host's virtual clock. */
  mtimeMs?: number;
}

/**
 * How redirections open files: `r` is `<`, `w` is `>` (O_WRONLY|O_CREAT|O_TRUNC), `a` is `>>`
 * (O_APPEND|O_CREAT), `rw` is `<>` (O_RDWR|O_CREAT).
 */
export type OpenMode = 'r' | 'w' | 'a' | 'rw';

/** An open file description held for as long as the command that opened it runs. */
export interface ShellFile {
  /** Next chunk, or null at end of file. */
  read(): MaybePromise<string | null>;
  write(data: string): MaybePromise<void>;
  close(): MaybePromise<void>;
  /** dup2 onto descriptor `fd` of its process (a redirection `N>file`), where fds are real. */
  placeAt?(fd: number): MaybePromise<void>;
}

export interface ShellFs {
  /** Follows symlinks. Throws FsError. */
  stat(path: string): MaybePromise<ShellStat>;
  /** Does not follow a final symlink; falls back to stat where absent. */
  lstat?(path: string): MaybePromise<ShellStat>;
  /** Entry names without `.` and `..`, in any order. Throws FsError. */
  readdir(path: string): MaybePromise<string[]>;
  /** Throws FsError (ENOENT, EACCES, EISDIR, ETXTBSY…). */
  open(path: string, mode: OpenMode): MaybePromise<ShellFile>;
  /** Whether the shell's user may read/write/execute the path; absent means permission bits decide. */
  access?(path: string, what: 'r' | 'w' | 'x'): MaybePromise<boolean>;
}

/** strerror(3) texts for the errno values a shell reports. */
export const ERRNO_TEXT: Record<string, string> = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  EINTR: 'Interrupted system call',
  EIO: 'Input/output error',
  EBADF: 'Bad file descriptor',
  EAGAIN: 'Resource temporarily unavailable',
  EACCES: 'Permission denied',
  EBUSY: 'Device or resource busy',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  ETXTBSY: 'Text file busy',
  EFBIG: 'File too large',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  EPIPE: 'Broken pipe',
  EDEADLK: 'Resource deadlock avoided',
  ENAMETOOLONG: 'File name too long',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  EOPNOTSUPP: 'Operation not supported',
  EFAULT: 'Bad address',
  ENOEXEC: 'Exec format error',
  ESRCH: 'No such process',
};

export class FsError extends Error {
  constructor(
    readonly code: string,
    readonly path = '',
    text?: string,
  ) {
    super(text ?? ERRNO_TEXT[code] ?? code);
    this.name = 'FsError';
  }
}

/** The strerror text of any error a filesystem call threw. */
export function errorText(e: unknown): string {
  if (e instanceof FsError) return e.message;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ERRNO_TEXT[code]) return ERRNO_TEXT[code];
  return e instanceof Error ? e.message : String(e);
}

/** Lexical normalisation of an absolute path, as bash does for `cd` without -P. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

export function resolvePath(cwd: string, path: string): string {
  return normalizePath(path.startsWith('/') ? path : cwd + '/' + path);
}
