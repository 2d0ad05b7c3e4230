import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBreakdown, countChars } from '@/lib/text/count';

// district notice 四(二) 1, the 职业教育实践性教学案例 video rule, copied verbatim from shared/seeds/000_….txt.
const SEED_VIDEO_RULE =
  '视频数量限1个，时长限定在15-25分钟之间（少于15分钟或长于25分钟的作品视为不合格），分辨率不低于1280X720,帧速率为25帧/秒，输出格式为MP4，大小不超过500MB。';
// district notice 四(二) 2 (报送形式), same file.
const SEED_SUBMISSION_FORM =
  '2. 报送形式：填写《案例申报表》（附件13)，打印盖章并将PDF 扫描件和案例主体内容（Word格式）、辅助材料（具体要求详见附件14) 一并提交至活动平台。';

/**
 * A second, deliberately different counter: mark East Asian characters and punctuation with regular expressions
 * over code points, blank them out, then split what is left on whitespace. Only valid for the characters it lists,
 * which is why the fuzzing below draws from a matching alphabet.
 */
const REFERENCE_EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}０-９Ａ-Ｚａ-ｚ]/u;
const REFERENCE_PUNCTUATION = new Set(Array.from('。，、；：？！“”‘’（）《》【】—…·「」『』〈〉'));
const REFERENCE_WORD_CHAR = '[[\\p{L}\\p{N}\\p{S}]--[\\p{Script=Han}\\p{Script=Hiragana}０-９Ａ-Ｚａ-ｚ]]';
const REFERENCE_APOSTROPHE = new RegExp(`(?<=${REFERENCE_WORD_CHAR})’(?=${REFERENCE_WORD_CHAR})`, 'gv');
function referenceCount(text: string): number {
  let total = 0;
  // ’ between two non-East-Asian word characters is an apostrophe (don’t); elsewhere it is a quotation mark.
  const apostrophesFixed = text.replace(REFERENCE_APOSTROPHE, "'");
  const blanked = Array.from(apostrophesFixed)
    .map((ch) => {
      if (REFERENCE_EAST_ASIAN.test(ch) || REFERENCE_PUNCTUATION.has(ch)) {
        total++;
        return ' ';
      }
      return ch;
    })
    .join('');
  for (const token of blanked.split(/\s+/)) if (/[\p{L}\p{N}\p{S}]/u.test(token)) total++;
  return total;
}

describe('countChars', () => {
  // Each expectation is counted by hand; the comment shows the units.
  it.each<[string, number]>([
    ['', 0],
    [' \n\t\u3000\r\n ', 0], // whitespace only, full-width space included
    ['你好', 2],
    ['你好，世界。', 6], // 4 ideographs + ， + 。
    ['hello world', 2],
    ["don't stop", 2], // the apostrophe stays inside the word
    ['don’t', 1], // Word's curly apostrophe too
    ['3.14 和 2025 年', 4], // 3.14 | 和 | 2025 | 年
    ['2025年5月20日', 6], // 2025 年 5 月 20 日
    ['1,000 元', 2],
    ['state-of-the-art e-mail', 2],
    ['café naïve Ångström', 3], // Latin with diacritics is one word each
    ['２０２５年', 5], // full-width digits count one by one: ２ ０ ２ ５ + 年
    ['ＡＢＣ', 3],
    ['你好,世界', 4], // a half-width comma alone between ideographs adds nothing
    ['你好 , 世界 . ( ) -', 4],
    ['...', 0],
    ['他说：“好！”', 7], // 他 说 ： “ 好 ！ ”
    ['《春》教学设计', 7], // 《 春 》 教 学 设 计
    ['等等……', 4], // each … counts
    ['——破折号', 5], // each — counts
    ['张三·李四', 5],
    ['😀', 1], // an emoji is a symbol, so a run holding it is a word
    ['你好😀世界', 5],
    ['👨‍👩‍👧', 1], // ZWJ sequence: one run
    ['𠀀𪚥', 2], // Ext B ideographs are surrogate pairs and count once each
    ['豈', 1], // CJK Compatibility Ideograph U+F900
    ['第一段\n\n第二段', 6],
    ['MP4格式', 3], // MP4 | 格 | 式
    ['500MB。', 2],
    ['（附件13)', 4], // （ | 附 | 件 | 13)
    ['Word格式）、辅助', 7], // Word | 格 式 | ） | 、 | 辅 助
    ['30%的学生', 4], // 30% | 的 学 生
    ['1 + 1 = 2', 5], // + and = are symbols (Unicode S), not punctuation
    ['①②③', 3],
    ['안녕하세요 세계', 2], // Korean is counted in words, like Word's 朝鲜语单词
    ['ひらがなカタカナ', 8], // kana count one by one
    ['\u3000\u3000首行缩进', 4],
    ['e\u0301', 1], // e + combining acute
    ['\u0301', 0], // a combining mark alone is not a word
    ['你\uD800好', 2], // a lone surrogate is ignored, not counted or thrown on
    ['https://huodong.ncet.edu.cn/#/teacher_index', 1],
    [SEED_VIDEO_RULE, 69],
    [SEED_SUBMISSION_FORM, 67],
  ])('%j → %i', (text, expected) => {
    expect(countChars(text)).toBe(expected);
  });

  it('agrees with the reference counter on the seed paragraphs', () => {
    expect(referenceCount(SEED_VIDEO_RULE)).toBe(69);
    expect(referenceCount(SEED_SUBMISSION_FORM)).toBe(67);
  });

  it('agrees with the reference counter on mixed text', () => {
    const alphabet = Array.from('中文字数统計𠀀豈かな２Ａ。，、；：？！“”‘’（）《》【】—…·「」aZ09é.,-\'/()% \n\t\u3000😀\u0301');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(countChars(text)).toBe(referenceCount(text));
      }),
      { numRuns: 2000 },
    );
  });

  const anyText = fc.string({ unit: 'binary', maxLength: 60 });
  const whitespace = fc.constantFrom(...Array.from(' \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'));
  const ideographRanges: [number, number][] = [
    [0x4e00, 0x9fff], [0x3400, 0x4dbf], [0x20000, 0x2a6df], [0x2a700, 0x2b73f], [0x2b740, 0x2b81f],
    [0x2b820, 0x2ceaf], [0x2ceb0, 0x2ebef], [0x30000, 0x3134f], [0xf900, 0xfaff], [0x2f800, 0x2fa1f],
  ];
  const ideograph = fc
    .constantFrom(...ideographRanges)
    .chain(([from, to]) => fc.integer({ min: from, max: to }))
    .map((cp) => String.fromCodePoint(cp));

  it('counts a string of ideographs as its number of code points', () => {
    fc.assert(
      fc.property(fc.array(ideograph, { maxLength: 50 }), (chars) => {
        const text = chars.join('');
        expect(countChars(text)).toBe(Array.from(text).length);
        expect(countBreakdown(text)).toEqual({ cjk: chars.length, punctuation: 0, words: 0, total: chars.length });
      }),
    );
  });

  it('is additive over concatenation at a whitespace boundary', () => {
    fc.assert(
      fc.property(anyText, whitespace, anyText, (a, ws, b) => {
        expect(countChars(a + ws + b)).toBe(countChars(a) + countChars(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('is additive over concatenation around an ideograph', () => {
    fc.assert(
      fc.property(anyText, ideograph, anyText, (a, han, b) => {
        expect(countChars(a + han + b)).toBe(countChars(a) + 1 + countChars(b));
      }),
    );
  });

  it('ignores how much whitespace there is and of which kind', () => {
    fc.assert(
      fc.property(anyText, whitespace, (text, ws) => {
        const n = countChars(text);
        expect(countChars(text.replace(/\s+/g, ws + ws))).toBe(n);
        expect(countChars(ws + text + ws)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not change when whitespace is added around ideographs', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(countChars(text.replace(/([\u4e00-\u9fff])/g, ' $1\n'))).toBe(countChars(text));
      }),
    );
  });

  it('is never negative and never more than the number of code points', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const n = countChars(text);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(Array.from(text).length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('countBreakdown', () => {
  it.each<[string, { cjk: number; punctuation: number; words: number }]>([
    ['你好，world！', { cjk: 2, punctuation: 2, words: 1 }],
    ['２０２５年《春》', { cjk: 6, punctuation: 2, words: 0 }],
    [SEED_VIDEO_RULE, { cjk: 54, punctuation: 7, words: 8 }],
    [SEED_SUBMISSION_FORM, { cjk: 52, punctuation: 10, words: 5 }],
  ])('%j', (text, parts) => {
    expect(countBreakdown(text)).toEqual({ ...parts, total: parts.cjk + parts.punctuation + parts.words });
  });

  it('always totals its parts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const { cjk, punctuation, words, total } = countBreakdown(text);
        expect(total).toBe(cjk + punctuation + words);
        expect(total).toBe(countChars(text));
      }),
    );
  });
});
