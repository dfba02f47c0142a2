// Terminal flow control: once the window acknowledges, a flood waits for it to catch up; a window
// that never acknowledges is never waited for; Ctrl-C reaches a command that waits.
import { afterEach, describe, expect, it } from 'vitest';
import { abi } from '../../../src-main/host/index';
import { bootHost, type BootedHost } from '../../../src-main/session/boot';
import { openTerminal, type Terminal } from '../../../src-main/session/terminal';
import { FLOW_HIGH, FLOW_LOW } from '../../../src-main/session/terminal-flow';

/** Well over the high watermark, in 1 KiB lines. */
const SIZE = 2 * FLOW_HIGH;
let booted: BootedHost | undefined;
let term: Terminal | undefined;

afterEach(() => {
  term?.close();
  booted?.clock.dispose();
});

function start() {
  booted = bootHost({ seed: 1 }, 'realtime');
  const sys = booted.host.sys(1);
  const fd = sys.open('/root/big', abi.O_WRONLY | abi.O_CREAT);
  if (!fd.ok) throw new Error('open');
  sys.write(fd.value, `${'x'.repeat(1023)}\n`.repeat(SIZE / 1024));
  sys.close(fd.value);
  let out = '';
  let exited = false;
  term = openTerminal(booted, { cols: 80, rows: 24 }, { output: (d) => (out += d), exit: () => (exited = true) });
  term.start();
  return { t: term, out: () => out, exited: () => exited };
}

const turns = async (n = 50) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

/** Turns of the event loop until the output stops growing. */
async function quiet(out: () => string): Promise<number> {
  for (let last = -1, same = 0; same < 20; ) {
    await turns(1);
    same = out().length === last ? same + 1 : 0;
    last = out().length;
  }
  return out().length;
}

describe('terminal flow control', () => {
  it('holds a flood at the high watermark until the window acknowledges, then lets it finish', async () => {
    const { t, out } = start();
    t.ack(0);
    t.input('cat /root/big; echo $((40+2))END\r');
    const held = await quiet(out);
    expect(held).toBeGreaterThan(FLOW_HIGH);
    expect(held).toBeLessThan(FLOW_HIGH + 256 * 1024);
    // A little acknowledged: still above the low watermark, nothing moves.
    t.ack(held - FLOW_LOW - 1024);
    expect(await quiet(out)).toBe(held);
    for (let i = 0; i < 200 && !out().includes('42END\r\n'); i++) {
      t.ack(out().length);
      await turns(5);
    }
    expect(out()).toContain('42END\r\n');
    expect(out().split('x'.repeat(1023)).length - 1).toBe(SIZE / 1024);
  });

  it('never waits for a window that does not acknowledge', async () => {
    const { t, out } = start();
    t.input('cat /root/big; echo $((40+2))END\r');
    for (let i = 0; i < 100 && !out().includes('42END\r\n'); i++) await turns(10);
    expect(out()).toContain('42END\r\n');
  });

  it('lets Ctrl-C interrupt a command that waits for the window', async () => {
    const { t, out } = start();
    t.ack(0);
    t.input('cat /root/big; echo $((40+2))END\r');
    expect(await quiet(out)).toBeLessThan(SIZE);
    t.input('\x03');
    for (let i = 0; i < 50 && !/# $/.test(out()); i++) await turns(5);
    expect(out()).toMatch(/\^C\r\n.*# $/s);
    expect(out()).not.toContain('42END\r\n');
  });
});
