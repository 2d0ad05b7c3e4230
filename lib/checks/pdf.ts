import { indexOfPdfHeader } from './detect';
import { type Reader, lastIndexOfAscii } from './source';

export interface PdfFacts {
  header: boolean;
  /** `%%EOF` within the last 1 KiB, where readers look for it. */
  eof: boolean;
  pages?: number;
}

const SCAN = 1024 * 1024;
const latin1 = new TextDecoder('latin1');

/** The root page-tree node is the /Type /Pages dictionary without a /Parent; its /Count is the page count. */
function rootPagesCount(text: string): number | undefined {
  const OBJ = /\d+\s+\d+\s+obj\b([\s\S]*?)endobj/g;
  let found: number | undefined;
  for (let m = OBJ.exec(text); m !== null; m = OBJ.exec(text)) {
    const body = m[1]!;
    if (!/\/Type\s*\/Pages\b/.test(body) || /\/Parent\b/.test(body)) continue;
    const count = /\/Count\s+(\d+)/.exec(body);
    // The last root in file order wins: incremental updates append the newer version.
    if (count) found = Number(count[1]);
  }
  return found;
}

/** Header, end marker and, when cheap, page count: linearization dictionary, else the last or first 1 MiB. */
export async function readPdf(reader: Reader): Promise<PdfFacts> {
  const head = await reader.read(0, Math.min(reader.size, SCAN));
  const header = indexOfPdfHeader(head) >= 0;
  const tailStart = Math.max(0, reader.size - SCAN);
  const tail = tailStart === 0 ? head : await reader.read(tailStart, reader.size - tailStart);
  const eofAt = lastIndexOfAscii(tail, '%%EOF');
  const eof = eofAt >= 0 && eofAt >= tail.length - 1024;
  const facts: PdfFacts = { header, eof };

  const headText = latin1.decode(head.subarray(0, Math.min(head.length, 2048)));
  const linearized = /\/Linearized\b[^>]*?\/N\s+(\d+)/.exec(headText);
  let pages = linearized ? Number(linearized[1]) : undefined;
  if (pages === undefined) pages = rootPagesCount(latin1.decode(tail));
  if (pages === undefined && tailStart > 0) pages = rootPagesCount(latin1.decode(head));
  if (pages !== undefined) facts.pages = pages;
  return facts;
}
