// The timeline of a `pinsim script` run: loaded only when --timeline asks for one, so a plain
// script run does not pay for the recorder and the export schema at start-up.
import type { BootedHost } from '../boot';
import { buildTimeline, type TimelineDoc } from '../export/timeline';
import { Recorder } from './recorder';
import { watchScript } from './script-commands';
import { GENERATOR } from './version';

export interface ScriptRecording {
  /** Everything the script printed, in order (a command's output is what it printed while it ran). */
  write(data: string): void;
  finish(name: string, status: number): TimelineDoc;
}

export function recordScript(booted: BootedHost, shellPid: number, wall: () => number): ScriptRecording {
  const policy = booted.host.policyName;
  const recorder = new Recorder(booted.host, wall);
  const watch = watchScript(booted.host, shellPid, recorder, 'script');
  return {
    write: (data) => watch.write(data),
    finish(name, status) {
      watch.dispose();
      recorder.dispose();
      return buildTimeline({ generator: GENERATOR, recorder, seed: booted.seed, policy, scenario: null, logs: [], script: { name, status } });
    },
  };
}
