// A terminal of the console: a login shell on the host, its line editor, and its output.
import { TerminalShell } from '../shell/terminal-shell';
import type { BootedHost } from './boot';
import { login } from './login';

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
}

const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');

export function openTerminal(booted: BootedHost, size: { cols: number; rows: number }, sink: TerminalSink, hooks: TerminalHooks = {}): Terminal {
  const session = login(booted);
  let closed = false;
  const stopTty = session.onTtyOutput((data) => {
    if (!closed) sink.output(crlf(data));
  });
  let stopExit = () => {};
  const end = () => {
    if (closed) return;
    closed = true;
    stopTty();
    stopExit();
    session.logout();
  };
  const shell = new TerminalShell({
    ...session.shell,
    ...(hooks.yieldToEvents ? { host: { ...session.shell.host, yieldToEvents: hooks.yieldToEvents } } : {}),
    ...(hooks.onRun ? { onRun: hooks.onRun } : {}),
    cols: size.cols,
    write: (data) => {
      if (!closed) sink.output(data);
    },
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
    input: (data) => shell.input(data),
    resize: (cols) => shell.resize(cols),
    close: () => {
      shell.close();
      end();
    },
  };
}
