import { useEffect, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { definePageFeature, type PageEnv } from '../define';
import type { UploadGuard } from './controller';
import { Overlay } from './overlay';
import { OVERLAY_CSS } from './styles';

function GuardOverlay({ guard, container }: { guard: UploadGuard; container: HTMLElement }) {
  const snapshot = useSyncExternalStore(guard.subscribe, guard.getSnapshot);
  return createPortal(<Overlay snapshot={snapshot} guard={guard} win={window} />, container);
}

function UploadGuardLayer({ env }: { env: PageEnv }) {
  const { side } = env;
  const guard = useSyncExternalStore((cb) => side.onGuard(cb), () => side.guard);
  const [container, setContainer] = useState<HTMLElement>();

  useEffect(() => {
    // The overlay is a sibling of the site's app on <body>, so the site's framework never reconciles it.
    const host = document.createElement('submit-helper-guard');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    const div = document.createElement('div');
    shadow.append(style, div);
    document.body.append(host);
    setContainer(div);
    return () => host.remove();
  }, []);

  if (!guard || !container) return null;
  return <GuardOverlay guard={guard} container={container} />;
}

/**
 * The upload guard on the page (issue #6): each upload's inline result and the dialog before the site's submit.
 * File names, verdicts and slot labels only; the checklist is drawn in the panel frame.
 */
export default definePageFeature({ id: 'upload-guard', Layer: UploadGuardLayer });
