import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { formatFinding, worstVerdict, type Verdict } from '@/lib/checks';
import { isRepairableVideo, problemsOf, type FileCheck } from '@/lib/guard';
import type { Category } from '@/lib/rules/schema';
import type { GuardSnapshot, GuardUpload, UploadGuard } from './controller';
import { itemText, openExtensionPage, uiLang } from './texts';

const GAP = 8;
const MIN_SIDE_ROOM = 240;

/** Where a badge goes: right of the upload's button when there is room, else under the whole component. */
function placement(upload: GuardUpload, win: Window): { left: number; top: number; maxWidth: number } | undefined {
  const { trigger, root } = upload.site;
  if (!trigger.isConnected) return undefined;
  const t = trigger.getBoundingClientRect();
  const r = root.getBoundingClientRect();
  const box = t.width > 0 || t.height > 0 ? t : r;
  if (box.width === 0 && box.height === 0) return undefined;
  const viewport = win.document.documentElement.clientWidth;
  const room = viewport - box.right - GAP * 2;
  if (room >= MIN_SIDE_ROOM) {
    return { left: box.right + GAP + win.scrollX, top: box.top + win.scrollY, maxWidth: Math.min(520, room) };
  }
  const below = r.height > 0 ? r : box;
  return { left: below.left + win.scrollX, top: below.bottom + 4 + win.scrollY, maxWidth: Math.min(520, viewport - below.left - GAP) };
}

function slotLabel(category: Category | undefined, slotId: string | null): string {
  return category?.slots.find((s) => s.id === slotId)?.label ?? '';
}

function headOf(check: FileCheck, label: string): string {
  if (check.verdict === 'pass') return label ? i18n.t('guard.badge.pass', [label]) : i18n.t('guard.badge.passNoSlot');
  if (check.verdict === 'warn') return i18n.t('guard.badge.warn');
  return label ? i18n.t('guard.badge.fail', [label]) : i18n.t('guard.badge.failNoSlot');
}

const ICONS: Record<Verdict, string> = { pass: '✓', warn: '!', fail: '✗', unreadable: '✗' };

/** One line per file: the verdict, or every fault in the notices' words. */
function FileSummary({ check, label }: { check: FileCheck; label: string }) {
  const lang = uiLang();
  const problems = problemsOf(check);
  const text = problems.length === 0 ? `${headOf(check, label)}：${check.name}` : `${check.name}：${problems.map((f) => formatFinding(f, lang)).join('；')}`;
  return (
    <div className="badge__sum" data-testid="guard-file" data-file={check.name} data-verdict={check.verdict}
      data-ms={check.finishedAt - check.startedAt} title={text}>
      <span aria-hidden="true">{ICONS[check.verdict]} </span>{text}
    </div>
  );
}

function FileDetails({ check, label }: { check: FileCheck; label: string }) {
  const lang = uiLang();
  return (
    <div className="badge__file-block" data-testid="guard-detail" data-file={check.name}>
      <div className="badge__head">
        <span aria-hidden="true">{ICONS[check.verdict]}</span>
        <span data-testid="guard-verdict">{headOf(check, label)}</span>
        <span className="badge__file">{check.name}</span>
      </div>
      <ul>
        {check.findings.map((f, i) => (
          <li key={`${f.code}-${i}`} data-code={f.code} data-verdict={f.verdict}>{formatFinding(f, lang)}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The inline result: one or two lines beside the upload button (so it covers as little of the page as possible),
 * with the details, the slot correction and 批量预检 one click away.
 */
function Badge({ upload, snapshot, guard, win, layout }: {
  upload: GuardUpload; snapshot: GuardSnapshot; guard: UploadGuard; win: Window; layout: number;
}) {
  void layout;
  const [open, setOpen] = useState(false);
  const place = placement(upload, win);
  if (!place) return null;
  const { category } = snapshot;
  const label = slotLabel(category, upload.slotId);
  const verdict: Verdict | 'checking' = upload.batchPending.length > 0 ? 'checking' : worstVerdict(upload.batch.map((c) => c.verdict));
  const failing = upload.batch.filter((c) => c.verdict === 'fail' || c.verdict === 'unreadable');
  const repairable = category && upload.batch.some(isRepairableVideo);
  return (
    <div className="badge" role="status" data-testid="guard-badge" data-upload={upload.key} data-verdict={verdict}
      data-slot={upload.slotId ?? ''} data-open={open} style={{ left: place.left, top: place.top, maxWidth: place.maxWidth }}>
      <div className="badge__line">
        <div className="badge__sums">
          {upload.batch.map((check) => <FileSummary key={check.name} check={check} label={label} />)}
          {upload.batchPending.map((name) => (
            <div key={name} className="badge__sum" data-testid="guard-pending">{i18n.t('guard.badge.checking', [name])}</div>
          ))}
        </div>
        {repairable && (
          <button type="button" className="primary" data-testid="guard-repair" onClick={() => openExtensionPage('repair.html', category.id)}>
            {i18n.t('guard.repair')}
          </button>
        )}
        <button type="button" aria-expanded={open} data-testid="guard-more" onClick={() => setOpen((o) => !o)}>
          {open ? i18n.t('guard.badge.less') : i18n.t('guard.badge.more')}
        </button>
        <button type="button" className="badge__close" aria-label={i18n.t('guard.badge.close')} title={i18n.t('guard.badge.close')}
          onClick={() => guard.dismiss(upload.key)}>×</button>
      </div>
      {open && (
        <div className="badge__details">
          {upload.batch.map((check) => <FileDetails key={check.name} check={check} label={label} />)}
          <div className="badge__actions">
            {category && failing.length > 0 && (
              <button type="button" data-testid="guard-precheck" onClick={() => openExtensionPage('check.html', category.id)}>
                {i18n.t('guard.precheck')}
              </button>
            )}
            {category && (
              <label className="badge__slot">
                {i18n.t('guard.badge.slot')}
                <select
                  data-testid="guard-slot"
                  value={upload.slotId ?? ''}
                  onChange={(e) => void guard.setSlot(upload.key, e.target.value === '' ? null : e.target.value)}
                >
                  {category.slots.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
                  {upload.slotId === null && <option value="">{i18n.t('guard.badge.slotNone')}</option>}
                </select>
                {upload.taught ? i18n.t('guard.badge.taught') : ''}
              </label>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function Dialog({ snapshot, guard }: { snapshot: GuardSnapshot; guard: UploadGuard }) {
  const back = useRef<HTMLButtonElement>(null);
  const dialog = snapshot.dialog!;
  const lang = uiLang();
  useEffect(() => back.current?.focus(), []);
  return (
    <div className="backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="guard-dialog-title" data-testid="guard-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') guard.resolveDialog(false);
        }}>
        <h2 id="guard-dialog-title">{i18n.t('guard.dialog.title')}</h2>
        <p>{i18n.t('guard.dialog.intro', [dialog.caption])}</p>
        <ul data-testid="guard-dialog-items">
          {dialog.items.map((item, i) => <li key={i} data-kind={item.kind}>{itemText(item, lang)}</li>)}
        </ul>
        <div className="dialog__actions">
          <button ref={back} type="button" className="primary" onClick={() => guard.resolveDialog(false)}>{i18n.t('guard.dialog.back')}</button>
          <button type="button" className="danger" onClick={() => guard.resolveDialog(true)}>{i18n.t('guard.dialog.proceed')}</button>
        </div>
      </div>
    </div>
  );
}

/** Inline results beside each upload, and the submit dialog. Re-placed on scroll, resize and every page re-render. */
export function Overlay({ snapshot, guard, win }: { snapshot: GuardSnapshot; guard: UploadGuard; win: Window }) {
  const [layout, setLayout] = useState(0);
  const frame = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const bump = () => {
      if (frame.current !== undefined) return;
      frame.current = win.requestAnimationFrame(() => {
        frame.current = undefined;
        setLayout((n) => n + 1);
      });
    };
    // Scrolls of inner containers move uploads too; they do not bubble, so listen in the capture phase.
    const options = { capture: true, passive: true };
    win.addEventListener('scroll', bump, options);
    win.addEventListener('resize', bump);
    const Observer = (win as Window & typeof globalThis).ResizeObserver as typeof ResizeObserver | undefined;
    const observer = Observer ? new Observer(bump) : undefined;
    observer?.observe(win.document.documentElement);
    return () => {
      win.removeEventListener('scroll', bump, options);
      win.removeEventListener('resize', bump);
      observer?.disconnect();
      if (frame.current !== undefined) win.cancelAnimationFrame(frame.current);
    };
  }, [win]);

  const shown = snapshot.uploads.filter((u) => u.present && (u.batch.length > 0 || u.batchPending.length > 0));
  return (
    <div className="layer">
      {shown.map((u) => <Badge key={u.key} upload={u} snapshot={snapshot} guard={guard} win={win} layout={layout} />)}
      {snapshot.dialog && <Dialog snapshot={snapshot} guard={guard} />}
    </div>
  );
}
