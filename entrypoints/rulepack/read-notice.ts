import { docxText } from '@/lib/checks/docx';
import { Reader, type ByteSource } from '@/lib/checks/source';
import { readEntry, readZipDirectory } from '@/lib/checks/zip';
import { readText } from '@/components/read-text';

/** A notice file's text, or why it cannot be read (Chinese first). */
export type NoticeText = { ok: true; text: string } | { ok: false; error: string };

const TIMEOUT_MS = 30_000;
/** A notice is a few dozen pages; a PDF of more is not a notice and is not read to the end. */
const MAX_PDF_PAGES = 300;
const MAX_TEXT_BYTES = 8 * 1024 * 1024;

const failure = (zh: string, en: string): NoticeText => ({ ok: false, error: `${zh}（${en}）` });

/** Reads a .docx (through the product's DOCX reader), a PDF with a text layer, or a .txt file. */
export async function readNoticeFile(file: File, signal?: AbortSignal): Promise<NoticeText> {
  const name = file.name.toLowerCase();
  try {
    if (name.endsWith('.docx')) return { ok: true, text: await readDocxText(file, signal) };
    if (name.endsWith('.pdf')) return await readPdfText(file, signal);
    if (name.endsWith('.txt') || file.type.startsWith('text/')) {
      if (file.size > MAX_TEXT_BYTES) return failure('文本文件过大，不像一份通知', 'text file too large for a notice');
      return { ok: true, text: await readText(file) };
    }
    if (name.endsWith('.doc')) return failure('请先在 Word 中另存为 .docx 再拖入', 'save the .doc as .docx first');
    return failure('只能读取 .docx、带文字层的 .pdf 或 .txt', 'only .docx, text-layer .pdf or .txt');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failure(`无法读取“${file.name}”：${reason}`, 'the file could not be read');
  }
}

/** Paragraphs of word/document.xml, one per line (table cells are paragraphs too). */
export async function readDocxText(source: ByteSource, signal?: AbortSignal): Promise<string> {
  const reader = new Reader(source, { deadline: Date.now() + TIMEOUT_MS, timeoutMs: TIMEOUT_MS, ...(signal ? { signal } : {}) });
  const dir = await readZipDirectory(reader);
  const entry = dir.entries.find((e) => e.name === 'word/document.xml');
  if (!entry) throw new Error('不是 Word 文档（word/document.xml 缺失）');
  const xml = new TextDecoder('utf-8').decode(await readEntry(reader, entry));
  return docxText(xml).paragraphs.join('\n');
}

/**
 * PDF text through pdf.js, loaded only on this page. Its worker is bundled with the extension (no remote code) and
 * eval is off, so it runs under the extension pages' CSP. Lines follow pdf.js's end-of-line marks.
 */
async function readPdfText(file: File, signal?: AbortSignal): Promise<NoticeText> {
  // The legacy build: the modern one calls Promise.withResolvers (Chromium 119), above the floor (lib/browser-floor.ts).
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { default: workerUrl } = await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const task = pdfjs.getDocument({ data: new Uint8Array(await file.arrayBuffer()), isEvalSupported: false });
  const timer = setTimeout(() => void task.destroy(), TIMEOUT_MS);
  const abort = () => void task.destroy();
  signal?.addEventListener('abort', abort);
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let number = 1; number <= Math.min(doc.numPages, MAX_PDF_PAGES); number++) {
      const content = await (await doc.getPage(number)).getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text);
    }
    const text = pages.join('\n');
    if (text.replace(/\s+/gu, '').length < 20) {
      return failure('这份 PDF 没有文字层（可能是扫描件），请粘贴通知文字', 'the PDF has no text layer; paste the text');
    }
    return { ok: true, text };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}
