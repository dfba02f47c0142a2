// The one Content-Security-Policy of the renderer: the page's <meta>, the Electron session's
// response headers and browser mode's HTTP headers all carry exactly this string.

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // xterm.js injects <style> elements for its themes and row measurements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  // Browser mode's WebSocket; 'self' alone does not cover ws: on every engine.
  "connect-src 'self' ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

type Headers = Record<string, string[] | string>;

/**
 * Response headers with our policy in force: any policy a response brought with it is replaced,
 * whatever the case of its header name, so that nothing can loosen it.
 */
export function withContentSecurityPolicy(headers: Headers | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
