/**
 * Video repair: plan what a video needs to meet a slot's rules (pure), then carry it out in the browser with the
 * fastest engine that works. Engines live in `./engines/*` and are imported by the page only.
 */
export * from './plan';
export * from './engine';
export * from './ffmpeg-args';
export * from './progress';
export * from './boxes';
export * from './clock';
export * from './slots';
export * from './probe';
