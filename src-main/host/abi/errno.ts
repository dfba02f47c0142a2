// The closed set of errno values the simulated kernel returns, with glibc 2.36 strerror texts.
// Mirrors gVisor pkg/abi/linux/errno: one table, one translator that refuses unknown names.

const TABLE = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  ESRCH: [3, 'No such process'],
  EINTR: [4, 'Interrupted system call'],
  EIO: [5, 'Input/output error'],
  ENXIO: [6, 'No such device or address'],
  E2BIG: [7, 'Argument list too long'],
  ENOEXEC: [8, 'Exec format error'],
  EBADF: [9, 'Bad file descriptor'],
  ECHILD: [10, 'No child processes'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EACCES: [13, 'Permission denied'],
  EFAULT: [14, 'Bad address'],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists'],
  EXDEV: [18, 'Invalid cross-device link'],
  ENODEV: [19, 'No such device'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENFILE: [23, 'Too many open files in system'],
  EMFILE: [24, 'Too many open files'],
  ENOTTY: [25, 'Inappropriate ioctl for device'],
  ETXTBSY: [26, 'Text file busy'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  ESPIPE: [29, 'Illegal seek'],
  EROFS: [30, 'Read-only file system'],
  EPIPE: [32, 'Broken pipe'],
  ERANGE: [34, 'Numerical result out of range'],
  EDEADLK: [35, 'Resource deadlock avoided'],
  ENAMETOOLONG: [36, 'File name too long'],
  ENOLCK: [37, 'No locks available'],
  ENOSYS: [38, 'Function not implemented'],
  ENOTEMPTY: [39, 'Directory not empty'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  EOVERFLOW: [75, 'Value too large for defined data type'],
  ENOTSOCK: [88, 'Socket operation on non-socket'],
  EMSGSIZE: [90, 'Message too long'],
  EOPNOTSUPP: [95, 'Operation not supported'],
  ENOTCONN: [107, 'Transport endpoint is not connected'],
} as const satisfies Record<string, readonly [number, string]>;

/** An errno name. EWOULDBLOCK, EDEADLOCK and ENOTSUP are aliases and are spelled by their primary. */
export type Errno = keyof typeof TABLE;

export const ERRNOS: readonly Errno[] = Object.keys(TABLE) as Errno[];

function entry(errno: Errno): readonly [number, string] {
  const e = (TABLE as Record<string, readonly [number, string] | undefined>)[errno];
  if (!e) throw new Error(`unknown errno ${String(errno)}`);
  return e;
}

/** The number Linux x86-64 uses for `errno`. */
export function errnoNumber(errno: Errno): number {
  return entry(errno)[0];
}

/** glibc's strerror() text, e.g. strerror('ETXTBSY') === 'Text file busy'. */
export function strerror(errno: Errno): string {
  return entry(errno)[1];
}

/** The errno name for a number, or undefined when the kernel never produces it. */
export function errnoFromNumber(n: number): Errno | undefined {
  return ERRNOS.find((e) => TABLE[e][0] === n);
}

export function isErrno(name: string): name is Errno {
  return Object.prototype.hasOwnProperty.call(TABLE, name);
}
