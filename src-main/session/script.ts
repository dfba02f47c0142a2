// `pinsim script`: a script run as `bash FILE` would run it, as root in /root on a fresh host,
// with virtual time jumping ahead whenever the script only waits.
import { ShellInterpreter } from '../shell/interpreter';
import { bootHost, type BootedHost, type BootOptions } from './boot';
import { login } from './login';
import type { TimelineDoc } from './export/timeline';

export interface ScriptOptions extends BootOptions {
  /** $0 and the `NAME: line N:` prefix of errors. */
  name: string;
  args?: readonly string[];
  write(s: string): void;
  /** pinsim's own messages (a script that hangs forever). */
  stderr(s: string): void;
  /** The run's timeline, handed over when the script ends (`--timeline`). */
  timeline?(doc: TimelineDoc): void;
  /** Wall clock for the timeline, ms since the epoch (tests inject one). */
  wall?: () => number;
}

/** The status of a script stopped because it would hang forever (as timeout(1) reports). */
export const STALLED = 124;

function hungProcesses(booted: BootedHost): string {
  return booted.host
    .processes()
    .filter((p) => p.pid !== 1 && p.comm !== 'bash' && (p.state === 'S' || p.state === 'D'))
    .map((p) => `  pid ${p.pid} (${p.comm}) sleeps in ${p.wchan}\n`)
    .join('');
}

const SCRIPT_EVENT_LOG = 4096;

export async function runScript(text: string, o: ScriptOptions): Promise<number> {
  // Without a timeline to write, nothing reads old events back: keep the log short, which keeps a
  // long script's memory (and its garbage collection) flat.
  const booted = bootHost({ ...o, eventLogLimit: o.eventLogLimit ?? (o.timeline ? undefined : SCRIPT_EVENT_LOG) }, 'fast');
  try {
    const session = login(booted);
    const rec = o.timeline ? (await import('./record/script-timeline')).recordScript(booted, session.pid, o.wall ?? Date.now) : null;
    const write = rec
      ? (data: string) => {
          rec.write(data);
          o.write(data);
        }
      : (data: string) => o.write(data);
    const stopTty = session.onTtyOutput((data) => write(data));
    const sh = new ShellInterpreter({
      ...session.shell,
      interactive: false,
      scriptName: o.name,
      args: o.args ?? [],
      onOutput: (c) => write(c.data),
    });
    let finished = false;
    const stalled = new Promise<number>((resolve) =>
      booted.clock.onStall(() => {
        if (finished) return;
        o.stderr(`pinsim: ${o.name}: the script waits for something that nothing on the host will ever do:\n${hungProcesses(booted)}`);
        resolve(STALLED);
      }),
    );
    const status = await Promise.race([sh.run(text).then((r) => r.exitCode), stalled]);
    finished = true;
    stopTty();
    if (rec) o.timeline?.(rec.finish(o.name, status));
    return status;
  } finally {
    booted.clock.dispose();
  }
}
