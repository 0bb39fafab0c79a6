/**
 * What a reader of a heard version can comment on, section by section, from the kind's
 * sections list: the texts (split into numbered paragraphs at blank lines), each target on its
 * own (so a council can comment on a target's ambition, as seed 000 asks), and figures and
 * settings as one section each.
 */
import { describeTarget } from '../targets/index.js';
import { kindSpec, type DocumentKind } from './kinds/index.js';

export interface DocumentSection {
  /** The content path the section stands for, e.g. `citizen.strategy` or `goals.0.targets.1`. */
  path: string;
  title: string;
  kind: 'text' | 'target' | 'figures';
  paragraphs: string[];
  /** A target's measure, for the units of its status. */
  measure?: string;
}

const split = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/** The sections of a document in reading order, ending with the document as a whole. */
export function documentSections(kind: DocumentKind, content: unknown): DocumentSection[] {
  const out = kindSpec(kind).sections(content).flatMap((s): DocumentSection[] => {
    if (s.type === 'text') return [{ path: s.path, title: s.title, kind: 'text', paragraphs: split(s.text) }];
    if (s.type !== 'targets') return [s.type === 'facts' ? { path: s.path, title: s.title, kind: 'text', paragraphs: s.lines } : { path: s.path, title: s.title, kind: 'figures', paragraphs: [] }];
    return s.targets.map((t, i) => ({ path: `${s.path}.${i}`, title: `Mål: ${t.title}`, kind: 'target', paragraphs: [describeTarget(t)], measure: t.indicator?.measure }));
  });
  return [...out, { path: 'general', title: 'Dokumentet som helhed', kind: 'text', paragraphs: [] }];
}
