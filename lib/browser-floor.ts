/**
 * The oldest browsers the extension runs in, and what follows from each build target. One place, read by
 * wxt.config.ts at build time (manifest keys, the JavaScript target, which ffmpeg.wasm core is copied) and by the
 * pages at run time (which core is there to load).
 *
 * Chromium 103: the MV3 `content_security_policy.extension_pages` must allow `'wasm-unsafe-eval'` for ffmpeg.wasm
 * and pdf.js's decoders, and Chromium extensions accept that keyword from 103 on (crbug.com/1173354); an older core (the
 * Chromium 86–102 inside many 360/QQ browsers) would install the extension and then fail every WebAssembly load.
 * Everything else the pages use is older (MV3 service workers 88, the COOP/COEP manifest keys 93, ES2022 syntax 94,
 * `AbortSignal.timeout` 103) or detected when used (WebCodecs 94, `Element.checkVisibility` 105). pdf.js (the 规则包
 * page's PDF reader) is its legacy build: the modern one calls `Promise.withResolvers` (Chromium 119).
 * Firefox 140 (the ESR of 2025): the first release that reads `data_collection_permissions`, which declares that
 * nothing is collected.
 */
export const MIN_CHROME = 103;
export const MIN_FIREFOX = 140;

/** The esbuild/Vite target of a build: syntax newer than the floor is lowered, never shipped. */
export function buildTarget(browser: string): string[] {
  return browser === 'firefox' ? [`firefox${MIN_FIREFOX}`] : [`chrome${MIN_CHROME}`];
}

/**
 * Whether the build's extension pages are cross-origin isolated. Chromium honours the manifest's
 * `cross_origin_embedder_policy` / `cross_origin_opener_policy` keys; Firefox has no such keys, so its pages never
 * get `SharedArrayBuffer`.
 */
export function isolatedPages(browser: string): boolean {
  return browser !== 'firefox';
}

/** The one ffmpeg.wasm core a build ships: multi-thread where pages are isolated, single-thread elsewhere. */
export type FfmpegCore = 'mt' | 'st';

export function ffmpegCoreFor(browser: string): FfmpegCore {
  return isolatedPages(browser) ? 'mt' : 'st';
}
