import type { FileType, SiteId } from '../schema';

/*
 * How notices phrase the limits the schema knows. Every pattern runs on flat text (full-width folded, whitespace
 * removed), so "不超过 100\n\nM" reads as "不超过100M". Inclusive bounds throughout: the notices' "不超过", "以内",
 * "限定在…之间" and "不低于" all include the number.
 */

/** One number found in a clause, with its place in the flat text. */
export interface Hit<T> {
  value: T;
  from: number;
  to: number;
}

const MIB = 1024 * 1024;
const UNIT_BYTES: Record<string, number> = { G: 1024 * MIB, GB: 1024 * MIB, M: MIB, MB: MIB, K: 1024, KB: 1024 };
const UNIT_SECONDS: Record<string, number> = { 小时: 3600, 分钟: 60, 分: 60, 秒钟: 1, 秒: 1 };

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const DASH = String.raw`(?:-{1,2}|—{1,2}|–|~|～|至|到)`;
const AT_MOST = String.raw`(?:不超过|不得超过|不大于|不多于|不长于|最多|最长|少于等于|<=|≤|限)`;
const AT_LEAST = String.raw`(?:不低于|不少于|不小于|不短于|最少|至少|>=|≥)`;

function all(pattern: RegExp, text: string): RegExpExecArray[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  return [...text.matchAll(new RegExp(pattern.source, flags))];
}

function hit<T>(match: RegExpExecArray, value: T): Hit<T> {
  return { value, from: match.index, to: match.index + match[0].length };
}

// ---------------------------------------------------------------------------------------------------------------
// Durations

const TIME_UNIT = '(小时|分钟|分|秒钟|秒)';

/** "时长限定在15-25分钟之间", "15至25分钟": both ends in seconds. */
export function durationRange(text: string): Hit<{ min: number; max: number }> | undefined {
  const match = new RegExp(`${NUM}${TIME_UNIT}?${DASH}${NUM}${TIME_UNIT}`, 'u').exec(text);
  if (!match) return undefined;
  const unit = UNIT_SECONDS[match[4]!]!;
  const firstUnit = match[2] === undefined ? unit : UNIT_SECONDS[match[2]]!;
  return hit(match, { min: Number(match[1]) * firstUnit, max: Number(match[3]) * unit });
}

/** "不超过50分钟", "50分钟以内"; `total` when the clause caps a sum ("时间总计不超过50分钟"). */
export function durationMax(text: string): Hit<{ seconds: number; total: boolean }> | undefined {
  const match = new RegExp(`${AT_MOST}${NUM}${TIME_UNIT}|${NUM}${TIME_UNIT}(?:以内|以下|之内)`, 'u').exec(text);
  if (!match) return undefined;
  const seconds = Number(match[1] ?? match[3]) * UNIT_SECONDS[match[2] ?? match[4]!]!;
  return hit(match, { seconds, total: /总计|总共|合计|累计|总时长|总长/u.test(text.slice(0, match.index + 2)) });
}

export function durationMin(text: string): Hit<number> | undefined {
  const match = new RegExp(`${AT_LEAST}${NUM}${TIME_UNIT}`, 'u').exec(text);
  return match ? hit(match, Number(match[1]) * UNIT_SECONDS[match[2]!]!) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Picture

/** "分辨率不低于1280X720", "1920×1080以上", "720P". */
export function resolution(text: string): Hit<{ width: number; height: number }> | undefined {
  const match = /(\d{3,4})[xX×*](\d{3,4})/u.exec(text);
  if (match) return hit(match, { width: Number(match[1]), height: Number(match[2]) });
  const named = /(720|1080|2160)[pP]/u.exec(text);
  if (!named) return undefined;
  const height = Number(named[1]);
  return hit(named, { width: Math.round((height * 16) / 9), height });
}

/** "帧速率为25帧/秒", "帧率25fps", "25 FPS". */
export function frameRate(text: string): Hit<number> | undefined {
  const match = /(\d+(?:\.\d+)?)(?:帧\/秒|帧每秒|帧\/s|fps|FPS|帧)/u.exec(text);
  return match ? hit(match, Number(match[1])) : undefined;
}

/** "长边要求不低于1000像素". */
export function longEdge(text: string): Hit<number> | undefined {
  const match = new RegExp(`长边[^,，。；;]*?${AT_LEAST}?${NUM}(?:像素|px)`, 'u').exec(text);
  return match ? hit(match, Number(match[1])) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Sizes and counts

/** "大小不超过500MB", "总量不超过100M", "单张照片在2M以内": bytes (M read as MiB, as the 2025 pack does). */
export function sizeLimit(text: string): Hit<{ bytes: number; total: boolean }> | undefined {
  const match = new RegExp(`${AT_MOST}${NUM}(GB|G|MB|M|KB|K)(?![A-Za-z])|${NUM}(GB|G|MB|M|KB|K)(?:以内|以下|之内)`, 'u')
    .exec(text);
  if (!match) return undefined;
  const bytes = Math.round(Number(match[1] ?? match[3]) * UNIT_BYTES[(match[2] ?? match[4])!]!);
  return hit(match, { bytes, total: /总量|总大小|总计|合计|总共|累计/u.test(text.slice(0, match.index + 2)) });
}

/** "视频数量限1个", "总数量不超过5件", "限报1件作品". */
export function itemCount(text: string): Hit<{ count: number; total: boolean }> | undefined {
  const match = new RegExp(`(?:数量|数)${AT_MOST}${NUM}(?:个|件|份|项)`, 'u').exec(text);
  if (!match) return undefined;
  return hit(match, { count: Number(match[1]), total: /总数/u.test(text.slice(Math.max(0, match.index - 2))) });
}

/** "作者不超过3人", "作者人数不超过3". */
export function authorLimit(text: string): Hit<number> | undefined {
  const match = new RegExp(`作者(?:人数)?${AT_MOST}${NUM}人?`, 'u').exec(text);
  return match ? hit(match, Number(match[1])) : undefined;
}

/** "每位教师（以第一作者为准）限报1件作品". */
export function worksPerAuthor(text: string): Hit<number> | undefined {
  if (!/第一作者|每位教师|每人/u.test(text)) return undefined;
  const match = new RegExp(`(?:限报|限交|限投|最多报送|只能报送|限)${NUM}(?:件|个|项)`, 'u').exec(text);
  return match ? hit(match, Number(match[1])) : undefined;
}

/** "不超过4个" next to 关键词. */
export function keywordLimit(text: string): Hit<number> | undefined {
  const match = new RegExp(`${AT_MOST}${NUM}个`, 'u').exec(text);
  return match ? hit(match, Number(match[1])) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// 字数

/** "3000-4000字", "3000—4000字". */
export function charRange(text: string): Hit<{ min: number; max: number }> | undefined {
  const match = new RegExp(`${NUM}字?${DASH}${NUM}字(?!左右)`, 'u').exec(text);
  return match ? hit(match, { min: Number(match[1]), max: Number(match[2]) }) : undefined;
}

/** "300字以内", "不超过 2000字"; "500字左右" is a target, not a limit. */
export function charMax(text: string): Hit<number> | undefined {
  const match = new RegExp(`${AT_MOST}${NUM}字(?!左右)|${NUM}字(?:以内|以下|之内)`, 'u').exec(text);
  return match ? hit(match, Number(match[1] ?? match[2])) : undefined;
}

/** "标题不超过四级". */
export function headingLevels(text: string): Hit<number> | undefined {
  const match = /标题(?:层级|层次)?(?:不超过|不多于|最多)([一二三四五六七八九\d])级/u.exec(text);
  if (!match) return undefined;
  const digit = '一二三四五六七八九'.indexOf(match[1]!);
  return hit(match, digit >= 0 ? digit + 1 : Number(match[1]));
}

// ---------------------------------------------------------------------------------------------------------------
// Formats

const FORMAT_WORDS: Array<[RegExp, FileType[]]> = [
  [/pdf/iu, ['pdf']],
  [/word|docx?(?![a-z])|Word文档/iu, ['doc', 'docx']],
  [/mp4/iu, ['mp4']],
  [/zip|压缩包/iu, ['zip']],
  [/rar/iu, ['rar']],
  [/7z/iu, ['7z']],
  [/jpe?g/iu, ['jpeg']],
  [/png/iu, ['png']],
  [/pptx?|演示文稿/iu, ['ppt', 'pptx']],
  [/excel|xlsx?/iu, ['xls', 'xlsx']],
  [/mov(?![a-z])/iu, ['mov']],
];

/** The file types a phrase names ("签字扫描为PDF格式", "Word或PDF格式", "PDF、word"), in a stable order. */
export function formatsIn(text: string): FileType[] {
  const types = new Set<FileType>();
  for (const [pattern, names] of FORMAT_WORDS) if (pattern.test(text)) for (const name of names) types.add(name);
  // "ZIP压缩包" names one format, not zip plus an archive word; 7z/rar only when spelled out.
  return [...types];
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** A day as the notice writes it; `year` is undefined when only 月日 is given. */
interface Day {
  year?: number;
  month: number;
  day: number;
}

const DATE = String.raw`(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日`;

const iso = (year: number, day: Day): string =>
  `${String(day.year ?? year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;

/** A window or a deadline: "2025年5月20日至8月31日", "9月15日--9月30日", "于11月15日前". */
export function dateWindow(text: string, noticeYear: number): Hit<{ from?: string; to: string }> | undefined {
  const range = new RegExp(`${DATE}${DASH}${DATE}`, 'u').exec(text);
  if (range) {
    const first: Day = { ...(range[1] ? { year: Number(range[1]) } : {}), month: Number(range[2]), day: Number(range[3]) };
    const year = first.year ?? noticeYear;
    const second: Day = { year: range[4] ? Number(range[4]) : year, month: Number(range[5]), day: Number(range[6]) };
    // "12月1日至1月15日" crosses a new year.
    if (!range[4] && (second.month < first.month || (second.month === first.month && second.day < first.day))) {
      second.year = year + 1;
    }
    return hit(range, { from: iso(year, first), to: iso(year, second) });
  }
  const deadline = new RegExp(`${DATE}(?:前|之前|以前|截止|止)`, 'u').exec(text);
  if (!deadline) return undefined;
  const day: Day = { ...(deadline[1] ? { year: Number(deadline[1]) } : {}), month: Number(deadline[2]), day: Number(deadline[3]) };
  return hit(deadline, { to: iso(noticeYear, day) });
}

/** Years printed with a month ("2025年5月"), else any "20xx年", newest first. */
export function yearsIn(text: string): Hit<number>[] {
  const dated = all(/(20\d\d)年\d{1,2}月/u, text).map((match) => hit(match, Number(match[1])));
  const list = dated.length > 0 ? dated : all(/(20\d\d)年(?!版)/u, text).map((match) => hit(match, Number(match[1])));
  return list.sort((a, b) => b.value - a.value);
}

// ---------------------------------------------------------------------------------------------------------------
// Sites

/** Submission sites the schema knows, from URLs and the district FTP address. */
export function sitesIn(text: string): Hit<SiteId>[] {
  const hits: Hit<SiteId>[] = [];
  for (const match of all(/https?:\/\/([A-Za-z0-9.-]+)[A-Za-z0-9\-._~/#?=&%]*/u, text)) {
    const host = match[1]!.toLowerCase();
    if (host === 'huodong.ncet.edu.cn') hits.push(hit(match, 'huodong'));
    else if (host === 'hecloudnet.com' || host.endsWith('.hecloudnet.com')) hits.push(hit(match, 'hecloudnet'));
  }
  for (const match of all(/(?:FTP|ftp)?服务器地址:?(\d{1,3}(?:\.\d{1,3}){3})/u, text)) hits.push(hit(match, 'district-ftp'));
  return hits;
}
