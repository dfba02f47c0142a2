// The ABI tables against the reference: errno numbers and glibc texts (reference §4.6), signal
// numbers and default actions (signal(7), `kill -l`), and the RFC's fcntl constants.
import { describe, expect, it } from 'vitest';
import { strerror, errnoNumber, errnoFromNumber, ERRNOS } from '../../../src-main/host/abi/errno';
import { signalNumber, defaultAction, parseSignal, strsignal, signaledStatus, exitedStatus, shellStatus, WIFSIGNALED, WTERMSIG } from '../../../src-main/host/abi/signals';
import * as F from '../../../src-main/host/abi/fcntl';

describe('errno table (reference §4.6, glibc 2.36)', () => {
  it.each([
    ['EPERM', 1, 'Operation not permitted'],
    ['ESRCH', 3, 'No such process'],
    ['EINTR', 4, 'Interrupted system call'],
    ['EBADF', 9, 'Bad file descriptor'],
    ['EAGAIN', 11, 'Resource temporarily unavailable'],
    ['EACCES', 13, 'Permission denied'],
    ['EFAULT', 14, 'Bad address'],
    ['EBUSY', 16, 'Device or resource busy'],
    ['EINVAL', 22, 'Invalid argument'],
    ['ETXTBSY', 26, 'Text file busy'],
    ['EFBIG', 27, 'File too large'],
    ['EDEADLK', 35, 'Resource deadlock avoided'],
    ['ENOLCK', 37, 'No locks available'],
    ['EOPNOTSUPP', 95, 'Operation not supported'],
  ] as const)('%s is %i, "%s"', (name, n, text) => {
    expect(errnoNumber(name)).toBe(n);
    expect(strerror(name)).toBe(text);
    expect(errnoFromNumber(n)).toBe(name);
  });

  it('numbers are unique and the translator refuses names it does not know', () => {
    expect(new Set(ERRNOS.map(errnoNumber)).size).toBe(ERRNOS.length);
    expect(() => strerror('EWHATEVER' as never)).toThrow(/unknown errno/);
  });
});

describe('signals (kill -l, signal(7))', () => {
  it('numbers match kill -l and the default actions match signal(7)', () => {
    expect([signalNumber('SIGHUP'), signalNumber('SIGKILL'), signalNumber('SIGTERM'), signalNumber('SIGCHLD'), signalNumber('SIGSTOP'), signalNumber('SIGIO')]).toEqual([1, 9, 15, 17, 19, 29]);
    expect(defaultAction('SIGIO')).toBe('term');
    expect(defaultAction('SIGCHLD')).toBe('ign');
    expect(defaultAction('SIGQUIT')).toBe('core');
    expect(defaultAction('SIGTSTP')).toBe('stop');
    expect(strsignal('SIGIO')).toBe('I/O possible');
  });

  it('parses specs as kill(1) does', () => {
    expect(parseSignal('9')).toBe('SIGKILL');
    expect(parseSignal('term')).toBe('SIGTERM');
    expect(parseSignal('SIGUSR1')).toBe('SIGUSR1');
    expect(parseSignal('FOO')).toBeUndefined();
  });

  it('wait statuses encode like the kernel and decode to the shell $?', () => {
    expect(shellStatus(exitedStatus(3))).toBe(3);
    const s = signaledStatus('SIGKILL', false);
    expect(WIFSIGNALED(s)).toBe(true);
    expect(WTERMSIG(s)).toBe(9);
    expect(shellStatus(s)).toBe(137);
  });
});

describe('fcntl constants (reference §2.1, RFC v2 patches 01–02)', () => {
  it('has the lease commands and the layout flags', () => {
    expect([F.F_SETLEASE, F.F_GETLEASE, F.F_SETSIG]).toEqual([1024, 1025, 10]);
    expect([F.F_RDLCK, F.F_WRLCK, F.F_UNLCK]).toEqual([0, 1, 2]);
    expect(F.F_LAYOUT | F.F_EXCLUSIVE).toBe(48);
    expect(F.FALLOC_FL_PUNCH_HOLE | F.FALLOC_FL_KEEP_SIZE).toBe(3);
    expect(F.IBV_ACCESS_ON_DEMAND).toBe(64);
  });
});
