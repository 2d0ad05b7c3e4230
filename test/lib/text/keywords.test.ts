import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countKeywords, splitKeywords } from '@/lib/text/keywords';

describe('splitKeywords', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['  、，', []],
    ['校本研修、智慧教育平台、课标', ['校本研修', '智慧教育平台', '课标']],
    ['校本研修，智慧教育平台,课标', ['校本研修', '智慧教育平台', '课标']],
    ['校本研修；智慧教育平台;课标', ['校本研修', '智慧教育平台', '课标']],
    ['校本研修 智慧教育平台\u3000课标', ['校本研修', '智慧教育平台', '课标']],
    ['校本研修／智慧教育平台/课标|双减｜作业', ['校本研修', '智慧教育平台', '课标', '双减', '作业']],
    ['校本研修\n智慧教育平台\r\n课标\t作业', ['校本研修', '智慧教育平台', '课标', '作业']],
    ['  校本研修 ,, 、课标  ', ['校本研修', '课标']],
    ['AI、大单元教学、STEM', ['AI', '大单元教学', 'STEM']],
    ['数字素养﹑课标', ['数字素养', '课标']], // small-form 、 some fonts substitute
    ['课标、课标', ['课标', '课标']], // kept: the form counts what is typed
  ])('%j', (text, expected) => {
    expect(splitKeywords(text)).toEqual(expected);
  });

  it('returns non-empty keywords free of separators that rejoin to the text without separators', () => {
    const separators = Array.from('、，,；;／/|｜ \u3000\n\t');
    const stripSeparators = (s: string) => Array.from(s).filter((ch) => !separators.includes(ch)).join('');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...separators, '研', '修', 'a', '1', '-', '𠀀'), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        const keywords = splitKeywords(text);
        for (const keyword of keywords) {
          expect(keyword).not.toBe('');
          expect(stripSeparators(keyword)).toBe(keyword);
        }
        expect(keywords.join('')).toBe(stripSeparators(text));
      }),
    );
  });
});

describe('countKeywords', () => {
  it.each<[string, number]>([
    ['', 0],
    ['校本研修、智慧教育平台、课标、双减', 4],
    ['校本研修、智慧教育平台、课标、双减、作业设计', 5],
    ['校本研修， ，课标', 2],
  ])('%j → %i', (text, expected) => {
    expect(countKeywords(text)).toBe(expected);
  });
});
