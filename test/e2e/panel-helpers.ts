import type { Page } from 'playwright-core';
import { panel } from './harness';

/** Slot id → status of the panel's upload checklist. */
export function checklistStatus(page: Page): Promise<Record<string, string>> {
  return panel(page).locator('[data-testid="guard-checklist"] li[data-kind="slot"]').evaluateAll((items) =>
    Object.fromEntries(items.map((li) => [li.getAttribute('data-slot'), li.getAttribute('data-status')])));
}
