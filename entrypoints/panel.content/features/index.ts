import type { PanelFeature } from './define';
import autofill from './autofill';
import status from './status';
import uploadGuard from './upload-guard';

/**
 * Every panel section, in the order the panel frame shows them. A meta-test checks each feature file is registered
 * here or in ./page.ts.
 */
export const PANEL_FEATURES: readonly PanelFeature[] = [status, autofill, uploadGuard];

export { definePanelFeature, type PanelEnv, type PanelFeature } from './define';
