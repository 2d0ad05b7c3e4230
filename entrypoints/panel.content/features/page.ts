import type { PageFeature } from './define';
import textHelpers from './text-helpers';
import uploadGuard from './upload-guard/layer';

/** What features draw on the page itself, from the content script (no personal data). */
export const PAGE_FEATURES: readonly PageFeature[] = [textHelpers, uploadGuard];
