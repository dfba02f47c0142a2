// Where sessions are journalled: one folder per session under the state directory, each with its
// snapshot, journal segments, owner and (once it ended cleanly) its state. A folder without a
// state whose owner process is gone is a session that crashed: the next start offers it back.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { isSubstantial } from '../record/inputs';
import { SessionFileError, type SessionDoc } from '../record/session-file';
import { Journal, writeAtomic, SNAPSHOT } from './journal';
import { readSession } from './recover';

/** Finished sessions kept for `pinsim export` after the fact. */
const KEEP_FINISHED = 20;

export interface Offer {
  id: string;
  started: number;
  /** Wall time of the last input. */
  saved: number;
  inputs: number;
  /** The last lines typed, to recognise the session by. */
  commands: string[];
  error: string | null;
}

export function stateDir(env: Record<string, string | undefined>, home = homedir(), platform = process.platform): string {
  if (env.PINSIM_STATE_DIR) return env.PINSIM_STATE_DIR;
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, 'pinsim');
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'pinsim', 'state');
  return join(home, '.local', 'state', 'pinsim');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class SessionStore {
  readonly root: string;

  constructor(dir: string) {
    this.root = join(dir, 'sessions');
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
  }

  /** A new session folder with its first snapshot (no inputs yet). */
  begin(doc: SessionDoc, now = Date.now()): Journal {
    const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const id = `${stamp}-${process.pid}-${Math.floor(Math.random() * 0x10000).toString(16).padStart(4, '0')}`;
    const dir = join(this.root, id);
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(join(dir, 'owner'), `${JSON.stringify({ pid: process.pid, host: hostname(), started: now })}\n`, { mode: 0o600 });
    writeAtomic(dir, SNAPSHOT, JSON.stringify(doc));
    this.prune();
    return new Journal(id, dir, (doc.inputs[doc.inputs.length - 1]?.n ?? 0) + 1);
  }

  /** Sessions that ended without a clean close and whose process is gone, newest first. */
  unfinished(except: string | null = null): Offer[] {
    const offers: Offer[] = [];
    for (const id of this.ids().reverse()) {
      if (id === except || this.state(id) !== null) continue;
      const owner = this.owner(id);
      if (owner && owner.host === hostname() && owner.pid !== process.pid && alive(owner.pid)) continue;
      offers.push(this.describe(id));
    }
    return offers.filter((o) => o.error !== null || o.inputs > 0);
  }

  load(id: string): SessionDoc {
    if (!this.ids().includes(id)) throw new SessionFileError(`no journalled session ${id}`);
    return readSession(join(this.root, id));
  }

  /** Marks a session as dealt with (restored, discarded); its files stay for export. */
  finish(id: string, state: 'closed' | 'restored' | 'discarded'): void {
    if (!this.ids().includes(id)) return;
    writeAtomic(join(this.root, id), 'state', `${state}\n`);
  }

  private describe(id: string): Offer {
    const owner = this.owner(id);
    try {
      const doc = this.load(id);
      const real = doc.inputs.filter(isSubstantial);
      if (real.length === 0) this.finish(id, 'closed');
      return { id, started: doc.started, saved: doc.inputs[doc.inputs.length - 1]?.wall ?? doc.started, inputs: real.length, commands: typed(doc).slice(-3), error: null };
    } catch (e) {
      return { id, started: owner?.started ?? 0, saved: owner?.started ?? 0, inputs: 0, commands: [], error: e instanceof Error ? e.message : String(e) };
    }
  }

  private ids(): string[] {
    return existsSync(this.root) ? readdirSync(this.root).filter((d) => /^[0-9TZ]+-\d+-[0-9a-f]{4}$/.test(d)).sort() : [];
  }

  private state(id: string): string | null {
    try {
      return readFileSync(join(this.root, id, 'state'), 'utf8').trim();
    } catch {
      return null;
    }
  }

  private owner(id: string): { pid: number; host: string; started: number } | null {
    try {
      return JSON.parse(readFileSync(join(this.root, id, 'owner'), 'utf8')) as { pid: number; host: string; started: number };
    } catch {
      return null;
    }
  }

  private prune(): void {
    const finished = this.ids().filter((id) => this.state(id) !== null);
    for (const id of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) rmSync(join(this.root, id), { recursive: true, force: true });
  }
}

/** The lines typed in the session's terminals (Enter ends a line), for the restore offer. */
export function typed(doc: SessionDoc): string[] {
  const lines: string[] = [];
  const partial = new Map<string, string>();
  for (const i of doc.inputs) {
    if (i.type !== 'term.input') continue;
    let cur = partial.get(i.term) ?? '';
    for (const ch of i.data) {
      if (ch === '\r' || ch === '\n') {
        if (cur.trim()) lines.push(cur.trim());
        cur = '';
      } else if (ch === '\x7f' || ch === '\b') cur = cur.slice(0, -1);
      else if (ch >= ' ') cur += ch;
    }
    partial.set(i.term, cur);
  }
  return lines;
}
