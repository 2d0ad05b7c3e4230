import { openAsBlob, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../../../lib/checks/inspect';
import { ffmpeg, ffprobe, requireFfmpeg, tempDir } from '../../fixtures/checks/ffmpeg';

describe('MKV, WebM and AVI made by ffmpeg', () => {
  requireFfmpeg();
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const src = ['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '4'];

  it.each([
    ['mkv', [...src, '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', 'a.mkv'], 'mkv', 'V_MPEG4/ISO/AVC'],
    ['webm', [...src, '-c:v', 'libvpx', '-deadline', 'realtime', '-b:v', '200k', '-c:a', 'libopus', 'a.webm'], 'webm', 'V_VP8'],
    ['avi', [...src, '-c:v', 'mpeg4', '-c:a', 'mp3', 'a.avi'], 'avi', 'FMP4'],
  ])('recognises %s and reads its headers', async (_label, args, container, codec) => {
    const out = join(dir, args[args.length - 1]!);
    ffmpeg([...args.slice(0, -1), out]);
    const probe = ffprobe(out);
    const r = await inspectFile(await openAsBlob(out), 'x');
    expect(r.media?.container).toBe(container);
    expect(r.media?.videoCodec).toBe(codec);
    expect([r.media?.width, r.media?.height]).toEqual([probe.width, probe.height]);
    expect(Math.abs(r.media!.durationSec! - probe.durationSec)).toBeLessThan(0.1);
    // Encoding the fixture (libvpx above all) takes seconds on an idle machine and far longer on a loaded one.
  }, 120_000);
});
