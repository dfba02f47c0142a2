// A terminal attached to a shell. (provisional until the shell lands)
import type { BootedHost } from './boot';
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
let nextPid = 100;
export function openTerminal(booted: BootedHost, _size: { cols: number; rows: number }, sink: TerminalSink): Terminal {
  let line = '';
  const prompt = `root@${booted.host.hostname}:~# `;
  return {
    pid: nextPid++,
    start: () => sink.output(prompt),
    input(data) {
      for (const ch of data) {
        if (ch === '\r') {
          sink.output('\r\n');
          const [cmd, ...args] = line.trim().split(/\s+/);
          line = '';
          if (cmd === 'echo') sink.output(args.join(' ') + '\r\n');
          else if (cmd === 'exit') return sink.exit(Number(args[0] ?? 0));
          else if (cmd) sink.output(`bash: ${cmd}: command not found\r\n`);
          sink.output(prompt);
        } else if (ch === '\x7f') {
          if (line) { line = line.slice(0, -1); sink.output('\b \b'); }
        } else { line += ch; sink.output(ch); }
      }
    },
    resize() {},
    close() {},
  };
}
