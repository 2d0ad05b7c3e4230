import { describe, expect, it } from 'vitest';
import { docxText, headingStyles } from '../../../lib/checks/docx';
import { inspectFile } from '../../../lib/checks/inspect';
import { countChars } from '../../../lib/text/count';
import { memorySource } from '../../fixtures/checks/bytes';
import { buildDocx, buildOle, documentXml, para, stylesXml } from '../../fixtures/checks/office';
import { buildZip } from '../../fixtures/checks/zip-builder';

async function inspectDocx(body: string, opts: Parameters<typeof buildDocx>[1] = {}) {
  return inspectFile(memorySource(buildDocx(body, opts)), '总结报告.docx');
}

describe('docxText', () => {
  it('joins runs within a paragraph and separates paragraphs', () => {
    const xml = documentXml('<w:p><w:r><w:t>校本</w:t></w:r><w:r><w:t>研修</w:t></w:r></w:p><w:p><w:r><w:t>总结</w:t></w:r></w:p>');
    expect(docxText(xml).paragraphs).toEqual(['校本研修', '总结']);
  });

  it('leaves out deleted text, field codes, moved-away text and the text-box fallback copy', () => {
    const xml = documentXml(
      '<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins>' +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>3</w:t></w:r>' +
        '<w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom>' +
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>' +
        '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>',
    );
    const { paragraphs } = docxText(xml);
    expect(paragraphs.join('|')).toBe('文本框|保留插入3');
  });

  it('keeps words apart across tabs and breaks, and decodes entities', () => {
    const xml = documentXml('<w:p><w:r><w:t>Hello</w:t><w:tab/><w:t>world</w:t><w:br/><w:t>A&amp;B &lt;C&gt; &#x4E2D;</w:t></w:r></w:p>');
    const text = docxText(xml).paragraphs[0]!;
    expect(text).toBe('Hello\tworld\nA&B <C> 中');
    expect(countChars(text)).toBe(5);
  });
});

describe('headingStyles', () => {
  it('maps Chinese Word style ids and styles based on headings', () => {
    const levels = headingStyles(
      stylesXml('<w:style w:type="paragraph" w:styleId="myHead"><w:name w:val="我的标题"/><w:basedOn w:val="2"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="wps3"><w:name w:val="标题 3"/></w:style>'),
    );
    expect(levels.get('1')).toBe(1);
    expect(levels.get('4')).toBe(4);
    expect(levels.get('myHead')).toBe(2);
    expect(levels.get('wps3')).toBe(3);
    expect(levels.get('a')).toBeUndefined();
  });
});

describe('inspectFile on Word files', () => {
  it('counts 字数 like Word', async () => {
    const r = await inspectDocx(para('一、研修背景') + para('本校共有 120 名教师，开展了 3 次研修。') + para('Digital literacy 提升'));
    const expected = countChars('一、研修背景\n本校共有 120 名教师，开展了 3 次研修。\nDigital literacy 提升');
    expect(r.document?.chars).toBe(expected);
    // 一、研修背景 = 6; 本校共有 120 名教师，开展了 3 次研修。 = 13 CJK + 2 marks + 2 numbers; Digital literacy 提升 = 4.
    expect(r.document?.chars).toBe(6 + 17 + 4);
  });

  it('reports the deepest heading level used by non-empty paragraphs', async () => {
    const body =
      para('一级', { style: '1' }) + para('二级', { style: '2' }) + para('直接大纲级别五', { outline: 4 }) + para('', { style: '6' }) + para('正文');
    const r = await inspectDocx(body);
    expect(r.document?.headingLevels).toBe(5);
  });

  it('still counts when styles.xml is missing', async () => {
    const r = await inspectDocx(para('一二三'), { styles: null });
    expect(r.document).toEqual({ chars: 3, headingLevels: 0 });
  });

  it('reads a stored (uncompressed) document.xml', async () => {
    const r = await inspectDocx(para('四个汉字'), { level: 0 });
    expect(r.document?.chars).toBe(4);
  });

  it('calls a package without word/document.xml damaged', async () => {
    const zip = buildZip({ entries: [{ name: 'word/styles.xml', data: new TextEncoder().encode(stylesXml()) }] });
    const r = await inspectFile(memorySource(zip), 'a.docx');
    expect(r.findings.map((f) => [f.code, f.verdict])).toEqual([['docx_damaged', 'unreadable']]);
  });

  it('gives a legacy .doc no count', async () => {
    const r = await inspectFile(memorySource(buildOle('WordDocument')), '方案.doc');
    expect(r.detected.type).toBe('doc');
    expect(r.document).toEqual({});
    expect(r.findings).toEqual([]);
  });
});
