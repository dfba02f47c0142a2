// A terminal of the console: a login shell on the host, its line editor, and its output.
import { crlf, TerminalShell } from '../shell/terminal-shell';
import type { BootedHost } from './boot';
import { login } from './login';
import { TerminalFlow } from './terminal-flow';

/** Output between two turns of the event loop (and two flow-control checks) in a flood. */
const FLOW_TURN = 64 * 1024;

export interface TerminalSink {
  output(data: string): void;
  exit(code: number): void;
}

/** What a recorded session hears from a terminal, and how its shell lets the event loop run. */
export interface TerminalHooks {
  /** A command line starts; the function returned hears its exit status. */
  onRun?(line: string): ((status: number) => void) | undefined;
  /** Replaces the shell's macrotask turn in long loops (a replay decides when each one ends). */
  yieldToEvents?(): Promise<void>;
}

export interface Terminal {
  readonly pid: number;
  start(): void;
  input(data: string): void;
  resize(cols: number, rows: number): void;
  close(): void;
  /** The window drew `chars` more characters of output (flow control, terminal-flow.ts). */
  ack(chars: number): void;
}


export function openTerminal(booted: BootedHost, size: { cols: number; rows: number }, sink: TerminalSink, hooks: TerminalHooks = {}): Terminal {
  const session = login(booted);
  let closed = false;
  const flow = new TerminalFlow();
  let sinceTurn = 0;
  const send = (data: string) => {
    if (closed) return;
    flow.sent(data.length);
    sinceTurn += data.length;
    sink.output(data);
  };
  /**
   * After every FLOW_TURN characters a writer waits for the window (if it acknowledges) and then
   * for a turn of the event loop: counted turns, so that a replay meets inputs at the same point.
   */
  const outputReady = (): Promise<void> | undefined => {
    if (sinceTurn < FLOW_TURN) return undefined;
    sinceTurn = 0;
    const turn = hooks.yieldToEvents ?? (() => new Promise<void>((r) => setImmediate(r)));
    const ready = flow.ready();
    return ready ? ready.then(turn) : turn();
  };
  const stopTty = session.onTtyOutput((data) => send(crlf(data)));
  let stopExit = () => {};
  const end = () => {
    if (closed) return;
    closed = true;
    stopTty();
    stopExit();
    flow.release();
    session.logout();
  };
  const shell = new TerminalShell({
    ...session.shell,
    ...(hooks.yieldToEvents ? { host: { ...session.shell.host, yieldToEvents: hooks.yieldToEvents } } : {}),
    ...(hooks.onRun ? { onRun: hooks.onRun } : {}),
    cols: size.cols,
    outputReady,
    write: send,
    onExit: (code) => {
      end();
      sink.exit(code);
    },
  });
  // The shell killed from elsewhere (`kill -9 PID` in another terminal): the session is over.
  stopExit = session.onShellExit((status) => {
    shell.close();
    if (closed) return;
    end();
    sink.exit(status);
  });
  return {
    pid: session.pid,
    start: () => shell.start(),
    input: (data) => {
      // Ctrl-C must reach a command that waits for the window to catch up.
      if (data.includes('\x03')) flow.release();
      shell.input(data);
    },
    resize: (cols) => shell.resize(cols),
    close: () => {
      shell.close();
      end();
    },
    ack: (chars) => flow.ack(chars),
  };
}
