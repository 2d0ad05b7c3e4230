import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../lib/checks/inspect';
import { memorySource } from '../../fixtures/checks/bytes';
import { buildGif, buildJpeg, buildPdf, buildPng } from '../../fixtures/checks/images';

describe('image sizes', () => {
  it.each([
    ['baseline JPEG', buildJpeg(4032, 3024), 4032, 3024],
    ['progressive JPEG', buildJpeg(1200, 1600, { sofMarker: 0xc2 }), 1200, 1600],
    ['JPEG whose EXIF thumbnail has its own frame header', buildJpeg(3000, 2000, { thumbnail: true }), 3000, 2000],
    ['JPEG with 180 KB of metadata before the frame', buildJpeg(2000, 1000, { padding: 3 }), 2000, 1000],
    ['PNG', buildPng(1920, 1080), 1920, 1080],
    ['GIF', buildGif(320, 200), 320, 200],
  ])('%s', async (_label, bytes, width, height) => {
    const src = memorySource(bytes);
    const r = await inspectFile(src, 'x');
    expect(r.image).toEqual({ width, height });
  });

  it('reads only the first segments of a big JPEG', async () => {
    const head = buildJpeg(5000, 4000);
    const big = new Uint8Array(20 * 1024 * 1024);
    big.set(head);
    const src = memorySource(big);
    await inspectFile(src, 'a.jpg');
    expect(src.bytesRead).toBeLessThan(128 * 1024);
  });

  it('calls a JPEG cut before its frame header unreadable', async () => {
    const bytes = buildJpeg(100, 100, { thumbnail: true }).subarray(0, 150);
    const r = await inspectFile(memorySource(bytes), 'a.jpg');
    expect(r.findings.map((f) => [f.code, f.verdict])).toEqual([['image_damaged', 'unreadable']]);
  });
});

describe('PDF', () => {
  it.each([
    ['a plain page tree', buildPdf(3), 3],
    ['a linearized file', buildPdf(12, { linearized: true }), 12],
  ])('counts pages in %s', async (_label, bytes, pages) => {
    const r = await inspectFile(memorySource(bytes), '登记表.pdf');
    expect(r.pdf).toEqual({ pages });
    expect(r.findings).toEqual([]);
  });

  it('warns when %%EOF is missing', async () => {
    const r = await inspectFile(memorySource(buildPdf(1, { eof: false })), 'a.pdf');
    expect(r.findings.map((f) => [f.code, f.verdict])).toEqual([['pdf_truncated', 'warn']]);
  });

  it('omits the page count when the page tree is not in plain text', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N 3 >>\nstream\nxx\nendstream\nendobj\n%%EOF\n');
    const r = await inspectFile(memorySource(bytes), 'a.pdf');
    expect(r.pdf).toEqual({});
  });
});
