// Signal names as procps and psmisc accept them: with or without SIG, any case, the aliases CLD,
// IOT, POLL, and numbers; 0 (or EXIT/NULL) checks that a process exists.
import { SIGNALS, signalFromNumber, signalNumber, type Signal } from '../../host';

const ALIASES: Record<string, Signal | 0> = { CLD: 'SIGCHLD', IOT: 'SIGABRT', POLL: 'SIGIO', EXIT: 0, NULL: 0 };

export function signalByName(spec: string): Signal | 0 | undefined {
  if (/^\d+$/.test(spec)) return Number(spec) === 0 ? 0 : signalFromNumber(Number(spec));
  const up = spec.toUpperCase();
  const bare = up.startsWith('SIG') ? up.slice(3) : up;
  if (bare in ALIASES) return ALIASES[bare];
  return SIGNALS.find((s) => s === `SIG${bare}`);
}

export function signalNum(sig: Signal | 0): number {
  return sig === 0 ? 0 : signalNumber(sig);
}
