// Panels as a user meets them: named landmarks, rows, per-process buttons, the confirmation
// dialog, and Retry on a refused truncate.
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import ProcessesPanel from '../../src-renderer/src/components/ProcessesPanel.svelte';
import BlockedPanel from '../../src-renderer/src/components/BlockedPanel.svelte';
import { ConsoleStore } from '../../src-renderer/src/lib/console.svelte';
import type { BlockedRow } from '../../src-main/protocol/views';
import { fakeApi, proc } from './fakes';

let app: Record<string, unknown> | undefined;
afterEach(() => {
  if (app) unmount(app);
  app = undefined;
  document.body.innerHTML = '';
});

const byLabel = (role: string, name: string) => [...document.querySelectorAll(`[role="${role}"], ${role === 'region' ? 'section' : role}`)].find((e) => e.getAttribute('aria-label') === name);
const button = (name: string) => [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);

describe('ProcessesPanel', () => {
  it('is a landmark with a row per process and named signal buttons; pid 1 asks first', () => {
    const { api, sent, host } = fakeApi();
    const store = new ConsoleStore(api);
    app = mount(ProcessesPanel, { target: document.body, props: { store } });
    host({ type: 'views', views: { processes: { reset: true, upsert: [proc(1, { ppid: 0, comm: 'init', effects: { SIGTERM: 'ignore', SIGKILL: 'ignore', SIGSTOP: 'ignore', SIGCONT: 'ignore' } }), proc(4)], remove: [] } } });
    flushSync();
    expect(byLabel('region', 'Processes')).toBeTruthy();
    expect(document.querySelectorAll('[role="treegrid"] [role="row"]')).toHaveLength(3);
    for (const name of ['Terminate 4', 'Kill 4', 'Stop 4', 'Continue 4']) expect(button(name)).toBeTruthy();
    button('Kill 4')!.click();
    expect(sent.at(-1)).toEqual({ type: 'proc.signal', pid: 4, signal: 'SIGKILL' });
    button('Kill 1')!.click();
    flushSync();
    const dialog = document.querySelector('dialog');
    expect(dialog?.textContent).toMatch(/pid 1 ignores SIGKILL/);
    button('Cancel')!.click();
    flushSync();
    expect(document.querySelector('dialog')).toBeNull();
    expect(sent.filter((m) => m.type === 'proc.signal')).toHaveLength(1);
  });
});

describe('BlockedPanel', () => {
  it('shows the refused truncate with a Retry that asks the host to run it again', () => {
    const { api, sent, host } = fakeApi();
    const store = new ConsoleStore(api);
    app = mount(BlockedPanel, { target: document.body, props: { store } });
    const row: BlockedRow = { id: 3, kind: 'refused', status: 'refused', op: 'truncate', path: '/mnt/pmem/data', pid: 5, comm: 'truncate', t: 2e9, errno: 'ETXTBSY', message: 'Text file busy', reason: 'exclusive layout lease 1 (ACTIVE) held by pid 4', wchan: null, pins: [{ pid: 4, mr: 1, first: 0, last: 256 }], pinCount: 1, leases: [1], resolvedAt: null, retryable: true };
    host({ type: 'views', views: { blocked: { reset: true, upsert: [row], remove: [] } } });
    flushSync();
    const table = byLabel('table', 'Blocked truncates');
    expect(table?.textContent).toMatch(/ETXTBSY Text file busy/);
    expect(table?.textContent).toMatch(/lease 1; 1 pin\(s\): pid 4/);
    button('Retry')!.click();
    expect(sent.at(-1)).toEqual({ type: 'layout.retry', id: 3 });
    host({ type: 'views', views: { blocked: { reset: false, upsert: [{ ...row, status: 'done', retryable: false, resolvedAt: 3e9 }], remove: [] } } });
    flushSync();
    expect(button('Retry')).toBeUndefined();
    expect(table?.textContent).toMatch(/done/);
  });
});
