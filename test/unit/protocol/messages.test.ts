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
