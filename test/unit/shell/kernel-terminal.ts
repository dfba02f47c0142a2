// Test helper: terminals on a booted host, driven by keystrokes and shown on a headless screen,
// with the virtual clock paused so that a test moves time itself.
import { bootHost, type BootedHost } from '../../../src-main/session/boot';
import { openTerminal } from '../../../src-main/session/terminal';
import { Screen } from './screen';

export interface KernelTerminal {
  readonly pid: number;
  readonly scr: Screen;
  readonly exits: number[];
  /** Types each key, letting the shell and the kernel catch up after each. */
  type(...keys: string[]): Promise<void>;
  /** The screen's logical lines. */
  lines(): Promise<string[]>;
}

const turn = (): Promise<void> => new Promise((r) => setTimeout(r, 2));

export function bootPaused(): BootedHost {
  const booted = bootHost({}, 'realtime');
  booted.clock.setSpeed(0);
  return booted;
}

export function terminal(booted: BootedHost): KernelTerminal {
  const scr = new Screen(100, 40);
  let chain = Promise.resolve();
  const exits: number[] = [];
  const term = openTerminal(booted, { cols: 100, rows: 40 }, { output: (d) => void (chain = chain.then(() => scr.write(d))), exit: (c) => void exits.push(c) });
  term.start();
  return {
    pid: term.pid,
    scr,
    exits,
    async type(...keys) {
      for (const k of keys) {
        term.input(k);
        for (let i = 0; i < 4; i++) await turn();
      }
      await chain;
    },
    async lines() {
      for (let i = 0; i < 4; i++) await turn();
      await chain;
      return scr.lines();
    },
  };
}

/** Moves the paused clock on by `seconds`, then lets the shells react. */
export async function advance(booted: BootedHost, seconds: number): Promise<void> {
  booted.host.advance(seconds * 1e9);
  for (let i = 0; i < 4; i++) await turn();
}
