import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMoovAtEnd, topLevelBoxes } from '@/lib/media/boxes';
import { makeClip } from '../../fixtures/media/make-clip';

function box(type: string, payload: number): Uint8Array {
  const out = new Uint8Array(8 + payload);
  new DataView(out.buffer).setUint32(0, 8 + payload);
  out.set([...type].map((c) => c.charCodeAt(0)), 4);
  return out;
}

function largeBox(type: string, size: number): Uint8Array {
  // Only the 16-byte header is real; the scanner never reads the payload.
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  view.setUint32(0, 1);
  out.set([...type].map((c) => c.charCodeAt(0)), 4);
  view.setUint32(8, Math.floor(size / 2 ** 32));
  view.setUint32(12, size % 2 ** 32);
  return out;
}

const blob = (...parts: Uint8Array[]) => new Blob(parts.map((p) => p.slice().buffer));

describe('topLevelBoxes', () => {
  it('walks 32-bit and 64-bit sizes and a size-0 last box', () => {
    const head = box('ftyp', 16);
    const big = largeBox('mdat', 5 * 2 ** 32);
    // A 5 GiB file without 5 GiB of memory: a sliceable stand-in that answers from the headers it holds.
    const source = {
      size: head.length + 5 * 2 ** 32 + 8,
      slice(start: number, end: number) {
        const bytes = start === 0 ? head.subarray(0, end) : start === head.length ? big.subarray(0, end - start)
          : start === head.length + 5 * 2 ** 32 ? box('moov', 0).subarray(0, end - start) : new Uint8Array(0);
        return { arrayBuffer: async () => bytes.slice().buffer };
      },
    };
    return expect(topLevelBoxes(source)).resolves.toEqual([
      { type: 'ftyp', offset: 0, size: 24 },
      { type: 'mdat', offset: 24, size: 5 * 2 ** 32 },
      { type: 'moov', offset: 24 + 5 * 2 ** 32, size: 8 },
    ]);
  });

  it('stops at bytes that are not a box', async () => {
    expect(await topLevelBoxes(blob(box('ftyp', 4), new Uint8Array([0, 0, 0, 9, 0, 1, 2, 3, 4])))).toEqual([{ type: 'ftyp', offset: 0, size: 12 }]);
  });
});

describe('isMoovAtEnd', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'repair-boxes-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('tells a phone-style MOV (index last) from a fast-start MP4', async () => {
    const mov = await makeClip(join(dir, 'a.mov'), { seconds: 1, width: 320, height: 240, fps: 30, container: 'mov', bitrate: 200_000 });
    expect(await isMoovAtEnd(new Blob([await readFile(mov)]))).toBe(true);
    expect(await isMoovAtEnd(blob(box('ftyp', 8), box('moov', 20), box('mdat', 40)))).toBe(false);
    expect(await isMoovAtEnd(blob(box('ftyp', 8), box('free', 4)))).toBeUndefined();
  }, 30_000);
});
