#!/usr/bin/env node
// Draws resources/icon.png (512×512 RGBA): a dark rounded square holding a padlock whose
// keyhole is a pin head. Node built-ins only, so the icon can be regenerated on any machine;
// the output is byte-for-byte deterministic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const TOP = [0x2d, 0x32, 0x3e];
const BOTTOM = [0x16, 0x19, 0x20];
const ACCENT = [0xf2, 0xa9, 0x3b];
const ACCENT_DARK = [0xc9, 0x82, 0x1f];

// Signed distances (negative inside); shapes get 1 px of anti-aliased edge from them.
const len = (x, y) => Math.hypot(x, y);
function box(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return len(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
const circle = (x, y, cx, cy, r) => len(x - cx, y - cy) - r;
function segment(x, y, ax, ay, bx, by, r) {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return len(x - ax - t * dx, y - ay - t * dy) - r;
}
const cover = (d) => Math.max(0, Math.min(1, 0.5 - d));
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

/** Shackle: the upper half of a ring plus two legs running down into the body. */
function shackle(x, y) {
  const [cx, cy, r, half] = [256, 214, 84, 22];
  const arc = Math.max(Math.abs(len(x - cx, y - cy) - r) - half, y - cy);
  const legs = Math.min(segment(x, y, cx - r, cy, cx - r, 300, half), segment(x, y, cx + r, cy, cx + r, 300, half));
  return Math.min(arc, legs);
}

function pixel(x, y) {
  const bg = cover(box(x, y, 256, 256, 232, 232, 104));
  if (bg === 0) return [0, 0, 0, 0];
  let rgb = mix(TOP, BOTTOM, y / SIZE);
  rgb = mix(rgb, ACCENT_DARK, cover(shackle(x, y)));
  const body = cover(box(x, y, 256, 338, 150, 114, 34));
  rgb = mix(rgb, mix(ACCENT, ACCENT_DARK, Math.max(0, (y - 260) / 300)), body);
  // The keyhole: a pin head on its needle, cut out of the body.
  const hole = Math.min(circle(x, y, 256, 318, 34), segment(x, y, 256, 318, 256, 398, 11));
  rgb = mix(rgb, mix(TOP, BOTTOM, y / SIZE), cover(hole) * body);
  return [...rgb.map(Math.round), Math.round(bg * 255)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

export function renderIcon() {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    raw[row] = 0; // filter: none
    // Sample each pixel at its centre.
    for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x + 0.5, y + 0.5)).copy(raw, row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icon.png');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, renderIcon());
  console.log(`wrote ${file}`);
}
