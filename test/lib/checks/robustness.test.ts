/**
 * Property tests: damaged, truncated and random inputs always get an answer within the time bound, never an
 * exception, and every finding is one the message module can render.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../../lib/checks/check-files';
import { inspectFile } from '../../../lib/checks/inspect';
import { checkReportSchema, findingSchema } from '../../../lib/checks/report';
import { be32, latin1, memorySource } from '../../fixtures/checks/bytes';
import { makeCategory } from '../../fixtures/checks/category';
import { buildJpeg, buildPdf, buildPng } from '../../fixtures/checks/images';
import { avSpec, buildMp4Bytes } from '../../fixtures/checks/mp4-builder';
import { buildDocx, buildOle, para } from '../../fixtures/checks/office';
import { buildZip } from '../../fixtures/checks/zip-builder';

const TIMEOUT = 1000;

const fragmented = buildMp4Bytes({
  tracks: [{ kind: 'video', timescale: 90000, stts: [], width: 640, height: 360 }],
  fragments: [{ trackId: 1, baseTime: 0, durations: [3600, 3600, 3600] }, { trackId: 1, count: 5, defaultDuration: 3600 }],
});

const SEEDS: Array<[string, Uint8Array]> = [
  ['clip.mp4', buildMp4Bytes(avSpec({ seconds: 30 }))],
  ['clip-end.mp4', buildMp4Bytes(avSpec({ seconds: 30, moovAtEnd: true, mdat64: true }))],
  ['frag.mp4', fragmented],
  ['doc.docx', buildDocx(para('研修总结') + para('Heading', { style: '1' }))],
  ['pack.zip', zipSync({ 'a/b.txt': strToU8('hello'), 'c.jpg': buildJpeg(10, 10) })],
  ['pack64.zip', buildZip({ zip64: true, entries: [{ name: 'a.bin', data: new Uint8Array(20), claimedSize: 5e9 }] })],
  ['photo.jpg', buildJpeg(1200, 900, { thumbnail: true })],
  ['pic.png', buildPng(100, 50)],
  ['form.pdf', buildPdf(3)],
  ['old.doc', buildOle('WordDocument')],
];

/** Offsets of every box/segment name in the seed, where a corrupted size or type does the most damage. */
function hotSpots(bytes: Uint8Array): number[] {
  const names = ['ftyp', 'moov', 'mvhd', 'trak', 'tkhd', 'mdia', 'mdhd', 'hdlr', 'minf', 'stbl', 'stsd', 'stts', 'avc1', 'mp4a', 'avcC', 'esds', 'mdat', 'moof', 'traf', 'tfhd', 'trun', 'mvex', 'PK\x01\x02', 'PK\x05\x06', 'PK\x06\x06'];
  const out: number[] = [];
  for (const n of names) {
    const needle = latin1(n);
    for (let i = 4; i < bytes.length - 4; i++) if (needle.every((b, j) => bytes[i + j] === b)) out.push(i - 4);
  }
  return out.length ? out : [0];
}

const mutation = fc.record({
  seed: fc.nat({ max: SEEDS.length - 1 }),
  cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
  sizes: fc.array(fc.tuple(fc.nat(), fc.constantFrom(0, 1, 7, 8, 0xffffffff, 0x7fffffff, 0x10000), fc.boolean()), { maxLength: 3 }),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(m: Mutation): [string, Uint8Array] {
  const [name, original] = SEEDS[m.seed]!;
  const bytes = original.slice();
  const spots = hotSpots(original);
  for (const [at, value, countField] of m.sizes) {
    const pos = spots[at % spots.length]! + (countField ? 12 : 0);
    if (pos + 4 <= bytes.length) bytes.set(be32(value), pos);
  }
  for (const [at, value] of m.flips) bytes[at % bytes.length] = value;
  const cut = m.cut === undefined ? bytes.length : Math.floor(bytes.length * m.cut);
  return [name, bytes.subarray(0, cut)];
}

describe('inspectFile on damaged input', () => {
  it('always answers within the time bound, with renderable findings', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const [name, bytes] = mutate(m);
        const started = Date.now();
        const r = await inspectFile(memorySource(bytes), name, { timeoutMs: TIMEOUT });
        expect(Date.now() - started).toBeLessThan(TIMEOUT + 500);
        for (const f of r.findings) findingSchema.parse(f);
        expect(r.findings.some((f) => f.code === 'check_error')).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('answers for arbitrary bytes under any extension', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('a.mp4', 'a.docx', 'a.zip', 'a.pdf', 'a.jpg', 'a'), async (bytes, name) => {
        const r = await inspectFile(memorySource(bytes), name, { timeoutMs: TIMEOUT });
        for (const f of r.findings) findingSchema.parse(f);
        expect(r.findings.some((f) => f.code === 'check_error' || f.code === 'check_timeout')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkFiles on damaged input', () => {
  it('always returns a schema-valid report', async () => {
    const category = makeCategory();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
        const files = ms.map((m, i) => {
          const [name, bytes] = mutate(m);
          return { blob: memorySource(bytes), name: `${i}-${name}` };
        });
        const report = await checkFiles(category, files, { rulePack: 'test', timeoutMs: TIMEOUT });
        checkReportSchema.parse(report);
        expect(report.files).toHaveLength(files.length);
      }),
      { numRuns: 60 },
    );
  });
});
