import { useId } from 'react';
import { i18n } from '#i18n';
import { FindingList } from '@/components/finding-list';
import { inLang } from '@/components/i18n';
import { VerdictBadge } from '@/components/verdict-badge';
import { formatBytes, type FileReport, type Lang } from '@/lib/checks';
import type { Category } from '@/lib/rules';
import type { PickedFile } from './collect';

/** One checked file next to the file it was made from. */
export interface Row {
  report: FileReport;
  picked: PickedFile;
}

/** What the user can do to a file in the list. */
export interface RowActions {
  onReassign: (picked: PickedFile, slotId: string) => void;
  onRemove: (picked: PickedFile) => void;
}

const VIDEO_TYPES = new Set(['mp4', 'mov', 'mkv', 'avi']);

export function isIgnored(file: FileReport): boolean {
  return file.findings.some((f) => f.code === 'file_ignored');
}

/** A file, its verdict and findings, a choice of another slot, and a way to 视频修复 when a video fails. */
export function FileItem({ row, category, lang, onReassign, onRemove }: { row: Row; category: Category; lang: Lang } & RowActions) {
  const { report, picked } = row;
  const id = useId();
  const name = picked.path ?? picked.file.name;
  const slot = category.slots.find((s) => s.id === report.slot);
  const isVideo = !!slot?.video || !!report.media || VIDEO_TYPES.has(report.detected.type);
  const repairable = isVideo && (report.verdict === 'fail' || report.verdict === 'unreadable');
  return (
    <li className={`file file--${report.verdict}`} data-testid="check-file" data-name={picked.file.name} data-verdict={report.verdict}>
      <div className="file__head">
        <span className="file__name" title={name}>{name}</span>
        <span className="file__size">{formatBytes(report.size, lang)}</span>
        <VerdictBadge verdict={report.verdict} />
        <label className="visually-hidden" htmlFor={id}>{i18n.t('check.file.reassignLabel', [picked.file.name])}</label>
        <select id={id} value="" onChange={(e) => e.target.value && onReassign(picked, e.target.value)}>
          <option value="">{i18n.t('check.file.reassign')}</option>
          {category.slots
            .filter((s) => s.id !== report.slot)
            .map((s) => <option key={s.id} value={s.id}>{inLang(lang, s.label, s.labelEn)}</option>)}
        </select>
        <button type="button" className="file__remove" onClick={() => onRemove(picked)} aria-label={i18n.t('check.files.remove', [picked.file.name])}>
          ×
        </button>
      </div>
      <FindingList findings={report.findings} lang={lang} />
      {repairable && (
        <a className="file__repair" href={`/repair.html?category=${encodeURIComponent(category.id)}`} target="_blank" rel="noreferrer">
          {i18n.t('check.file.repair')}
        </a>
      )}
    </li>
  );
}
