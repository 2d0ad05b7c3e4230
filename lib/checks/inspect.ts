import type { FileType } from '../rules/schema';
import { detectType, type Detection, EXTENSION_TYPES, extensionOf, MIME } from './detect';
import { readDocx } from './docx';
import { readGifSize, readJpegSize, readPngSize } from './image';
import { readAvi, readMatroska } from './media-other';
import { makeFinding } from './messages';
import { readMp4 } from './mp4';
import { readPdf } from './pdf';
import { type PdfScanFacts, readPdfScan } from './pdf-scan';
import type { ArchiveInfo, DocumentInfo, Finding, ImageInfo, MediaInfo } from './report';
import { type ByteSource, CheckAbortedError, CheckLimitError, CheckTimeoutError, FormatError, Reader } from './source';
import { type ArchiveListing, countedMembers, zipListing } from './archive';
import { readRarDirectory } from './rar';
import { read7zDirectory } from './sevenzip';
import { totalDeclaredBytes } from './zip';

/** Default time bound for checking one file. Header reads finish in milliseconds; this guards against hangs. */
export const DEFAULT_TIMEOUT_MS = 5000;

/** Everything learnt about one file without looking at any slot's rules. */
export interface Inspection {
  name: string;
  size: number;
  detected: { type: FileType; mime: string; container?: Detection['container'] };
  media?: MediaInfo;
  document?: DocumentInfo;
  archive?: ArchiveInfo;
  /** An archive's directory, for the organiser to open a teacher's archive as a folder; never put in reports. */
  listing?: ArchiveListing;
  image?: ImageInfo;
  pdf?: { pages?: number };
  /** Whether the PDF's pages are pictures (a signed scan) or typed text; its own field, beside `pdf`. */
  scan?: PdfScanFacts;
  /** Findings about the file itself: wrong extension, damage, truncation. */
  findings: Finding[];
  /** What the check cost: for the benchmark and for tuning. */
  stats: { bytesRead: number; reads: number; ms: number };
}

export interface InspectOptions {
  /**
   * Cooperative time bound: checked at every read, so abandoned work stops at its next read. It cannot stop
   * synchronous work; the worker pool's hard bound (terminate) does. Default 5 s.
   */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Running total of bytes read, after every read (the worker turns it into throttled progress messages). */
  onRead?: (bytesRead: number) => void;
  /** The real type, as soon as it is known: the pool reports it even for a file whose check it had to stop. */
  onDetected?: (detected: Inspection['detected']) => void;
}

/** Word, Excel and PowerPoint open their new formats under the old extensions, so that mismatch is only a warning. */
const BENIGN_MISMATCH = new Set(['docx:doc', 'xlsx:xls', 'pptx:ppt']);

function extensionFindings(type: FileType, name: string): Finding[] {
  const ext = extensionOf(name);
  const claimed = EXTENSION_TYPES[ext];
  if (!claimed || claimed === type) return [];
  if (type === 'mov' && claimed === 'mp4') return [makeFinding('type_mismatch_mov', 'warn', { ext })];
  // An MP4 named .mov is still a QuickTime-compatible movie.
  if (type === 'mp4' && claimed === 'mov') return [];
  // Plain text formats are not sniffed; an .html that does not start like HTML proves nothing.
  if (type === 'unknown' && claimed === 'html') return [];
  const verdict = BENIGN_MISMATCH.has(`${type}:${claimed}`) ? 'warn' : 'fail';
  return [makeFinding('type_mismatch', verdict, { actual: type, ext })];
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The check was aborted', 'AbortError');
}

/**
 * Detects the real type and reads the facts that matter for submissions. Never throws for bad input: damage,
 * exceptions and timeouts become `unreadable` findings. Throws only when `signal` aborts.
 */
export async function inspectFile(source: ByteSource, name: string, options: InspectOptions = {}): Promise<Inspection> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  const reader = new Reader(source, {
    deadline: started + timeoutMs,
    timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onRead ? { onRead: options.onRead } : {}),
  });
  const result: Inspection = {
    name,
    size: source.size,
    detected: { type: 'unknown', mime: MIME.unknown },
    findings: [],
    stats: { bytesRead: 0, reads: 0, ms: 0 },
  };
  const finish = (): Inspection => {
    result.stats = { bytesRead: reader.bytesRead, reads: reader.reads, ms: Date.now() - started };
    return result;
  };
  if (options.signal?.aborted) throw abortError(options.signal);
  if (source.size === 0) {
    result.findings.push(makeFinding('file_empty', 'fail'));
    return finish();
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const bound = new Promise<'timeout' | 'aborted'>((resolve) => {
    // The reader also checks the deadline, so abandoned work stops at its next read; this timer covers a read
    // that never settles.
    timer = setTimeout(() => resolve('timeout'), timeoutMs + 50);
    if (options.signal) {
      onAbort = () => resolve('aborted');
      options.signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  const work = inspectInto(reader, name, result, options.onDetected).then(
    () => 'done' as const,
    (e: unknown) => e,
  );
  try {
    const outcome = await Promise.race([work, bound]);
    if (outcome === 'done') return finish();
    if (outcome === 'aborted' || outcome instanceof CheckAbortedError) throw abortError(options.signal!);
    if (outcome === 'timeout' || outcome instanceof CheckTimeoutError) {
      result.findings.push(makeFinding('check_timeout', 'unreadable', { seconds: Math.round(timeoutMs / 100) / 10 }));
      return finish();
    }
    if (outcome instanceof CheckLimitError) {
      result.findings.push(makeFinding('check_limit', 'unreadable', { limit: outcome.limit }));
      return finish();
    }
    const reason = outcome instanceof Error ? outcome.message : String(outcome);
    result.findings.push(makeFinding('check_error', 'unreadable', { reason }));
    return finish();
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  }
}

async function inspectInto(reader: Reader, name: string, result: Inspection, onDetected?: InspectOptions['onDetected']): Promise<void> {
  const detection = await detectType(reader, name);
  const type = detection.type;
  result.detected = { type, mime: detection.mime, ...(detection.container ? { container: detection.container } : {}) };
  onDetected?.(result.detected);
  result.findings.push(...extensionFindings(type, name));

  switch (type) {
    case 'mp4':
    case 'mov': {
      const outcome = await readMp4(reader, type);
      if (outcome.ok) {
        const f = outcome.facts;
        result.media = {
          container: f.container,
          durationSec: f.durationSec,
          ...(f.width !== undefined && f.height !== undefined ? { width: f.width, height: f.height } : {}),
          rotation: f.rotation,
          ...(f.fps !== undefined ? { fps: f.fps, vfr: f.vfr ?? false } : {}),
          ...(f.videoCodec ? { videoCodec: f.videoCodec } : {}),
          ...(f.audioCodec ? { audioCodec: f.audioCodec } : {}),
          fragmented: f.fragmented,
        };
      } else {
        result.media = { container: type };
        result.findings.push(makeFinding(outcome.code, 'unreadable', outcome.params));
      }
      break;
    }
    case 'mkv':
    case 'avi': {
      const container = detection.container ?? type;
      const facts = type === 'avi' ? await readAvi(reader) : await readMatroska(reader);
      result.media = { container: container as MediaInfo['container'], ...facts };
      break;
    }
    case 'docx': {
      if (!detection.zip) {
        result.findings.push(makeFinding('docx_damaged', 'unreadable', { reason: detection.zipError ?? 'not a ZIP package' }));
        break;
      }
      try {
        const facts = await readDocx(reader, detection.zip);
        result.document = { chars: facts.chars, headingLevels: facts.headingLevels };
      } catch (e) {
        if (!(e instanceof FormatError)) throw e;
        result.findings.push(makeFinding('docx_damaged', 'unreadable', { reason: e.message }));
      }
      break;
    }
    case 'doc':
      result.document = {};
      break;
    case 'zip': {
      if (!detection.zip) {
        result.findings.push(makeFinding('archive_damaged', 'unreadable', { reason: detection.zipError ?? 'unknown' }));
        break;
      }
      archiveFacts(result, zipListing(detection.zip));
      break;
    }
    case 'rar':
    case '7z': {
      try {
        archiveFacts(result, await (type === 'rar' ? readRarDirectory(reader) : read7zDirectory(reader)));
      } catch (e) {
        if (!(e instanceof FormatError)) throw e;
        result.findings.push(makeFinding('archive_damaged', 'unreadable', { reason: e.message }));
      }
      break;
    }
    case 'jpeg':
    case 'png':
    case 'gif': {
      try {
        const read = type === 'jpeg' ? readJpegSize : type === 'png' ? readPngSize : readGifSize;
        result.image = await read(reader);
      } catch (e) {
        if (!(e instanceof FormatError)) throw e;
        result.findings.push(makeFinding('image_damaged', 'unreadable', { reason: e.message }));
      }
      break;
    }
    case 'pdf': {
      const facts = await readPdf(reader);
      result.pdf = facts.pages !== undefined ? { pages: facts.pages } : {};
      if (!facts.header) {
        result.findings.push(makeFinding('pdf_damaged', 'unreadable'));
        break;
      }
      if (!facts.eof) result.findings.push(makeFinding('pdf_truncated', 'warn'));
      result.scan = await readPdfScan(reader);
      break;
    }
    default:
      break;
  }
}

/** Items, sizes and the faults an archive's directory shows (encryption, names hidden, one volume of several). */
function archiveFacts(result: Inspection, listing: ArchiveListing): void {
  result.listing = listing;
  if (listing.headersEncrypted) {
    result.findings.push(makeFinding('archive_names_encrypted', 'warn', { format: listing.format }));
    return;
  }
  const files = countedMembers(listing);
  const encrypted = files.some((e) => e.encrypted);
  const { totalBytes, saturated } = totalDeclaredBytes(files.map((f) => ({ uncompressedSize: f.size })));
  result.archive = { items: files.length, totalBytes, encrypted, format: listing.format };
  // A directory declaring more than 2^53 bytes (8 PiB) in all is lying: say so rather than report a number.
  if (saturated) result.findings.push(makeFinding('archive_damaged', 'unreadable', { reason: 'the directory declares impossible sizes' }));
  if (encrypted) result.findings.push(makeFinding('archive_encrypted', 'warn'));
  if (listing.multiVolume) result.findings.push(makeFinding('archive_multivolume', 'warn', { format: listing.format }));
}
