// The commands of a script run (`pinsim script --timeline`): each process the script's shell
// execs becomes a shell.command entry, with what was printed while it ran and its exit status.
import { signalNumber, type Host } from '../../host';
import type { Recorder } from './recorder';
import { plain, COMMAND_OUTPUT_LIMIT } from './terminal-log';

interface Open {
  pid: number;
  parts: string[];
  size: number;
  end: (output: string, status: number) => void;
}

export function watchScript(host: Host, shellPid: number, recorder: Recorder, label: string): { write(data: string): void; dispose(): void } {
  const open = new Map<number, Open>();
  const sub = host.onEvent((e) => {
    if (e.kind === 'process.exec' && host.kernel.proc(e.pid)?.ppid === shellPid) {
      const end = recorder.command(label, e.pid, e.argv.join(' '));
      open.set(e.pid, { pid: e.pid, parts: [], size: 0, end });
    } else if (e.kind === 'process.exit') {
      const c = open.get(e.pid);
      if (!c) return;
      open.delete(e.pid);
      c.end(plain(c.parts.join('')), e.sig ? 128 + signalNumber(e.sig) : (e.code ?? 0));
    }
  });
  return {
    write(data) {
      for (const c of open.values()) {
        if (c.size >= COMMAND_OUTPUT_LIMIT) continue;
        c.parts.push(data);
        c.size += data.length;
      }
    },
    dispose: () => sub.dispose(),
  };
}
