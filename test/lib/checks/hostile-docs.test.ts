/**
 * The hostile documents and archives of issue 12, each with the verdict it must get, and proofs that the parsers
 * are linear: the work they count (steps) at n and 2n, never wall-clock time.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../../lib/checks/check-files';
import { docxFacts } from '../../../lib/checks/docx';
import { inspectFile } from '../../../lib/checks/inspect';
import { LIMITS } from '../../../lib/checks/limits';
import { linearizedPages, rootPagesCount } from '../../../lib/checks/pdf';
import { checkReportSchema } from '../../../lib/checks/report';
import { Reader } from '../../../lib/checks/source';
import { XmlScanner } from '../../../lib/checks/xml-scan';
import { inflateEntry, readZipDirectory } from '../../../lib/checks/zip';
import { countChars } from '../../../lib/text/count';
import { latin1, memorySource } from '../../fixtures/checks/bytes';
import { makeCategory } from '../../fixtures/checks/category';
import { buildPdf } from '../../fixtures/checks/images';
import { documentXml, para, stylesXml } from '../../fixtures/checks/office';
import { buildZip } from '../../fixtures/checks/zip-builder';

function docxWith(documentXmlText: string | Uint8Array, level = 9): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
      'word/document.xml': typeof documentXmlText === 'string' ? strToU8(documentXmlText) : documentXmlText,
      'word/styles.xml': strToU8(stylesXml()),
    },
    { level: level as 9 },
  );
}

const codes = (r: { findings: Array<{ code: string; verdict: string }> }) => r.findings.map((f) => [f.code, f.verdict]);

function reader(bytes: Uint8Array): Reader {
  return new Reader(memorySource(bytes), { deadline: Date.now() + 60_000, timeoutMs: 60_000 });
}

/** Steps at n and 2n: linear work doubles (within 10 %), quadratic work would quadruple. */
function expectLinear(steps: (n: number) => number, n: number, bytes: (n: number) => number): void {
  const a = steps(n);
  const b = steps(2 * n);
  expect(b / a).toBeGreaterThan(1.8);
  expect(b / a).toBeLessThan(2.2);
  // And a small constant per input byte.
  expect(b / bytes(2 * n)).toBeLessThan(4);
}

describe('DOCX: the unclosed-tag document of issue 12', () => {
  it('a 1.4 KB DOCX whose document.xml is `<w:t ` repeated is damaged, found in one pass', async () => {
    const xml = `${documentXml('').slice(0, 200)}${'<w:t '.repeat(200_000)}`;
    const docx = docxWith(xml);
    expect(docx.length).toBeLessThan(4096);
    const r = await inspectFile(memorySource(docx), '总结.docx');
    expect(codes(r)).toEqual([['docx_damaged', 'unreadable']]);
    expect(r.findings[0]!.params.reason).toMatch(/not closed|unclosed/);
  });

  it('an unclosed tag with no further `<` stops at the tag cap', async () => {
    const xml = `<w:document><w:body><w:p><w:t${' x="1"'.repeat(20_000)}`;
    const r = await inspectFile(memorySource(docxWith(xml)), '总结.docx');
    expect(codes(r)).toEqual([['check_limit', 'unreadable']]);
    expect(r.findings[0]!.params.limit).toBe('maxXmlTagBytes');
  });

  it('a tag exactly at the cap is still read', () => {
    const attrs = ` a="${'x'.repeat(LIMITS.maxXmlTagBytes - 8)}"`;
    const xml = `<w:p><w:r${attrs}><w:t>字</w:t></w:r></w:p>`;
    expect(`w:r${attrs}`.length).toBeLessThanOrEqual(LIMITS.maxXmlTagBytes);
    expect(docxFacts(xml).chars).toBe(1);
    expect(() => docxFacts(`<w:p><w:r${attrs}xx><w:t>字</w:t></w:r></w:p>`)).toThrow(/too long/);
  });

  it('paragraphs nested past the depth cap are refused, at the cap they are read', () => {
    const deep = (n: number) => `${'<w:p>'.repeat(n)}<w:r><w:t>字</w:t></w:r>${'</w:p>'.repeat(n)}`;
    expect(docxFacts(deep(LIMITS.maxXmlDepth)).chars).toBe(1);
    expect(() => docxFacts(deep(LIMITS.maxXmlDepth + 1))).toThrow(/nest too deep/);
  });

  it('tokenizer steps are linear on normal and hostile XML (n vs 2n)', () => {
    const shapes: Array<(n: number) => string> = [
      (n) => documentXml(para('研修总结 report 2025。').repeat(n)),
      // Runs that never close, inside one paragraph.
      (n) => `<w:p>${'<w:r><w:t>字 a'.repeat(n)}</w:p>`,
      // Attribute values full of quotes and `>`.
      (n) => `<w:p>${'<w:r w:a="&gt;>\'" w:b=\'">\'/>'.repeat(n)}</w:p>`,
      // Entities that never end, and comments, CDATA and PIs that are long.
      (n) => `<w:p><w:r><w:t>${'&#x4e2d&amp'.repeat(n)}</w:t></w:r></w:p><!--${'-'.repeat(n)}--><?x ${'?'.repeat(n)}?>`,
    ];
    for (const shape of shapes) {
      expectLinear((n) => docxFacts(shape(n)).steps, 20_000, (n) => shape(n).length);
    }
  });

  it('chunk boundaries anywhere give the same events as one string', () => {
    const xml = documentXml('<w:p><w:r><w:t>A&amp;B &lt;中&gt;&#x4E2D;</w:t></w:r></w:p>' + '<!-- c -- > --><![CDATA[<不是标签>]]><?pi ?><w:p><w:r><w:t><![CDATA[a]b]]c]]]></w:t></w:r></w:p>' + para('尾', { style: '1' }));
    const events = (chunks: string[]) => {
      const out: string[] = [];
      const h = { open: (n: string) => out.push(`\u0001${n}`), close: (n: string) => out.push(`\u0001/${n}`), text: (t: string) => out.push(t) };
      const scanner = new XmlScanner(h);
      for (const c of chunks) scanner.write(c);
      scanner.end();
      // Adjacent text pieces are one text.
      return out.reduce<string[]>((acc, e) => {
        const last = acc[acc.length - 1];
        if (last !== undefined && !e.startsWith('\u0001') && !last.startsWith('\u0001')) acc[acc.length - 1] = last + e;
        else acc.push(e);
        return acc;
      }, []);
    };
    const whole = events([xml]);
    expect(whole).toContain('<不是标签>');
    expect(whole).toContain('A&B <中>中');
    expect(whole).toContain('a]b]]c]');
    for (let cut = 1; cut < xml.length; cut++) expect(events([xml.slice(0, cut), xml.slice(cut)])).toEqual(whole);
    expect(events([...xml])).toEqual(whole);
  });
});

describe('DOCX: a 60 MB document.xml', () => {
  it('is streamed and counted exactly', async () => {
    const one = para('研修总结报告');
    const n = Math.ceil((60 * 1024 * 1024) / one.length);
    const xml = documentXml(one.repeat(n));
    expect(xml.length).toBeGreaterThan(20 * 1024 * 1024);
    const bytes = strToU8(xml);
    expect(bytes.length).toBeGreaterThan(60 * 1024 * 1024);
    const r = await inspectFile(memorySource(docxWith(bytes, 1)), '大报告.docx', { timeoutMs: 60_000 });
    expect(r.findings).toEqual([]);
    expect(r.document).toEqual({ chars: 6 * n, headingLevels: 0 });
  }, 120_000);

  it('one paragraph of megabytes is counted like the whole text', () => {
    let text = '';
    for (let i = 0; i < 60_000; i++) text += i % 7 === 0 ? `word${i} ` : i % 5 === 0 ? '研修' : i % 3 === 0 ? 'ab' : `x${i}，`;
    expect(text.length).toBeGreaterThan(3 * 64 * 1024);
    const xml = `<w:p>${Array.from({ length: 40 }, (_, k) => `<w:r><w:t>${text.slice((k * text.length) / 40, ((k + 1) * text.length) / 40)}</w:t></w:r>`).join('')}</w:p>`;
    expect(docxFacts(xml).chars).toBe(countChars(text));
  });
});

describe('ZIP: declared sizes are the bound', () => {
  it('an entry declaring 1 KB that inflates to 100 MB is stopped at 1 KB', async () => {
    const bomb = new Uint8Array(100 * 1024 * 1024);
    const zip = buildZip({ entries: [{ name: 'word/document.xml', data: bomb, deflate: true, claimedSize: 1024 }] });
    expect(zip.length).toBeLessThan(200 * 1024);
    const r = await inspectFile(memorySource(zip), '报告.docx');
    expect(codes(r)).toEqual([['docx_damaged', 'unreadable']]);
    expect(r.findings[0]!.params.reason).toMatch(/inflates past its declared 1024 bytes/);

    const rd = reader(zip);
    const dir = await readZipDirectory(rd);
    let delivered = 0;
    await expect(inflateEntry(rd, dir.entries[0]!, (b) => (delivered += b.length))).rejects.toThrow(/declared/);
    expect(delivered).toBeLessThanOrEqual(1024);
  });

  it('an entry declaring more than the inflate cap is refused before inflating', async () => {
    const data = new Uint8Array(64 * 1024);
    const zip = buildZip({ entries: [{ name: 'word/document.xml', data, deflate: true, claimedSize: LIMITS.maxInflateBytes + 1 }] });
    const r = await inspectFile(memorySource(zip), '报告.docx');
    expect(codes(r)).toEqual([['check_limit', 'unreadable']]);
    expect(r.findings[0]!.params.limit).toBe('maxInflateBytes');
    // Only the directory was read, not the entry's data.
    const rd = reader(zip);
    const dir = await readZipDirectory(rd);
    const before = rd.bytesRead;
    await expect(inflateEntry(rd, dir.entries[0]!, () => undefined)).rejects.toThrow(/inflate cap/);
    expect(rd.bytesRead).toBe(before);
    // At the cap exactly, inflating starts (and the real content, smaller than declared, reads fine).
    const atCap = buildZip({ entries: [{ name: 'a.xml', data, deflate: true, claimedSize: LIMITS.maxInflateBytes }] });
    const ra = reader(atCap);
    let got = 0;
    await inflateEntry(ra, (await readZipDirectory(ra)).entries[0]!, (b) => (got += b.length));
    expect(got).toBe(data.length);
  });

  it('a Zip64 entry declaring 2^62 bytes saturates with a finding, and the report validates', async () => {
    const zip = buildZip({ zip64: true, entries: [{ name: '材料/a.bin', data: new Uint8Array(10), claimedSize: 2 ** 62 }] });
    const r = await inspectFile(memorySource(zip), '相关材料.zip');
    expect(r.archive).toEqual({ items: 1, totalBytes: Number.MAX_SAFE_INTEGER, encrypted: false, format: 'zip' });
    expect(codes(r)).toEqual([['archive_damaged', 'unreadable']]);
    const report = await checkFiles(makeCategory(), [{ blob: memorySource(zip), name: '相关材料.zip' }], { rulePack: 'test' });
    expect(() => checkReportSchema.parse(report)).not.toThrow();
    expect(report.files[0]!.verdict).toBe('unreadable');
  });

  it('sizes that each fit but sum past 2^53 saturate too; sums below stay exact', async () => {
    const big = 2 ** 52;
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `f${i}.bin`, data: new Uint8Array(1), claimedSize: big }));
    const over = await inspectFile(memorySource(buildZip({ zip64: true, entries: entries(3) })), 'a.zip');
    expect(over.archive?.totalBytes).toBe(Number.MAX_SAFE_INTEGER);
    expect(codes(over)).toEqual([['archive_damaged', 'unreadable']]);
    const under = await inspectFile(memorySource(buildZip({ zip64: true, entries: entries(1) })), 'a.zip');
    expect(under.archive?.totalBytes).toBe(big);
    expect(under.findings).toEqual([]);
  });

  it('a Zip64 document.xml declaring 2^62 bytes is damaged, not inflated', async () => {
    const zip = buildZip({ zip64: true, entries: [{ name: 'word/document.xml', data: strToU8(documentXml(para('字'))), claimedSize: 2 ** 62 }] });
    const r = await inspectFile(memorySource(zip), 'a.docx');
    expect(codes(r)).toEqual([['docx_damaged', 'unreadable']]);
    expect(r.findings[0]!.params.reason).toMatch(/impossible size/);
  });

  it('a directory listing more entries than the cap is refused; at the cap it is read', async () => {
    const many = (n: number) => buildZip({ entries: Array.from({ length: n }, (_, i) => ({ name: `${i}` })) });
    const over = await inspectFile(memorySource(many(LIMITS.maxZipEntries + 1)), 'a.zip', { timeoutMs: 60_000 });
    expect(codes(over)).toEqual([['check_limit', 'unreadable']]);
    expect(over.findings[0]!.params.limit).toBe('maxZipEntries');
    const at = await inspectFile(memorySource(many(LIMITS.maxZipEntries)), 'a.zip', { timeoutMs: 60_000 });
    expect(at.archive?.items).toBe(LIMITS.maxZipEntries);
  }, 60_000);

  it('a stored entry longer than it declares is damaged too', async () => {
    const zip = buildZip({ entries: [{ name: 'word/document.xml', data: strToU8(documentXml(para('字'.repeat(100)))), claimedSize: 50 }] });
    const r = await inspectFile(memorySource(zip), 'a.docx');
    expect(codes(r)).toEqual([['docx_damaged', 'unreadable']]);
  });
});

describe('PDF: bounded scans', () => {
  const pdfOf = (body: string) => new TextEncoder().encode(`%PDF-1.4\n${body}`);
  /** The page-count scan of `shape(n)` is linear in its length. */
  const expectLinearScan = (shape: (n: number) => string) =>
    expectLinear(
      (n) => {
        const c = { steps: 0 };
        rootPagesCount(pdfOf(shape(n)), c);
        return c.steps;
      },
      50_000,
      (n) => shape(n).length,
    );

  it('1 MB of `1 0 obj` repeated: no page count, truncated, one pass', async () => {
    const body = (n: number) => '1 0 obj '.repeat(n);
    const bytes = pdfOf(body(131_072));
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const r = await inspectFile(memorySource(bytes), '登记表.pdf');
    expect(r.pdf).toEqual({});
    expect(codes(r)).toEqual([['pdf_truncated', 'warn']]);
    expectLinearScan(body);
  });

  it('1 MB of digits: no page count, one pass', async () => {
    const body = (n: number) => '1'.repeat(n);
    const r = await inspectFile(memorySource(pdfOf(body(1024 * 1024))), '登记表.pdf');
    expect(r.pdf).toEqual({});
    expect(codes(r)).toEqual([['pdf_truncated', 'warn']]);
    const digitsThenObj = (n: number) => `${'1'.repeat(n)} 0 obj << /Type /Pages /Count 5 >> endobj`;
    expect(rootPagesCount(pdfOf(digitsThenObj(1024 * 1024)))).toBe(5);
    for (const shape of [body, digitsThenObj, (n: number) => `${'1 '.repeat(n)}obj`, (n: number) => '1 0 obj endobj '.repeat(n)]) {
      expectLinearScan(shape);
    }
  });

  it('a real page tree followed by hostile junk still gives its count', async () => {
    const good = new TextDecoder('latin1').decode(buildPdf(3));
    const bytes = new Uint8Array(latin1(good.replace('trailer', `${'1 0 obj '.repeat(50_000)}trailer`)));
    expect(bytes.length).toBeGreaterThan(400_000);
    const r = await inspectFile(memorySource(bytes), '登记表.pdf');
    expect(r.pdf).toEqual({ pages: 3 });
    expect(r.findings).toEqual([]);
  });

  it('ignores a /Pages node with a /Parent, and /Pagesx, and takes the last root', () => {
    const src = (s: string) => pdfOf(s);
    expect(rootPagesCount(src('3 0 obj << /Type /Pages /Parent 2 0 R /Count 9 >> endobj'))).toBeUndefined();
    expect(rootPagesCount(src('3 0 obj << /Type /Pagesx /Count 9 >> endobj'))).toBeUndefined();
    expect(rootPagesCount(src('2 0 obj << /Type/Pages /Count 2 >> endobj 2 0 obj << /Count 4 /Type /Pages >> endobj'))).toBe(4);
    expect(rootPagesCount(src('2 0 obj << /Type /Pages /Count 99999999999999999 >> endobj'))).toBeUndefined();
  });

  it('reads the linearization dictionary, bounded to its first `>`', () => {
    expect(linearizedPages(pdfOf('1 0 obj << /Linearized 1 /L 10 /N 7 /T 3 >> endobj'))).toBe(7);
    expect(linearizedPages(pdfOf('1 0 obj << /Linearized 1 /L 10 >> /N 7 endobj'))).toBeUndefined();
    expect(linearizedPages(pdfOf('1 0 obj << /Linearized 1 /Names 7 /N 8 >> endobj'))).toBe(8);
  });
});
