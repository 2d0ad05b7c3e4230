import type { PanelFeature } from './define';
import status from './status';

/** Every panel feature, in the order the panel shows them. A meta-test checks each file here is registered. */
export const PANEL_FEATURES: readonly PanelFeature[] = [status];

export { definePanelFeature, type PanelEnv, type PanelFeature } from './define';
