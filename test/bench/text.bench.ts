import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { countChars } from '@/lib/text';

// Run with `npx vitest bench test/bench/text.bench.ts`. Target: ≥ 50 MB/s of UTF-8 on plain Chinese text, and no
// blow-up on inputs that make backtracking tokenisers slow.
const seed = readFileSync(resolve(import.meta.dirname, '../fixtures/notices/000_c768d3d121b654c9.txt'), 'utf8');
const chinese = seed.replace(/[^\u4e00-\u9fff，。、]/g, '');
const text = chinese.repeat(Math.ceil(1_000_000 / chinese.length));
const nasty = "a’".repeat(300_000) + '-'.repeat(300_000) + '😀\u200d'.repeat(100_000);

describe(`countChars (${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB Chinese; MB/s = MB × hz)`, () => {
  bench('plain Chinese', () => {
    countChars(text);
  });
  bench('adversarial mix', () => {
    countChars(nasty);
  });
});
