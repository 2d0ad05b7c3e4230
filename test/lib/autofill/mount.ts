import { createApp, nextTick, type App, type Component, type Plugin } from 'vue';
import type { DetectedField } from '@/lib/autofill';

/** Recognised fields as `label → role.attribute` lines, for comparing whole forms at a glance. */
export function summary(fields: readonly DetectedField[]): string[] {
  return fields.filter((field) => field.attribute).map((field) => `${field.label} → ${field.role}.${field.attribute}`);
}

/** jsdom lacks what Ant Design Vue's grid and Element Plus' popper probe for; give them inert versions. */
export function stubLayoutApis(): void {
  window.matchMedia ??= ((query: string) => ({
    matches: false, media: query, onchange: null, addListener() {}, removeListener() {},
    addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export interface Mounted {
  host: HTMLElement;
  app: App;
  unmount: () => void;
}

/** Mounts a Vue 3 component with a UI library installed and waits for it to render. */
export async function mount(component: Component, plugin?: Plugin): Promise<Mounted> {
  stubLayoutApis();
  const host = document.createElement('div');
  document.body.append(host);
  const app = createApp(component);
  if (plugin) app.use(plugin);
  app.mount(host);
  await nextTick();
  await new Promise((resolve) => setTimeout(resolve, 20));
  return {
    host,
    app,
    unmount: () => {
      app.unmount();
      host.remove();
    },
  };
}
