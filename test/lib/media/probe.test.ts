import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeVideo } from '@/lib/media/probe';
import { makeClip } from '../../fixtures/media/make-clip';

describe('probeVideo', () => {
  let dir: string;
  let mov: Uint8Array<ArrayBuffer>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'repair-probe-'));
    mov = await readFile(await makeClip(join(dir, 'phone.mov'), { seconds: 2, width: 1920, height: 1080, fps: 30, container: 'mov', bitrate: 2_000_000 }));
  }, 30_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a phone-style MOV with the file-check engine', async () => {
    const result = await probeVideo(new Blob([mov]), 'phone.mov');
    if (!result.ok) throw new Error(`unexpected ${result.reason}`);
    expect(result.probe).toMatchObject({ name: 'phone.mov', size: mov.length, moovAtEnd: true });
    expect(result.probe.media).toMatchObject({ container: 'mov', width: 1920, height: 1080, vfr: false });
    expect(result.probe.media.fps).toBeCloseTo(30, 1);
    expect(result.probe.media.durationSec).toBeCloseTo(2, 1);
    expect(result.probe.media.videoCodec).toMatch(/^avc1/);
    expect(result.probe.media.audioCodec).toMatch(/^mp4a/);
  });

  it('explains a truncated recording instead of throwing', async () => {
    const result = await probeVideo(new Blob([mov.subarray(0, mov.length - 4096)]), 'cut.mov');
    expect(result).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('says when a file is not a video', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF');
    expect(await probeVideo(new Blob([pdf]), 'lesson.mp4')).toMatchObject({ ok: false, reason: 'not_video', type: 'pdf' });
    expect(await probeVideo(new Blob([new Uint8Array(2048).fill(7)]), 'noise.mp4')).toMatchObject({ ok: false, reason: 'not_video', type: 'unknown' });
  });
});
