import { LIMITS, type LimitName } from './limits';
import type { Finding, FindingParams, Verdict } from './report';

/**
 * Every finding the engine can produce. A finding stores only its code and parameters; the sentences below are
 * the single place where they become text, so the UI can re-render a stored report in English.
 */
export const FINDING_CODES = [
  // whole file
  'file_empty',
  'file_ignored',
  'file_unassigned',
  'check_timeout',
  'check_error',
  'check_limit',
  'check_memory',
  'check_worker_failed',
  'type_mismatch',
  'type_mismatch_mov',
  'type_not_accepted',
  'extension_not_accepted',
  'size_ok',
  'size_too_large',
  'archive_not_allowed',
  // video
  'video_no_moov',
  'video_truncated',
  'video_damaged',
  'video_no_track',
  'video_moov_too_large',
  'video_container',
  'video_container_mov',
  'video_duration_ok',
  'video_too_long',
  'video_too_short',
  'video_duration_unknown',
  'video_resolution_ok',
  'video_resolution_low',
  'video_fps_ok',
  'video_fps_mismatch',
  'video_vfr',
  // documents
  'doc_chars_ok',
  'doc_chars_over',
  'doc_chars_under',
  'doc_legacy',
  'doc_not_countable',
  'doc_headings_ok',
  'doc_headings_over',
  'docx_damaged',
  // archives
  'archive_items_ok',
  'archive_items_over',
  'archive_bytes_ok',
  'archive_bytes_over',
  'archive_damaged',
  'archive_encrypted',
  'archive_not_inspected',
  'archive_names_encrypted',
  'archive_multivolume',
  'archive_member_packed',
  // images, PDF
  'image_ok',
  'image_small',
  'image_damaged',
  'pdf_damaged',
  'pdf_truncated',
  'pdf_scan_ok',
  'pdf_not_scan',
  'pdf_scan_partial',
  'pdf_scan_unknown',
  'pdf_scan_pages',
  'pdf_scan_not_a4',
  // category
  'slot_missing',
  'slot_too_few',
  'slot_too_many',
  'slot_total_bytes_over',
  'slot_items_ok',
  'slot_items_over',
  'video_total_ok',
  'video_total_over',
  'video_total_unknown',
  'layout_ok',
  'layout_depth',
  'layout_teacher_folder',
  'layout_category_folder',
  'layout_multiple_roots',
  'layout_multiple_works',
  'layout_no_teacher_folder',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Lang = 'zh' | 'en';

type Template = (p: Params) => string;
type Params = Readonly<FindingParams>;

function num(p: Params, key: string): number {
  const v = p[key];
  return typeof v === 'number' ? v : Number.NaN;
}
function str(p: Params, key: string): string {
  const v = p[key];
  if (Array.isArray(v)) return v.join('、');
  return v === null || v === undefined ? '' : String(v);
}
function list(p: Params, key: string, sep: string): string {
  const v = p[key];
  return Array.isArray(v) ? v.join(sep) : str(p, key);
}

/**
 * "26 分 03 秒" / "1 小时 02 分 05 秒". With `precise`, tenths of a second are shown: a 25:00.4 recording must not
 * read as "25 分 00 秒，超过 25 分钟上限".
 */
export function formatDuration(sec: number, lang: Lang, precise = false): string {
  if (!Number.isFinite(sec)) return lang === 'zh' ? '未知' : 'unknown';
  const total = precise ? Math.floor(sec * 10) / 10 : Math.floor(sec);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total - h * 3600 - m * 60;
  const ss = precise ? s.toFixed(1).padStart(4, '0') : String(Math.floor(s)).padStart(2, '0');
  if (lang === 'zh') {
    if (h > 0) return `${h} 小时 ${String(m).padStart(2, '0')} 分 ${ss} 秒`;
    return `${m} 分 ${ss} 秒`;
  }
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${ss}`;
  return `${m}:${ss}`;
}

/** A limit in seconds as the notices state it: "25 分钟", "50 分钟", "90 秒". */
export function formatLimit(sec: number, lang: Lang): string {
  if (sec % 60 === 0) return lang === 'zh' ? `${sec / 60} 分钟` : `${sec / 60} min`;
  return lang === 'zh' ? formatDuration(sec, lang) : `${sec} s`;
}

/** Sizes in MB of 1024 × 1024 bytes, which is what Windows Explorer and the upload pages show as "MB". */
export function formatBytes(bytes: number, lang: Lang, digits = 1): string {
  void lang;
  if (!Number.isFinite(bytes)) return '?';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(digits)} KB`;
  if (bytes < 1024 ** 3) return `${trimZero((bytes / 1024 ** 2).toFixed(digits))} MB`;
  return `${trimZero((bytes / 1024 ** 3).toFixed(2))} GB`;
}
function trimZero(s: string): string {
  return s.replace(/\.0+$/, '');
}

/** Shows a value and its limit with enough digits that an over-limit value never prints equal to the limit. */
function bytesPair(value: number, limit: number, lang: Lang): [string, string] {
  for (let digits = 1; digits <= 6; digits++) {
    const a = formatBytes(value, lang, digits);
    const b = formatBytes(limit, lang, digits);
    if (a !== b || value === limit) return [a, b];
  }
  return [`${value} B`, `${limit} B`];
}

function durationPair(p: Params, lang: Lang, limitKey: string): string {
  const sec = num(p, 'durationSec');
  const limit = num(p, limitKey);
  const precise = Math.floor(sec) === limit || Math.floor(sec) + 1 === limit;
  return formatDuration(sec, lang, precise);
}

function fps(v: number): string {
  if (!Number.isFinite(v)) return '?';
  return String(Math.round(v * 100) / 100);
}

function range(p: Params, lang: Lang, unit: string): string {
  const min = p['min'];
  const max = p['max'];
  if (typeof min === 'number' && typeof max === 'number') return `${min}–${max} ${unit}`;
  if (typeof max === 'number') return lang === 'zh' ? `不超过 ${max} ${unit}` : `at most ${max} ${unit}`;
  if (typeof min === 'number') return lang === 'zh' ? `不少于 ${min} ${unit}` : `at least ${min} ${unit}`;
  return '';
}

const LIMIT_WORDS: Record<LimitName, Record<Lang, (n: number) => string>> = {
  maxBytesRead: { zh: (n) => `需要读取超过 ${n / 2 ** 20} MB`, en: (n) => `it needs more than ${n / 2 ** 20} MB read` },
  maxInflateBytes: { zh: (n) => `压缩的内容解压后超过 ${n / 2 ** 20} MB`, en: (n) => `a compressed part inflates past ${n / 2 ** 20} MB` },
  maxCentralDirectoryBytes: { zh: (n) => `压缩包目录超过 ${n / 2 ** 20} MB`, en: (n) => `the archive directory is over ${n / 2 ** 20} MB` },
  maxZipEntries: { zh: (n) => `压缩包内超过 ${n} 个条目`, en: (n) => `the archive lists more than ${n} entries` },
  maxTopLevelBoxes: { zh: (n) => `视频顶层结构超过 ${n} 个`, en: (n) => `the video has more than ${n} top-level boxes` },
  maxMoofBytes: { zh: (n) => `视频片段索引超过 ${n / 2 ** 20} MB`, en: (n) => `a fragment index is over ${n / 2 ** 20} MB` },
  maxTrafsPerMoof: { zh: (n) => `一个视频片段内超过 ${n} 个轨道片段`, en: (n) => `a fragment holds more than ${n} track fragments` },
  maxMoovBytes: { zh: (n) => `视频索引超过 ${n / 2 ** 20} MB`, en: (n) => `the video index is over ${n / 2 ** 20} MB` },
  maxDistinctDurations: { zh: (n) => `帧时长超过 ${n} 种`, en: (n) => `more than ${n} distinct frame durations` },
  maxTracks: { zh: (n) => `视频轨道超过 ${n} 条`, en: (n) => `the video has more than ${n} tracks` },
  maxBoxDepth: { zh: (n) => `视频结构嵌套超过 ${n} 层`, en: (n) => `video boxes nest more than ${n} deep` },
  maxXmlDepth: { zh: (n) => `文档元素嵌套超过 ${n} 层`, en: (n) => `document elements nest more than ${n} deep` },
  maxXmlTagBytes: { zh: (n) => `文档中一个标记超过 ${n / 1024} KB`, en: (n) => `a document tag is over ${n / 1024} KB` },
  pdfScanBytes: { zh: (n) => `PDF 需要扫描超过 ${n / 2 ** 20} MB`, en: (n) => `the PDF needs more than ${n / 2 ** 20} MB scanned` },
  pdfMaxObjects: { zh: (n) => `PDF 对象超过 ${n} 个`, en: (n) => `the PDF has more than ${n} objects` },
  pdfScanMaxBytes: { zh: (n) => `PDF 结构超过 ${n / 2 ** 20} MB`, en: (n) => `the PDF's structure is over ${n / 2 ** 20} MB` },
  pdfObjStmMaxBytes: { zh: (n) => `PDF 对象流解压后超过 ${n / 2 ** 20} MB`, en: (n) => `the PDF's object streams inflate past ${n / 2 ** 20} MB` },
};

/** A cap of lib/checks/limits.ts in words; an unknown name (a report from a newer version) is shown as is. */
function limitText(limit: string, lang: Lang): string {
  const words = (LIMIT_WORDS as Record<string, Record<Lang, (n: number) => string> | undefined>)[limit];
  return words ? words[lang](LIMITS[limit as LimitName]) : limit;
}

const TYPE_NAMES: Record<string, string> = {
  mp4: 'MP4', mov: 'MOV (QuickTime)', mkv: 'MKV', webm: 'WebM', avi: 'AVI', pdf: 'PDF', doc: 'DOC', docx: 'DOCX',
  ppt: 'PPT', pptx: 'PPTX', xls: 'XLS', xlsx: 'XLSX', zip: 'ZIP', rar: 'RAR', '7z': '7z', jpeg: 'JPEG', png: 'PNG',
  gif: 'GIF', exe: 'EXE', html: 'HTML',
};
/** RAR4 and RAR5 are both just "RAR" to a teacher. */
function archiveName(format: string): string {
  return format.startsWith('rar') ? 'RAR' : format === '7z' ? '7z' : 'ZIP';
}

function typeName(t: string, lang: Lang): string {
  if (t === 'unknown') return lang === 'zh' ? '无法识别的格式' : 'an unrecognised format';
  return TYPE_NAMES[t] ?? t.toUpperCase();
}
/** Chinese puts a space before a Latin word ("是 MKV") but not before Chinese ("是无法识别的格式"). */
function sp(s: string): string {
  return /^[\x00-\x7f]/.test(s) ? ` ${s}` : s;
}
function typeList(p: Params, key: string, lang: Lang): string {
  const v = p[key];
  const items = Array.isArray(v) ? v : [str(p, key)];
  return items.map((t) => typeName(t, lang)).join(lang === 'zh' ? '、' : ', ');
}

const ZH: Record<FindingCode, Template> = {
  file_empty: () => '文件是空的（0 字节）',
  file_ignored: (p) => `${str(p, 'name')} 是系统自动生成的文件，已忽略，建议删除`,
  file_unassigned: () => '无法判断这个文件属于哪一项，请手动指定',
  check_timeout: (p) => `检查超过 ${num(p, 'seconds')} 秒仍未完成，无法判断`,
  check_error: (p) => `读取文件时出错：${str(p, 'reason')}`,
  check_limit: (p) => `文件结构超出检查上限（${limitText(str(p, 'limit'), 'zh')}），已停止检查，无法判断；请用常用软件重新保存后再试`,
  check_memory: (p) => `检查所需内存超过 ${num(p, 'mb')} MB 上限，已停止检查，无法判断；文件可能已损坏`,
  check_worker_failed: (p) => `检查意外中止（${str(p, 'reason')}），无法判断；请重试`,
  type_mismatch: (p) => `文件实际是${sp(typeName(str(p, 'actual'), 'zh'))}，扩展名却是 ${str(p, 'ext') || '（无）'}`,
  type_mismatch_mov: (p) => `文件实际是 QuickTime（MOV）格式，扩展名却是 ${str(p, 'ext')}；多数播放器能打开，但要求 MP4 时可能被拒`,
  type_not_accepted: (p) => `这一项需要${sp(typeList(p, 'accepted', 'zh'))}，该文件是${sp(typeName(str(p, 'actual'), 'zh'))}`,
  extension_not_accepted: (p) => `扩展名 ${str(p, 'ext') || '（无）'} 不符合要求，应为 ${list(p, 'accepted', '、')}`,
  size_ok: (p) => `文件大小 ${formatBytes(num(p, 'size'), 'zh')}，未超过 ${formatBytes(num(p, 'max'), 'zh')}`,
  size_too_large: (p) => {
    const [a, b] = bytesPair(num(p, 'size'), num(p, 'max'), 'zh');
    return `文件大小 ${a}，超过 ${b} 上限`;
  },
  archive_not_allowed: () => '这一项要求每个文件单独上传，不能打包成压缩包',
  video_no_moov: () => '视频缺少索引（moov），文件可能没有录制完整或未正常保存，无法播放',
  video_truncated: (p) => `视频文件不完整：应有 ${formatBytes(num(p, 'expected'), 'zh')}，实际只有 ${formatBytes(num(p, 'actual'), 'zh')}，可能下载或复制中断`,
  video_damaged: (p) => `视频文件结构损坏，无法读取（${str(p, 'reason')}）`,
  video_no_track: () => '文件中没有视频轨道',
  video_moov_too_large: (p) => `视频索引过大（${formatBytes(num(p, 'bytes'), 'zh')}），无法检查`,
  video_container: (p) => `视频是 ${typeName(str(p, 'container'), 'zh')} 格式，需要 MP4`,
  video_container_mov: () => '视频是 QuickTime（MOV）格式，要求 MP4；建议用转换工具另存为 MP4',
  video_duration_ok: (p) => `时长 ${formatDuration(num(p, 'durationSec'), 'zh')}，符合要求（${durationRange(p, 'zh')}）`,
  video_too_long: (p) => `时长 ${durationPair(p, 'zh', 'maxSec')}，超过 ${formatLimit(num(p, 'maxSec'), 'zh')}上限`,
  video_too_short: (p) => `时长 ${durationPair(p, 'zh', 'minSec')}，不足 ${formatLimit(num(p, 'minSec'), 'zh')}下限`,
  video_duration_unknown: (p) => `无法读取 ${typeName(str(p, 'container'), 'zh')} 视频的时长，请自行核对`,
  video_resolution_ok: (p) => `分辨率 ${num(p, 'width')}×${num(p, 'height')}，不低于 ${num(p, 'minWidth')}×${num(p, 'minHeight')}`,
  video_resolution_low: (p) => `分辨率 ${num(p, 'width')}×${num(p, 'height')}，要求不低于 ${num(p, 'minWidth')}×${num(p, 'minHeight')}`,
  video_fps_ok: (p) => `帧速率 ${fps(num(p, 'fps'))} fps，符合 ${fps(num(p, 'required'))} fps 要求`,
  video_fps_mismatch: (p) => `帧速率 ${fps(num(p, 'fps'))} fps，要求 ${fps(num(p, 'required'))} fps`,
  video_vfr: (p) => `视频是可变帧速率（平均 ${fps(num(p, 'fps'))} fps），要求固定 ${fps(num(p, 'required'))} fps；建议用转换工具按固定帧速率重新导出`,
  doc_chars_ok: (p) => `字数 ${num(p, 'chars')}，符合要求（${range(p, 'zh', '字')}）`,
  doc_chars_over: (p) => `字数 ${num(p, 'chars')}，超过 ${num(p, 'max')} 字上限`,
  doc_chars_under: (p) => `字数 ${num(p, 'chars')}，少于 ${num(p, 'min')} 字下限`,
  doc_legacy: (p) => `旧版 .doc 文件无法自动统计字数，请在 Word 中用“审阅 → 字数统计”核对（要求 ${range(p, 'zh', '字')}）`,
  doc_not_countable: (p) => `${typeName(str(p, 'type'), 'zh')} 文件无法自动统计字数，请自行核对（要求 ${range(p, 'zh', '字')}）`,
  doc_headings_ok: (p) => `标题用到 ${num(p, 'levels')} 级，未超过 ${num(p, 'max')} 级`,
  doc_headings_over: (p) => `标题用到 ${num(p, 'levels')} 级，要求不超过 ${num(p, 'max')} 级`,
  docx_damaged: (p) => `Word 文件已损坏或不是有效的 DOCX（${str(p, 'reason')}）`,
  archive_items_ok: (p) => `压缩包内有 ${num(p, 'items')} 个文件，未超过 ${num(p, 'max')} 个`,
  archive_items_over: (p) => `压缩包内有 ${num(p, 'items')} 个文件，超过 ${num(p, 'max')} 个上限`,
  archive_bytes_ok: (p) => `压缩包内文件共 ${formatBytes(num(p, 'totalBytes'), 'zh')}，未超过 ${formatBytes(num(p, 'max'), 'zh')}`,
  archive_bytes_over: (p) => {
    const [a, b] = bytesPair(num(p, 'totalBytes'), num(p, 'max'), 'zh');
    return `压缩包内文件解压后共 ${a}，超过 ${b} 上限`;
  },
  archive_damaged: (p) => `压缩包已损坏或不完整（${str(p, 'reason')}）`,
  archive_encrypted: () => '压缩包设置了密码，评审可能无法打开',
  archive_not_inspected: (p) => `无法查看 ${typeName(str(p, 'type'), 'zh')} 压缩包里的内容，请自行核对文件个数和大小`,
  archive_names_encrypted: () => '压缩包连文件名都设置了密码，看不到里面有哪些文件；评审可能无法打开，请去掉密码重新压缩',
  archive_multivolume: () => '这是分卷压缩包中的一卷，只看到了这一卷里的文件；请把作品压缩成一个完整的压缩包',
  archive_member_packed: (p) =>
    `这个文件在 ${archiveName(str(p, 'format'))} 压缩包里是压缩存放的${p.solid ? '（固实压缩）' : ''}，没有解压，只核对了名称、类型和大小；时长、帧率、字数等请解压后在“预检”页检查`,
  image_ok: (p) => `图片 ${num(p, 'width')}×${num(p, 'height')}，长边 ${num(p, 'longEdge')} 像素，不低于 ${num(p, 'min')} 像素`,
  image_small: (p) => `图片长边 ${num(p, 'longEdge')} 像素，要求不低于 ${num(p, 'min')} 像素`,
  image_damaged: (p) => `图片已损坏，无法读取尺寸（${str(p, 'reason')}）`,
  pdf_damaged: () => '不是有效的 PDF 文件（缺少 %PDF- 文件头）',
  pdf_truncated: () => 'PDF 结尾缺少 %%EOF 标记，文件可能不完整，请打开确认',
  pdf_scan_ok: (p) => `PDF 的 ${num(p, 'pages')} 页都是扫描图像`,
  pdf_not_scan: (p) => `这似乎不是签字后的扫描件：PDF 的页面只有文字${num(p, 'fonts') > 0 ? `（${num(p, 'fonts')} 种字体）` : ''}，没有扫描图像。请打印、签字后扫描为 PDF 再上传`,
  pdf_scan_partial: (p) => `这似乎不是签字后的扫描件：PDF 共 ${num(p, 'pages')} 页，只有 ${num(p, 'scanned')} 页像扫描图像，其余页只有文字`,
  pdf_scan_unknown: () => '这份 PDF 太大或结构特殊，无法确认是否为签字后的扫描件，请打开核对',
  pdf_scan_pages: (p) => `扫描件有 ${num(p, 'pages')} 页，表格应为 ${num(p, 'expected')} 页，请核对是否漏扫或多扫`,
  pdf_scan_not_a4: (p) => `扫描件有 ${num(p, 'count')} 页不是 A4 比例，请按 A4 纸扫描（手机拍照请裁剪到纸张边缘）`,
  slot_missing: (p) => `缺少：${str(p, 'label')}`,
  slot_too_few: (p) => `${str(p, 'label')} 需要至少 ${num(p, 'min')} 个文件，现有 ${num(p, 'count')} 个`,
  slot_too_many: (p) => `${str(p, 'label')} 最多 ${num(p, 'max')} 个文件，现有 ${num(p, 'count')} 个`,
  slot_items_ok: (p) => `“${str(p, 'label')}”共 ${num(p, 'items')} 件（压缩包按其中文件计），未超过 ${num(p, 'max')} 件`,
  slot_items_over: (p) => `“${str(p, 'label')}”共 ${num(p, 'items')} 件（压缩包按其中文件计），超过总数量 ${num(p, 'max')} 件的上限`,
  slot_total_bytes_over: (p) => {
    const [a, b] = bytesPair(num(p, 'totalBytes'), num(p, 'max'), 'zh');
    return `${str(p, 'label')} 合计 ${a}，超过 ${b} 上限`;
  },
  video_total_ok: (p) => `录像总时长 ${formatDuration(num(p, 'durationSec'), 'zh')}，未超过 ${formatLimit(num(p, 'maxSec'), 'zh')}`,
  video_total_over: (p) => `录像总时长 ${durationPair(p, 'zh', 'maxSec')}，超过 ${formatLimit(num(p, 'maxSec'), 'zh')}上限`,
  video_total_unknown: (p) => `有 ${num(p, 'unknown')} 个录像读不出时长，无法核对总时长（上限 ${formatLimit(num(p, 'maxSec'), 'zh')}）`,
  layout_ok: () => '文件夹结构符合“学段+学校+教师姓名 / 项目名称 / 作品名称”',
  layout_depth: (p) => `${str(p, 'path')} 不在“学段+学校+教师姓名 / 项目名称 / 作品名称”三级文件夹内`,
  layout_teacher_folder: (p) => `一级文件夹“${str(p, 'found')}”应命名为“学段+学校+教师姓名”，未看到学段`,
  layout_category_folder: (p) => `二级文件夹名是“${str(p, 'found')}”，应与项目名称完全一致：“${str(p, 'expected')}”`,
  layout_multiple_roots: (p) => `文件分散在 ${num(p, 'count')} 个一级文件夹中（${list(p, 'folders', '、')}），应只有一个教师文件夹`,
  layout_multiple_works: (p) => `项目文件夹下有 ${num(p, 'count')} 个作品文件夹（${list(p, 'folders', '、')}），每个作品应单独一个文件夹`,
  layout_no_teacher_folder: () => '选中的是项目文件夹；报送时外层还需要“学段+学校+教师姓名”文件夹',
};

function durationRange(p: Params, lang: Lang): string {
  const min = p['minSec'];
  const max = p['maxSec'];
  if (typeof min === 'number' && typeof max === 'number') {
    return lang === 'zh'
      ? `${formatLimit(min, lang)}至${formatLimit(max, lang)}`
      : `${formatLimit(min, lang)} to ${formatLimit(max, lang)}`;
  }
  if (typeof max === 'number') return lang === 'zh' ? `不超过 ${formatLimit(max, lang)}` : `at most ${formatLimit(max, lang)}`;
  if (typeof min === 'number') return lang === 'zh' ? `不少于 ${formatLimit(min, lang)}` : `at least ${formatLimit(min, lang)}`;
  return '';
}

const EN: Record<FindingCode, Template> = {
  file_empty: () => 'The file is empty (0 bytes)',
  file_ignored: (p) => `${str(p, 'name')} is a system file; ignored, better delete it`,
  file_unassigned: () => 'Could not tell which item this file belongs to; please assign it',
  check_timeout: (p) => `The check did not finish within ${num(p, 'seconds')} s`,
  check_error: (p) => `Error while reading the file: ${str(p, 'reason')}`,
  check_limit: (p) => `The file's structure goes past a check limit (${limitText(str(p, 'limit'), 'en')}); the check stopped and cannot tell — save the file again with a common program and retry`,
  check_memory: (p) => `The check needed more than ${num(p, 'mb')} MB of memory and was stopped; the file may be damaged`,
  check_worker_failed: (p) => `The check stopped unexpectedly (${str(p, 'reason')}); please try again`,
  type_mismatch: (p) => `The file is really ${typeName(str(p, 'actual'), 'en')} but its extension is ${str(p, 'ext') || '(none)'}`,
  type_mismatch_mov: (p) => `The file is QuickTime (MOV) but its extension is ${str(p, 'ext')}; most players open it, but an MP4-only upload may reject it`,
  type_not_accepted: (p) => `This item needs ${typeList(p, 'accepted', 'en')}; the file is ${typeName(str(p, 'actual'), 'en')}`,
  extension_not_accepted: (p) => `Extension ${str(p, 'ext') || '(none)'} is not accepted; use ${list(p, 'accepted', ', ')}`,
  size_ok: (p) => `Size ${formatBytes(num(p, 'size'), 'en')}, within ${formatBytes(num(p, 'max'), 'en')}`,
  size_too_large: (p) => {
    const [a, b] = bytesPair(num(p, 'size'), num(p, 'max'), 'en');
    return `Size ${a} exceeds the ${b} limit`;
  },
  archive_not_allowed: () => 'Each file must be uploaded on its own; archives are not accepted here',
  video_no_moov: () => 'The video has no index (moov): it was probably not finished recording or saving, and will not play',
  video_truncated: (p) => `The video is incomplete: it should be ${formatBytes(num(p, 'expected'), 'en')} but is ${formatBytes(num(p, 'actual'), 'en')}; a download or copy was probably cut off`,
  video_damaged: (p) => `The video's structure is damaged and cannot be read (${str(p, 'reason')})`,
  video_no_track: () => 'The file has no video track',
  video_moov_too_large: (p) => `The video index is too large to check (${formatBytes(num(p, 'bytes'), 'en')})`,
  video_container: (p) => `The video is ${typeName(str(p, 'container'), 'en')}; MP4 is required`,
  video_container_mov: () => 'The video is QuickTime (MOV); MP4 is required — convert and save it as MP4',
  video_duration_ok: (p) => `Duration ${formatDuration(num(p, 'durationSec'), 'en')}, within the limit (${durationRange(p, 'en')})`,
  video_too_long: (p) => `Duration ${durationPair(p, 'en', 'maxSec')} exceeds the ${formatLimit(num(p, 'maxSec'), 'en')} limit`,
  video_too_short: (p) => `Duration ${durationPair(p, 'en', 'minSec')} is under the ${formatLimit(num(p, 'minSec'), 'en')} minimum`,
  video_duration_unknown: (p) => `Could not read the duration of this ${typeName(str(p, 'container'), 'en')} video; check it yourself`,
  video_resolution_ok: (p) => `Resolution ${num(p, 'width')}×${num(p, 'height')}, at least ${num(p, 'minWidth')}×${num(p, 'minHeight')}`,
  video_resolution_low: (p) => `Resolution ${num(p, 'width')}×${num(p, 'height')}; at least ${num(p, 'minWidth')}×${num(p, 'minHeight')} is required`,
  video_fps_ok: (p) => `Frame rate ${fps(num(p, 'fps'))} fps, as required (${fps(num(p, 'required'))} fps)`,
  video_fps_mismatch: (p) => `Frame rate ${fps(num(p, 'fps'))} fps; ${fps(num(p, 'required'))} fps is required`,
  video_vfr: (p) => `Variable frame rate (average ${fps(num(p, 'fps'))} fps); a constant ${fps(num(p, 'required'))} fps is required — re-export at a constant frame rate`,
  doc_chars_ok: (p) => `${num(p, 'chars')} characters, within the limit (${range(p, 'en', 'characters')})`,
  doc_chars_over: (p) => `${num(p, 'chars')} characters exceeds the ${num(p, 'max')}-character limit`,
  doc_chars_under: (p) => `${num(p, 'chars')} characters is under the ${num(p, 'min')}-character minimum`,
  doc_legacy: (p) => `A legacy .doc cannot be counted automatically; check with Word's Word Count (required: ${range(p, 'en', 'characters')})`,
  doc_not_countable: (p) => `A ${typeName(str(p, 'type'), 'en')} file cannot be counted automatically; check it yourself (required: ${range(p, 'en', 'characters')})`,
  doc_headings_ok: (p) => `Headings go ${num(p, 'levels')} levels deep, within ${num(p, 'max')}`,
  doc_headings_over: (p) => `Headings go ${num(p, 'levels')} levels deep; at most ${num(p, 'max')} are allowed`,
  docx_damaged: (p) => `The Word file is damaged or not a valid DOCX (${str(p, 'reason')})`,
  archive_items_ok: (p) => `The archive holds ${num(p, 'items')} files, within ${num(p, 'max')}`,
  archive_items_over: (p) => `The archive holds ${num(p, 'items')} files; at most ${num(p, 'max')} are allowed`,
  archive_bytes_ok: (p) => `The archive's files total ${formatBytes(num(p, 'totalBytes'), 'en')}, within ${formatBytes(num(p, 'max'), 'en')}`,
  archive_bytes_over: (p) => {
    const [a, b] = bytesPair(num(p, 'totalBytes'), num(p, 'max'), 'en');
    return `The archive's files total ${a} uncompressed, over the ${b} limit`;
  },
  archive_damaged: (p) => `The archive is damaged or incomplete (${str(p, 'reason')})`,
  archive_encrypted: () => 'The archive is password-protected; reviewers may not be able to open it',
  archive_not_inspected: (p) => `Cannot look inside a ${typeName(str(p, 'type'), 'en')} archive; check the number and size of its files yourself`,
  archive_names_encrypted: () => 'Even the file names of this archive are password-protected, so its contents cannot be seen; reviewers may not open it: compress it again without a password',
  archive_multivolume: () => 'This is one volume of a multi-volume archive; only the files in this volume are seen: compress the work into one complete archive',
  archive_member_packed: (p) =>
    `This file is compressed inside the ${archiveName(str(p, 'format'))} archive${p.solid ? ' (solid)' : ''} and was not extracted: only its name, type and size were checked; check duration, frame rate and 字数 on the 预检 page after extracting it`,
  image_ok: (p) => `Image ${num(p, 'width')}×${num(p, 'height')}, long edge ${num(p, 'longEdge')} px, at least ${num(p, 'min')} px`,
  image_small: (p) => `The image's long edge is ${num(p, 'longEdge')} px; at least ${num(p, 'min')} px is required`,
  image_damaged: (p) => `The image is damaged; its size cannot be read (${str(p, 'reason')})`,
  pdf_damaged: () => 'Not a valid PDF (no %PDF- header)',
  pdf_truncated: () => 'The PDF lacks its closing %%EOF marker and may be incomplete; open it to make sure',
  pdf_scan_ok: (p) => `All ${num(p, 'pages')} page(s) of the PDF are scanned images`,
  pdf_not_scan: (p) => `This does not look like the signed scan: the PDF's pages hold only text${num(p, 'fonts') > 0 ? ` (${num(p, 'fonts')} font(s))` : ''} and no scanned image. Print it, sign it, and scan it to PDF`,
  pdf_scan_partial: (p) => `This does not look like the signed scan: of ${num(p, 'pages')} page(s) only ${num(p, 'scanned')} look like scanned images; the rest hold only text`,
  pdf_scan_unknown: () => 'This PDF is too large or unusual to tell whether it is the signed scan; open it to make sure',
  pdf_scan_pages: (p) => `The scan has ${num(p, 'pages')} page(s); the form has ${num(p, 'expected')}. Check that no page is missing or extra`,
  pdf_scan_not_a4: (p) => `${num(p, 'count')} page(s) of the scan are not A4-shaped; scan on A4 (crop a phone photo to the sheet's edges)`,
  slot_missing: (p) => `Missing: ${str(p, 'labelEn') || str(p, 'label')}`,
  slot_too_few: (p) => `${str(p, 'labelEn') || str(p, 'label')} needs at least ${num(p, 'min')} files; there are ${num(p, 'count')}`,
  slot_too_many: (p) => `${str(p, 'labelEn') || str(p, 'label')} takes at most ${num(p, 'max')} files; there are ${num(p, 'count')}`,
  slot_items_ok: (p) => `${str(p, 'labelEn') || str(p, 'label')}: ${num(p, 'items')} items in all (an archive counts its files), within ${num(p, 'max')}`,
  slot_items_over: (p) => `${str(p, 'labelEn') || str(p, 'label')}: ${num(p, 'items')} items in all (an archive counts its files); at most ${num(p, 'max')} are allowed`,
  slot_total_bytes_over: (p) => {
    const [a, b] = bytesPair(num(p, 'totalBytes'), num(p, 'max'), 'en');
    return `${str(p, 'labelEn') || str(p, 'label')} totals ${a}, over the ${b} limit`;
  },
  video_total_ok: (p) => `Recordings total ${formatDuration(num(p, 'durationSec'), 'en')}, within ${formatLimit(num(p, 'maxSec'), 'en')}`,
  video_total_over: (p) => `Recordings total ${durationPair(p, 'en', 'maxSec')}, over the ${formatLimit(num(p, 'maxSec'), 'en')} limit`,
  video_total_unknown: (p) => `${num(p, 'unknown')} recording(s) have no readable duration; the total (limit ${formatLimit(num(p, 'maxSec'), 'en')}) cannot be checked`,
  layout_ok: () => 'Folder layout matches "stage+school+teacher / category / work"',
  layout_depth: (p) => `${str(p, 'path')} is not inside the "stage+school+teacher / category / work" folders`,
  layout_teacher_folder: (p) => `The top folder "${str(p, 'found')}" should be named 学段+学校+教师姓名; no school stage found`,
  layout_category_folder: (p) => `The second-level folder is "${str(p, 'found')}"; it must equal the category name exactly: "${str(p, 'expected')}"`,
  layout_multiple_roots: (p) => `Files are spread over ${num(p, 'count')} top folders (${list(p, 'folders', ', ')}); there should be one teacher folder`,
  layout_multiple_works: (p) => `The category folder holds ${num(p, 'count')} work folders (${list(p, 'folders', ', ')}); each work needs its own submission`,
  layout_no_teacher_folder: () => 'The selected folder is the category folder; the upload also needs the outer 学段+学校+教师姓名 folder',
};

const TEMPLATES: Record<Lang, Record<FindingCode, Template>> = { zh: ZH, en: EN };

/** Renders a finding's sentence from its code and parameters. */
export function formatFinding(finding: Pick<Finding, 'code' | 'params'>, lang: Lang = 'zh'): string {
  return TEMPLATES[lang][finding.code](finding.params);
}

/** Builds a finding with its Chinese message filled in. */
export function makeFinding(code: FindingCode, verdict: Verdict, params: FindingParams = {}): Finding {
  return { code, verdict, params, message: formatFinding({ code, params }, 'zh') };
}
