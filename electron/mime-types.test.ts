import { describe, expect, it } from 'vitest';
import { mimeTypeFor } from './mime-types';

describe('mimeTypeFor', () => {
  it('gives module scripts, styles and documents their text types with charset', () => {
    expect(mimeTypeFor('/r/assets/index-1a2b.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/r/assets/worker.MJS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/r/assets/index.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('C:\\r\\index.html')).toBe('text/html; charset=utf-8');
  });

  it('knows the binary assets a renderer build emits', () => {
    expect(mimeTypeFor('/r/icon.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/r/fonts/inter.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/r/sql.wasm')).toBe('application/wasm');
  });

  it('falls back to octet-stream for unknown, missing and dot-file extensions', () => {
    expect(mimeTypeFor('/r/data.bin')).toBe('application/octet-stream');
    expect(mimeTypeFor('/r/LICENSE')).toBe('application/octet-stream');
    expect(mimeTypeFor('/r/.env')).toBe('application/octet-stream');
    expect(mimeTypeFor('/r.d/file')).toBe('application/octet-stream');
  });
});
