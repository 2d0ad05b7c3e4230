import type { UserManifest } from 'wxt';
import config from '@/wxt.config';

/** The manifest wxt.config.ts declares for a production build (before WXT adds the entrypoints' keys). */
export async function declaredManifest(browser: 'chrome' | 'firefox' = 'chrome'): Promise<UserManifest> {
  const { manifest } = config;
  if (typeof manifest !== 'function') return (await manifest) ?? {};
  return manifest({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' });
}
