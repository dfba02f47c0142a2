import { describe, expect, it } from 'vitest';
import { parseClientFrame, parseClientMessage, parseHostMessage } from '../../../src-main/protocol/messages';

describe('client messages', () => {
  it('accepts a well-formed terminal input', () => {
    const r = parseClientMessage({ type: 'term.input', term: 't1', data: 'echo hello\r' });
    expect(r).toEqual({ ok: true, value: { type: 'term.input', term: 't1', data: 'echo hello\r' } });
  });

  it('refuses unknown types, extra fields and bad ids with a reason', () => {
    expect(parseClientMessage({ type: 'host.reboot' }).ok).toBe(false);
    const extra = parseClientMessage({ type: 'term.close', term: 't1', evil: true });
    expect(extra.ok).toBe(false);
    const badId = parseClientMessage({ type: 'term.close', term: '../../etc' });
    expect(badId).toMatchObject({ ok: false, error: expect.stringContaining('term') });
  });

  it('bounds terminal sizes and input length', () => {
    expect(parseClientMessage({ type: 'term.open', term: 'a', cols: 0, rows: 24 }).ok).toBe(false);
    expect(parseClientMessage({ type: 'term.open', term: 'a', cols: 80.5, rows: 24 }).ok).toBe(false);
    expect(parseClientMessage({ type: 'term.input', term: 'a', data: 'x'.repeat(65537) }).ok).toBe(false);
  });

  it('never throws on a frame that is not JSON', () => {
    expect(parseClientFrame('{nope')).toEqual({ ok: false, error: 'invalid message: not JSON' });
    expect(parseClientFrame('null').ok).toBe(false);
  });
});

describe('host messages', () => {
  it('round-trip output and refuse a malformed ready', () => {
    expect(parseHostMessage({ type: 'term.output', term: 't1', data: 'hi' }).ok).toBe(true);
    expect(parseHostMessage({ type: 'ready', protocol: 99, hostname: 'h', release: 'r', policy: 'p', seed: 1 }).ok).toBe(false);
  });
});

describe('console messages', () => {
  it('accept the admin actions and refuse signals the panel does not offer', () => {
    expect(parseClientMessage({ type: 'proc.signal', pid: 42, signal: 'SIGKILL' }).ok).toBe(true);
    expect(parseClientMessage({ type: 'proc.signal', pid: 42, signal: 'SIGSEGV' }).ok).toBe(false);
    expect(parseClientMessage({ type: 'proc.signal', pid: 0, signal: 'SIGTERM' }).ok).toBe(false);
    expect(parseClientMessage({ type: 'clock.set', speed: 100 }).ok).toBe(true);
    expect(parseClientMessage({ type: 'clock.set', speed: -1 }).ok).toBe(false);
    expect(parseClientMessage({ type: 'clock.step' }).ok).toBe(true);
    expect(parseClientMessage({ type: 'layout.retry', id: 3 }).ok).toBe(true);
    expect(parseClientMessage({ type: 'views.subscribe', extra: 1 }).ok).toBe(false);
  });

  it('validate view deltas and timeline batches row by row', () => {
    const lease = { id: 1, file: '/mnt/pmem/data', dev: '103:00', ino: 133, kind: 'LAYOUT EXCLUSIVE', pid: 4, fd: 3, ownerAlive: true, state: 'ZOMBIE', deadline: null, pins: 1, breakers: [] };
    expect(parseHostMessage({ type: 'views', views: { leases: { reset: false, upsert: [lease], remove: [2] } } }).ok).toBe(true);
    expect(parseHostMessage({ type: 'views', views: { leases: { reset: false, upsert: [{ ...lease, state: 'DEAD' }], remove: [] } } }).ok).toBe(false);
    const entry = { id: 1, seq: 7, t: 0, kind: 'pin.release', pid: null, path: '/mnt/pmem/data', text: 'unpinned', action: 3 };
    expect(parseHostMessage({ type: 'timeline', reset: false, entries: [entry] }).ok).toBe(true);
    expect(parseHostMessage({ type: 'action.result', id: 3, action: 'proc.signal', ok: true, message: 'sent', pid: 4 }).ok).toBe(true);
  });
});
