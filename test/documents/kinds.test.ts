/**
 * The document kinds (src/documents/kinds): every descriptor is complete and consistent — its
 * new content passes its own schema, every section's path points into the content, the
 * generic diff, hearing sections, targets and minimum check read the same list — and a
 * plan's HTML is pinned by a golden file.
 */
import { describe, expect, it } from 'vitest';
import { documentKinds, documentSections, kindSpec, type PlanContent, type StoredDocument } from '../../src/documents/index.js';
import { targetsOf } from '../../src/documents/content.js';
import { diffContents, fieldsOf } from '../../src/documents/diff.js';
import { enabledKinds } from '../../src/documents/kinds/index.js';
import { checkContent } from '../../src/documents/minimum.js';
import { renderDocumentHtml } from '../../src/documents/render.js';
import type { DocumentView } from '../../src/documents/view.js';
import { expectGolden } from '../support/golden.js';
import { completePlan } from '../support/plans.js';

const ctx = { year: 2026, goals: [{ number: 1, title: 'Flere unge skal have en uddannelse' }, { number: 2, title: 'Færre på offentlig forsørgelse' }] };
const at = (content: unknown, path: string) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], content);
/** A kind's new content (a generated kind: its schema's smallest valid content). */
const fresh = (kind: (typeof documentKinds)[number]) => {
  const spec = kindSpec(kind);
  return spec.create === 'generated' ? spec.schema.parse({ generated: {} }) : spec.create(ctx);
};

describe.each(documentKinds)('the kind %s', (kind) => {
  const spec = kindSpec(kind);
  it('makes new content its own schema accepts, and sections that point into it', () => {
    const content = fresh(kind);
    expect(spec.schema.safeParse(content).success).toBe(true);
    for (const s of spec.sections(content)) {
      // Facts may stand for several fields (`settings`); the rest are paths into the content.
      if (s.type !== 'facts') expect(at(content, s.path), s.path).toBeDefined();
      expect(s.title.length).toBeGreaterThan(0);
    }
  });

  it('diffs, hears and checks by the same sections list', () => {
    const content = fresh(kind);
    const paths = spec.sections(content).map((s) => s.path);
    expect(fieldsOf(kind, content).map((f) => f.key).filter((k) => !k.startsWith('comments.'))).toEqual(paths);
    const heard = documentSections(kind, content).map((s) => s.path);
    expect(heard.at(-1)).toBe('general');
    expect(diffContents(kind, content, content)).toEqual([]);
    // Every missing item names a field of the content (or a list that is empty).
    for (const m of checkContent(kind, content).missing) expect(at(content, m.path.split('.')[0]!)).toBeDefined();
  });

  it('renders its HTML chapters from an empty view', () => {
    const content = fresh(kind);
    const html = spec.html(content, view(kind, content));
    expect(html.length).toBeGreaterThan(0);
    for (const s of html) expect(s.id).toMatch(/^[a-z0-9-]+$/);
  });
});

function view(kind: StoredDocument['kind'], content: unknown): DocumentView {
  const at = new Date('2026-03-01T10:00:00Z');
  const document: StoredDocument = { id: 7, kind, area: 'J101', year: 2026, period: '', state: 'draft', revision: 3, content, approval: null, created_at: at, updated_at: at, updated_by: 'redaktoer@example.dk', published_at: null };
  return { document, title: `${kindSpec(kind).name} 2026 – Jobcenter København`, area_name: 'Jobcenter København', state_name: 'Kladde', release: { version: 4, cutoff_week: '2026W05' }, check: checkContent(kind, content), targets: [], figures: [], linked: [], status: null };
}

describe('the sections list', () => {
  it('lets a council hear every text and target of a region’s implementation plan, not only the whole', () => {
    const content = { goals: [{ title: 'Flere i job', implementation: 'Vi samarbejder med jobcentrene.\n\nOg med virksomhederne.', targets: [{ title: 'Færre ledige', indicator: null, baseline: null, goal: null, deadline: null }] }], comments: { lbr: '', region: '' } };
    expect(documentSections('implementation_plan', content).map((s) => [s.path, s.kind, s.paragraphs.length])).toEqual([
      ['goals.0.implementation', 'text', 2],
      ['goals.0.targets.0', 'target', 1],
      ['general', 'text', 0],
    ]);
  });

  it('gives every target its path and the part of the plan it sits in', () => {
    const plan = completePlan(kindSpec('employment_plan').create !== 'generated' ? (kindSpec('employment_plan').create as (c: typeof ctx) => PlanContent)(ctx) : ({} as PlanContent));
    expect(targetsOf('employment_plan', plan).map((t) => [t.path, t.section])).toEqual([
      ['goals.0.targets.0', 'Ministermål 1: Flere unge skal have en uddannelse'],
      ['goals.1.targets.0', 'Ministermål 2: Færre på offentlig forsørgelse'],
      ['citizen.targets.0', 'Borgerrettet indsats'],
      ['business.targets.0', 'Virksomhedsrettet indsats'],
    ]);
  });

  it('has every kind in use (no kind waits behind a feature)', () => {
    expect(enabledKinds([])).toEqual([...documentKinds]);
  });
});

describe('the document HTML', () => {
  it('is the golden plan, chapter by chapter', () => {
    const plan = completePlan((kindSpec('employment_plan').create as (c: typeof ctx) => PlanContent)(ctx));
    const v = view('employment_plan', plan);
    // One target on track with its series, and the challenge's live figure.
    v.targets = [{
      path: 'citizen.targets.0', section: 'Borgerrettet indsats', description: 'Borgerrettet mål: højst 9,5 pct. af befolkningen 16-66 år i januar–december 2026.', indicator: 'Offentligt forsørgede, Kontanthjælp m.v.: fuldtidspersoner i pct. af befolkningen 16-66 år, Jobcenter København',
      evaluation: { status: 'on_track', target: { value: 9.5, direction: 'at_most' }, latest: { period: '2025M10-2026M09', value: 9.7 }, atDeadline: null, forecast: { period: '2026M01-2026M12', value: 9.4, lower: 9.1, upper: 9.8, level: 0.8, mean: 9.4, sd: 0.25, scale: 'linear', seasonal: false, from: '2023M10-2024M09', to: '2025M10-2026M09', n: 36, method: 'Lineær trend' }, probability: 0.82, reason: 'Prognosen når målet med 82 % sandsynlighed.' },
      series: [{ period: '2025M07-2026M06', value: 10 }, { period: '2025M08-2026M07', value: 9.9 }, { period: '2025M09-2026M08', value: 9.8 }, { period: '2025M10-2026M09', value: 9.7 }],
    }];
    v.figures = [{ path: 'challenges.0.figures.0', label: 'Kontanthjælp, pct. af befolkningen', period: '2025M01-2025M12', value: 10.25, note: null }];
    expectGolden('documents/employment-plan.html', renderDocumentHtml(v));
  });
});
