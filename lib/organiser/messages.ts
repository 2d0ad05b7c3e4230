import type { Lang } from '../checks/messages';
import type { MisspellReason } from './category-match';
import type { LayoutIssue } from './layout';

const REASONS: Record<Lang, Record<MisspellReason, string>> = {
  zh: { spaces: '空格不同', brackets: '括号全角/半角不同', quotes: '引号不同或缺少引号', typo: '有字不同' },
  en: { spaces: 'spaces differ', brackets: 'full-/half-width brackets differ', quotes: 'quotes differ or are missing', typo: 'characters differ' },
};

const list = (value: unknown, sep: string): string => (Array.isArray(value) ? value.join(sep) : String(value ?? ''));

/** The sentence for a layout issue, Chinese by default. */
export function formatLayoutIssue(issue: LayoutIssue, lang: Lang = 'zh'): string {
  const p = issue.params;
  const zh = lang === 'zh';
  switch (issue.code) {
    case 'teacher_empty':
      return zh ? '教师文件夹是空的，没有任何作品' : 'The teacher folder is empty: no work in it';
    case 'teacher_name_shape':
      return zh
        ? `教师文件夹“${p.found}”不是“学段+学校+教师姓名”的格式`
        : `The teacher folder “${p.found}” is not named 学段+学校+教师姓名 (stage+school+teacher)`;
    case 'teacher_loose_files':
      return zh
        ? `${p.count} 个文件直接放在教师文件夹里，应放进“类别/作品名称”文件夹：${list(p.files, '、')}`
        : `${p.count} file(s) lie directly in the teacher folder instead of category/work folders: ${list(p.files, ', ')}`;
    case 'category_unknown':
      return p.found === ''
        ? zh
          ? '看不出报送类别：文件不在类别文件夹里'
          : 'No category can be told: the files are not in a category folder'
        : zh
          ? `文件夹“${p.found}”不是通知里的类别名，无法判断报送类别`
          : `The folder “${p.found}” is not a category name of the notice, so its category is unknown`;
    case 'category_misspelt': {
      const reasons = (Array.isArray(p.reasons) ? p.reasons : []) as MisspellReason[];
      const why = reasons.map((r) => REASONS[lang][r]).join(zh ? '、' : ', ');
      return zh
        ? `类别文件夹“${p.found}”与通知的类别名“${p.expected}”不一致（${why}），已按该类别检查；上报前请改成通知里的名称`
        : `The category folder “${p.found}” differs from the notice's name “${p.expected}” (${why}); checked as that category — rename it before submitting`;
    }
    case 'category_empty':
      return zh ? `类别文件夹“${p.folder}”是空的` : `The category folder “${p.folder}” is empty`;
    case 'work_empty':
      return zh ? `作品文件夹“${p.work}”是空的` : `The work folder “${p.work}” is empty`;
    case 'work_loose_files':
      return zh
        ? `${p.count} 个文件直接放在类别文件夹里，应放进作品名称文件夹：${list(p.files, '、')}`
        : `${p.count} file(s) lie directly in the category folder instead of a work folder: ${list(p.files, ', ')}`;
    case 'archive_unreadable':
      return p.problem === 'names_encrypted'
        ? zh
          ? `压缩包“${p.archive}”连文件名都设置了密码，看不到里面的作品；请让教师去掉密码重新压缩`
          : `The archive “${p.archive}” hides even its file names behind a password, so no work in it can be seen; ask for it without a password`
        : zh
          ? `压缩包“${p.archive}”无法打开（已损坏、不完整或格式不受支持：${p.reason}）`
          : `The archive “${p.archive}” cannot be opened (damaged, incomplete or an unsupported format: ${p.reason})`;
    case 'archive_name_mismatch':
      return zh
        ? `压缩包“${p.archive}”里的教师文件夹叫“${p.inner}”，通知要求压缩包与教师文件夹同名`
        : `The archive “${p.archive}” holds the teacher folder “${p.inner}”; the notice asks for the archive to be named like the folder`;
    case 'archive_no_teacher_folder':
      return zh
        ? `压缩包“${p.archive}”里没有“学段+学校+教师姓名”文件夹，应把整个教师文件夹压缩成同名压缩包`
        : `The archive “${p.archive}” holds no 学段+学校+教师姓名 folder; the whole teacher folder should be compressed into an archive of the same name`;
    case 'no_teacher_folder':
      return zh ? '选的是类别文件夹，外面还应有“学段+学校+教师姓名”文件夹' : 'A category folder was picked; it belongs inside a 学段+学校+教师姓名 folder';
  }
}
