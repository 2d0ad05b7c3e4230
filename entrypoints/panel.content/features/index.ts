import type { PanelFeature } from './define';
import autofill from './autofill';
import status from './status';
import textHelpers from './text-helpers';
import uploadGuard from './upload-guard';

/** Every panel feature, in the order the panel shows them. A meta-test checks each file here is registered. */
export const PANEL_FEATURES: readonly PanelFeature[] = [status, autofill, textHelpers, uploadGuard];

export { definePanelFeature, type PanelEnv, type PanelFeature } from './define';
