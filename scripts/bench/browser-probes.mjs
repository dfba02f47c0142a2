// What the browser benchmark runs inside the page: a requestAnimationFrame recorder, a count of
// the host messages the page receives, and a bare xterm.js terminal to compare the console's with.
/* global window, document, requestAnimationFrame -- functions passed to page.evaluate run in the page */

/** Installed before the page's own scripts (page.addInitScript); `recording` from the start or not. */
export function installProbes(recording = false) {
  const probe = { frames: [], recording, views: [], longTasks: [], cond: null, seen: null };
  window.__probe = probe;
  /** Notes the frame at which `cond()` first holds (checked every third frame: it reads the DOM). */
  probe.watch = (cond) => Object.assign(probe, { cond, seen: null });
  const frame = (t) => {
    if (probe.recording) probe.frames.push(t);
    if (probe.cond && probe.seen === null && probe.frames.length % 3 === 0 && probe.cond()) probe.seen = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  try {
    new PerformanceObserver((list) => {
      if (probe.recording) for (const e of list.getEntries()) probe.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  } catch {
    // No Long Tasks API: the frame gaps tell the same story.
  }
  // Counts `views` messages by their arrival, without parsing them a second time.
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (ev) => {
        if (probe.recording && typeof ev.data === 'string' && ev.data.startsWith('{"type":"views"')) probe.views.push([performance.now(), ev.data.length]);
      });
    }
  };
}

/** Starts or stops recording frames (and views messages) in the page. */
export function record(on) {
  const p = window.__probe;
  if (on) {
    p.frames = [];
    p.views = [];
    p.longTasks = [];
  }
  p.recording = on;
  return { frames: p.frames, views: p.views, longTasks: p.longTasks };
}

/**
 * In a blank page with xterm.js loaded: writes `total` bytes of the flood file's lines in chunks
 * of `chunk`, with xterm's write-callback flow control (the watermarks the console uses), and
 * resolves with the milliseconds until the last chunk was processed.
 */
export function pourIntoXterm({ total, chunk, high, low, fontSize, fontFamily }) {
  const term = new window.Terminal({ fontSize, fontFamily, scrollback: 5000 });
  const fit = new window.FitAddon.FitAddon();
  term.loadAddon(fit);
  term.open(document.getElementById('term'));
  fit.fit();
  const line = (n) => `flood ${String(n).padStart(10, '0')} abcdefghijklmnopqrstuvwxyz0123456789abcdefghi\r\n`;
  return new Promise((resolve) => {
    let n = 0;
    let pending = 0;
    let paused = false;
    let done = false;
    const t0 = performance.now();
    const finish = () => done && pending === 0 && resolve(performance.now() - t0);
    const pump = () => {
      paused = false;
      while (pending <= high) {
        let data = '';
        while (data.length < chunk && n * 64 < total) data += line(n++);
        if (data === '') {
          done = true;
          return finish();
        }
        pending += data.length;
        term.write(data, () => {
          pending -= data.length;
          if (done) finish();
          else if (paused && pending < low) pump();
        });
      }
      paused = true;
    };
    pump();
  });
}

/** Frame-gap statistics of rAF timestamps over a 60 Hz display. */
export function frameStats(frames) {
  const gaps = [];
  for (let i = 1; i < frames.length; i++) gaps.push(frames[i] - frames[i - 1]);
  const sorted = [...gaps].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
  const period = 1000 / 60;
  const dropped = gaps.reduce((n, g) => n + Math.max(0, Math.round(g / period) - 1), 0);
  const span = frames.length > 1 ? frames[frames.length - 1] - frames[0] : 0;
  return { frames: frames.length, fps: span > 0 ? ((frames.length - 1) * 1000) / span : 0, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0, over50: gaps.filter((g) => g > 50).length, dropped, expected: Math.round(span / period) };
}
