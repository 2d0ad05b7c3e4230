/** Top-level boxes read before giving up on a strange file; real MP4/MOV files have fewer than ten. */
const MAX_BOXES = 4096;

/** Something the box scanner can read from: a `Blob` or a test double. */
export interface SliceSource {
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** The top-level boxes (type and offset) of an MP4/MOV file, reading only their 16-byte headers. */
export async function topLevelBoxes(source: SliceSource): Promise<Array<{ type: string; offset: number; size: number }>> {
  const boxes: Array<{ type: string; offset: number; size: number }> = [];
  let offset = 0;
  while (offset + 8 <= source.size && boxes.length < MAX_BOXES) {
    const head = new DataView(await source.slice(offset, Math.min(offset + 16, source.size)).arrayBuffer());
    let size = head.getUint32(0);
    const type = String.fromCharCode(head.getUint8(4), head.getUint8(5), head.getUint8(6), head.getUint8(7));
    if (!/^[\x20-\x7e]{4}$/.test(type)) break;
    if (size === 1) {
      if (head.byteLength < 16) break;
      size = head.getUint32(8) * 2 ** 32 + head.getUint32(12);
    } else if (size === 0) {
      size = source.size - offset;
    }
    if (size < 8) break;
    boxes.push({ type, offset, size });
    offset += size;
  }
  return boxes;
}

/**
 * Whether the index (`moov`) comes after the media (`mdat`): phones write it last, and a web player must then read
 * the end of the file before it can start. Undefined when the file has neither box at the top level.
 */
export async function isMoovAtEnd(source: SliceSource): Promise<boolean | undefined> {
  const boxes = await topLevelBoxes(source);
  const moov = boxes.findIndex((b) => b.type === 'moov');
  const mdat = boxes.findIndex((b) => b.type === 'mdat');
  if (moov < 0 || mdat < 0) return undefined;
  return moov > mdat;
}
