import { describe, expect, it } from 'vitest';
import { isSlotRequired } from '@/lib/checks/assemble';
import { evaluate, evaluateFile, routesOf, slotForRoute, type EvaluatedInput, type Route } from '@/lib/checks/evaluate';
import type { Inspection } from '@/lib/checks/inspect';
import type { Verdict } from '@/lib/checks/report';
import { measureField } from '@/lib/profile/draft-check';
import { RULE_PACKS } from '@/lib/rules';
import type { Category, FieldRule, RulePack, Slot } from '@/lib/rules/schema';

/*
 * Every limit of every bundled pack at its edge, generated from the pack: exactly at the limit passes, one unit past
 * it fails, one unit inside passes. A new pack is tested at its own edges without new test code. One unit is a byte,
 * a second, a pixel, a 字, an item, a keyword; for the frame rate it is the tolerance's edge plus a thousandth.
 */

interface Edge {
  name: string;
  /** The verdict of the finding that judges the limit, for a value at the limit, one past it, one inside it. */
  judge: (value: number) => Verdict | undefined;
  at: number;
  past: number;
  inside: number;
}

function facts(slot: Slot, over: Partial<Inspection> = {}): Inspection {
  const type = slot.accept.types[0]!;
  return {
    name: `${slot.keywords[0]}${slot.accept.extensions[0]}`,
    size: 1024,
    detected: { type, mime: 'application/octet-stream' },
    findings: [],
    stats: { bytesRead: 0, reads: 0, ms: 0 },
    ...over,
  };
}

/** A video that meets every limit of the slot, so one value can be moved to an edge. */
function goodMedia(slot: Slot): NonNullable<Inspection['media']> {
  const v = slot.video!;
  return {
    container: 'mp4',
    durationSec: v.minDurationSec ?? v.maxDurationSec ?? 60,
    width: Math.max(v.minWidth ?? 0, 1920),
    height: Math.max(v.minHeight ?? 0, 1080),
    fps: v.fps ?? 25,
    vfr: false,
  };
}

/**
 * The verdict of the finding that judges a limit, checked against its code: an `_ok` code must pass and any other
 * code must fail, so a code and a verdict that disagree (the message says "over", the badge says 通过) count as
 * neither.
 */
function verdictOf(findings: ReturnType<typeof evaluateFile>, codes: readonly string[]): Verdict | undefined {
  const finding = findings.find((f) => codes.includes(f.code));
  if (!finding) return undefined;
  const ok = finding.code.endsWith('_ok');
  return (ok && finding.verdict === 'pass') || (!ok && finding.verdict === 'fail') ? finding.verdict : 'warn';
}

function fileEdges(slot: Slot): Edge[] {
  const edges: Edge[] = [];
  const file = (over: Partial<Inspection>, codes: readonly string[]) => verdictOf(evaluateFile(facts(slot, over), slot), codes);
  if (slot.maxBytes !== undefined) {
    edges.push({ name: 'maxBytes', at: slot.maxBytes, past: slot.maxBytes + 1, inside: slot.maxBytes - 1, judge: (size) => file({ size }, ['size_ok', 'size_too_large']) });
  }
  const v = slot.video;
  if (v) {
    const media = (over: Partial<NonNullable<Inspection['media']>>) => ({ media: { ...goodMedia(slot), ...over } });
    const duration = ['video_duration_ok', 'video_too_long', 'video_too_short'];
    if (v.maxDurationSec !== undefined) {
      edges.push({ name: 'video.maxDurationSec', at: v.maxDurationSec, past: v.maxDurationSec + 1, inside: v.maxDurationSec - 1, judge: (d) => file(media({ durationSec: d }), duration) });
    }
    if (v.minDurationSec !== undefined) {
      edges.push({ name: 'video.minDurationSec', at: v.minDurationSec, past: v.minDurationSec - 1, inside: v.minDurationSec + 1, judge: (d) => file(media({ durationSec: d }), duration) });
    }
    const resolution = ['video_resolution_ok', 'video_resolution_low'];
    if (v.minWidth !== undefined) {
      edges.push({ name: 'video.minWidth', at: v.minWidth, past: v.minWidth - 1, inside: v.minWidth + 1, judge: (width) => file(media({ width, height: v.minHeight ?? 1080 }), resolution) });
    }
    if (v.minHeight !== undefined) {
      edges.push({ name: 'video.minHeight', at: v.minHeight, past: v.minHeight - 1, inside: v.minHeight + 1, judge: (height) => file(media({ width: v.minWidth ?? 1920, height }), resolution) });
    }
    if (v.fps !== undefined) {
      // The checker's documented 1 % (lib/checks/slot-checks.ts): 24.75–25.25 pass for 25, 23.976 and 29.97 fail.
      const tol = v.fps * 0.01;
      const fps = ['video_fps_ok', 'video_fps_mismatch'];
      // Both sides of the tolerance, exactly on it (25 ± 0.25 is exact in binary), and a thousandth past it.
      edges.push({ name: 'video.fps (upper tolerance)', at: v.fps + tol, past: v.fps + tol + 0.001, inside: v.fps + tol - 0.001, judge: (f) => file(media({ fps: f }), fps) });
      edges.push({ name: 'video.fps (lower tolerance)', at: v.fps - tol, past: v.fps - tol - 0.001, inside: v.fps - tol + 0.001, judge: (f) => file(media({ fps: f }), fps) });
    }
  }
  const d = slot.document;
  if (d) {
    const chars = ['doc_chars_ok', 'doc_chars_over', 'doc_chars_under'];
    if (d.maxChars !== undefined) edges.push({ name: 'document.maxChars', at: d.maxChars, past: d.maxChars + 1, inside: d.maxChars - 1, judge: (c) => file({ document: { chars: c } }, chars) });
    if (d.minChars !== undefined) edges.push({ name: 'document.minChars', at: d.minChars, past: d.minChars - 1, inside: d.minChars + 1, judge: (c) => file({ document: { chars: c } }, chars) });
    if (d.maxHeadingLevels !== undefined) {
      edges.push({ name: 'document.maxHeadingLevels', at: d.maxHeadingLevels, past: d.maxHeadingLevels + 1, inside: d.maxHeadingLevels - 1, judge: (levels) => file({ document: { chars: d.minChars ?? 1, headingLevels: levels } }, ['doc_headings_ok', 'doc_headings_over']) });
    }
  }
  const a = slot.archive;
  const archiveType = slot.accept.types.find((t) => t === 'zip' || t === 'rar' || t === '7z');
  if (a && archiveType) {
    const archive = (over: Partial<NonNullable<Inspection['archive']>>) => ({
      detected: { type: archiveType, mime: 'application/zip' },
      name: `${slot.keywords[0]}.${archiveType}`,
      archive: { items: 1, totalBytes: 1, encrypted: false, ...over },
    });
    if (a.maxItems !== undefined) edges.push({ name: 'archive.maxItems', at: a.maxItems, past: a.maxItems + 1, inside: a.maxItems - 1, judge: (items) => file(archive({ items }), ['archive_items_ok', 'archive_items_over']) });
    if (a.maxTotalBytes !== undefined) edges.push({ name: 'archive.maxTotalBytes', at: a.maxTotalBytes, past: a.maxTotalBytes + 1, inside: a.maxTotalBytes - 1, judge: (totalBytes) => file(archive({ totalBytes }), ['archive_bytes_ok', 'archive_bytes_over']) });
  }
  if (slot.image?.minLongEdge !== undefined) {
    const min = slot.image.minLongEdge;
    edges.push({ name: 'image.minLongEdge', at: min, past: min - 1, inside: min + 1, judge: (edge) => file({ image: { width: edge, height: Math.floor(edge / 2) } }, ['image_ok', 'image_small']) });
  }
  return edges;
}

/** The category's whole-submission limits: counts, a slot's total bytes and items, the total recording time. */
function submissionEdges(category: Category, route: Route): Edge[] {
  const edges: Edge[] = [];
  const routed = category.slots.map((s) => slotForRoute(s, route));
  const run = (files: EvaluatedInput[], codes: readonly string[], slotId?: string) =>
    verdictOf(evaluate(category, files, { route }).findings.filter((f) => slotId === undefined || f.params.slot === slotId), codes) ?? 'pass';
  const input = (slot: Slot, i: number, over: Partial<Inspection> = {}): EvaluatedInput => {
    const f = facts(slot, { name: `${slot.keywords[0]}${i}${slot.accept.extensions[0]}`, ...over });
    return { name: f.name, size: f.size, facts: f };
  };
  for (const slot of routed) {
    // Other slots' keywords can claim a file; keep the slots whose first keyword is theirs alone.
    if (routed.some((o) => o.id !== slot.id && o.keywords.some((k) => slot.keywords[0]!.includes(k) && k.length >= slot.keywords[0]!.length))) continue;
    const many = (n: number, over: (i: number) => Partial<Inspection> = () => ({})) => Array.from({ length: Math.max(0, n) }, (_, i) => input(slot, i, over(i)));
    if (slot.maxCount !== undefined && slot.maxCount > 0) {
      edges.push({ name: `${slot.id}: maxCount`, at: slot.maxCount, past: slot.maxCount + 1, inside: slot.maxCount - 1, judge: (n) => run(many(n), ['slot_too_many'], slot.id) });
    }
    // A slot not required without an answer may be left empty; once it has files, its minimum applies.
    const required = isSlotRequired(slot);
    const min = required ? Math.max(1, slot.minCount) : slot.minCount;
    if (required ? min >= 1 : min >= 2) {
      const inside = slot.maxCount === undefined || slot.maxCount > min ? min + 1 : min;
      edges.push({ name: `${slot.id}: minCount`, at: min, past: min - 1, inside, judge: (n) => run(many(n), ['slot_too_few', 'slot_missing'], slot.id) });
    }
    if (slot.maxTotalBytes !== undefined) {
      const total = slot.maxTotalBytes;
      edges.push({ name: `${slot.id}: maxTotalBytes`, at: total, past: total + 1, inside: total - 1, judge: (t) => run([input(slot, 0, { size: t - Math.floor(t / 2) }), input(slot, 1, { size: Math.floor(t / 2) })], ['slot_total_bytes_over'], slot.id) });
    }
    const archiveType = slot.accept.types.find((t) => t === 'zip');
    if (slot.archive?.maxItems !== undefined && archiveType && (slot.maxCount ?? 2) >= 2) {
      const max = slot.archive.maxItems;
      const zip = (items: number): Partial<Inspection> => ({ detected: { type: 'zip', mime: 'application/zip' }, archive: { items, totalBytes: 1, encrypted: false } });
      // Two archives whose items together sit at the limit: the limit is over the whole submission.
      edges.push({ name: `${slot.id}: items over the whole submission`, at: max, past: max + 1, inside: max - 1, judge: (n) => run([
        input(slot, 0, { ...zip(Math.ceil(n / 2)), name: `${slot.keywords[0]}0.zip` }),
        input(slot, 1, { ...zip(Math.floor(n / 2)), name: `${slot.keywords[0]}1.zip` }),
      ], ['slot_items_ok', 'slot_items_over'], slot.id) });
    }
  }
  const video = routed.find((s) => s.video && (s.maxCount ?? 2) >= 2);
  if (category.maxTotalVideoSec !== undefined && video) {
    const max = category.maxTotalVideoSec;
    const clip = (i: number, durationSec: number) => input(video, i, { media: { ...goodMedia(video), durationSec } });
    edges.push({ name: 'maxTotalVideoSec', at: max, past: max + 1, inside: max - 1, judge: (t) => run([clip(0, t - Math.floor(t / 2)), clip(1, Math.floor(t / 2))], ['video_total_ok', 'video_total_over']) });
  }
  return edges;
}

function fieldEdges(rule: FieldRule): Edge[] {
  const edges: Edge[] = [];
  const text = (n: number) => '字'.repeat(Math.max(0, n));
  const keywords = (n: number) => Array.from({ length: Math.max(0, n) }, (_, i) => `词${i}`).join('、');
  const verdict = (bad: boolean): Verdict => (bad ? 'fail' : 'pass');
  if (rule.maxChars !== undefined) edges.push({ name: `${rule.id}: maxChars`, at: rule.maxChars, past: rule.maxChars + 1, inside: rule.maxChars - 1, judge: (n) => verdict(measureField(rule, text(n)).overLimit) });
  if (rule.minChars !== undefined && rule.minChars > 1) edges.push({ name: `${rule.id}: minChars`, at: rule.minChars, past: rule.minChars - 1, inside: rule.minChars + 1, judge: (n) => verdict(measureField(rule, text(n)).underLimit) });
  if (rule.maxKeywords !== undefined) edges.push({ name: `${rule.id}: maxKeywords`, at: rule.maxKeywords, past: rule.maxKeywords + 1, inside: rule.maxKeywords - 1, judge: (n) => verdict(measureField(rule, keywords(n)).tooManyKeywords) });
  return edges;
}

/** Every edge of a pack, named by category, route and slot or field. */
function packEdges(pack: RulePack): Array<[string, Edge]> {
  const out: Array<[string, Edge]> = [];
  for (const category of pack.categories) {
    for (const route of routesOf(category)) {
      for (const slot of category.slots.map((s) => slotForRoute(s, route))) {
        for (const edge of fileEdges(slot)) out.push([`${pack.version} ${category.id} (${route}) ${slot.id}: ${edge.name}`, edge]);
      }
      for (const edge of submissionEdges(category, route)) out.push([`${pack.version} ${category.id} (${route}) ${edge.name}`, edge]);
    }
    for (const field of category.fields) {
      for (const edge of fieldEdges(field)) out.push([`${pack.version} ${category.id} ${edge.name}`, edge]);
    }
  }
  return out;
}

const edges = RULE_PACKS.flatMap(packEdges);

describe('every limit of the bundled packs at its edge', () => {
  it('finds the limits the issue names in the 2025 pack: 500 MB, 25:00, 50 minutes in total, 5 items, 25 fps, 字数', () => {
    const names = edges.map(([name]) => name);
    for (const part of ['zhijiao_shijian (hecloudnet) video: maxBytes', 'video.maxDurationSec', 'maxTotalVideoSec', 'items over the whole submission', 'video.fps (upper tolerance)', 'maxChars']) {
      expect(names.some((n) => n.includes(part)), part).toBe(true);
    }
  });

  it.each(edges)('%s', (_, edge) => {
    expect(edge.judge(edge.at), 'exactly at the limit').toBe('pass');
    expect(edge.judge(edge.inside), 'one unit inside').toBe('pass');
    expect(edge.judge(edge.past), 'one unit past').toBe('fail');
  });
});
