import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';
import { buildTarget, ffmpegCoreFor, isolatedPages, MIN_CHROME, MIN_FIREFOX, type FfmpegCore } from './lib/browser-floor';
import { CONTENT_MATCHES } from './lib/sites';

const require = createRequire(import.meta.url);

/**
 * The ffmpeg.wasm core (video repair) is copied from node_modules into the build, never committed, and only the one
 * the browser can run: `ffmpeg/mt/` (multi-thread, needs the cross-origin isolated pages Chromium gives) or
 * `ffmpeg/st/` (single-thread, Firefox). Each is ~32 MB of wasm; shipping both doubled the package.
 */
function ffmpegCoreFiles(core: FfmpegCore): Array<{ absoluteSrc: string; relativeDest: string }> {
  // The packages export only their entry files; the ESM build sits beside the resolved UMD one.
  const pkg = core === 'mt' ? '@ffmpeg/core-mt' : '@ffmpeg/core';
  const esm = join(dirname(require.resolve(`${pkg}/wasm`)), '../esm');
  const files = core === 'mt' ? ['ffmpeg-core.js', 'ffmpeg-core.wasm', 'ffmpeg-core.worker.js'] : ['ffmpeg-core.js', 'ffmpeg-core.wasm'];
  return files.map((f) => ({ absoluteSrc: join(esm, f), relativeDest: `ffmpeg/${core}/${f}` }));
}

/**
 * @ffmpeg/ffmpeg falls back to a CDN copy of its core when no coreURL is given. We always pass local URLs and the CSP
 * would block it anyway, but no remote address should ship in the extension at all (its worker is bundled separately,
 * hence the plugin on both pipelines).
 */
function noRemoteFfmpegCore() {
  return {
    name: 'submit-helper:no-remote-ffmpeg-core',
    transform(code: string, id: string) {
      if (!id.includes('@ffmpeg/ffmpeg') || !code.includes('unpkg.com')) return null;
      return { code: code.replace(/`https:\/\/unpkg\.com\/[^`]*`/g, "''"), map: null };
    },
  };
}

// No homepage_url: Chrome takes only an http(s) address there and the project has none public yet; the privacy
// page ships inside the extension (privacy.html, linked from the settings).
// Permissions stay at storage/alarms/notifications: the extension reads no site data beyond the pages its
// content script matches, and needs no host permissions because nothing is fetched from anywhere.
export default defineConfig({
  // A separate output folder lets parallel builds (helpers, benchmarks) not overwrite each other.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  // Comma-separated entrypoint names, to build a subset while another entrypoint is being written.
  ...(process.env.WXT_ENTRYPOINTS && { filterEntrypoints: process.env.WXT_ENTRYPOINTS.split(',') }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: (env) => ({
    // Syntax newer than the browser floor is lowered at build time (lib/browser-floor.ts says why these floors).
    build: { target: buildTarget(env.browser) },
    esbuild: { target: buildTarget(env.browser) },
    plugins: [noRemoteFfmpegCore()],
    worker: { plugins: () => [noRemoteFfmpegCore()] },
  }),
  hooks: {
    'build:publicAssets': (wxt, files) => {
      files.push(...ffmpegCoreFiles(ffmpegCoreFor(wxt.config.browser)));
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'alarms', 'notifications'],
    action: { default_title: '__MSG_extName__' },
    // The on-site panel is this page in an iframe; only the sites the content script runs on may frame it.
    web_accessible_resources: [{ resources: ['panel-frame.html'], matches: CONTENT_MATCHES }],
    // WebAssembly (ffmpeg.wasm for video repair) needs 'wasm-unsafe-eval'; nothing remote is allowed.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    // Cross-origin isolation gives extension pages SharedArrayBuffer, which the multi-thread ffmpeg core needs; the
    // pages load only their own files, so requiring CORP costs nothing. Chrome-only keys (Firefox warns on them).
    ...(browser !== 'firefox' && { minimum_chrome_version: String(MIN_CHROME) }),
    ...(isolatedPages(browser) && {
      cross_origin_embedder_policy: { value: 'require-corp' },
      cross_origin_opener_policy: { value: 'same-origin' },
    }),
    // Firefox keeps storage of an add-on only under a stable id. Nothing is collected or transmitted: the data the
    // teacher types stays in the browser's own storage.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'submit-helper@ncet-teachers',
          strict_min_version: `${MIN_FIREFOX}.0`,
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
