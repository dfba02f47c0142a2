// The one Content-Security-Policy: what it allows, and that the page and headers carry it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from '../../../src-main/app/csp';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name = '', ...sources] = d.trim().split(/\s+/);
    return [name, sources] as const;
  }),
);

describe('CONTENT_SECURITY_POLICY', () => {
  it('names each directive once', () => {
    expect(directives.size).toBe(CONTENT_SECURITY_POLICY.split(';').length);
  });

  it('runs only the app own scripts: no inline script, no eval', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/(^|\s)\*(\s|;|$)/);
  });

  it('allows inline style only, which xterm.js needs', () => {
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const inline = [...directives].filter(([, s]) => s.includes("'unsafe-inline'")).map(([n]) => n);
    expect(inline).toEqual(['style-src']);
  });

  it('shuts plugins, <base>, forms and framing', () => {
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(directives.get(name), name).toEqual(["'none'"]);
    }
  });

  it('connects only to the app and loopback sockets', () => {
    expect(directives.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:*']);
  });

  it('is the policy of the page meta tag, word for word', () => {
    const html = readFileSync(new URL('../../../src-renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('withContentSecurityPolicy', () => {
  it('drops a response own policy whatever its header case and keeps the rest', () => {
    const out = withContentSecurityPolicy({
      'Content-Security-Policy': ['default-src *'],
      'CONTENT-SECURITY-POLICY': 'script-src *',
      'Content-Type': 'text/html',
      'Set-Cookie': ['a=1', 'b=2'],
    });
    expect(out).toEqual({
      'Content-Type': ['text/html'],
      'Set-Cookie': ['a=1', 'b=2'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('adds the policy to a response without headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
