/**
 * Files the end-to-end tests choose through real file inputs, written to a temporary folder: header-only MP4s
 * (mp4-builder) written sparse, so a "600 MB" video costs a few KB of disk, a minimal PDF, DOCX from the office builder.
 */
import { closeSync, ftruncateSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { buildMp4Pieces } from '../fixtures/checks/mp4-builder';

/** A PDF shaped like a scan: each of its `pages` shows one A4 picture (1240 × 1754, its data left empty). */
export function scanPdf(pages: number): string {
  const kids = Array.from({ length: pages }, (_, i) => `${3 + 2 * i} 0 R`).join(' ');
  const objects = Array.from({ length: pages }, (_, i) => [
    `${3 + 2 * i} 0 obj << /Type /Page /Parent 2 0 R /Resources << /XObject << /Im0 ${4 + 2 * i} 0 R >> >> >> endobj`,
    `${4 + 2 * i} 0 obj << /Type /XObject /Subtype /Image /Width 1240 /Height 1754 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 0 >> stream`,
    'endstream endobj',
  ]).flat();
  return [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    `2 0 obj << /Type /Pages /Kids [${kids}] /Count ${pages} /MediaBox [0 0 595 842] >> endobj`,
    ...objects,
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
}

/** A one-page PDF shaped like a scan (附件1, 附件11). */
export const PDF = scanPdf(1);

/** An MP4 of `sec` seconds at `fps` with `mediaBytes` of (sparse) media data; returns its path. */
export function writeMp4(dir: string, name: string, sec: number, fps: number, mediaBytes = 1000): string {
  const { pieces, size } = buildMp4Pieces({
    tracks: [{ kind: 'video', codec: 'avc1', timescale: fps * 1000, stts: [[Math.round(sec * fps), 1000]], width: 1920, height: 1080 }],
    mdatPayload: mediaBytes,
  });
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  for (const p of pieces) writeSync(fd, p.bytes, 0, p.bytes.length, p.offset);
  // The media data is a hole: the file has its full size, the disk holds only the headers.
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

/** Writes bytes to `dir/name`; returns the path. */
export function writeFile(dir: string, name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
