// The status bar's policy switch: a select named Policy listing the host's designs, showing the one
// the host runs, and asking the host (policy.set) to switch when another is chosen.
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import StatusBar from '../../src-renderer/src/components/StatusBar.svelte';
import { ConsoleStore } from '../../src-renderer/src/lib/console.svelte';
import { SessionStore } from '../../src-renderer/src/lib/session.svelte';
import { ThemeStore } from '../../src-renderer/src/lib/theme.svelte';
import type { ClockInfo } from '../../src-main/protocol/views';
import { fakeApi } from './fakes';

let app: Record<string, unknown> | undefined;
afterEach(() => {
  if (app) unmount(app);
  app = undefined;
  document.body.innerHTML = '';
});

const clock = (over: Partial<ClockInfo>): ClockInfo => ({ now: 0, speed: 1, next: null, policy: 'rfc-v2', policies: ['rfc-v2', 'legacy-hang', 'fs-reject'], scenario: null, ...over });

function start() {
  const { api, sent, host } = fakeApi();
  const session = new SessionStore(api);
  const store = new ConsoleStore(api);
  app = mount(StatusBar, { target: document.body, props: { session, console: store, theme: new ThemeStore(null) } });
  const select = () => document.querySelector<HTMLSelectElement>('select[aria-label="Policy"]');
  return { sent, host, select };
}

describe('StatusBar policy switch', () => {
  it('shows the policy the host announced before it lists its designs', () => {
    const { host, select } = start();
    host({ type: 'ready', protocol: 1, hostname: 'pinsim', release: '5.3.0', policy: 'rfc-v2', seed: 1 });
    flushSync();
    expect([...select()!.options].map((o) => o.value)).toEqual(['rfc-v2']);
    expect(select()!.disabled).toBe(true);
  });

  it('lists the host designs, selects the running one, and asks the host to switch', () => {
    const { sent, host, select } = start();
    host({ type: 'views', views: { clock: clock({}) } });
    flushSync();
    const s = select()!;
    expect([...s.options].map((o) => o.value)).toEqual(['rfc-v2', 'legacy-hang', 'fs-reject']);
    expect(s.value).toBe('rfc-v2');
    expect(s.disabled).toBe(false);
    s.value = 'legacy-hang';
    s.dispatchEvent(new Event('change', { bubbles: true }));
    expect(sent.at(-1)).toEqual({ type: 'policy.set', policy: 'legacy-hang' });
    host({ type: 'views', views: { clock: clock({ policy: 'legacy-hang' }) } });
    flushSync();
    expect(select()!.value).toBe('legacy-hang');
    // Choosing the design that already runs asks nothing.
    const before = sent.length;
    s.dispatchEvent(new Event('change', { bubbles: true }));
    expect(sent.length).toBe(before);
  });

  it('follows a switch made elsewhere (a shell running simctl)', () => {
    const { host, select } = start();
    host({ type: 'views', views: { clock: clock({}) } });
    host({ type: 'views', views: { clock: clock({ policy: 'fs-reject' }) } });
    flushSync();
    expect(select()!.value).toBe('fs-reject');
  });
});
