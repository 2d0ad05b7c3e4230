import type { PanelFeature } from './define';
import status from './status';
import uploadGuard from './upload-guard';

/** Every panel feature, in the order the panel shows them. A meta-test checks each file here is registered. */
export const PANEL_FEATURES: readonly PanelFeature[] = [status, uploadGuard];

export { definePanelFeature, type PanelEnv, type PanelFeature } from './define';
