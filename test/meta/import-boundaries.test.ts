import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name) && !e.parentPath.includes(`${sep}node_modules`))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** Every module a file names: `import … from`, `export … from`, bare `import '…'` and `import('…')`. */
export function specifiersOf(source: string): string[] {
  const found = [
    ...source.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((m) => m[1]!);
}

/** The repository path an import lands on, or undefined for a package (`react`, `#i18n`, `node:fs`). */
function target(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('@/') || specifier.startsWith('~/')) return specifier.slice(2);
  if (specifier.startsWith('.')) return relative(ROOT, resolve(ROOT, dirname(file), specifier)).split(sep).join('/');
  return undefined;
}

/** `entrypoints/check/x.tsx` → `entrypoints/check`; `lib/checks/mp4.ts` → `lib`. */
function area(path: string): string {
  const [top, second] = path.split('/');
  return top === 'entrypoints' && second !== undefined ? `entrypoints/${second.replace(/\.[^.]+$/, '')}` : top!;
}

/**
 * Which folders may import which. lib is logic with no UI; components are UI shared by pages; each entrypoint is
 * wired on its own, so a change to one page cannot break another; scripts run for users and never need test code.
 */
function allowed(from: string, to: string): boolean {
  if (to.startsWith('test')) return from === 'test';
  if (from === 'lib') return to !== 'components' && !to.startsWith('entrypoints');
  if (from === 'components') return !to.startsWith('entrypoints');
  if (from.startsWith('entrypoints/')) return !to.startsWith('entrypoints/') || to === from;
  if (from === 'scripts') return !to.startsWith('entrypoints/');
  return true;
}

/**
 * The on-site panel is one feature in two processes: the content script (entrypoints/panel.content) and its frame, an
 * extension page (entrypoints/panel-frame). Each feature keeps both halves in one folder (features/<id>: a Section
 * drawn in the frame, a Layer drawn on the page), so the frame may import that folder. Never the other way: the
 * content script must not carry the frame's UI onto every page.
 */
function panelHalves(file: string, to: string): boolean {
  return file.startsWith('entrypoints/panel-frame/') && to.startsWith('entrypoints/panel.content/features');
}

describe('import boundaries', () => {
  it('finds imports of every form', () => {
    const source = "import a from '@/lib/a';\nexport { b } from './b';\nimport './c.css';\nconst d = await import('../d');\nimport {\n  e,\n} from '~/e';";
    expect(specifiersOf(source)).toEqual(['@/lib/a', './b', '~/e', './c.css', '../d']);
  });

  it.each(['lib', 'components', 'entrypoints', 'scripts'])('holds for every file under %s/', (dir) => {
    const broken: string[] = [];
    for (const file of filesUnder(dir)) {
      for (const specifier of specifiersOf(readFileSync(join(ROOT, file), 'utf8'))) {
        const to = target(file, specifier);
        if (to !== undefined && !allowed(area(file), area(to)) && !panelHalves(file, to)) broken.push(`${file} → ${specifier}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('tells an allowed import from a forbidden one', () => {
    expect(allowed('entrypoints/check', 'components')).toBe(true);
    expect(allowed('entrypoints/check', 'entrypoints/check')).toBe(true);
    expect(allowed('entrypoints/check', 'entrypoints/repair')).toBe(false);
    expect(allowed('components', 'entrypoints/check')).toBe(false);
    expect(allowed('lib', 'components')).toBe(false);
    expect(allowed('scripts', 'test')).toBe(false);
    expect(allowed('test', 'entrypoints/check')).toBe(true);
    expect(panelHalves('entrypoints/panel-frame/panel.tsx', 'entrypoints/panel.content/features')).toBe(true);
    expect(panelHalves('entrypoints/panel-frame/panel.tsx', 'entrypoints/panel.content/page-side')).toBe(false);
    expect(panelHalves('entrypoints/panel.content/index.tsx', 'entrypoints/panel-frame/panel')).toBe(false);
  });
});
