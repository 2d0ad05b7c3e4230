import { useEffect, useReducer, useState } from 'react';
import { createPortal } from 'react-dom';
import { i18n } from '#i18n';
import { workSizeValue, type DetectedField } from '@/lib/autofill';
import { frameScheduler } from '../../frame';
import { usePageState } from '../../page-state';
import { definePageFeature, type PageEnv } from '../define';
import { textHelp, wantsHelp, type TextHelp } from './helpers';

const OVERLAY_CSS = `
:host { all: initial; }
.layer { position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147482000; }
.help {
  position: absolute; transform: translate(-100%, 2px); pointer-events: none; white-space: nowrap;
  font: 12px/1.4 system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif;
  padding: 1px 6px; border-radius: 4px; background: #eef4ff; color: #1d3f73; border: 1px solid #b6cbee;
}
.help[data-over="true"], .help[data-marks="true"] { background: #fdecea; color: #8c1d13; border-color: #f0b4ad; }
`;

function valueOf(field: DetectedField): string {
  const control = field.control;
  return control && 'value' in control ? control.value : '';
}

/** `sizeMb`: the chosen work files' total as 作品大小 would be filled, '' while none are chosen. */
function helpText(help: TextHelp, sizeMb: string): string {
  const parts: string[] = [];
  if (help.sizeNote) parts.push(sizeMb ? i18n.t('fill.help.sizeKnown', [sizeMb]) : i18n.t('fill.help.size'));
  if (help.count !== undefined && help.max !== undefined) {
    parts.push(i18n.t('fill.help.count', [String(help.count), String(help.max)]));
    if (help.over) parts.push(i18n.t('fill.help.over', [String(help.count - help.max)]));
  }
  if (help.marks.length > 0) parts.push(i18n.t('fill.help.marks', [help.marks.join('')]));
  return parts.join(' · ');
}

interface Placed {
  field: DetectedField;
  help: TextHelp;
  top: number;
  left: number;
}

function place(fields: readonly DetectedField[], read: (f: DetectedField) => TextHelp): Placed[] {
  const placed: Placed[] = [];
  for (const field of fields) {
    if (!field.element.isConnected) continue;
    const rect = field.element.getBoundingClientRect();
    // Hidden by the site (another tab, a collapsed step): no helper floating over nothing.
    if (rect.width === 0 && rect.height === 0) continue;
    placed.push({ field, help: read(field), top: rect.bottom + window.scrollY, left: rect.right + window.scrollX });
  }
  return placed;
}

function TextHelpersLayer({ env }: { env: PageEnv }) {
  const [, snap] = usePageState(env);
  const [layer, setLayer] = useState<HTMLElement>();
  const [tick, bump] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    // A sibling of the site's app on <body>, in its own shadow root: the site's framework never reconciles it and its
    // styles never leak either way.
    const host = document.createElement('submit-helper-counters');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    const div = document.createElement('div');
    div.className = 'layer';
    shadow.append(style, div);
    document.body.append(host);
    setLayer(div);
    const frame = frameScheduler(bump);
    const schedule = frame.schedule;
    env.ctx.addEventListener(window, 'input', schedule, { capture: true });
    env.ctx.addEventListener(window, 'resize', schedule);
    // Scrolling inside a form container moves fields without a window scroll.
    env.ctx.addEventListener(window, 'scroll', schedule, { capture: true, passive: true });
    return () => {
      frame.cancel();
      host.remove();
    };
  }, [env.ctx]);

  const helped = snap.fields.filter((f) => wantsHelp(f, snap.pack, snap.category));
  const sizeMb = workSizeValue(snap.category?.fields.find((rule) => rule.sizeOf), snap.workFiles);
  const placed = layer ? place(helped, (f) => textHelp(f, valueOf(f), snap.pack, snap.category)) : [];
  void tick;
  if (!layer) return null;
  return createPortal(
    placed.map(({ field, help, top, left }) => (
      <div key={`${field.locator.label}|${field.locator.nth}`} className="help" data-testid="text-help"
        data-label={field.label} data-count={help.count ?? ''} data-over={help.over} data-marks={help.marks.length > 0}
        role={help.over || help.marks.length > 0 ? 'alert' : undefined} style={{ top, left }}>
        {helpText(help, sizeMb)}
      </div>
    )),
    layer,
  );
}

/**
 * Text helpers (issue #5): a Word-like 字数 counter under every text field the rule pack limits, an over-limit
 * warning, a 《》 warning on 作品名称, and a note on 作品大小. Drawn in an overlay; the page's DOM is not touched.
 */
export default definePageFeature({ id: 'text-helpers', Layer: TextHelpersLayer });
