import type { FileType } from '../rules/schema';
import { ascii, FormatError, type Reader, startsWith, u16le, u32be, u32le } from './source';
import { readZipDirectory, type ZipDirectory } from './zip';

export const MIME: Record<FileType, string> = {
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  exe: 'application/vnd.microsoft.portable-executable',
  html: 'text/html',
  unknown: 'application/octet-stream',
};

/** The type a file name's extension claims; extensions of text formats we cannot sniff are left out. */
export const EXTENSION_TYPES: Readonly<Record<string, FileType>> = {
  '.mp4': 'mp4', '.m4v': 'mp4', '.mov': 'mov', '.qt': 'mov', '.mkv': 'mkv', '.webm': 'mkv', '.avi': 'avi',
  '.pdf': 'pdf', '.doc': 'doc', '.wps': 'doc', '.docx': 'docx', '.ppt': 'ppt', '.pps': 'ppt', '.pptx': 'pptx',
  '.ppsx': 'pptx', '.xls': 'xls', '.xlsx': 'xlsx', '.zip': 'zip', '.rar': 'rar', '.7z': '7z', '.jpg': 'jpeg',
  '.jpeg': 'jpeg', '.jpe': 'jpeg', '.png': 'png', '.gif': 'gif', '.exe': 'exe', '.htm': 'html', '.html': 'html',
};

export interface Detection {
  type: FileType;
  mime: string;
  /** Finer container name for videos: `webm` is an EBML file like MKV; `mov` is QuickTime. */
  container?: 'mp4' | 'mov' | 'mkv' | 'webm' | 'avi';
  /** The ZIP directory read while telling DOCX/PPTX/XLSX from a plain ZIP, kept for the archive check. */
  zip?: ZipDirectory;
  zipError?: string;
  /** ftyp major brand of an ISO-BMFF file. */
  brand?: string;
}

/** Lower-case extension with its dot, or '' (".tar.gz" gives ".gz"). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

const HEAD_BYTES = 4096;
/** QuickTime files from before ftyp existed start straight with one of these atoms. */
const QT_FIRST_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);
/** HEIF/AVIF stills are ISO-BMFF too, but they are pictures, not videos. */
const IMAGE_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

function result(type: FileType, extra: Partial<Detection> = {}): Detection {
  return { type, mime: MIME[type], ...extra };
}

/** The real type by magic bytes; reads the first 4 KiB, plus the ZIP directory or one OLE2 sector when needed. */
export async function detectType(reader: Reader, name: string): Promise<Detection> {
  const head = await reader.read(0, HEAD_BYTES);
  if (head.length === 0) return result('unknown');

  if (head.length >= 12 && ascii(head, 4, 4) === 'ftyp') {
    const brand = ascii(head, 8, 4);
    if (IMAGE_BRANDS.has(brand)) return { type: 'unknown', mime: brand.startsWith('avi') ? 'image/avif' : 'image/heic', brand };
    return brand === 'qt  ' ? result('mov', { container: 'mov', brand }) : result('mp4', { container: 'mp4', brand });
  }
  if (head.length >= 8 && QT_FIRST_ATOMS.has(ascii(head, 4, 4))) {
    const size = u32be(head, 0);
    if (size === 0 || size === 1 || size >= 8) return result('mov', { container: 'mov' });
  }
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    return result('mkv', ebmlDocType(head) === 'webm' ? { container: 'webm', mime: 'video/webm' } : { container: 'mkv' });
  }
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'AVI ') return result('avi', { container: 'avi' });
  // Archives before the lenient PDF scan: a stored RAR, 7z or ZIP holding a PDF has "%PDF-" in its first 1024 bytes.
  if (startsWith(head, [0x50, 0x4b]) && [0x0403, 0x0605, 0x0807].includes(u16le(head, 2))) return detectZipFamily(reader, name);
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return detectOle(reader, head, name);
  if (ascii(head, 0, 6) === 'Rar!\x1a\x07') return result('rar');
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return result('7z');
  if (indexOfPdfHeader(head) >= 0) return result('pdf');
  if (startsWith(head, [0xff, 0xd8, 0xff])) return result('jpeg');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return result('png');
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return result('gif');
  if (ascii(head, 0, 2) === 'MZ') return result('exe');
  if (looksLikeHtml(head)) return result('html');
  return result('unknown');
}

/** The PDF spec lets %PDF- sit anywhere in the first 1024 bytes (Acrobat accepts junk before it). */
export function indexOfPdfHeader(head: Uint8Array): number {
  const limit = Math.min(head.length - 5, 1024);
  for (let i = 0; i <= limit; i++) {
    if (head[i] === 0x25 && ascii(head, i, 5) === '%PDF-') return i;
  }
  return -1;
}

function looksLikeHtml(head: Uint8Array): boolean {
  let text = ascii(head, 0, 512);
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  text = text.trimStart().toLowerCase();
  return text.startsWith('<!doctype html') || text.startsWith('<html') || (text.startsWith('<!--') && text.includes('<html'));
}

/** EBML header DocType (element 0x4282): "matroska" or "webm". */
function ebmlDocType(head: Uint8Array): string | undefined {
  for (let i = 4; i + 3 < Math.min(head.length, 64); i++) {
    if (head[i] === 0x42 && head[i + 1] === 0x82) {
      const lenByte = head[i + 2]!;
      if ((lenByte & 0x80) === 0) return undefined;
      const len = lenByte & 0x7f;
      return ascii(head, i + 3, len);
    }
  }
  return undefined;
}

async function detectZipFamily(reader: Reader, name: string): Promise<Detection> {
  let zip: ZipDirectory;
  try {
    zip = await readZipDirectory(reader);
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    // A damaged package: trust the extension for DOCX/PPTX/XLSX so the message talks about the right thing.
    const ext = EXTENSION_TYPES[extensionOf(name)];
    const type: FileType = ext === 'docx' || ext === 'pptx' || ext === 'xlsx' ? ext : 'zip';
    return result(type, { zipError: e.message });
  }
  const names = zip.entries.map((e) => e.name);
  if (names.some((n) => n.startsWith('word/'))) return result('docx', { zip });
  if (names.some((n) => n.startsWith('ppt/'))) return result('pptx', { zip });
  if (names.some((n) => n.startsWith('xl/'))) return result('xlsx', { zip });
  return result('zip', { zip });
}

const OLE_STREAMS: ReadonlyArray<[string, FileType]> = [
  ['WordDocument', 'doc'],
  ['PowerPoint Document', 'ppt'],
  ['Workbook', 'xls'],
  ['Book', 'xls'],
];

/**
 * DOC, XLS and PPT are all OLE2 compound files; the main stream's name in the directory tells them apart. The
 * directory chain is followed for at most 16 sectors (Word files keep the root entries in the first one); when it
 * cannot be read, the extension decides, and a non-Office extension gives 'doc'.
 */
async function detectOle(reader: Reader, head: Uint8Array, name: string): Promise<Detection> {
  const byExtension = (): Detection => {
    const ext = EXTENSION_TYPES[extensionOf(name)];
    return result(ext === 'xls' || ext === 'ppt' ? ext : 'doc');
  };
  if (head.length < 512) return byExtension();
  const shift = u16le(head, 0x1e);
  if (shift !== 9 && shift !== 12) return byExtension();
  const sectorSize = 1 << shift;
  const perFatSector = sectorSize / 4;
  const difat: number[] = [];
  for (let i = 0; i < 109; i++) difat.push(u32le(head, 0x4c + i * 4));
  let sid = u32le(head, 0x30);
  const fatCache = new Map<number, Uint8Array>();
  for (let hop = 0; hop < 16 && sid < 0xfffffffa; hop++) {
    const sector = await reader.read((sid + 1) * sectorSize, sectorSize);
    if (sector.length < sectorSize) break;
    for (let off = 0; off + 128 <= sector.length; off += 128) {
      const nameLen = u16le(sector, off + 0x40);
      if (nameLen < 2 || nameLen > 64) continue;
      let entryName = '';
      for (let i = 0; i < nameLen - 2; i += 2) entryName += String.fromCharCode(u16le(sector, off + i));
      const hit = OLE_STREAMS.find(([stream]) => stream === entryName);
      if (hit) return result(hit[1]);
    }
    const fatIndex = Math.floor(sid / perFatSector);
    const fatSid = difat[fatIndex];
    if (fatSid === undefined || fatSid >= 0xfffffffa) break;
    let fat = fatCache.get(fatSid);
    if (!fat) {
      fat = await reader.read((fatSid + 1) * sectorSize, sectorSize);
      fatCache.set(fatSid, fat);
    }
    if (fat.length < sectorSize) break;
    sid = u32le(fat, (sid % perFatSector) * 4);
  }
  return byExtension();
}
