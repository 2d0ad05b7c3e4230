/**
 * Styles of the guard's overlay (inline results and the submit dialog). The overlay lives in its own shadow root on
 * <body>, outside the site's framework-managed tree, so neither the site's CSS nor Vue's re-renders reach it.
 */
export const OVERLAY_CSS = `
:host { all: initial; }
.layer {
  position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147482000;
  font: 13px/1.5 system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif;
  color: #1f2933;
}
.badge {
  position: absolute; box-sizing: border-box; width: max-content; max-width: 520px; min-width: 200px;
  padding: 3px 8px; border-radius: 6px; border: 1px solid #c9d3dd; background: #fff;
  box-shadow: 0 2px 8px rgb(0 0 0 / 0.12);
}
.badge[data-verdict="pass"] { border-color: #8fd4ad; background: #f0fbf4; }
.badge[data-verdict="warn"] { border-color: #f0c36d; background: #fffaf0; }
.badge[data-verdict="fail"], .badge[data-verdict="unreadable"] { border-color: #f0a0a0; background: #fff5f5; }
.badge__line { display: flex; gap: 6px; align-items: flex-start; }
.badge__sums { flex: 1; min-width: 0; }
.badge__sum {
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; overflow-wrap: anywhere;
}
.badge__sum[data-verdict="fail"], .badge__sum[data-verdict="unreadable"] { color: #b42318; }
.badge__sum[data-verdict="warn"] { color: #8a5a00; }
.badge__sum[data-verdict="pass"] { color: #0b7a3e; }
.badge__line button { flex: none; font-size: 12px; padding: 0 6px; }
.badge__details { margin-top: 6px; padding-top: 6px; border-top: 1px solid #e4e7eb; }
.badge li[data-verdict="pass"] { color: #0b7a3e; }
.badge__head { display: flex; gap: 6px; align-items: baseline; font-weight: 600; }
.badge__file { font-weight: 400; color: #52606d; overflow-wrap: anywhere; }
.badge__close { margin-left: auto; border: 0; background: transparent; font-size: 16px; line-height: 1; padding: 0 4px; color: #52606d; }
.badge__file-block + .badge__file-block { margin-top: 6px; padding-top: 6px; border-top: 1px dashed #d5dde5; }
.badge ul { margin: 2px 0 0; padding-left: 18px; }
.badge li[data-verdict="fail"], .badge li[data-verdict="unreadable"] { color: #b42318; }
.badge li[data-verdict="warn"] { color: #8a5a00; }
.badge__actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; align-items: center; }
.badge__slot { color: #52606d; font-size: 12px; }
.badge select { font: inherit; font-size: 12px; max-width: 220px; }
button { font: inherit; cursor: pointer; border-radius: 4px; border: 1px solid #9aa5b1; background: #fff; padding: 2px 10px; }
button.primary { background: #1d5fbf; border-color: #1d5fbf; color: #fff; }
button.danger { background: #b42318; border-color: #b42318; color: #fff; }
button:focus-visible, select:focus-visible { outline: 2px solid #1d5fbf; outline-offset: 2px; }
.backdrop {
  position: fixed; inset: 0; background: rgb(15 23 42 / 0.45); display: flex; align-items: center; justify-content: center;
  z-index: 2147483100;
}
.dialog {
  width: min(480px, calc(100vw - 32px)); max-height: calc(100vh - 64px); overflow: auto; box-sizing: border-box;
  background: #fff; border-radius: 8px; padding: 16px 20px; box-shadow: 0 8px 32px rgb(0 0 0 / 0.3);
  font: 14px/1.6 system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif;
  color: #1f2933;
}
.dialog h2 { margin: 0 0 8px; font-size: 16px; }
.dialog p { margin: 0 0 8px; color: #52606d; }
.dialog ul { margin: 0 0 12px; padding-left: 20px; }
.dialog li { margin: 2px 0; }
.dialog__actions { display: flex; justify-content: flex-end; gap: 8px; }
`;

/** The section's own rules inside the panel's shadow root (panel.css belongs to the panel). */
export const PANEL_CSS = `
.feature--upload-guard { margin-top: 10px; padding-top: 8px; border-top: 1px solid #e4e7eb; }
.feature--upload-guard .feature__title { margin: 0 0 6px; font-size: 14px; }
.guard__category { display: block; font-size: 13px; }
.guard__category select { display: block; width: 100%; max-width: 100%; margin-top: 2px; font: inherit; }
.guard__note { margin: 4px 0; font-size: 12px; color: #8a5a00; }
.guard__checklist { margin: 6px 0; padding: 0; list-style: none; font-size: 13px; max-height: 320px; overflow: auto; }
.guard__checklist li { margin: 2px 0; }
.guard__checklist li[data-status="ok"], .guard__checklist li[data-status="listed"] { color: #0b7a3e; }
.guard__checklist li[data-status="failed"], .guard__checklist li[data-status="missing"] { color: #b42318; }
.guard__checklist li[data-status="elsewhere"], .guard__checklist li[data-status="empty"] { color: #7b8794; }
.guard__precheck { font: inherit; font-size: 12px; }
`;
