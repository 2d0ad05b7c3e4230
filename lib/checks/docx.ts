import { countChars } from '../text/count';
import { LIMITS } from './limits';
import { CheckLimitError, FormatError, type Reader } from './source';
import { scanXml, xmlAttr, type XmlHandler, XmlScanner } from './xml-scan';
import { inflateEntry, type ZipDirectory, type ZipEntry } from './zip';

export { decodeXmlText } from './xml-scan';

export interface DocxFacts {
  /** 字数 as Word counts it for the main document body. */
  chars: number;
  /** Deepest heading level used by a non-empty paragraph; 0 when there is none. */
  headingLevels: number;
}

export interface DocxText {
  paragraphs: string[];
  /** Outline level per paragraph: 1 = 标题 1; 0 = body text. */
  levels: number[];
}

/**
 * Reads `word/styles.xml` (heading levels), then streams `word/document.xml` through the inflater and the XML
 * scanner, counting 字数 paragraph by paragraph: neither part is ever held whole, and the work is linear in the
 * inflated bytes (each capped by the ZIP directory before inflating; see zip.ts `inflateEntry`).
 */
export async function readDocx(reader: Reader, dir: ZipDirectory): Promise<DocxFacts> {
  const docEntry =
    dir.entries.find((e) => e.name === 'word/document.xml') ??
    dir.entries.find((e) => /^word\/document\d*\.xml$/.test(e.name));
  if (!docEntry) throw new FormatError('word/document.xml is missing');
  const stylesEntry = dir.entries.find((e) => e.name === 'word/styles.xml');
  let styles = new Map<string, number>();
  if (stylesEntry) {
    const collector = new StyleCollector();
    try {
      await streamXmlEntry(reader, stylesEntry, collector);
      styles = collector.result();
    } catch (e) {
      // Headings are a nicety; a damaged styles part must not hide the 字数.
      if (!(e instanceof FormatError)) throw e;
    }
  }
  const counter = new CountingSink();
  await streamXmlEntry(reader, docEntry, new DocxWalker(styles, counter));
  reader.checkpoint();
  return { chars: counter.chars, headingLevels: counter.headingLevels };
}

/** Inflates a ZIP entry straight into the XML scanner, decoding UTF-8 across chunk boundaries. */
export async function streamXmlEntry(reader: Reader, entry: ZipEntry, handler: XmlHandler): Promise<XmlScanner> {
  const decoder = new TextDecoder('utf-8');
  const scanner = new XmlScanner(handler);
  await inflateEntry(reader, entry, (bytes) => scanner.write(decoder.decode(bytes, { stream: true })));
  scanner.write(decoder.decode());
  scanner.end();
  return scanner;
}

/** Where the walker sends paragraph text. */
interface ParagraphSink {
  /** A new paragraph opens (possibly inside another: text boxes). */
  begin(): void;
  /** Text of the innermost open paragraph. */
  append(text: string): void;
  /** The innermost paragraph closes with this outline level. */
  end(level: number): void;
}

/** 字数 and heading depth without keeping the text: each open paragraph holds at most ~64 K characters. */
class CountingSink implements ParagraphSink {
  chars = 0;
  headingLevels = 0;
  private stack: Array<{ text: string; cut: number; nonEmpty: boolean }> = [];

  begin(): void {
    this.stack.push({ text: '', cut: 0, nonEmpty: false });
  }

  append(text: string): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) return;
    // The last place where the counter's state is back to "between words": after an ASCII space or a CJK
    // ideograph (both end a run). Counting up to there and starting afresh gives the same 字数 as counting whole.
    for (let i = text.length - 1; i >= 0; i--) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || (c >= 0x4e00 && c <= 0x9fff)) {
        top.cut = top.text.length + i + 1;
        break;
      }
    }
    top.text += text;
    if (!top.nonEmpty && /\S/.test(text)) top.nonEmpty = true;
    if (top.text.length > FLUSH_CHARS) {
      let cut = top.cut;
      // A single "word" past 1 M characters (nothing a person types) is cut anyway: at most one word too many.
      if (cut === 0 && top.text.length > HARD_FLUSH_CHARS) cut = top.text.length - (isHighSurrogate(top.text.charCodeAt(top.text.length - 1)) ? 1 : 0);
      if (cut > 0) {
        this.chars += countChars(top.text.slice(0, cut));
        top.text = top.text.slice(cut);
        top.cut = 0;
      }
    }
  }

  end(level: number): void {
    const p = this.stack.pop();
    if (!p) return;
    this.chars += countChars(p.text);
    if (level > 0 && p.nonEmpty) this.headingLevels = Math.max(this.headingLevels, level);
  }
}

const FLUSH_CHARS = 64 * 1024;
const HARD_FLUSH_CHARS = 1024 * 1024;

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Keeps every paragraph's text (docxText: tests and small parts). */
class CollectingSink implements ParagraphSink {
  readonly paragraphs: string[] = [];
  readonly levels: number[] = [];
  private stack: string[] = [];
  begin(): void {
    this.stack.push('');
  }
  append(text: string): void {
    if (this.stack.length > 0) this.stack[this.stack.length - 1] += text;
  }
  end(level: number): void {
    const t = this.stack.pop();
    if (t === undefined) return;
    this.paragraphs.push(t);
    this.levels.push(level);
  }
}

/**
 * Visible text by paragraph. Counted: `<w:t>` runs (inserted revisions included, as Word's 字数 counts the text
 * as shown with changes accepted), tabs and breaks as spaces. Not counted: `<w:delText>` (deleted revisions),
 * `<w:instrText>` (field codes), `<w:moveFrom>` (text moved away), and `<mc:Fallback>`, which repeats every text
 * box for old readers and would otherwise be counted twice.
 */
class DocxWalker implements XmlHandler {
  private readonly stack: Array<{ style?: string; outline?: number }> = [];
  private skipDepth = 0;
  private inText = 0;
  private inPPr = 0;
  private inPPrChange = 0;

  constructor(
    private readonly styleLevels: ReadonlyMap<string, number>,
    private readonly sink: ParagraphSink,
  ) {}

  text(text: string): void {
    if (this.inText > 0 && this.skipDepth === 0 && this.stack.length > 0) this.sink.append(text);
  }

  open(name: string, attrs: string, selfClosing: boolean): void {
    this.tag(name, attrs, false, selfClosing);
  }

  close(name: string): void {
    this.tag(name, '', true, false);
  }

  private tag(name: string, attrs: string, close: boolean, selfClosing: boolean): void {
    if (name === 'mc:Fallback' || name === 'w:moveFrom') {
      if (!selfClosing) this.skipDepth += close ? -1 : 1;
      if (this.skipDepth < 0) this.skipDepth = 0;
      return;
    }
    if (this.skipDepth > 0) return;
    const top = this.stack[this.stack.length - 1];
    const inPPr = this.inPPr > 0 && this.inPPrChange === 0;
    switch (name) {
      case 'w:p':
        if (close) {
          const p = this.stack.pop();
          if (p) this.sink.end(p.outline ?? (p.style !== undefined ? (this.styleLevels.get(p.style) ?? 0) : 0));
        } else if (selfClosing) {
          this.sink.begin();
          this.sink.end(0);
        } else {
          if (this.stack.length >= LIMITS.maxXmlDepth) throw new CheckLimitError('maxXmlDepth', 'paragraphs nest too deep');
          this.stack.push({});
          this.sink.begin();
        }
        break;
      case 'w:t':
        if (!selfClosing) this.inText += close ? -1 : 1;
        if (this.inText < 0) this.inText = 0;
        break;
      case 'w:tab':
      case 'w:ptab':
        if (top && !close) this.sink.append('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (top && !close) this.sink.append('\n');
        break;
      case 'w:noBreakHyphen':
        if (top && !close) this.sink.append('-');
        break;
      case 'w:pPr':
        if (!selfClosing) this.inPPr += close ? -1 : 1;
        break;
      case 'w:pPrChange':
        if (!selfClosing) this.inPPrChange += close ? -1 : 1;
        break;
      case 'w:pStyle':
        if (top && inPPr && !close) {
          const v = xmlAttr(attrs, 'w:val');
          if (v !== undefined) top.style = v;
        }
        break;
      case 'w:outlineLvl':
        if (top && inPPr && !close) top.outline = outlineToLevel(xmlAttr(attrs, 'w:val'));
        break;
      default:
        break;
    }
  }
}

/** Paragraph texts and outline levels of a whole document.xml string. */
export function docxText(xml: string, styleLevels: ReadonlyMap<string, number> = new Map()): DocxText {
  const sink = new CollectingSink();
  scanXml(xml, new DocxWalker(styleLevels, sink));
  return { paragraphs: sink.paragraphs, levels: sink.levels };
}

/** 字数 and heading depth of a whole document.xml string, the way readDocx counts a streamed one. */
export function docxFacts(xml: string, styleLevels: ReadonlyMap<string, number> = new Map()): DocxFacts & { steps: number } {
  const sink = new CountingSink();
  const scanner = scanXml(xml, new DocxWalker(styleLevels, sink));
  return { chars: sink.chars, headingLevels: sink.headingLevels, steps: scanner.steps };
}

/** w:outlineLvl 0–8 are heading levels 1–9; 9 is body text. */
function outlineToLevel(v: string | undefined): number {
  const n = v === undefined ? Number.NaN : parseInt(v, 10);
  return Number.isInteger(n) && n >= 0 && n <= 8 ? n + 1 : 0;
}

/**
 * styleId → heading level from styles.xml: a style's own outline level, else a built-in heading name
 * ("heading 1" — Word keeps English names even in Chinese Word, where the id is just "1"; WPS may write
 * "标题 1"), else what its basedOn style says.
 */
class StyleCollector implements XmlHandler {
  private readonly own = new Map<string, number>();
  private readonly basedOn = new Map<string, string>();
  private current: { id?: string; paragraph: boolean; outline?: string | null; name?: string; base?: string } | undefined;

  open(name: string, attrs: string, selfClosing: boolean): void {
    if (name === 'w:style') {
      if (selfClosing) return;
      const id = xmlAttr(attrs, 'w:styleId');
      this.current = { paragraph: xmlAttr(attrs, 'w:type') === 'paragraph', ...(id !== undefined ? { id } : {}) };
      return;
    }
    const cur = this.current;
    if (!cur) return;
    // The first of each inside the style wins, wherever it sits (w:pPr or not).
    if (name === 'w:outlineLvl' && cur.outline === undefined) cur.outline = xmlAttr(attrs, 'w:val') ?? null;
    else if (name === 'w:name' && cur.name === undefined) cur.name = xmlAttr(attrs, 'w:val') ?? '';
    else if (name === 'w:basedOn' && cur.base === undefined) {
      const b = xmlAttr(attrs, 'w:val');
      if (b !== undefined) cur.base = b;
    }
  }

  close(name: string): void {
    if (name !== 'w:style' || !this.current) return;
    const { id, paragraph, outline, name: styleName, base } = this.current;
    this.current = undefined;
    if (!paragraph || id === undefined) return;
    if (outline !== undefined) this.own.set(id, outlineToLevel(outline ?? undefined));
    else if (styleName !== undefined) {
      const heading = headingNumber(styleName);
      if (heading > 0) this.own.set(id, heading);
    }
    if (base !== undefined) this.basedOn.set(id, base);
  }

  text(): void {}

  result(): Map<string, number> {
    const resolved = new Map<string, number>();
    const ids = new Set([...this.own.keys(), ...this.basedOn.keys()]);
    for (const id of ids) {
      let cur: string | undefined = id;
      for (let hops = 0; cur !== undefined && hops < 16; hops++) {
        const level = this.own.get(cur);
        if (level !== undefined) {
          resolved.set(id, level);
          break;
        }
        cur = this.basedOn.get(cur);
      }
    }
    return resolved;
  }
}

/** "heading 3" / "标题 3" (any case, optional spaces) → 3; anything else → 0. Style names are short. */
function headingNumber(name: string): number {
  if (name.length > 32) return 0;
  const m = /^(?:heading|标题)\s*([1-9])$/i.exec(name);
  return m ? Number(m[1]) : 0;
}

export function headingStyles(xml: string): Map<string, number> {
  const collector = new StyleCollector();
  scanXml(xml, collector);
  return collector.result();
}
