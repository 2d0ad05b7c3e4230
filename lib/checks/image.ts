import { ascii, FormatError, type Reader, startsWith, u16be, u16le, u32be } from './source';

export interface ImageFacts {
  width: number;
  height: number;
}

/** Start-of-frame markers carry the size; C4 (DHT), C8 (JPG extension) and CC (DAC) share the range but do not. */
function isSof(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

const JPEG_FIRST_READ = 64 * 1024;
/** EXIF blocks with a thumbnail and several APP segments rarely pass 256 KiB before the frame header. */
const JPEG_MAX_SCAN = 2 * 1024 * 1024;

/**
 * JPEG size from the SOFn segment, walking segments by their lengths from the start (so the SOF of an EXIF
 * thumbnail inside APP1 is never mistaken for the picture's). Reads only the first segments.
 */
export async function readJpegSize(reader: Reader): Promise<ImageFacts> {
  let buf = await reader.read(0, JPEG_FIRST_READ);
  let bufStart = 0;
  if (!startsWith(buf, [0xff, 0xd8])) throw new FormatError('no JPEG start marker');
  let pos = 2;
  const ensure = async (need: number): Promise<void> => {
    if (pos + need <= bufStart + buf.length) return;
    if (pos + need > JPEG_MAX_SCAN) throw new FormatError('no frame header in the first 2 MB');
    buf = await reader.read(pos, Math.max(need, JPEG_FIRST_READ));
    bufStart = pos;
    if (buf.length < need) throw new FormatError('file ends before the frame header');
  };
  for (;;) {
    await ensure(2);
    if (buf[pos - bufStart] !== 0xff) throw new FormatError(`expected a marker at byte ${pos}`);
    let marker = buf[pos + 1 - bufStart]!;
    // Fill bytes: any number of 0xFF before a marker.
    while (marker === 0xff) {
      pos++;
      await ensure(2);
      marker = buf[pos + 1 - bufStart]!;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) throw new FormatError('no frame header before the image data');
    await ensure(4);
    const len = u16be(buf, pos + 2 - bufStart);
    if (len < 2) throw new FormatError('invalid segment length');
    if (isSof(marker)) {
      await ensure(9);
      const height = u16be(buf, pos + 5 - bufStart);
      const width = u16be(buf, pos + 7 - bufStart);
      if (!width || !height) throw new FormatError('frame header gives a zero size');
      return { width, height };
    }
    pos += 2 + len;
    reader.checkpoint();
  }
}

export async function readPngSize(reader: Reader): Promise<ImageFacts> {
  const b = await reader.read(0, 24);
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') throw new FormatError('IHDR chunk missing');
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  if (!width || !height) throw new FormatError('IHDR gives a zero size');
  return { width, height };
}

export async function readGifSize(reader: Reader): Promise<ImageFacts> {
  const b = await reader.read(0, 10);
  if (b.length < 10) throw new FormatError('header cut off');
  return { width: u16le(b, 6), height: u16le(b, 8) };
}
