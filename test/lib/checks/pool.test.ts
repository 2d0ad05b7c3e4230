/**
 * The check pool's bounds, with real worker_threads: the Node twin over real files, and the shared core driven by
 * workers that misbehave on purpose (spin synchronously, allocate without end, die) — the bounds must hold from
 * outside, whatever the worker does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../../../lib/checks/inspect';
import { createNodeCheckPool, spawnNodeWorker } from '../../../lib/checks/node/pool';
import { createPoolCore, poolSizeFor, type PoolProgress } from '../../../lib/checks/pool-core';
import { fileReportSchema } from '../../../lib/checks/report';
import { memorySource } from '../../fixtures/checks/bytes';
import { buildPdf } from '../../fixtures/checks/images';
import { avSpec, buildMp4Bytes } from '../../fixtures/checks/mp4-builder';
import { buildDocx, para } from '../../fixtures/checks/office';

const dir = mkdtempSync(join(tmpdir(), 'pool-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** A worker (CommonJS, eval'd) that answers `inspect` requests the way `behaviour` says. */
function misbehaving(behaviour: string): string {
  return `
    const { parentPort } = require('node:worker_threads');
    parentPort.on('message', (request) => {
      const post = (m) => parentPort.postMessage(m);
      const done = () => post({ type: 'done', id: request.id, inspection: { name: request.name, size: 1, detected: { type: 'pdf', mime: 'application/pdf' }, findings: [], stats: { bytesRead: 1, reads: 1, ms: 0 } } });
      ${behaviour}
    });`;
}

function corePool(code: string, opts: { size?: number; memoryMb?: number } = {}) {
  return createPoolCore<Uint8Array>({
    size: opts.size ?? 1,
    prepare: async (bytes) => ({ source: bytes, size: bytes.length }),
    spawn: (handlers) => spawnNodeWorker(code, opts.memoryMb ?? 64, handlers),
  });
}

function asFileReport(inspection: Awaited<ReturnType<typeof inspectFile>>) {
  const { name, size, detected, findings } = inspection;
  return { name, size, slot: null, detected: { type: detected.type, mime: detected.mime }, findings, verdict: 'unreadable' as const };
}

describe('poolSizeFor', () => {
  it.each([
    [undefined, 2],
    [0, 2],
    [1, 1],
    [2, 2],
    [3, 3],
    [16, 4],
  ])('%s cores → %i workers', (cores, size) => expect(poolSizeFor(cores)).toBe(size));
});

describe('createNodeCheckPool', () => {
  it('gives the same facts as inspecting in-process, for files on disk and bytes in memory', async () => {
    const mp4 = buildMp4Bytes(avSpec({ seconds: 30 }));
    const docx = buildDocx(para('校本研修总结') + para('一、背景', { style: '1' }));
    const pdf = buildPdf(3);
    const pool = await createNodeCheckPool({ size: 2 });
    try {
      const results = await Promise.all([
        pool.inspect(write('clip.mp4', mp4), 'clip.mp4'),
        pool.inspect(write('总结.docx', docx), '总结.docx'),
        pool.inspect(pdf, 'form.pdf'),
      ]);
      const expected = await Promise.all([
        inspectFile(memorySource(mp4), 'clip.mp4'),
        inspectFile(memorySource(docx), '总结.docx'),
        inspectFile(memorySource(pdf), 'form.pdf'),
      ]);
      const strip = ({ stats: _stats, ...rest }: (typeof results)[number]) => rest;
      expect(results.map(strip)).toEqual(expected.map(strip));
      expect(results[0]!.media?.durationSec).toBeCloseTo(30, 1);
      expect(results[1]!.document).toEqual({ chars: 10, headingLevels: 1 });
      expect(pool.stats.spawned).toBeLessThanOrEqual(2);
    } finally {
      pool.dispose();
    }
  });

  it('reports progress in bytes read, ending with the total the check read', async () => {
    const pool = await createNodeCheckPool({ size: 1 });
    try {
      const progress: PoolProgress[] = [];
      const bytes = buildMp4Bytes(avSpec({ seconds: 60, moovAtEnd: true }));
      const r = await pool.inspect(write('end.mp4', bytes), 'end.mp4', { onProgress: (p) => progress.push(p) });
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.every((p) => p.size === bytes.length)).toBe(true);
      expect(progress.at(-1)!.bytesRead).toBe(r.stats.bytesRead);
      expect(r.stats.bytesRead).toBeGreaterThan(0);
    } finally {
      pool.dispose();
    }
  });

  it('answers for a path that does not exist with an unreadable finding', async () => {
    const pool = await createNodeCheckPool({ size: 1 });
    try {
      const r = await pool.inspect(join(dir, 'missing.mp4'), 'missing.mp4');
      expect(r.findings.map((f) => [f.code, f.verdict])).toEqual([['check_error', 'unreadable']]);
    } finally {
      pool.dispose();
    }
  });
});

describe('the pool core with misbehaving workers', () => {
  it('stops a worker stuck in synchronous work from outside, and the next file still gets checked', async () => {
    const pool = corePool(misbehaving(`if (request.name === 'spin') { post({ type: 'detected', id: request.id, detected: { type: 'docx', mime: 'x' } }); for (;;) {} } done();`));
    try {
      // A first file starts the worker, so the bound below times the stuck check, not a thread start on a busy machine.
      expect((await pool.inspect(new Uint8Array(10), 'warm.pdf')).findings).toEqual([]);
      const stuck = await pool.inspect(new Uint8Array(10), 'spin', { timeoutMs: 500 });
      expect(stuck.findings.map((f) => [f.code, f.verdict, f.params])).toEqual([['check_timeout', 'unreadable', { seconds: 0.5 }]]);
      expect(stuck.findings[0]!.message).toBe('检查超过 0.5 秒仍未完成，无法判断');
      // What was learnt before the worker was stopped is kept.
      expect(stuck.detected.type).toBe('docx');
      expect(fileReportSchema.safeParse(asFileReport(stuck)).success).toBe(true);
      expect(pool.stats.terminated.timeout).toBe(1);
      const next = await pool.inspect(new Uint8Array(10), 'fine.pdf', { timeoutMs: 100 });
      expect(next.findings).toEqual([]);
      expect(pool.stats.spawned).toBe(2);
    } finally {
      pool.dispose();
    }
  });

  it('stops a worker that passes its memory budget', async () => {
    const pool = corePool(misbehaving(`const hog = []; for (;;) hog.push(new Array(1e5).fill({ a: 1 }));`), { memoryMb: 32 });
    try {
      const r = await pool.inspect(new Uint8Array(10), 'hog.docx', { timeoutMs: 60_000 });
      expect(r.findings.map((f) => [f.code, f.verdict, f.params])).toEqual([['check_memory', 'unreadable', { mb: 32 }]]);
      expect(r.findings[0]!.message).toMatch(/^检查所需内存超过 32 MB 上限/);
      expect(pool.stats.terminated.memory).toBe(1);
    } finally {
      pool.dispose();
    }
  });

  it('turns a worker that dies into an unreadable finding', async () => {
    const pool = corePool(misbehaving(`process.exit(3);`));
    try {
      const r = await pool.inspect(new Uint8Array(10), 'a.mp4', { timeoutMs: 60_000 });
      expect(r.findings.map((f) => f.code)).toEqual(['check_worker_failed']);
      expect(r.findings[0]!.message).toMatch(/^检查意外中止（the worker exited with code 3）/);
    } finally {
      pool.dispose();
    }
  });

  it('cancels a running file by terminating its worker, and a queued one without starting it', async () => {
    const pool = corePool(misbehaving(`post({ type: 'progress', id: request.id, bytesRead: 5 }); for (;;) {}`), { size: 1 });
    try {
      const controller = new AbortController();
      const running = pool.inspect(new Uint8Array(10), 'a', { signal: controller.signal, timeoutMs: 60_000 });
      const queued = pool.inspect(new Uint8Array(10), 'b', { signal: controller.signal, timeoutMs: 60_000 });
      setTimeout(() => controller.abort(new Error('取消')), 50);
      await expect(running).rejects.toThrow('取消');
      await expect(queued).rejects.toThrow('取消');
      expect(pool.stats.terminated.abort).toBe(1);
      expect(pool.stats.spawned).toBe(1);
    } finally {
      pool.dispose();
    }
  });

  it('runs several files at once, never more than its size', async () => {
    const pool = corePool(misbehaving(`setTimeout(done, 50);`), { size: 2 });
    try {
      const results = await Promise.all(Array.from({ length: 5 }, (_, i) => pool.inspect(new Uint8Array(1), `f${i}`)));
      expect(results.map((r) => r.name)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
      expect(pool.stats.spawned).toBe(2);
    } finally {
      pool.dispose();
    }
  });

  it('rejects what is pending when disposed', async () => {
    const pool = corePool(misbehaving(`for (;;) {}`));
    const pending = pool.inspect(new Uint8Array(1), 'a', { timeoutMs: 60_000 });
    setTimeout(() => pool.dispose(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(pool.inspect(new Uint8Array(1), 'b')).rejects.toMatchObject({ name: 'AbortError' });
  });
});
