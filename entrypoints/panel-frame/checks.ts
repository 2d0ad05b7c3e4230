/**
 * The frame's side of on-site file checks: Files posted by its own content script (carrying the key sent over the
 * port) are read in a pool of dedicated workers of the extension's origin, each bounded in time and memory
 * (lib/checks/pool.ts), and the verdict goes back over the port.
 */

import { checkChosenFile } from '@/lib/guard';
import { createCheckPool } from '@/lib/checks/pool';
import { isCheckRequest, type Channel, type ToFrame, type ToPage } from '@/lib/panel/protocol';

function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Answers check requests for one connection; returns a function that stops it and ends its workers. */
export function serveChecks(channel: Channel<ToFrame, ToPage>, win: Window = window): () => void {
  const key = newKey();
  const pool = createCheckPool();
  const onMessage = (event: MessageEvent) => {
    // Only the window that framed us (the content script posts through it) and only with this connection's key.
    if (event.source !== win.parent || !isCheckRequest(event.data, key)) return;
    const { id, file, slot, route } = event.data;
    // The pool reads the same File it was handed (a structured clone: no copy of the bytes).
    checkChosenFile(file, slot, { route, inspect: (_f, name, options) => pool.inspect(file, name, options) }).then(
      (check) => channel.post({ kind: 'checked', id, ok: true, check }),
      (error: unknown) => channel.post({ kind: 'checked', id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  win.addEventListener('message', onMessage);
  channel.post({ kind: 'checkKey', key });
  return () => {
    win.removeEventListener('message', onMessage);
    pool.dispose();
  };
}
