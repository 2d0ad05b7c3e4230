import { countChars } from '../text/count';
import { FormatError, type Reader } from './source';
import { readEntry, type ZipDirectory } from './zip';

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

const utf8 = new TextDecoder('utf-8');

/**
 * Reads `word/document.xml` (and `word/styles.xml` for heading levels) through the ZIP directory already read
 * by type detection: only those two entries are inflated.
 */
export async function readDocx(reader: Reader, dir: ZipDirectory): Promise<DocxFacts> {
  const docEntry =
    dir.entries.find((e) => e.name === 'word/document.xml') ??
    dir.entries.find((e) => /^word\/document\d*\.xml$/.test(e.name));
  if (!docEntry) throw new FormatError('word/document.xml is missing');
  const xml = utf8.decode(await readEntry(reader, docEntry));
  reader.checkpoint();
  const stylesEntry = dir.entries.find((e) => e.name === 'word/styles.xml');
  let styles = new Map<string, number>();
  if (stylesEntry) {
    try {
      styles = headingStyles(utf8.decode(await readEntry(reader, stylesEntry)));
    } catch (e) {
      // Headings are a nicety; a damaged styles part must not hide the 字数.
      if (!(e instanceof FormatError)) throw e;
    }
  }
  const { paragraphs, levels } = docxText(xml, styles);
  reader.checkpoint();
  let headingLevels = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    if (levels[i]! > 0 && paragraphs[i]!.trim() !== '') headingLevels = Math.max(headingLevels, levels[i]!);
  }
  return { chars: countChars(paragraphs.join('\n')), headingLevels };
}

const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
const VAL = /\bw:val\s*=\s*("([^"]*)"|'([^']*)')/;

function attrVal(attrs: string): string | undefined {
  const m = VAL.exec(attrs);
  return m ? (m[2] ?? m[3]) : undefined;
}

export function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/**
 * Visible text by paragraph. Counted: `<w:t>` runs (inserted revisions included, as Word's 字数 counts the text
 * as shown with changes accepted), tabs and breaks as spaces. Not counted: `<w:delText>` (deleted revisions),
 * `<w:instrText>` (field codes), `<w:moveFrom>` (text moved away), and `<mc:Fallback>`, which repeats every text
 * box for old readers and would otherwise be counted twice.
 */
export function docxText(xml: string, styleLevels: ReadonlyMap<string, number> = new Map()): DocxText {
  const paragraphs: string[] = [];
  const levels: number[] = [];
  const stack: Array<{ text: string; style?: string; outline?: number }> = [];
  let skipDepth = 0;
  let inText = 0;
  let inPPr = 0;
  let inPPrChange = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m !== null; m = TOKEN.exec(xml)) {
    const [, close, name, attrs = '', text] = m;
    if (text !== undefined) {
      if (inText > 0 && skipDepth === 0 && stack.length > 0) stack[stack.length - 1]!.text += decodeXmlText(text);
      continue;
    }
    const selfClosing = attrs.endsWith('/');
    if (name === 'mc:Fallback' || name === 'w:moveFrom') {
      if (!selfClosing) skipDepth += close ? -1 : 1;
      if (skipDepth < 0) skipDepth = 0;
      continue;
    }
    if (skipDepth > 0) continue;
    const top = stack[stack.length - 1];
    switch (name) {
      case 'w:p':
        if (close) {
          const p = stack.pop();
          if (p) {
            paragraphs.push(p.text);
            levels.push(p.outline ?? (p.style !== undefined ? (styleLevels.get(p.style) ?? 0) : 0));
          }
        } else if (selfClosing) {
          paragraphs.push('');
          levels.push(0);
        } else {
          stack.push({ text: '' });
        }
        break;
      case 'w:t':
        if (!selfClosing) inText += close ? -1 : 1;
        if (inText < 0) inText = 0;
        break;
      case 'w:tab':
      case 'w:ptab':
        if (top && !close) top.text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (top && !close) top.text += '\n';
        break;
      case 'w:noBreakHyphen':
        if (top && !close) top.text += '-';
        break;
      case 'w:pPr':
        if (!selfClosing) inPPr += close ? -1 : 1;
        break;
      case 'w:pPrChange':
        if (!selfClosing) inPPrChange += close ? -1 : 1;
        break;
      case 'w:pStyle':
        if (top && inPPr > 0 && inPPrChange === 0) {
          const v = attrVal(attrs);
          if (v !== undefined) top.style = v;
        }
        break;
      case 'w:outlineLvl':
        if (top && inPPr > 0 && inPPrChange === 0) top.outline = outlineToLevel(attrVal(attrs));
        break;
      default:
        break;
    }
  }
  return { paragraphs, levels };
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
export function headingStyles(xml: string): Map<string, number> {
  const own = new Map<string, number>();
  const basedOn = new Map<string, string>();
  const STYLE = /<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g;
  for (let m = STYLE.exec(xml); m !== null; m = STYLE.exec(xml)) {
    const attrs = m[1]!;
    const body = m[2]!;
    if (!/w:type\s*=\s*["']paragraph["']/.test(attrs)) continue;
    const id = /w:styleId\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1];
    if (id === undefined) continue;
    const outline = /<w:outlineLvl\b([^>]*)>/.exec(body);
    const name = /<w:name\b([^>]*)>/.exec(body);
    const base = /<w:basedOn\b([^>]*)>/.exec(body);
    if (outline) own.set(id, outlineToLevel(attrVal(outline[1]!)));
    else if (name) {
      const heading = /^(?:heading|标题)\s*([1-9])$/i.exec(attrVal(name[1]!) ?? '');
      if (heading) own.set(id, Number(heading[1]));
    }
    if (base) {
      const b = attrVal(base[1]!);
      if (b !== undefined) basedOn.set(id, b);
    }
  }
  const resolved = new Map<string, number>();
  const ids = new Set([...own.keys(), ...basedOn.keys()]);
  for (const id of ids) {
    let cur: string | undefined = id;
    for (let hops = 0; cur !== undefined && hops < 16; hops++) {
      const level = own.get(cur);
      if (level !== undefined) {
        resolved.set(id, level);
        break;
      }
      cur = basedOn.get(cur);
    }
  }
  return resolved;
}
