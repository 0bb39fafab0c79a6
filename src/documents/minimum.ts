/**
 * The minimum content the law demands before a document goes to hearing (seed 000, "skal som
 * minimum indeholde"): each section the kind marks `required` that is empty, and the kind's own
 * checks, in the order of the content, each naming the field in Danish. Targets without an
 * indicator are allowed but noted, since the goals must be concrete and measurable.
 */
import { isMeasurable } from '../targets/index.js';
import { isEmpty, type ContentCheck, type ContentIssue } from './kinds/base.js';
import { kindSpec, type DocumentKind } from './kinds/index.js';

export type { ContentCheck, ContentIssue } from './kinds/base.js';

export function checkContent(kind: DocumentKind, content: unknown): ContentCheck {
  const spec = kindSpec(kind);
  const sections = spec.sections(content);
  const own = spec.check?.(content) ?? { missing: [], notes: [] };
  const missing = [...sections.filter((s) => s.required && isEmpty(s)).map((s) => ({ path: s.path, message: s.required! })), ...own.missing];
  const notes = [...sections.flatMap((s) => (s.type === 'targets' && s.measurable && s.targets.length > 0 && !s.targets.some(isMeasurable) ? [{ path: s.path, message: s.measurable }] : [])), ...own.notes];
  // In the order of the schema's top-level fields (a stored content's keys come back in jsonb's order), the sections' order within a field.
  const order = Object.keys((spec.schema as { shape?: object }).shape ?? (content as object));
  const byField = (list: ContentIssue[]) => list.map((x, i) => ({ x, i, f: order.indexOf(x.path.split('.')[0]!) })).sort((a, b) => a.f - b.f || a.i - b.i).map((e) => e.x);
  return { missing: byField(missing), notes: byField(notes) };
}
