// Constants of the syscall ABI: open flags, fcntl commands and lease types (including the F_LAYOUT
// and F_EXCLUSIVE flags of the 2019 RFC, patches 01–02), fallocate modes, mmap flags, mode bits.

// open(2), x86-64 octal values.
export const O_RDONLY = 0o0;
export const O_WRONLY = 0o1;
export const O_RDWR = 0o2;
export const O_ACCMODE = 0o3;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_NOCTTY = 0o400;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_DIRECTORY = 0o200000;
export const O_NOFOLLOW = 0o400000;
export const O_CLOEXEC = 0o2000000;
/** Set on the open file by F_SETLEASE (fcntl_setlease → __f_setown + FASYNC); shows in fdinfo. */
export const FASYNC = 0o20000;
/** Linux adds O_LARGEFILE on 64-bit opens; fdinfo `flags:` shows it. */
export const O_LARGEFILE = 0o100000;
export const AT_FDCWD = -100;

// fcntl(2) commands.
export const F_DUPFD = 0;
export const F_GETFD = 1;
export const F_SETFD = 2;
export const F_GETFL = 3;
export const F_SETFL = 4;
export const F_SETOWN = 8;
export const F_GETOWN = 9;
export const F_SETSIG = 10;
export const F_GETSIG = 11;
export const F_SETLEASE = 1024;
export const F_GETLEASE = 1025;
export const FD_CLOEXEC = 1;

// Lease types (x86 values) and the RFC v2 layout flags (include/uapi/asm-generic/fcntl.h).
export const F_RDLCK = 0;
export const F_WRLCK = 1;
export const F_UNLCK = 2;
/** Layout lease to allow long-term pins such as RDMA (RFC v2 patch 01). */
export const F_LAYOUT = 16;
/** Layout lease is exclusive: breakers get ETXTBSY instead of waiting (RFC v2 patch 02). */
export const F_EXCLUSIVE = 32;

// fallocate(2) modes.
export const FALLOC_FL_KEEP_SIZE = 0x01;
export const FALLOC_FL_PUNCH_HOLE = 0x02;
export const FALLOC_FL_COLLAPSE_RANGE = 0x08;
export const FALLOC_FL_ZERO_RANGE = 0x10;
export const FALLOC_FL_INSERT_RANGE = 0x20;
/** Dan Williams' 2017 block-map seal (seed 004), never merged: pinsim's values, free in 5.3. */
export const FALLOC_FL_SEAL_BLOCK_MAP = 0x080;
export const FALLOC_FL_UNSEAL_BLOCK_MAP = 0x100;

// mmap(2).
export const PROT_NONE = 0x0;
export const PROT_READ = 0x1;
export const PROT_WRITE = 0x2;
export const PROT_EXEC = 0x4;
export const MAP_SHARED = 0x01;
export const MAP_PRIVATE = 0x02;
export const MAP_FIXED = 0x10;
export const MAP_ANONYMOUS = 0x20;
export const MAP_SHARED_VALIDATE = 0x03;
export const MAP_SYNC = 0x80000;
/** Dan Williams' 2017 MAP_DIRECT (seed 004): the block map stays sealed while the mapping exists.
 * Never merged; pinsim's value, free in 5.3's mman-common.h. Recorded in the VMA's flags. */
export const MAP_DIRECT = 0x200000;

// ibv_access_flags (libibverbs verbs.h).
export const IBV_ACCESS_LOCAL_WRITE = 1;
export const IBV_ACCESS_REMOTE_WRITE = 2;
export const IBV_ACCESS_REMOTE_READ = 4;
export const IBV_ACCESS_REMOTE_ATOMIC = 8;
export const IBV_ACCESS_ON_DEMAND = 64;

// ioctl FICLONE (linux/fs.h _IOW(0x94, 9, int)).
export const FICLONE = 0x40049409;

// Mode bits (stat.h).
export const S_IFMT = 0o170000;
export const S_IFSOCK = 0o140000;
export const S_IFLNK = 0o120000;
export const S_IFREG = 0o100000;
export const S_IFBLK = 0o060000;
export const S_IFDIR = 0o040000;
export const S_IFCHR = 0o020000;
export const S_ISVTX = 0o1000;

export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;

export function accessMode(flags: number): number {
  return flags & O_ACCMODE;
}
export function canRead(flags: number): boolean {
  const m = accessMode(flags);
  return m === O_RDONLY || m === O_RDWR;
}
export function canWrite(flags: number): boolean {
  const m = accessMode(flags);
  return m === O_WRONLY || m === O_RDWR;
}
