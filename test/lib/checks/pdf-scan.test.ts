/**
 * "A scan that is not a scan is caught" (#16): signed forms scanned to PDF (img2pdf, pdf-lib with a full-page photo)
 * pass; the typed, unsigned PDF (pdf-lib text, with or without object streams, with a small logo) is warned about;
 * mixed files, page counts and page shapes are named. The pass is linear (steps at n and 2n) and capped.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { inspectFile } from '../../../lib/checks/inspect';
import { LIMITS } from '../../../lib/checks/limits';
import { isA4Shape, readPdfScan, SCAN_MIN_LONG_EDGE_PX } from '../../../lib/checks/pdf-scan';
import { slotForRoute } from '../../../lib/checks/evaluate';
import { checkAgainstSlot } from '../../../lib/checks/slot-checks';
import { formForCategory } from '../../../lib/forms';
import { Reader } from '../../../lib/checks/source';
import { RULE_PACKS } from '../../../lib/rules';
import { latin1, memorySource } from '../../fixtures/checks/bytes';
import { makeSlot } from '../../fixtures/checks/category';
import { img2pdf, jpeg, pdfLib, requireImg2pdf, TYPED_FORM } from '../../fixtures/checks/pdfs';

// Every fixture is made by ffmpeg, img2pdf or pdf-lib at test time; on a loaded machine that takes seconds.
vi.setConfig({ testTimeout: 90_000 });

const formSlot = makeSlot({ id: 'form', label: '作品登记表', scan: { pages: 2, source: { notice: 'district', section: 'test', quote: '签字扫描为PDF格式' } } });
const plainPdfSlot = makeSlot({ id: 'report' });

async function verdicts(bytes: Uint8Array, slot = formSlot) {
  const insp = await inspectFile(memorySource(bytes), '作品登记表.pdf');
  return { insp, findings: checkAgainstSlot(insp, slot).filter((f) => f.code.startsWith('pdf_')).map((f) => [f.code, f.verdict, f.params] as const) };
}

function reader(bytes: Uint8Array): Reader {
  return new Reader(memorySource(bytes), { deadline: Date.now() + 60_000, timeoutMs: 60_000 });
}

let page: Uint8Array;
let page2: Uint8Array;
let photo: Uint8Array;
let logo: Uint8Array;
beforeAll(() => {
  requireImg2pdf();
  page = jpeg(1240, 1754);
  page2 = jpeg(1241, 1754);
  photo = jpeg(1600, 1200);
  logo = jpeg(240, 80);
  // ffmpeg on a loaded 2-core machine: give the pictures time.
}, 120_000);

describe('readPdfScan on real writers', () => {
  it('img2pdf, two A4 pages at 150 dpi: two page images, two A4 pages, no fonts', async () => {
    const facts = await readPdfScan(reader(img2pdf(2, 1240, 1754, { a4: true })));
    expect(facts).toEqual({ pageObjects: 2, images: 2, pageImages: 2, fonts: 0, sizedPages: 2, a4Pages: 2, complete: true });
  });

  it('pdf-lib, typed text with object streams: the pages and the font are read from the compressed object stream', async () => {
    const facts = await readPdfScan(reader(await pdfLib([{ text: TYPED_FORM }, { text: TYPED_FORM }])));
    expect(facts).toEqual({ pageObjects: 2, images: 0, pageImages: 0, fonts: 1, sizedPages: 2, a4Pages: 2, complete: true });
  });

  it('pdf-lib without object streams reads the same', async () => {
    const facts = await readPdfScan(reader(await pdfLib([{ text: TYPED_FORM }, { text: TYPED_FORM }], { objectStreams: false })));
    expect(facts).toMatchObject({ pageObjects: 2, images: 0, pageImages: 0, fonts: 1, complete: true });
  });

  it('a small logo is an image, not a page image', async () => {
    const facts = await readPdfScan(reader(await pdfLib([{ text: TYPED_FORM, picture: { jpeg: logo, fullPage: false } }])));
    expect(facts).toMatchObject({ images: 1, pageImages: 0, fonts: 1 });
  });

  it('an image at the threshold counts, one pixel less does not', async () => {
    const at = await readPdfScan(reader(img2pdf(1, SCAN_MIN_LONG_EDGE_PX, 566)));
    const below = await readPdfScan(reader(img2pdf(1, SCAN_MIN_LONG_EDGE_PX - 2, 566)));
    expect([at.pageImages, below.pageImages]).toEqual([1, 0]);
  });
});

describe('isA4Shape', () => {
  it.each([
    [595.28, 841.89, true],
    [841.89, 595.28, true],
    [1240, 1754, true],
    [612, 792, false], // Letter
    [1600, 1200, false], // an uncropped 4:3 photo
    [100, 100 * Math.SQRT2 * 1.039, true],
    [100, 100 * Math.SQRT2 * 1.041, false],
    [0, 842, false],
  ])('%d × %d → %s', (w, h, expected) => {
    expect(isA4Shape(w, h)).toBe(expected);
  });
});

describe('checkAgainstSlot: a slot that takes a signed scan', () => {
  it('passes a two-page A4 scan of a two-page form', async () => {
    const { insp, findings } = await verdicts(img2pdf(2, 1240, 1754, { a4: true }));
    expect(insp.pdf).toEqual({ pages: 2 });
    expect(findings).toEqual([['pdf_scan_ok', 'pass', { pages: 2 }]]);
  });

  it('passes a scan with a text layer (OCR): a page-sized picture on every page', async () => {
    const { findings } = await verdicts(await pdfLib([{ text: TYPED_FORM, picture: { jpeg: page, fullPage: true } }, { text: TYPED_FORM, picture: { jpeg: page2, fullPage: true } }]));
    expect(findings).toEqual([['pdf_scan_ok', 'pass', { pages: 2 }]]);
  });

  it('warns "这似乎不是签字后的扫描件" about the typed form', async () => {
    const { insp, findings } = await verdicts(await pdfLib([{ text: TYPED_FORM }, { text: TYPED_FORM }]));
    expect(findings).toEqual([['pdf_not_scan', 'warn', { fonts: 1, pages: 2 }]]);
    const finding = checkAgainstSlot(insp, formSlot).find((f) => f.code === 'pdf_not_scan')!;
    expect(finding.message).toMatch(/^这似乎不是签字后的扫描件/);
  });

  it('warns about the typed form with a logo', async () => {
    const { findings } = await verdicts(await pdfLib([{ text: TYPED_FORM, picture: { jpeg: logo, fullPage: false } }, { text: TYPED_FORM }]));
    expect(findings.map((f) => f[0])).toEqual(['pdf_not_scan']);
  });

  it('names the typed pages of a half-scanned form', async () => {
    const { findings } = await verdicts(await pdfLib([{ picture: { jpeg: page, fullPage: true } }, { text: TYPED_FORM }]));
    expect(findings).toEqual([['pdf_scan_partial', 'warn', { pages: 2, scanned: 1 }]]);
  });

  it('warns about a page count other than the form’s', async () => {
    const { findings } = await verdicts(img2pdf(3, 1240, 1754, { a4: true }));
    expect(findings).toEqual([
      ['pdf_scan_ok', 'pass', { pages: 3 }],
      ['pdf_scan_pages', 'warn', { pages: 3, expected: 2 }],
    ]);
  });

  it('warns about one picture drawn on every page (a typed file with a full-page background)', async () => {
    const { findings } = await verdicts(await pdfLib([{ text: TYPED_FORM, picture: { jpeg: page, fullPage: true } }, { text: TYPED_FORM, picture: { jpeg: page, fullPage: true } }]));
    expect(findings).toEqual([['pdf_scan_partial', 'warn', { pages: 2, scanned: 1 }]]);
  });

  it('warns about uncropped photos (4:3 pages), measured on the page boxes', async () => {
    const { findings } = await verdicts(img2pdf(2, 1600, 1200));
    expect(findings).toEqual([
      ['pdf_scan_ok', 'pass', { pages: 2 }],
      ['pdf_scan_not_a4', 'warn', { count: 2, pages: 2 }],
    ]);
    const letter = await verdicts(await pdfLib([{ picture: { jpeg: photo, fullPage: true } }, { picture: { jpeg: page, fullPage: true } }], { size: [612, 792] }));
    expect(letter.findings).toEqual([
      ['pdf_scan_ok', 'pass', { pages: 2 }],
      ['pdf_scan_not_a4', 'warn', { count: 2, pages: 2 }],
    ]);
  });

  it('says nothing about scans where the slot does not ask for one, or for files that are not PDFs', async () => {
    const { findings } = await verdicts(await pdfLib([{ text: TYPED_FORM }]), plainPdfSlot);
    expect(findings).toEqual([]);
    const insp = await inspectFile(memorySource(page), '作品登记表.jpg');
    expect(insp.scan).toBeUndefined();
    expect(checkAgainstSlot(insp, formSlot).filter((f) => f.code.startsWith('pdf_'))).toEqual([]);
  });
});

describe('readPdfScan: bounded and linear', () => {
  const pdf = (body: string) => new Uint8Array(latin1(`%PDF-1.4\n${body}\n%%EOF\n`));
  const steps = async (bytes: Uint8Array) => {
    const c = { steps: 0 };
    await readPdfScan(reader(bytes), c);
    return c.steps;
  };
  const expectLinear = async (shape: (n: number) => string, n: number) => {
    const a = await steps(pdf(shape(n)));
    const b = await steps(pdf(shape(2 * n)));
    expect(b / a).toBeGreaterThan(1.8);
    expect(b / a).toBeLessThan(2.2);
    expect(b / pdf(shape(2 * n)).length).toBeLessThan(4);
  };

  it.each([
    ['`1 0 obj` repeated', (n: number) => '1 0 obj '.repeat(n)],
    ['objects with no end', (n: number) => Array.from({ length: n }, (_, i) => `${i + 1} 0 obj << /Type /Page `).join('')],
    ['streams with an indirect length and no endstream', (n: number) => `1 0 obj << /Length 2 0 R >> stream\n${'x'.repeat(n * 8)}`],
    ['streams whose length lies', (n: number) => Array.from({ length: n / 8 }, (_, i) => `${i + 1} 0 obj << /Length 999 >> stream\nabc\nendstream endobj\n`).join('')],
    ['many real pages', (n: number) => Array.from({ length: n / 8 }, (_, i) => `${i + 1} 0 obj << /Type /Page /MediaBox [0 0 595 842] >> endobj\n`).join('')],
    ['a MediaBox of digits', (n: number) => `1 0 obj << /Type /Page /MediaBox [${'1'.repeat(n)} >> endobj`],
  ])('%s: steps grow linearly', async (_label, shape) => {
    await expectLinear(shape, 40_000);
  });

  it('an object redefined by an incremental update counts once', async () => {
    const one = '3 0 obj << /Type /Page /MediaBox [0 0 595 842] >> endobj\n';
    const facts = await readPdfScan(reader(pdf(`${one}${one}4 0 obj << /Type /Page >> endobj\n`)));
    expect(facts.pageObjects).toBe(2);
  });

  it('a soft mask is not a second page image', async () => {
    const image = (n: number, extra: string) => `${n} 0 obj << /Type /XObject /Subtype /Image /Width 1240 /Height 1754 ${extra}/Length 3 >> stream\nabc\nendstream endobj\n`;
    const facts = await readPdfScan(reader(pdf(`${image(5, '/SMask 6 0 R ')}${image(6, '')}`)));
    expect(facts).toMatchObject({ images: 1, pageImages: 1 });
  });

  it('a stream length is used to skip the picture: a 20 MB image stream is not read', async () => {
    const big = 20 * 1024 * 1024;
    const head = latin1(`%PDF-1.4\n1 0 obj << /Type /XObject /Subtype /Image /Width 2480 /Height 3508 /Length ${big} >> stream\n`);
    const tail = latin1('\nendstream endobj\n2 0 obj << /Type /Page /MediaBox [0 0 595 842] >> endobj\n%%EOF\n');
    const bytes = new Uint8Array(head.length + big + tail.length);
    bytes.set(head, 0);
    bytes.set(tail, head.length + big);
    const r = reader(bytes);
    const facts = await readPdfScan(r);
    expect(facts).toMatchObject({ pageObjects: 1, pageImages: 1, a4Pages: 1, complete: true });
    expect(r.bytesRead).toBeLessThan(256 * 1024);
  });

  it('stops at the byte cap on a stream without a length, and says the facts are incomplete', async () => {
    const big = LIMITS.pdfScanMaxBytes + 1024 * 1024;
    const head = latin1('%PDF-1.4\n1 0 obj << /Length 2 0 R >> stream\n');
    const bytes = new Uint8Array(head.length + big);
    bytes.set(head, 0);
    const r = reader(bytes);
    const facts = await readPdfScan(r);
    expect(facts.complete).toBe(false);
    expect(r.bytesRead).toBeLessThanOrEqual(LIMITS.pdfScanMaxBytes);
    const insp = await inspectFile(memorySource(bytes), '登记表.pdf', { timeoutMs: 60_000 });
    expect(checkAgainstSlot(insp, formSlot).filter((f) => f.code.startsWith('pdf_')).map((f) => f.code)).toEqual(['pdf_scan_unknown']);
  });

  it('an object stream that inflates past the cap stops there', async () => {
    const { zlibSync } = await import('fflate');
    const inner = new Uint8Array(LIMITS.pdfObjStmMaxBytes + 1024).fill(0x20);
    const data = zlibSync(inner);
    const head = latin1(`%PDF-1.5\n1 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length} >> stream\n`);
    const tail = latin1('\nendstream endobj\n%%EOF\n');
    const bytes = new Uint8Array(head.length + data.length + tail.length);
    bytes.set(head, 0);
    bytes.set(data, head.length);
    bytes.set(tail, head.length + data.length);
    expect((await readPdfScan(reader(bytes))).complete).toBe(false);
  });
});

describe('the 2025 pack', () => {
  it('asks for a signed scan on every registration, information and application form', () => {
    const scanned = RULE_PACKS[0]!.categories.flatMap((c) =>
      c.slots.flatMap((s) => [...(s.scan ? [`${c.id}/${s.id}`] : []), ...s.variants.filter((v) => v.scan).map((v) => `${c.id}/${s.id}@${v.site}`)]),
    );
    expect(scanned.length).toBeGreaterThanOrEqual(8);
    for (const c of RULE_PACKS[0]!.categories) {
      const form = c.slots.find((s) => /登记表|信息表|申报表/.test(s.label));
      expect(form, c.id).toBeDefined();
      expect(Boolean(form!.scan ?? form!.variants.find((v) => v.scan)), c.id).toBe(true);
    }
  });

  it('asks for the scan on the route whose notice says so: the 信息表 on the district round only', () => {
    const xiaoben = RULE_PACKS[0]!.categories.find((c) => c.id === 'xiaoben')!;
    const info = xiaoben.slots.find((s) => s.id === 'info_form')!;
    expect(slotForRoute(info, 'district-ftp').scan?.source.quote).toBe('案例信息表（签字扫描为PDF格式）');
    expect(slotForRoute(info, 'huodong').scan).toBeUndefined();
  });

  it('expects as many pages as the printed form has (the layout beside the pack)', () => {
    const pack = RULE_PACKS[0]!;
    for (const c of pack.categories) {
      const layout = formForCategory(pack, c.id);
      if (!layout) continue;
      const form = c.slots.map((s) => slotForRoute(s, 'district-ftp')).find((s) => s.scan)!;
      expect(form.scan!.pages, `${c.id} ${layout.annex}`).toBe(layout.pages);
    }
  });
});
