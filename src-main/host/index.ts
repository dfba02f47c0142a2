// Public entry of the simulated kernel: createHost() and the types its callers need.
export { createHost } from './host';
export type { Host, HostOptions, SpawnOptions, ProcessInfo } from './host';
export type { HostSetup, FileSpec } from './vfs/setup';
export type { HostEvent, EventKind, EventOf, Disposable, ProcState, LeaseType, LayoutOp } from './events';
export type { Syscalls, Stat, DirEntry, MmapArgs, Msg, MrInfo } from './syscalls';
export { SYSCALL_TABLE } from './syscalls';
export type { VfsApi } from './vfs-api';
export type { SysResult, Blocking, Wait, Ok, Fail, Pending } from './sim/result';
export { isPending } from './sim/result';
export type { Errno } from './abi/errno';
export { strerror, errnoNumber, errnoFromNumber, ERRNOS } from './abi/errno';
export type { Signal, WaitStatus } from './abi/signals';
export { SIGNALS, signalNumber, signalFromNumber, parseSignal, strsignal, defaultAction, shellStatus, WIFEXITED, WEXITSTATUS, WIFSIGNALED, WTERMSIG } from './abi/signals';
export * as abi from './abi/fcntl';
export { checkInvariants } from './invariants';
export { NS_PER_SEC, NS_PER_MS, NS_PER_US } from './sim/clock';
