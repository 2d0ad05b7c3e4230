/**
 * A streaming XML tokenizer that is linear by construction: text is fed in chunks (as it comes out of the
 * inflater), every character is looked at a bounded number of times, nothing is ever re-scanned, and the only
 * thing carried across chunks is the tag being read (capped at LIMITS.maxXmlTagBytes) and at most 15 characters of
 * a text entity cut by a chunk boundary. No regular expression runs over the document.
 *
 * It is a tokenizer, not a validating parser: it reports start tags (name + raw attribute text), end tags and
 * text, and skips comments, CDATA (reported as text), processing instructions and DOCTYPE. What it refuses is what
 * would make a tag unbounded: a `<` inside a tag (an unclosed tag), a tag longer than the cap, and input that ends
 * inside a tag. Well-formedness beyond that (matching end tags, namespaces) is the consumer's business; the DOCX
 * reader needs none of it.
 *
 * Why not `saxes` (the maintained streaming parser jsdom uses): it validates every character against the XML
 * character classes and tracks line/column, which costs several times the scan (test/bench/parsers.bench.ts), and
 * it throws on the namespace and well-formedness slips that real Word and WPS files contain.
 */
import { LIMITS } from './limits';
import { CheckLimitError, FormatError } from './source';

export interface XmlHandler {
  /** A start tag; `attrs` is the raw text after the name (read it with `xmlAttr`). */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data, entities already decoded. May arrive in several pieces. */
  text(text: string): void;
}

const enum State {
  Text,
  /** After `<`, deciding what follows. */
  Lt,
  Tag,
  /** Inside `<!--`: `dashes` counts the `-` just seen. */
  Comment,
  /** Inside `<![CDATA[`: `dashes` counts the `]` just seen. */
  Cdata,
  /** `<?…?>` */
  Pi,
  /** `<!…>` other than a comment or CDATA; `<` … `>` nesting counted for an internal subset. */
  Decl,
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const DASH = 0x2d;
const RBRACKET = 0x5d;
const MAX_ENTITY = 16;

/**
 * Feed chunks with `write`, then call `end`. `steps` counts every character the scanner itself examined (plus the
 * spans skipped by native `indexOf`): the linear-time tests compare it at n and 2n.
 */
export class XmlScanner {
  steps = 0;
  private state = State.Text;
  /** Pieces of the tag being read; joined once when it closes. */
  private tagParts: string[] = [];
  private tagLength = 0;
  private quote = 0;
  private dashes = 0;
  /** `<!` prefix collected to tell `<!--` and `<![CDATA[` from a declaration. */
  private bang = '';
  private declDepth = 0;
  /** The tail of a text piece that may be the start of an entity cut by the chunk boundary. */
  private textCarry = '';

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case State.Text: {
          const lt = chunk.indexOf('<', i);
          const stop = lt < 0 ? n : lt;
          this.steps += stop - i + 1;
          if (stop > i || (lt >= 0 && this.textCarry)) this.emitText(chunk.slice(i, stop), lt < 0);
          if (lt < 0) return;
          i = lt + 1;
          this.state = State.Lt;
          break;
        }
        case State.Lt: {
          this.steps++;
          const c = chunk.charCodeAt(i);
          if (c === BANG) {
            this.state = State.Decl;
            this.bang = '!';
            this.declDepth = 1;
            i++;
          } else if (c === QUESTION) {
            this.state = State.Pi;
            this.dashes = 0;
            i++;
          } else {
            this.state = State.Tag;
            this.tagParts = [];
            this.tagLength = 0;
            this.quote = 0;
          }
          break;
        }
        case State.Tag:
          i = this.scanTag(chunk, i);
          break;
        case State.Comment: {
          // Ends at `-->`.
          for (; i < n; i++) {
            this.steps++;
            const c = chunk.charCodeAt(i);
            if (c === GT && this.dashes >= 2) {
              this.state = State.Text;
              i++;
              break;
            }
            this.dashes = c === DASH ? this.dashes + 1 : 0;
          }
          break;
        }
        case State.Cdata: {
          // Ends at `]]>`; the content is text. `dashes` counts `]`s seen and not yet passed on (at most 2).
          let segment = i;
          let closed = false;
          for (; i < n; i++) {
            this.steps++;
            const c = chunk.charCodeAt(i);
            if (c === RBRACKET) {
              if (this.dashes === 0 && i > segment) this.handler.text(chunk.slice(segment, i));
              if (++this.dashes > 2) {
                this.handler.text(']');
                this.dashes = 2;
              }
              segment = i + 1;
            } else if (c === GT && this.dashes >= 2) {
              this.dashes = 0;
              this.state = State.Text;
              closed = true;
              i++;
              break;
            } else if (this.dashes > 0) {
              this.handler.text(']'.repeat(this.dashes));
              this.dashes = 0;
              segment = i;
            }
          }
          if (!closed && this.dashes === 0 && i > segment) this.handler.text(chunk.slice(segment, i));
          break;
        }
        case State.Pi: {
          for (; i < n; i++) {
            this.steps++;
            const c = chunk.charCodeAt(i);
            if (c === GT && this.dashes === 1) {
              this.state = State.Text;
              i++;
              break;
            }
            this.dashes = c === QUESTION ? 1 : 0;
          }
          break;
        }
        case State.Decl: {
          for (; i < n; i++) {
            this.steps++;
            const c = chunk.charCodeAt(i);
            if (this.bang.length < 9) {
              this.bang += chunk[i];
              if (this.bang === '!--') {
                this.state = State.Comment;
                this.dashes = 0;
                i++;
                break;
              }
              if (this.bang === '![CDATA[') {
                this.state = State.Cdata;
                this.dashes = 0;
                i++;
                break;
              }
            }
            if (c === LT) this.declDepth++;
            else if (c === GT && --this.declDepth === 0) {
              this.state = State.Text;
              i++;
              break;
            }
          }
          break;
        }
      }
    }
  }

  /** Call after the last chunk; throws FormatError when the input stops inside a tag. */
  end(): void {
    if (this.state === State.Tag || this.state === State.Lt) throw new FormatError('the XML ends inside a tag');
    if (this.textCarry) {
      this.handler.text(decodeXmlText(this.textCarry));
      this.textCarry = '';
    }
  }

  private emitText(piece: string, atChunkEnd: boolean): void {
    let text = this.textCarry + piece;
    this.textCarry = '';
    if (atChunkEnd) {
      // An entity cut by the chunk boundary is finished by the next chunk.
      const amp = text.lastIndexOf('&', text.length - 1);
      if (amp >= 0 && text.length - amp < MAX_ENTITY && text.indexOf(';', amp) < 0) {
        this.textCarry = text.slice(amp);
        text = text.slice(0, amp);
      }
    }
    if (text) this.handler.text(decodeXmlText(text));
  }

  /** Reads tag bytes up to the closing `>` (outside quotes); returns where scanning continues. */
  private scanTag(chunk: string, from: number): number {
    const n = chunk.length;
    let i = from;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (this.quote !== 0) {
        if (c === this.quote) this.quote = 0;
        else if (c === LT) throw new FormatError('an XML attribute value holds "<" (unclosed tag?)');
        continue;
      }
      if (c === GT) break;
      if (c === DQUOTE || c === SQUOTE) this.quote = c;
      else if (c === LT) throw new FormatError('an XML tag is not closed before the next "<"');
    }
    this.steps += i - from + 1;
    this.tagLength += i - from;
    if (this.tagLength > LIMITS.maxXmlTagBytes) throw new CheckLimitError('maxXmlTagBytes', 'an XML tag is too long');
    if (i > from) this.tagParts.push(chunk.slice(from, i));
    if (i === n) return n;
    this.state = State.Text;
    this.finishTag(this.tagParts.length === 1 ? this.tagParts[0]! : this.tagParts.join(''));
    this.tagParts = [];
    return i + 1;
  }

  private finishTag(tag: string): void {
    this.steps += tag.length;
    if (tag.charCodeAt(0) === SLASH) {
      this.handler.close(tag.slice(1, nameEnd(tag, 1)));
      return;
    }
    const selfClosing = tag.charCodeAt(tag.length - 1) === SLASH;
    const end = nameEnd(tag, 0);
    const name = tag.slice(0, end);
    if (name === '') throw new FormatError('an XML tag has no name');
    this.handler.open(name, tag.slice(end, selfClosing ? tag.length - 1 : tag.length), selfClosing);
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function nameEnd(tag: string, from: number): number {
  let i = from;
  while (i < tag.length) {
    const c = tag.charCodeAt(i);
    if (isSpace(c) || c === SLASH) break;
    i++;
  }
  return i;
}

/**
 * The value of attribute `name` in a tag's raw attribute text, or undefined. One left-to-right pass over
 * `name="value"` pairs; the text is at most LIMITS.maxXmlTagBytes long.
 */
export function xmlAttr(attrs: string, name: string): string | undefined {
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(attrs.charCodeAt(i))) i++;
    const start = i;
    while (i < n) {
      const c = attrs.charCodeAt(i);
      if (c === 0x3d || isSpace(c)) break;
      i++;
    }
    const key = attrs.slice(start, i);
    while (i < n && isSpace(attrs.charCodeAt(i))) i++;
    if (attrs.charCodeAt(i) !== 0x3d) {
      if (i === start) i++;
      continue;
    }
    i++;
    while (i < n && isSpace(attrs.charCodeAt(i))) i++;
    const q = attrs.charCodeAt(i);
    let value: string;
    if (q === DQUOTE || q === SQUOTE) {
      const close = attrs.indexOf(q === DQUOTE ? '"' : "'", i + 1);
      const stop = close < 0 ? n : close;
      value = attrs.slice(i + 1, stop);
      i = stop + 1;
    } else {
      const vs = i;
      while (i < n && !isSpace(attrs.charCodeAt(i))) i++;
      value = attrs.slice(vs, i);
    }
    if (key === name) return decodeXmlText(value);
  }
  return undefined;
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five named entities and numeric references; anything else is left as written. Linear. */
export function decodeXmlText(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    // An entity is at most a few characters; look no further than that for its `;`.
    let semi = -1;
    for (let j = amp + 1; j < s.length && j <= amp + 12; j++) {
      if (s.charCodeAt(j) === 0x3b) {
        semi = j;
        break;
      }
    }
    if (semi > amp + 1) {
      const body = s.slice(amp + 1, semi);
      let decoded: string | undefined = NAMED[body];
      if (decoded === undefined && body.charCodeAt(0) === 0x23) {
        const hex = body.charCodeAt(1) === 0x78 || body.charCodeAt(1) === 0x58;
        const digits = body.slice(hex ? 2 : 1);
        if (digits !== '' && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
          const code = parseInt(digits, hex ? 16 : 10);
          decoded = code <= 0x10ffff ? String.fromCodePoint(code) : '';
        }
      }
      if (decoded !== undefined) {
        out += s.slice(last, amp) + decoded;
        last = semi + 1;
      }
    }
    amp = s.indexOf('&', amp + 1);
  }
  return out + s.slice(last);
}

/** Scans a whole string (tests, small parts). */
export function scanXml(xml: string, handler: XmlHandler): XmlScanner {
  const scanner = new XmlScanner(handler);
  scanner.write(xml);
  scanner.end();
  return scanner;
}
