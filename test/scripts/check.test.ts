import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReportSchema } from '@/lib/checks';
import { batchReportSchema } from '@/scripts/check-cli';
import { avSpec, buildMp4Bytes, buildMp4Pieces } from '@/test/fixtures/checks/mp4-builder';
import { buildPdf } from '@/test/fixtures/checks/images';
import { buildDocx, para } from '@/test/fixtures/checks/office';
import { type RarItem, writeRar4, writeRar5 } from '@/test/fixtures/checks/rar-writer';
import { EXPECTED_ROWS, writeDistrict } from '@/test/fixtures/organiser/district';

const ROOT = resolve(import.meta.dirname, '../..');
const CATEGORY = '职业教育实践性教学案例';
const CATEGORY_SUZHI = '融合创新应用教学案例（“素质教育”主题）';
let dir: string;

/** Runs `npm run check` from `cwd` the way a user would, so the package script and INIT_CWD are covered too. */
function runCheck(args: string[], cwd = dir) {
  const result = spawnSync('npm', ['--prefix', ROOT, 'run', '--silent', 'check', '--', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 180_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The files under `root/folder` as RAR items named from `folder` on, for the stored RAR writer. */
function itemsOf(root: string, folder: string): RarItem[] {
  const walk = (rel: string): RarItem[] =>
    readdirSync(join(dir, root, rel), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? [{ name: `${rel}/${e.name}/`, dir: true }, ...walk(`${rel}/${e.name}`)] : [{ name: `${rel}/${e.name}`, data: new Uint8Array(readFileSync(join(dir, root, rel, e.name))) }],
    );
  return [{ name: `${folder}/`, dir: true }, ...walk(folder)];
}

function write(path: string, bytes: Uint8Array | string): void {
  const abs = join(dir, path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, bytes);
}

/** A complete 职业教育实践性教学案例 submission; `fps` 30 makes its video fail. */
function teacher(folder: string, opts: { fps?: number; category?: string } = {}): void {
  const work = `${folder}/${opts.category ?? CATEGORY}/数控车削加工`;
  write(`${work}/作品登记表.pdf`, buildPdf(1, { scanned: true }));
  write(`${work}/案例简介.docx`, buildDocx(para('案例名称：数控车削加工。')));
  write(`${work}/教案.docx`, buildDocx(para('教案：数控车削加工。')));
  write(`${work}/教学视频.mp4`, buildMp4Bytes(avSpec({ seconds: 20 * 60, fps: opts.fps ?? 25 })));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-cli-'));
  teacher('good/中职+城关职校+张三');
  teacher('bad/中职+城关职校+李四', { fps: 30 });
  teacher('district/中职+城关职校+张三');
  teacher('district/中职+城南职校+李四', { fps: 30 });
  teacher('district/中职+城北职校+王五', { category: '自制教学工具软件' });
  write('loose/作品登记表.pdf', buildPdf(1, { scanned: true }));
  // A district of several categories: a misspelt category folder, an unknown and empty one, an empty teacher,
  // a teacher with two works, the district's own 汇总表 beside the teachers.
  teacher('mixed/中职+城关职校+张三');
  const second = `mixed/中职+城关职校+张三/${CATEGORY}/钳工实训`;
  write(`${second}/教案.docx`, buildDocx(para('教案：钳工。')));
  teacher('mixed/中职+城南职校+李四', { category: '职业教育 实践性教学案例' });
  write('mixed/小学+实验小学+赵六/融合创新应用教学案例（素质教育主题）/劳动/案例介绍.docx', buildDocx(para('劳动课。')));
  mkdirSync(join(dir, 'mixed/中职+城中职校+周八'), { recursive: true });
  mkdirSync(join(dir, 'mixed/中职+城西职校+孙七/新建文件夹'), { recursive: true });
  write('mixed/汇总表.xlsx', 'x');
  // A district handed in as the notice asks: each teacher folder compressed to an archive of the same name.
  teacher('src/中职+城关职校+张三');
  teacher('src/中职+城南职校+李四', { fps: 30 });
  teacher('src/中职+城北职校+王五');
  teacher('src/中职+城西职校+赵六');
  write('archived/中职+城关职校+张三.rar', writeRar5(itemsOf('src', '中职+城关职校+张三')));
  write('archived/中职+城南职校+李四.rar', writeRar4(itemsOf('src', '中职+城南职校+李四')));
  write('archived/赵六.rar', writeRar5(itemsOf('src', '中职+城西职校+赵六')));
  write('archived/中职+城中职校+周八.rar', readFileSync(join(ROOT, 'test/fixtures/archives/test_read_format_rar5_encrypted_filenames.rar')));
  spawnSync('7z', ['a', '-t7z', join(dir, 'archived/中职+城北职校+王五.7z'), '中职+城北职校+王五'], { cwd: join(dir, 'src'), stdio: 'ignore' });
  // A video whose sample entry holds a child box with a non-printable type: mp4box logs "[BoxParser] Invalid box type".
  const video = buildMp4Bytes(avSpec({ seconds: 60 }));
  const avcC = Buffer.from(video).indexOf('avcC');
  video.set([1, 2, 3, 4], avcC);
  write('noisy/教学视频.mp4', video);
  mkdirSync(join(dir, 'empty'));
  // The district batch.e2e drops into 批量预检: the command must give the same rows in one run.
  mkdirSync(join(dir, 'desk'));
  writeDistrict(join(dir, 'desk'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each case starts npm and the command (and some twice); on a loaded machine that takes tens of seconds.
describe('npm run check', { timeout: 240_000 }, () => {
  it('exits 0 with a readable table when everything passes', () => {
    const { code, stdout } = runCheck(['--category', 'zhijiao_shijian', 'good/中职+城关职校+张三']);
    expect(code).toBe(0);
    expect(stdout).toContain(`== 中职+城关职校+张三 · ${CATEGORY} · 数控车削加工 ==`);
    expect(stdout).toContain('结论：通过');
    expect(stdout).toMatch(/通过\s+教学视频\s+职业教育实践性教学案例\/数控车削加工\/教学视频\.mp4/);
    expect(stdout).not.toContain('缺少');
  });

  it('exits 1 and says why in Chinese when a file fails', () => {
    const { code, stdout } = runCheck(['-c', 'zhijiao_shijian', 'bad/中职+城关职校+李四']);
    expect(code).toBe(1);
    expect(stdout).toContain('结论：不合格');
    expect(stdout).toContain('✗ 帧速率 30 fps，要求 25 fps');
  });

  it('lists missing items for loose files, and speaks English with --lang en', () => {
    const zh = runCheck(['-c', 'zhijiao_shijian', 'loose/作品登记表.pdf']);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('缺少：案例简介、教案、教学视频');
    const en = runCheck(['-c', 'zhijiao_shijian', '--lang', 'en', 'loose/作品登记表.pdf']);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('Result: FAIL');
    expect(en.stdout).toContain('Missing: Case summary');
  });

  it('prints a report that parses with checkReportSchema with --json', () => {
    const { code, stdout } = runCheck(['--json', '--category', 'zhijiao_shijian', 'bad/中职+城关职校+李四']);
    expect(code).toBe(1);
    const report = checkReportSchema.parse(JSON.parse(stdout));
    expect(report.category).toBe('zhijiao_shijian');
    expect(report.verdict).toBe('fail');
    const video = report.files.find((f) => f.name === '教学视频.mp4')!;
    expect(video.path).toBe(`中职+城关职校+李四/${CATEGORY}/数控车削加工/教学视频.mp4`);
    expect(video.findings.map((f) => f.code)).toContain('video_fps_mismatch');
  });

  it('narrowed with -c, checks a district folder teacher by teacher and skips teachers of other categories', () => {
    const table = runCheck(['-c', 'zhijiao_shijian', 'district']);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('== 中职+城关职校+张三 · ');
    expect(table.stdout).toContain('== 中职+城南职校+李四 · ');
    expect(table.stdout).toContain('汇总：2 位教师，2 件作品');
    expect(table.stdout).toContain('未检查（没有本类别的文件夹）：中职+城北职校+王五');

    const json = runCheck(['-c', 'zhijiao_shijian', '--json', 'district']);
    expect(json.code).toBe(1);
    const batch = batchReportSchema.parse(JSON.parse(json.stdout));
    const verdicts = Object.fromEntries(batch.works.map((r) => [r.folder, r.report!.verdict]));
    expect(verdicts).toEqual({ '中职+城关职校+张三': 'pass', '中职+城南职校+李四': 'fail' });
    expect(batch.skipped).toEqual(['中职+城北职校+王五']);
    for (const { report } of batch.works) {
      // Each teacher is checked on its own: one teacher folder, so no "files spread over several folders".
      expect(report!.findings.map((f) => f.code)).not.toContain('layout_multiple_roots');
      expect(report!.files).toHaveLength(4);
    }
  });

  it('without -c checks a whole district in one run, each work by its category folder, faults named, 汇总表 written', async () => {
    const { code, stdout, stderr } = runCheck(['--json', '--csv', 'out/汇总表.csv', '--xlsx', 'out/汇总表.xlsx', '--html', 'out/汇总表.html', 'mixed']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const batch = batchReportSchema.parse(JSON.parse(stdout));
    expect(batch.category).toBeNull();
    expect(batch.outside).toEqual(['mixed/汇总表.xlsx']);
    // Sorted as Chinese (pinyin): 小学 before 中职, 钳工 before 数控.
    expect(batch.works.map((w) => [w.folder, w.category, w.work, w.verdict, w.layout.map((l) => l.code)])).toEqual([
      ['小学+实验小学+赵六', 'ronghe_suzhi', '劳动', 'fail', ['category_misspelt']],
      ['中职+城关职校+张三', 'zhijiao_shijian', '钳工实训', 'fail', []],
      ['中职+城关职校+张三', 'zhijiao_shijian', '数控车削加工', 'pass', []],
      ['中职+城南职校+李四', 'zhijiao_shijian', '数控车削加工', 'fail', ['category_misspelt']],
      ['中职+城西职校+孙七', null, null, 'fail', ['category_unknown', 'category_empty']],
      ['中职+城中职校+周八', null, null, 'fail', ['teacher_empty']],
    ]);
    // The misspelling is named once, with what differs; the rest of that work passes.
    const lisi = batch.works[3]!;
    expect(lisi.layout[0]!.message).toContain('（空格不同）');
    expect(lisi.report!.findings.map((f) => f.code)).not.toContain('layout_category_folder');
    expect(lisi.report!.verdict).toBe('pass');
    expect(batch.works[0]!.layout[0]!.message).toContain('引号不同或缺少引号');

    const csv = readFileSync(join(dir, 'out/汇总表.csv'), 'utf8');
    expect(csv.startsWith('\ufeff学段,学校,教师,类别,作品名称,作者数,')).toBe(true);
    expect(csv).toContain('\r\n中职,城关职校,张三,职业教育实践性教学案例,数控车削加工,1,');
    expect(csv).toContain('教师文件夹是空的，没有任何作品');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'out/汇总表.xlsx'));
    const sheet = workbook.getWorksheet('汇总表')!;
    expect(sheet.rowCount).toBe(7);
    expect([1, 2, 3, 4, 5, 6].map((c) => sheet.getRow(1).getCell(c).value)).toEqual(['学段', '学校', '教师', '类别', '作品名称', '作者数']);
    expect([1, 2, 3, 4, 5].map((c) => sheet.getRow(2).getCell(c).value)).toEqual(['小学', '实验小学', '赵六', CATEGORY_SUZHI, '劳动']);
    expect(sheet.getRow(6).getCell(3).value).toBe('孙七');
    expect(readFileSync(join(dir, 'out/汇总表.html'), 'utf8')).toContain('<h1>报送作品预检汇总表</h1>');
  });

  it('opens teachers\' RAR and 7z archives as their folders: stored members checked in place, compressed ones named, bad archives failed with the reason', () => {
    const rows = (stdout: string) => batchReportSchema.parse(JSON.parse(stdout)).works;
    const { code, stdout, stderr } = runCheck(['--json', 'archived']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const works = rows(stdout);
    expect(works.map((w) => [w.folder, w.work, w.verdict, w.layout.map((l) => l.code)])).toEqual([
      ['中职+城北职校+王五', '数控车削加工', 'warn', []],
      ['中职+城关职校+张三', '数控车削加工', 'pass', []],
      ['中职+城南职校+李四', '数控车削加工', 'fail', []],
      ['中职+城西职校+赵六', '数控车削加工', 'fail', ['archive_name_mismatch']],
      ['中职+城中职校+周八', null, 'fail', ['archive_unreadable']],
    ]);
    // The 30 fps video inside 李四's stored RAR4 is read in place: its frame rate is known.
    const lisi = works[2]!.report!.files.find((f) => f.name === '教学视频.mp4')!;
    expect(lisi.findings.map((f) => f.code)).toContain('video_fps_mismatch');
    // 王五's 7z compresses its files: named as not extracted, sizes still checked.
    const wangwu = works[0]!.report!.files.find((f) => f.name === '教学视频.mp4')!;
    expect(wangwu.findings.map((f) => [f.code, f.verdict])).toContainEqual(['archive_member_packed', 'warn']);
    expect(works[4]!.layout[0]!.message).toContain('连文件名都设置了密码');
  });

  it('checks the 批量预检 e2e\'s district in one run: categories from the folders, archives opened, every fault named in the .xlsx and the CSV', async () => {
    const { code, stderr } = runCheck(['--xlsx', 'desk-out/汇总表.xlsx', '--csv', 'desk-out/汇总表.csv', 'desk/城关区']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'desk-out/汇总表.xlsx'));
    const sheet = workbook.getWorksheet('汇总表')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => headers.indexOf(name) + 1;
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    expect(rows.map((r) => [r.getCell(col('教师文件夹')).value, r.getCell(col('作品名称')).value || null, r.getCell(col('结论')).value])).toEqual(
      EXPECTED_ROWS.map((e) => [e.teacher, e.work, { pass: '通过', warn: '提醒', fail: '不合格' }[e.verdict]]),
    );
    EXPECTED_ROWS.forEach((e, i) => {
      const problems = String(rows[i]!.getCell(col('问题')).value ?? '');
      if (e.faults.length === 0) expect(problems).toBe('');
      for (const fault of e.faults) expect(problems).toContain(fault);
    });
    const csv = readFileSync(join(dir, 'desk-out/汇总表.csv'), 'utf8');
    expect(csv.startsWith('\ufeff学段,学校,教师,类别,作品名称,作者数,')).toBe(true);
    expect(csv.split('\r\n').filter((l) => /,(通过|提醒|不合格),[^,]+$/.test(l))).toHaveLength(EXPECTED_ROWS.length);
  });

  it('keeps libraries\' console noise out of the output (mp4box logs an invalid box type)', () => {
    const { stdout, stderr } = runCheck(['-c', 'zhijiao_shijian', 'noisy']);
    expect(stderr).toBe('');
    expect(stdout).not.toContain('BoxParser');
    expect(stdout).toContain('教学视频.mp4');
  });

  it('reads a video over 4 GiB with its real size (a file handle in the worker, not fs.openAsBlob)', () => {
    const { pieces, size } = buildMp4Pieces(avSpec({ seconds: 20 * 60, moovAtEnd: true, mdatPayload: 5 * 1024 ** 3 }));
    mkdirSync(join(dir, 'big'), { recursive: true });
    const fd = openSync(join(dir, 'big/教学视频.mp4'), 'w');
    try {
      ftruncateSync(fd, size);
      for (const p of pieces) writeSync(fd, p.bytes, 0, p.bytes.length, p.offset);
    } finally {
      closeSync(fd);
    }
    const { stdout } = runCheck(['--json', '-c', 'zhijiao_shijian', 'big/教学视频.mp4']);
    const video = checkReportSchema.parse(JSON.parse(stdout)).files[0]!;
    expect(video.size).toBe(size);
    expect(video.media?.durationSec).toBeCloseTo(1200, 1);
    expect(video.findings.map((f) => f.code)).toContain('size_too_large');
  });

  it.each([
    [['-c', 'nope', 'good'], '没有这个类别编号（unknown category）：nope'],
    [['-c', 'zhijiao_shijian'], '没有给出要检查的文件或文件夹'],
    [['loose/作品登记表.pdf'], '单独给出的文件看不出类别，请用 --category 指定'],
    [['-c', 'zhijiao_shijian', '--bogus', 'good'], '参数有误（bad arguments）'],
    [['-c', 'zhijiao_shijian', 'no-such-folder'], '找不到文件或文件夹（not found）：no-such-folder'],
    [['-c', 'zhijiao_shijian', 'empty'], '给出的文件夹里没有文件'],
    [['-c', 'zhijiao_shijian', '--lang', 'fr', 'good'], '--lang 只能是 zh 或 en'],
    [['-c', 'zhijiao_shijian', '--applies', 'space_ppt', 'good'], '--applies space_ppt'],
  ])('exits 2 with a bilingual usage message for %j', (args, message) => {
    const { code, stdout, stderr } = runCheck(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('用法 / Usage:');
    expect(stderr).toMatch(/zhijiao_shijian +职业教育实践性教学案例/);
  });

  it('prints the usage with --help and exits 0', () => {
    const { code, stdout } = runCheck(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('退出码 / exit code');
  });
});
