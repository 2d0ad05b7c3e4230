import { defineConfig } from 'wxt';

// Permissions stay at storage/alarms/notifications: the extension reads no site data beyond the pages its
// content script matches, and needs no host permissions because nothing is fetched from anywhere.
export default defineConfig({
  // A separate output folder lets parallel builds (helpers, benchmarks) not overwrite each other.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'alarms', 'notifications'],
    action: { default_title: '__MSG_extName__' },
    // WebAssembly (ffmpeg.wasm for video repair) needs 'wasm-unsafe-eval'; nothing remote is allowed.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    // Firefox keeps storage of an add-on only under a stable id.
    ...(browser === 'firefox' && { browser_specific_settings: { gecko: { id: 'submit-helper@ncet-teachers', strict_min_version: '115.0' } } }),
  }),
});
