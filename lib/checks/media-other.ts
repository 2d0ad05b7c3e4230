/**
 * MKV/WebM and AVI: recognised so the UI can say "需要 MP4"; duration, size and codec are read when the headers
 * that hold them sit in the first 256 KiB (mkvmerge, ffmpeg, OBS and phone apps put them there). Nothing more.
 */
import { ascii, type Reader, u32le } from './source';

export interface OtherVideoFacts {
  durationSec?: number;
  width?: number;
  height?: number;
  fps?: number;
  videoCodec?: string;
  audioCodec?: string;
}

const HEAD = 256 * 1024;

/* EBML ----------------------------------------------------------------------------------------------------- */

const ID_SEGMENT = 0x18538067;
const ID_INFO = 0x1549a966;
const ID_TRACKS = 0x1654ae6b;
const ID_CLUSTER = 0x1f43b675;
const ID_TIMECODE_SCALE = 0x2ad7b1;
const ID_DURATION = 0x4489;
const ID_TRACK_ENTRY = 0xae;
const ID_TRACK_TYPE = 0x83;
const ID_CODEC_ID = 0x86;
const ID_VIDEO = 0xe0;
const ID_PIXEL_WIDTH = 0xb0;
const ID_PIXEL_HEIGHT = 0xba;
const ID_DEFAULT_DURATION = 0x23e383;

interface Element {
  id: number;
  /** Payload start and end; `end` is clipped to the buffer and is Infinity-free. */
  start: number;
  end: number;
  unknownSize: boolean;
}

function readVint(b: Uint8Array, p: number, keepMarker: boolean): { value: number; len: number; allOnes: boolean } | undefined {
  const first = b[p];
  if (first === undefined || first === 0) return undefined;
  let len = 1;
  while (len <= 8 && (first & (0x80 >> (len - 1))) === 0) len++;
  if (len > 8 || p + len > b.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> len);
  let allOnes = value === (0xff >> len);
  for (let i = 1; i < len; i++) {
    value = value * 256 + b[p + i]!;
    if (b[p + i] !== 0xff) allOnes = false;
  }
  return { value, len, allOnes };
}

function readElement(b: Uint8Array, p: number, limit: number): Element | undefined {
  const id = readVint(b, p, true);
  if (!id) return undefined;
  const size = readVint(b, p + id.len, false);
  if (!size) return undefined;
  const start = p + id.len + size.len;
  const unknownSize = size.allOnes;
  const end = unknownSize ? limit : Math.min(limit, start + size.value);
  return { id: id.value, start, end, unknownSize };
}

function uint(b: Uint8Array, s: number, e: number): number {
  let v = 0;
  for (let i = s; i < e; i++) v = v * 256 + b[i]!;
  return v;
}

function float(b: Uint8Array, s: number, e: number): number | undefined {
  const view = new DataView(b.buffer, b.byteOffset + s, e - s);
  if (e - s === 4) return view.getFloat32(0);
  if (e - s === 8) return view.getFloat64(0);
  return undefined;
}

function children(b: Uint8Array, start: number, end: number, fn: (el: Element) => boolean | void): void {
  let p = start;
  while (p < end) {
    const el = readElement(b, p, end);
    if (!el) return;
    if (fn(el) === false) return;
    if (el.unknownSize) return;
    p = el.end;
  }
}

export async function readMatroska(reader: Reader): Promise<OtherVideoFacts> {
  const b = await reader.read(0, HEAD);
  const facts: OtherVideoFacts = {};
  let timecodeScale = 1_000_000;
  let rawDuration: number | undefined;
  children(b, 0, b.length, (top) => {
    if (top.id !== ID_SEGMENT) return;
    children(b, top.start, top.end, (el) => {
      if (el.id === ID_CLUSTER) return false;
      if (el.id === ID_INFO) {
        children(b, el.start, el.end, (f) => {
          if (f.id === ID_TIMECODE_SCALE) timecodeScale = uint(b, f.start, f.end) || timecodeScale;
          if (f.id === ID_DURATION) rawDuration = float(b, f.start, f.end);
        });
      } else if (el.id === ID_TRACKS) {
        children(b, el.start, el.end, (entry) => {
          if (entry.id !== ID_TRACK_ENTRY) return;
          let type = 0;
          let codec: string | undefined;
          let width: number | undefined;
          let height: number | undefined;
          let frameNs: number | undefined;
          children(b, entry.start, entry.end, (f) => {
            if (f.id === ID_TRACK_TYPE) type = uint(b, f.start, f.end);
            else if (f.id === ID_CODEC_ID) codec = ascii(b, f.start, f.end - f.start).replace(/\0+$/, '');
            else if (f.id === ID_DEFAULT_DURATION) frameNs = uint(b, f.start, f.end);
            else if (f.id === ID_VIDEO) {
              children(b, f.start, f.end, (v) => {
                if (v.id === ID_PIXEL_WIDTH) width = uint(b, v.start, v.end);
                if (v.id === ID_PIXEL_HEIGHT) height = uint(b, v.start, v.end);
              });
            }
          });
          if (type === 1 && facts.videoCodec === undefined) {
            if (codec) facts.videoCodec = codec;
            if (width && height) {
              facts.width = width;
              facts.height = height;
            }
            if (frameNs) facts.fps = 1e9 / frameNs;
          } else if (type === 2 && facts.audioCodec === undefined && codec) {
            facts.audioCodec = codec;
          }
        });
      }
    });
    return false;
  });
  if (rawDuration !== undefined && Number.isFinite(rawDuration) && rawDuration > 0) {
    facts.durationSec = (rawDuration * timecodeScale) / 1e9;
  }
  return facts;
}

/* AVI ------------------------------------------------------------------------------------------------------ */

export async function readAvi(reader: Reader): Promise<OtherVideoFacts> {
  const b = await reader.read(0, HEAD);
  const facts: OtherVideoFacts = {};
  let usPerFrame = 0;
  let frames = 0;
  let grandFrames = 0;
  let rate = 0;
  let scale = 0;

  const walk = (start: number, end: number, depth: number): void => {
    let p = start;
    while (p + 8 <= end && depth < 4) {
      const id = ascii(b, p, 4);
      const size = u32le(b, p + 4);
      const body = p + 8;
      const stop = Math.min(end, body + size);
      if (id === 'LIST') {
        const kind = ascii(b, body, 4);
        if (kind === 'movi') return;
        walk(body + 4, stop, depth + 1);
      } else if (id === 'avih' && size >= 40 && body + 40 <= b.length) {
        usPerFrame = u32le(b, body);
        frames = u32le(b, body + 16);
        facts.width = u32le(b, body + 32);
        facts.height = u32le(b, body + 36);
      } else if (id === 'strh' && size >= 36 && body + 36 <= b.length) {
        const type = ascii(b, body, 4);
        if (type === 'vids' && !rate) {
          const handler = ascii(b, body + 4, 4).replace(/\0+$/, '').trim();
          if (handler) facts.videoCodec = handler;
          scale = u32le(b, body + 20);
          rate = u32le(b, body + 24);
        } else if (type === 'auds' && facts.audioCodec === undefined) {
          facts.audioCodec = 'auds';
        }
      } else if (id === 'dmlh' && size >= 4 && body + 4 <= b.length) {
        grandFrames = u32le(b, body);
      }
      p = body + size + (size & 1);
    }
  };
  if (ascii(b, 0, 4) === 'RIFF') walk(12, b.length, 0);

  // OpenDML files over 1 GB count only the first RIFF chunk in avih; dmlh holds the real total.
  const totalFrames = grandFrames || frames;
  const fps = rate && scale ? rate / scale : usPerFrame ? 1e6 / usPerFrame : 0;
  if (fps > 0) facts.fps = fps;
  if (totalFrames && fps > 0) facts.durationSec = totalFrames / fps;
  if (!facts.width || !facts.height) {
    delete facts.width;
    delete facts.height;
  }
  return facts;
}
