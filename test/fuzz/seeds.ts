/**
 * Fuzz seeds: real files made by real tools (Debian's ffmpeg for MP4/MOV/fMP4/MKV/JPEG/PNG, img2pdf for a PDF,
 * 7-Zip for a ZIP), documents and Zip64 archives made by writers that follow the published formats (fflate's ZIP
 * writer, the fixture writer for Zip64), and hand-built hostile structures from issue 12. Seeds are made once per
 * process into a temporary folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { be32, be64, concat, latin1 } from '../fixtures/checks/bytes';
import { buildJpeg, buildPdf, buildPng } from '../fixtures/checks/images';
import { box, buildMp4Bytes, fullBox } from '../fixtures/checks/mp4-builder';
import { buildDocx, documentXml, para, stylesXml } from '../fixtures/checks/office';
import { buildZip } from '../fixtures/checks/zip-builder';

export interface FuzzInput {
  name: string;
  bytes: Uint8Array;
  /** Where it came from: the seed's label, or `hostile:<label>`. */
  origin: string;
}

function has(cmd: string, arg = '-version'): boolean {
  return spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
}

/** Real files from real tools; a tool that is missing is reported, and its seeds left out (CI installs them). */
export function realSeeds(): { seeds: FuzzInput[]; missing: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-seeds-'));
  const seeds: FuzzInput[] = [];
  const missing: string[] = [];
  const take = (file: string, name: string, origin: string) => seeds.push({ name, bytes: new Uint8Array(readFileSync(join(dir, file))), origin });
  try {
    if (has('ffmpeg')) {
      const ff = (args: string[]) => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      const av = ['-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '1'];
      const x264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac'];
      ff([...av, ...x264, 'a.mp4']);
      take('a.mp4', '课堂实录.mp4', 'ffmpeg:mp4');
      ff([...av, ...x264, '-movflags', '+faststart', 'b.mp4']);
      take('b.mp4', '实录-faststart.mp4', 'ffmpeg:mp4-faststart');
      ff([...av, ...x264, '-f', 'mov', 'c.mov']);
      take('c.mov', '手机录像.mov', 'ffmpeg:mov');
      ff([...av, ...x264, '-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-g', '5', 'd.mp4']);
      take('d.mp4', '直播回放.mp4', 'ffmpeg:fmp4');
      ff([...av, ...x264, 'e.mkv']);
      take('e.mkv', '录屏.mkv', 'ffmpeg:mkv');
      ff(['-f', 'lavfi', '-i', 'testsrc2=size=320x180', '-frames:v', '1', 'f.jpg']);
      take('f.jpg', '照片.jpg', 'ffmpeg:jpeg');
      ff(['-f', 'lavfi', '-i', 'testsrc2=size=320x180', '-frames:v', '1', 'g.png']);
      take('g.png', '截图.png', 'ffmpeg:png');
      if (has('img2pdf', '--version')) {
        execFileSync('img2pdf', ['g.png', 'f.jpg', '-o', 'h.pdf'], { cwd: dir, stdio: 'ignore' });
        take('h.pdf', '登记表.pdf', 'img2pdf:pdf');
      } else missing.push('img2pdf');
      if (has('7z', 'i')) {
        execFileSync('7z', ['a', '-tzip', '-bso0', '-bsp0', 'i.zip', 'f.jpg', 'g.png'], { cwd: dir, stdio: 'ignore' });
        take('i.zip', '相关材料.zip', '7z:zip');
      } else missing.push('7z');
    } else missing.push('ffmpeg');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { seeds, missing };
}

/** Seeds made by format-following writers in code: always available. */
export function writtenSeeds(): FuzzInput[] {
  return [
    { name: '案例介绍.docx', bytes: buildDocx(para('一、研修背景', { style: '1' }) + para('本校共有 120 名教师，开展了 3 次研修。') + para('Digital literacy 提升')), origin: 'fflate:docx' },
    { name: '打包.zip', bytes: zipSync({ '材料/a.txt': strToU8('hello'), '材料/b.jpg': buildJpeg(64, 48) }), origin: 'fflate:zip' },
    { name: '大包.zip', bytes: buildZip({ zip64: true, entries: [{ name: 'a.bin', data: new Uint8Array(20), claimedSize: 5e9 }, { name: 'b.txt', data: strToU8('x') }] }), origin: 'writer:zip64' },
    { name: '表.pdf', bytes: buildPdf(3, { linearized: true }), origin: 'writer:pdf' },
    { name: 'p.png', bytes: buildPng(100, 50), origin: 'writer:png' },
    { name: 'p.jpg', bytes: buildJpeg(1200, 900, { thumbnail: true }), origin: 'writer:jpeg' },
    {
      name: 'frag.mp4',
      bytes: buildMp4Bytes({
        tracks: [{ kind: 'video', timescale: 90000, stts: [], width: 640, height: 360 }],
        fragments: [{ trackId: 1, baseTime: 0, durations: [3600, 3600, 3600] }, { trackId: 1, count: 5, defaultDuration: 3600 }],
      }),
      origin: 'writer:fmp4',
    },
  ];
}

function repeat(unit: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(unit.length * n);
  for (let i = 0; i < n; i++) out.set(unit, i * unit.length);
  return out;
}

/** The structures that made the old parsers hang or crash, plus the classic hostile shapes. */
export function hostileInputs(): FuzzInput[] {
  const h = (label: string, name: string, bytes: Uint8Array): FuzzInput => ({ name, bytes, origin: `hostile:${label}` });
  const init = buildMp4Bytes({ tracks: [{ kind: 'video', timescale: 90000, stts: [[25, 3600]], width: 640, height: 360 }] });
  const fragInit = (() => {
    const whole = buildMp4Bytes({ tracks: [{ kind: 'video', timescale: 90000, stts: [], width: 640, height: 360 }], fragments: [{ trackId: 1, baseTime: 0, durations: [3600] }] });
    const at = indexOf(whole, 'moof') - 4;
    return whole.subarray(0, at);
  })();
  const traf = box('traf', fullBox('tfhd', 0, 0x020008, be32(1), be32(3600)), fullBox('trun', 0, 0, be32(2)));
  let nestedTraf = box('traf');
  for (let i = 0; i < 10_000; i++) nestedTraf = box('traf', nestedTraf);
  let nestedXml = '';
  for (let i = 0; i < 10_000; i++) nestedXml += '<w:p>';
  const oneMoof = (i: number) => box('moof', fullBox('mfhd', 0, 0, be32(i)), box('traf', fullBox('tfhd', 0, 0x020008, be32(1), be32(3600)), fullBox('tfdt', 1, 0, be64(i * 3600)), fullBox('trun', 0, 0x100, be32(1), be32(3600))));
  const moofs: Uint8Array[] = [];
  for (let i = 0; i < 20_000; i++) moofs.push(oneMoof(i));
  const docx = (xml: string) => zipSync({ 'word/document.xml': strToU8(xml), 'word/styles.xml': strToU8(stylesXml()) }, { level: 9 });
  return [
    h('box-size-0', 'a.mp4', concat([init, be32(0), latin1('free')])),
    h('box-size-1', 'a.mp4', concat([init, be32(1), latin1('mdat')])),
    h('box-size-huge', 'a.mp4', concat([init, be32(1), latin1('mdat'), be64(2 ** 62)])),
    h('box-size-2^64-1', 'a.mp4', concat([init, be32(1), latin1('mdat'), new Uint8Array(8).fill(0xff)])),
    h('500k-top-level-boxes', 'a.mp4', concat([init, repeat(box('free'), 500_000)])),
    h('20k-moofs', 'a.mp4', concat([fragInit, ...moofs])),
    h('million-trafs', 'a.mp4', concat([fragInit, box('moof', repeat(new Uint8Array([0, 0, 0, 8, 0x74, 0x72, 0x61, 0x66]), 1_000_000))])),
    h('250k-full-trafs', 'a.mp4', concat([fragInit, box('moof', repeat(traf, 250_000))])),
    h('traf-nesting-10000', 'a.mp4', concat([fragInit, box('moof', nestedTraf)])),
    h('stts-count-2^32-1', 'a.mp4', setCountAfter(init, 'stts', 0xffffffff)),
    h('stsd-count-2^32-1', 'a.mp4', setCountAfter(init, 'stsd', 0xffffffff)),
    h('unclosed-tag-docx', '总结.docx', docx(`<w:document><w:body>${'<w:t '.repeat(200_000)}`)),
    h('unclosed-attr-docx', '总结.docx', docx(`<w:document><w:body><w:p><w:t${' x="1"'.repeat(20_000)}`)),
    h('xml-nesting-10000', '总结.docx', docx(`<w:document><w:body>${nestedXml}<w:r><w:t>字</w:t></w:r></w:body></w:document>`)),
    h('zip-bomb-declared-1k', '报告.docx', buildZip({ entries: [{ name: 'word/document.xml', data: new Uint8Array(16 * 1024 * 1024), deflate: true, claimedSize: 1024 }] })),
    h('zip-declared-over-cap', '报告.docx', buildZip({ entries: [{ name: 'word/document.xml', data: new Uint8Array(1024), deflate: true, claimedSize: 2 ** 31 }] })),
    h('zip64-2^62', '相关材料.zip', buildZip({ zip64: true, entries: [{ name: 'a.bin', data: new Uint8Array(10), claimedSize: 2 ** 62 }] })),
    h('zip64-docx-2^62', '报告.docx', buildZip({ zip64: true, entries: [{ name: 'word/document.xml', data: strToU8(documentXml(para('字'))), claimedSize: 2 ** 62 }] })),
    h('zip-entry-count-2^32-1', '相关材料.zip', zip64EntryCount(0xffffffff)),
    h('pdf-1-0-obj-repeated', '登记表.pdf', concat([latin1('%PDF-1.4\n'), repeat(new Uint8Array(latin1('1 0 obj ')), 131_072)])),
    h('pdf-digits', '登记表.pdf', concat([latin1('%PDF-1.4\n'), new Uint8Array(1024 * 1024).fill(0x31)])),
    h('jpeg-fill-bytes', 'a.jpg', concat([[0xff, 0xd8], new Uint8Array(1024 * 1024).fill(0xff)])),
    h('empty', 'a.mp4', new Uint8Array(0)),
  ];
}

function indexOf(hay: Uint8Array, fourcc: string): number {
  const n = latin1(fourcc);
  outer: for (let i = 0; i + 4 <= hay.length; i++) {
    for (let j = 0; j < 4; j++) if (hay[i + j] !== n[j]) continue outer;
    return i;
  }
  return -1;
}

/** Sets the 32-bit entry count of a full box (after version/flags) to `value`. */
function setCountAfter(file: Uint8Array, fourcc: string, value: number): Uint8Array {
  const out = file.slice();
  const at = indexOf(out, fourcc);
  if (at >= 0) out.set(be32(value), at + 8);
  return out;
}

/** A Zip64 archive whose end record claims `count` entries while the directory holds one. */
function zip64EntryCount(count: number): Uint8Array {
  const zip = buildZip({ zip64: true, entries: [{ name: 'a.txt', data: strToU8('a') }] });
  const out = zip.slice();
  const sig = [0x50, 0x4b, 0x06, 0x06];
  for (let i = out.length - 4; i >= 0; i--) {
    if (out[i] === sig[0] && out[i + 1] === sig[1] && out[i + 2] === sig[2] && out[i + 3] === sig[3]) {
      // Entries on this disk (+24) and in total (+32), 64-bit little-endian.
      for (const off of [24, 32]) {
        out[i + off] = count & 0xff;
        out[i + off + 1] = (count >>> 8) & 0xff;
        out[i + off + 2] = (count >>> 16) & 0xff;
        out[i + off + 3] = (count >>> 24) & 0xff;
      }
      break;
    }
  }
  return out;
}
