/**
 * Every cap that bounds a file check, in one place. Together they bound each check's memory *by construction*:
 * a parser never holds more than these numbers allow, whatever the file claims. The time bound is enforced from
 * outside, by the worker pool terminating a worker that runs past its budget (lib/checks/pool.ts); these caps
 * make sure that, on real and hostile files alike, it rarely has to.
 *
 * The numbers are far above anything a teacher uploads (given per cap) and far below what would hurt a browser
 * tab: a check holds at most a few tens of MB at once.
 */
const MiB = 1024 * 1024;

export const LIMITS = {
  /**
   * Bytes one inspection may read from the file over its whole life. Header checks read kilobytes (a 5 GB video:
   * 426 KiB); the largest legitimate read is a DOCX's compressed document.xml or a big moov.
   */
  maxBytesRead: 256 * MiB,
  /**
   * Bytes one ZIP entry may inflate to. document.xml of a 300-page report is a few MB; it is streamed through the
   * XML scanner, never held whole, so this bounds time (≈ 0.3 s per 100 MB), not memory.
   */
  maxInflateBytes: 128 * MiB,
  /** Central directory bytes read at once (a directory this size lists hundreds of thousands of files). */
  maxCentralDirectoryBytes: 64 * MiB,
  /** Entries kept from a central directory; a teacher's material archive holds tens. */
  maxZipEntries: 100_000,
  /**
   * Top-level MP4 boxes walked. A fragmented 3-hour recording with 1-second fragments has about 22,000
   * (moof + mdat per fragment).
   */
  maxTopLevelBoxes: 100_000,
  /** Bytes of one moof read at once; a moof holds a fragment's per-sample table, kilobytes in practice. */
  maxMoofBytes: 16 * MiB,
  /** traf boxes in one moof: one per track in every muxer seen; more is a hostile file. */
  maxTrafsPerMoof: 64,
  /** moov bytes read at once; a phone's 3-hour recording has a moov of a few tens of MB. */
  maxMoovBytes: 64 * MiB,
  /** Distinct frame durations kept for the cadence histogram; past this the file is variable-rate anyway. */
  maxDistinctDurations: 4096,
  /** Tracks in one movie (trak boxes, or track ids named by fragments); a lesson recording has two or three. */
  maxTracks: 64,
  /** Nesting of boxes inside moov that the pruner follows (moov/trak/mdia/minf/stbl is 5 deep). */
  maxBoxDepth: 8,
  /** Open XML elements tracked at once; Word's deepest real nesting (tables in text boxes) is a few dozen. */
  maxXmlDepth: 1024,
  /** Bytes of one XML tag (name and attributes) collected; Word's longest tags are a few hundred bytes. */
  maxXmlTagBytes: 64 * 1024,
  /** Bytes of a PDF scanned from the start and from the end for the page count and the end marker. */
  pdfScanBytes: 1 * MiB,
  /** PDF objects looked at per scan; a 1 MiB window holds a few thousand real ones. */
  pdfMaxObjects: 100_000,
  /**
   * Bytes the scan check (pdf-scan.ts) loads while walking a PDF's objects. Stream data is skipped by its length,
   * so a 300-page scan loads a few MB; a typed PDF is read whole up to this.
   */
  pdfScanMaxBytes: 32 * MiB,
  /** Bytes all of a PDF's object streams may inflate to together; a 500-page report's are about 1 MB. */
  pdfObjStmMaxBytes: 8 * MiB,
} as const;

export type LimitName = keyof typeof LIMITS;
