/**
 * Writes build/icon.svg and build/icon.png (512×512) from one shape list, with no image tools:
 * a small rasteriser and PNG encoder on node:zlib. Run after changing the mark:
 * `npx tsx scripts/generate-icon.ts`. electron-builder derives the Windows .ico and the Linux
 * icon sizes from icon.png.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SUPERSAMPLING = 4;

type Rgb = readonly [number, number, number];
type Shape =
  | Readonly<{
      kind: 'rect';
      x: number;
      y: number;
      width: number;
      height: number;
      radius: number;
      fill: string;
    }>
  | Readonly<{ kind: 'polygon'; points: readonly (readonly [number, number])[]; fill: string }>;

const TEAL = '#0f766e';
const WHITE = '#ffffff';
const AMBER = '#fbbf24';

/** A speech bubble (the complaint) above a desk (the service counter), painted in order. */
const SHAPES: readonly Shape[] = [
  { kind: 'rect', x: 16, y: 16, width: 480, height: 480, radius: 96, fill: TEAL },
  { kind: 'rect', x: 96, y: 80, width: 320, height: 200, radius: 40, fill: WHITE },
  {
    kind: 'polygon',
    points: [
      [150, 270],
      [236, 270],
      [136, 346],
    ],
    fill: WHITE,
  },
  { kind: 'rect', x: 140, y: 132, width: 232, height: 30, radius: 15, fill: TEAL },
  { kind: 'rect', x: 140, y: 196, width: 156, height: 30, radius: 15, fill: TEAL },
  { kind: 'rect', x: 72, y: 370, width: 368, height: 38, radius: 19, fill: AMBER },
  { kind: 'rect', x: 112, y: 396, width: 34, height: 72, radius: 10, fill: AMBER },
  { kind: 'rect', x: 366, y: 396, width: 34, height: 72, radius: 10, fill: AMBER },
];

function contains(shape: Shape, px: number, py: number): boolean {
  switch (shape.kind) {
    case 'rect': {
      const { x, y, width, height, radius } = shape;
      if (px < x || px > x + width || py < y || py > y + height) return false;
      const dx = Math.max(x + radius - px, 0, px - (x + width - radius));
      const dy = Math.max(y + radius - py, 0, py - (y + height - radius));
      return dx * dx + dy * dy <= radius * radius;
    }
    case 'polygon': {
      let inside = false;
      const { points } = shape;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i] ?? [0, 0];
        const [xj, yj] = points[j] ?? [0, 0];
        if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    }
    default: {
      const unhandled: never = shape;
      throw new Error(`Unknown shape ${String(unhandled)}`);
    }
  }
}

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function rasterise(): Uint8Array {
  const colours = SHAPES.map((shape) => hexToRgb(shape.fill));
  const rowLength = SIZE * 4 + 1;
  const raw = new Uint8Array(rowLength * SIZE);
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  for (let y = 0; y < SIZE; y++) {
    raw[y * rowLength] = 0; // PNG filter type "none"
    for (let x = 0; x < SIZE; x++) {
      let r = 0,
        g = 0,
        b = 0,
        covered = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const px = x + (sx + 0.5) / SUPERSAMPLING;
          const py = y + (sy + 0.5) / SUPERSAMPLING;
          const top = SHAPES.findLastIndex((shape) => contains(shape, px, py));
          const colour = colours[top];
          if (colour === undefined) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const offset = y * rowLength + 1 + x * 4;
      if (covered > 0) raw.set([r / covered, g / covered, b / covered].map(Math.round), offset);
      raw[offset + 3] = Math.round((covered / samples) * 255);
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typeAndData = concat([new TextEncoder().encode(type), data]);
  return concat([uint32(data.length), typeAndData, uint32(crc32(typeAndData))]);
}

function encodePng(raw: Uint8Array): Uint8Array {
  const header = concat([uint32(SIZE), uint32(SIZE), Uint8Array.from([8, 6, 0, 0, 0])]); // 8-bit RGBA, deflate, no interlace
  const signature = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', new Uint8Array(deflateSync(raw, { level: 9 }))),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function toSvg(): string {
  const elements = SHAPES.map((shape) => {
    switch (shape.kind) {
      case 'rect':
        return `  <rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" rx="${shape.radius}" fill="${shape.fill}"/>`;
      case 'polygon':
        return `  <polygon points="${shape.points.map((point) => point.join(',')).join(' ')}" fill="${shape.fill}"/>`;
      default: {
        const unhandled: never = shape;
        throw new Error(`Unknown shape ${String(unhandled)}`);
      }
    }
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">`,
    '  <title>Meja Aduan</title>',
    ...elements,
    '</svg>',
    '',
  ].join('\n');
}

const buildDir = fileURLToPath(new URL('../build/', import.meta.url));
await writeFile(`${buildDir}icon.svg`, toSvg());
await writeFile(`${buildDir}icon.png`, encodePng(rasterise()));
console.log('wrote build/icon.svg and build/icon.png');
