// A PinsimApi that records what the window sends and lets a test play the host.
import { vi } from 'vitest';
import type { PinsimApi } from '../../src-main/protocol/api';
import type { ClientMessage, HostMessage } from '../../src-main/protocol/messages';
import type { ProcessRow } from '../../src-main/protocol/views';

export function fakeApi() {
  const listeners = new Set<(m: HostMessage) => void>();
  const sent: ClientMessage[] = [];
  const api: PinsimApi = {
    mode: 'browser',
    send: vi.fn((m: ClientMessage) => void sent.push(m)),
    onMessage(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return { api, sent, host: (m: HostMessage) => listeners.forEach((l) => l(m)) };
}

export function proc(pid: number, over: Partial<ProcessRow> = {}): ProcessRow {
  return {
    pid,
    ppid: 1,
    uid: 0,
    user: 'root',
    state: 'S',
    wchan: 'ep_poll',
    comm: 'rdma-app',
    command: 'rdma-app --file /mnt/pmem/data',
    tty: '?',
    start: 0,
    effects: { SIGTERM: 'handler', SIGKILL: 'terminate', SIGSTOP: 'stop', SIGCONT: 'ignore' },
    rdma: [],
    leases: [],
    ...over,
  };
}
