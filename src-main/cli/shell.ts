// `pinsim shell`: an interactive session on a fresh host in the user's own terminal, the way the
// console's terminal tab is one (same shell, same line editor, real-time virtual clock).
import { bootHost, type BootOptions } from '../session/boot';
import { openTerminal } from '../session/terminal';

export async function interactiveShell(options: BootOptions): Promise<number> {
  const stdin = process.stdin;
  const stdout = process.stdout;
  const booted = bootHost(options, 'realtime');
  return new Promise<number>((resolve) => {
    const terminal = openTerminal(booted, { cols: stdout.columns || 80, rows: stdout.rows || 24 }, {
      output: (data) => stdout.write(data),
      exit: (code) => {
        stdin.setRawMode?.(false);
        stdin.pause();
        stdout.off('resize', onResize);
        booted.clock.dispose();
        resolve(code);
      },
    });
    const onResize = () => terminal.resize(stdout.columns || 80, stdout.rows || 24);
    stdout.on('resize', onResize);
    stdin.setRawMode?.(true);
    stdin.setEncoding('utf8');
    stdin.on('data', (data: string) => terminal.input(data));
    stdin.on('end', () => terminal.input('\x04'));
    terminal.start();
  });
}
