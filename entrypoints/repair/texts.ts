import { t } from '@/components/i18n';
import { formatBytes, formatDuration, type Lang } from '@/lib/checks/messages';
import type { EngineId } from '@/lib/media/engine';
import type { RepairIssue, RepairPlan } from '@/lib/media/plan';
import type { VideoSlot } from '@/lib/media/slots';

export function bitrateText(bps: number): string {
  return bps >= 1_000_000 ? `${(bps / 1_000_000).toFixed(1)} Mbps` : `${Math.round(bps / 1000)} kbps`;
}

/** What is wrong with the video, in plain words. */
export function issueText(issue: RepairIssue, lang: Lang): string {
  const p = issue.params;
  const n = (key: string) => Number(p[key]);
  const size = (w: number, h: number) => `${w}×${h}`;
  switch (issue.code) {
    case 'container':
      return t('repair.issues.container', [String(p.container).toUpperCase()]);
    case 'fps':
    case 'vfr':
      return t(`repair.issues.${issue.code}`, [n('fps'), n('required')]);
    case 'fps_unknown':
      return t('repair.issues.fps_unknown', [n('required')]);
    case 'resolution':
      return t('repair.issues.resolution', [size(n('width'), n('height')), size(n('minWidth'), n('minHeight'))]);
    case 'size_unknown':
      return t('repair.issues.size_unknown', [size(n('minWidth'), n('minHeight'))]);
    case 'too_long':
      return t('repair.issues.too_long', [formatDuration(n('durationSec'), lang), formatDuration(n('maxSec'), lang)]);
    case 'too_short':
      return t('repair.issues.too_short', [formatDuration(n('durationSec'), lang), formatDuration(n('minSec'), lang)]);
    case 'too_large':
      return t('repair.issues.too_large', [formatBytes(n('size'), lang), formatBytes(n('maxBytes'), lang)]);
    case 'portrait':
      return t('repair.issues.portrait', [size(n('width'), n('height')), size(n('frameWidth'), n('frameHeight'))]);
    case 'codec':
      return t('repair.issues.codec', [[p.videoCodec, p.audioCodec].filter((c) => c !== '').join(' + ')]);
    default:
      return t(`repair.issues.${issue.code}`);
  }
}

/** Why no repair can make the video acceptable. */
export function blockedText(plan: Extract<RepairPlan, { kind: 'blocked' }>, lang: Lang): string {
  const p = plan.params;
  const d = (sec: number | undefined) => formatDuration(sec ?? 0, lang);
  switch (plan.reason) {
    case 'too_short':
    case 'trim_too_short':
      return t(`repair.blocked.${plan.reason}`, [d(p.durationSec), d(p.minSec)]);
    case 'trim_too_long':
      return t('repair.blocked.trim_too_long', [d(p.durationSec), d(p.maxSec)]);
    case 'cannot_fit':
      return t('repair.blocked.cannot_fit', [d(p.durationSec), formatBytes(p.maxBytes ?? 0, lang)]);
    default:
      return t(`repair.blocked.${plan.reason}`);
  }
}

export function engineName(id: EngineId): string {
  return t(`repair.engine.${id.replace('-', '_')}`);
}

/** The slot's video rules on one line: "MP4，25 帧/秒，≥ 1920×1080 …". */
export function rulesText(s: VideoSlot, lang: Lang): string {
  const v = s.slot.video;
  const parts: string[] = [];
  if (v?.container) parts.push(v.container.toUpperCase());
  if (v?.fps !== undefined) parts.push(lang === 'zh' ? `${v.fps} 帧/秒` : `${v.fps} fps`);
  if (v?.minWidth !== undefined || v?.minHeight !== undefined) parts.push(`≥ ${v?.minWidth ?? 0}×${v?.minHeight ?? 0}`);
  if (v?.minDurationSec !== undefined || v?.maxDurationSec !== undefined) {
    parts.push(`${formatDuration(v?.minDurationSec ?? 0, lang)}–${v?.maxDurationSec !== undefined ? formatDuration(v.maxDurationSec, lang) : '∞'}`);
  }
  if (s.slot.maxBytes !== undefined) parts.push(`≤ ${formatBytes(s.slot.maxBytes, lang)}`);
  return parts.join('，');
}
