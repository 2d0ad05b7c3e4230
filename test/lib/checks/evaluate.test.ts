import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../../lib/checks/check-files';
import {
  categoryForRoute,
  defaultRoute,
  evaluate,
  evaluateFile,
  routeFor,
  slotForRoute,
  type EvaluatedInput,
  type Route,
} from '../../../lib/checks/evaluate';
import { inspectFile } from '../../../lib/checks/inspect';
import { checkReportSchema } from '../../../lib/checks/report';
import { currentPack, findCategory } from '../../../lib/rules';
import { memorySource } from '../../fixtures/checks/bytes';
import { buildPdf } from '../../fixtures/checks/images';
import { avSpec, buildMp4Source } from '../../fixtures/checks/mp4-builder';
import { buildDocx, para } from '../../fixtures/checks/office';

const pack = currentPack();
const xiaoben = findCategory(pack, 'xiaoben')!;
const shijian = findCategory(pack, 'zhijiao_shijian')!;
const jingpin = findCategory(pack, 'jingpin')!;

async function facts(bytes: Uint8Array | Parameters<typeof inspectFile>[0], name: string, path?: string): Promise<EvaluatedInput> {
  const source = bytes instanceof Uint8Array ? memorySource(bytes) : bytes;
  const insp = await inspectFile(source, name);
  return { name, ...(path !== undefined ? { path } : {}), size: insp.size, facts: insp };
}
const codes = (findings: ReadonlyArray<{ code: string; verdict: string }>) => findings.map((f) => [f.code, f.verdict]);
const photos = (n: number) => zipSync(Object.fromEntries(Array.from({ length: n }, (_, i) => [`照片${i + 1}.jpg`, strToU8('x')])));

describe('routes', () => {
  it('defaults from the category and takes only routes the category has', () => {
    expect(defaultRoute(jingpin)).toBe('district-ftp');
    expect(defaultRoute(xiaoben)).toBe('huodong');
    expect(defaultRoute(xiaoben, 'district-ftp')).toBe('district-ftp');
    expect(defaultRoute(shijian, 'district-ftp')).toBe('hecloudnet');
  });

  it.each<[string, Parameters<typeof routeFor>[1], Route]>([
    ['xiaoben', 'district', 'district-ftp'],
    ['xiaoben', 'platform', 'huodong'],
    ['jingpin', 'platform', 'huodong'],
    // 四(二) "直接参加省级活动，不参与区级评选": the vocational specials keep their platform.
    ['zhijiao_shijian', 'district', 'hecloudnet'],
    ['zhijiao_shuzihua', 'district', 'hecloudnet'],
    ['zhijiao_shijian', 'huodong', 'hecloudnet'],
  ])('%s with --route %s is judged for %s', (id, choice, route) => {
    expect(routeFor(findCategory(pack, id)!, choice)).toBe(route);
  });

  it('applies a variant only on its route and cites it', () => {
    const info = xiaoben.slots.find((s) => s.id === 'info_form')!;
    expect(slotForRoute(info, 'huodong')).toBe(info);
    const district = slotForRoute(info, 'district-ftp');
    expect(district.accept.types).toEqual(['pdf']);
    expect(district.sources.at(-1)!.quote).toBe('案例信息表（签字扫描为PDF格式）');
    const support = slotForRoute(xiaoben.slots.find((s) => s.id === 'support')!, 'district-ftp');
    expect([support.accept.types, support.maxCount]).toEqual([['zip'], 1]);
    expect(categoryForRoute(shijian, 'hecloudnet')).toBe(shijian);
  });
});

describe('evaluate', () => {
  it('fails a Word 信息表 on the district FTP round and passes it on the platform', async () => {
    const word = await facts(buildDocx(para('研修主题：数学单元整体教学')), '案例信息表.docx');
    const district = evaluate(xiaoben, [word], { route: 'district-ftp' });
    const platform = evaluate(xiaoben, [word], { route: 'huodong' });
    expect(district.route).toBe('district-ftp');
    expect(codes(district.files[0]!.findings)).toContainEqual(['type_not_accepted', 'fail']);
    expect(district.files[0]!.verdict).toBe('fail');
    expect(platform.files[0]!.verdict).toBe('pass');
  });

  it('asks for 支撑材料 as one ZIP on the district round', async () => {
    const loose = [await facts(buildPdf(1), '支撑材料1.pdf'), await facts(buildPdf(1), '支撑材料2.pdf')];
    const district = evaluate(xiaoben, loose, { route: 'district-ftp' });
    expect(district.files.map((f) => f.verdict)).toEqual(['fail', 'fail']);
    expect(codes(district.findings)).toContainEqual(['slot_too_many', 'fail']);
    const platform = evaluate(xiaoben, loose, { route: 'huodong' });
    expect(platform.files.map((f) => f.verdict)).toEqual(['pass', 'pass']);
  });

  it('counts 支撑材料 items over the whole submission: an archive counts its files, a loose file one', async () => {
    const three = await facts(photos(3), '支撑材料.zip');
    const two = await facts(buildPdf(1), '支撑材料-成果.pdf');
    const five = evaluate(xiaoben, [three, two, await facts(buildPdf(1), '支撑材料-过程.pdf')], { route: 'huodong' });
    expect(codes(five.findings)).toContainEqual(['slot_items_ok', 'pass']);
    const six = evaluate(xiaoben, [three, await facts(photos(3), '支撑材料2.zip')], { route: 'huodong' });
    // Each archive alone is within 5; together they are 6.
    expect(six.files.flatMap((f) => codes(f.findings))).toContainEqual(['archive_items_ok', 'pass']);
    expect(codes(six.findings)).toContainEqual(['slot_items_over', 'fail']);
    expect(six.findings.find((f) => f.code === 'slot_items_over')!.params).toMatchObject({ items: 6, max: 5 });
    expect(six.verdict).toBe('fail');
  });

  it('checks the district layout only on the district route: a vocational folder is not a layout fault', async () => {
    const teacher = `中职+城关职校+张三/${shijian.name}`;
    const files = [
      await facts(buildPdf(1), '作品登记表.pdf', `${teacher}/作品登记表.pdf`),
      await facts(buildDocx(para('案例简介')), '案例简介.docx', `${teacher}/案例简介.docx`),
    ];
    const report = evaluate(shijian, files, { route: routeFor(shijian, 'district') });
    expect(report.findings.map((f) => f.code).filter((c) => c.startsWith('layout_'))).toEqual([]);
    const xb = `小学+实验小学+张三/${xiaoben.name}`;
    const district = evaluate(xiaoben, [await facts(buildPdf(1), '案例信息表.pdf', `${xb}/案例信息表.pdf`)], { route: 'district-ftp' });
    expect(codes(district.findings)).toContainEqual(['layout_depth', 'fail']);
    const platform = evaluate(xiaoben, [await facts(buildPdf(1), '案例信息表.pdf', `${xb}/案例信息表.pdf`)], { route: 'huodong' });
    expect(platform.findings.map((f) => f.code)).not.toContain('layout_depth');
  });

  it('ignores system files without judging them', () => {
    const report = evaluate(xiaoben, [{ name: '.DS_Store', size: 6148, facts: null }], { route: 'huodong' });
    expect(report.files[0]).toMatchObject({ slot: null, verdict: 'pass' });
    expect(codes(report.files[0]!.findings)).toEqual([['file_ignored', 'pass']]);
  });

  it('is what checkFiles reports, route included', async () => {
    const blob = memorySource(buildDocx(para('案例信息')));
    const report = await checkFiles(xiaoben, [{ blob, name: '案例信息表.docx' }], { rulePack: pack.version, route: 'district-ftp' });
    expect(checkReportSchema.parse(report).route).toBe('district-ftp');
    expect(report.files[0]!.verdict).toBe('fail');
    const byDefault = await checkFiles(xiaoben, [{ blob, name: '案例信息表.docx' }], { rulePack: pack.version });
    expect([byDefault.route, byDefault.files[0]!.verdict]).toEqual(['huodong', 'pass']);
  });
});

describe('a MOV where MP4 is required', () => {
  const mov = () => buildMp4Source({ ...avSpec({ seconds: 20 * 60 }), brand: 'qt  ' });

  it('fails on the MP4 slot, named once, and still lands on that slot', async () => {
    const input = await facts(mov(), '教学视频.mov');
    const report = evaluate(shijian, [input], { route: 'hecloudnet' });
    expect(report.files[0]!.slot).toBe('video');
    const found = codes(report.files[0]!.findings);
    expect(found).toContainEqual(['video_container_mov', 'fail']);
    expect(found.filter(([c]) => c === 'video_container_mov')).toHaveLength(1);
    expect(found.map(([c]) => c)).not.toContain('type_not_accepted');
    expect(report.files[0]!.verdict).toBe('fail');
  });

  it('fails a MOV renamed to .mp4 too', async () => {
    const insp = await inspectFile(mov(), '教学视频.mp4');
    expect(codes(evaluateFile(insp, shijian.slots.find((s) => s.id === 'video')!, 'hecloudnet'))).toContainEqual(['video_container_mov', 'fail']);
  });

  it('passes where the slot takes MOV (精品学习资源 takes any new-media form)', async () => {
    const insp = await inspectFile(mov(), '微视频.mov');
    expect(evaluateFile(insp, jingpin.slots.find((s) => s.id === 'work')!).every((f) => f.verdict === 'pass')).toBe(true);
  });
});
