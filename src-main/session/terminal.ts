// A terminal of the console: a login shell on the host, its line editor, and its output.
import { TerminalShell } from '../shell/terminal-shell';
import type { BootedHost } from './boot';
import { login } from './login';

export interface TerminalSink {
  output(data: string): void;
  exit(code: number): void;
}

export interface Terminal {
  readonly pid: number;
  start(): void;
  input(data: string): void;
  resize(cols: number, rows: number): void;
  close(): void;
}

const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');

export function openTerminal(booted: BootedHost, size: { cols: number; rows: number }, sink: TerminalSink): Terminal {
  const session = login(booted);
  let closed = false;
  const stopTty = session.onTtyOutput((data) => {
    if (!closed) sink.output(crlf(data));
  });
  const end = () => {
    if (closed) return;
    closed = true;
    stopTty();
    session.logout();
  };
  const shell = new TerminalShell({
    ...session.shell,
    cols: size.cols,
    write: (data) => {
      if (!closed) sink.output(data);
    },
    onExit: (code) => {
      end();
      sink.exit(code);
    },
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
