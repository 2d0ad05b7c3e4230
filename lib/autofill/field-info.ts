import type { DetectedField, FieldInfo } from './types';

/** The plain, serialisable part of a detected field: what planning and the panel's own frame receive. */
export function fieldInfo(field: FieldInfo | DetectedField): FieldInfo {
  if (!('element' in field)) return field;
  const { element: _element, control: _control, ...info } = field;
  return info;
}
