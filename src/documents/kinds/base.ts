/**
 * What every document kind describes of itself (`KindSpec`), and the types the kinds share:
 * the sections list, the minimum-content check, the view the HTML is rendered from. No
 * dependencies beyond types and zod, so the web app reads the same sections list as the server.
 */
import { z } from 'zod';
import type { Role } from '../../access/index.js';
import { indicatorSchema, targetSchema, type SeriesPoint, type Target, type TargetEvaluation } from '../../targets/shared.js';
import type { DocumentState, TransitionName } from '../names.js';

export const text = z.string().max(20_000).default('');
export const targets = z.array(targetSchema).max(50).default([]);
/** What the region and the LBR write on a document (their comments, bemærkninger). */
export const commentsSchema = z.object({ lbr: text, region: text }).default({ lbr: '', region: '' });

/** A live figure: an indicator's value in a period (null: the newest published). */
export const figureSchema = z.object({
  label: z.string().trim().min(1, 'giv tallet en tekst'),
  indicator: indicatorSchema,
  period: z.string().nullable().default(null),
});
export type Figure = z.infer<typeof figureSchema>;

export type AreaLevel = 'jobcenter' | 'employment_region' | 'country';

interface SectionBase {
  /** The content path it stands for, e.g. `citizen.strategy` or `goals.0.targets`. */
  path: string;
  /** The part of the document it sits in (a target's section in lists, the editor's heading). */
  group: string;
  /** Its own title, in the diff and the hearing. */
  title: string;
  /** When it is empty, what the minimum-content check says (it blocks the hearing). */
  required?: string;
  /** A text's height in the editor, in lines. */
  rows?: number;
}

/**
 * One part of a document's content. Diff, hearing, targets, the minimum check and the web's
 * editor read this list; only the HTML is laid out by each kind.
 */
export type KindSection =
  | (SectionBase & { type: 'text'; text: string })
  | (SectionBase & {
      type: 'targets';
      targets: Target[];
      /** A note when none of the targets is bound to the bank. */
      measurable?: string;
      /** The ministerial goal the targets answer (the editor pre-fills its indicators). */
      goal?: number;
    })
  /** Lines the platform or a form makes: live figures, settings, amounts. */
  | (SectionBase & { type: 'figures' | 'facts'; lines: string[]; /** Figures read from the bank when the document is shown. */ live?: Figure[] });

export interface ContentIssue {
  /** The field, as a path into the content (e.g. goals.0.strategy). */
  path: string;
  message: string;
}

export interface ContentCheck {
  /** What blocks the hearing. */
  missing: ContentIssue[];
  /** Worth fixing, not blocking. */
  notes: ContentIssue[];
}

/** A chapter of the rendered document. */
export interface HtmlSection {
  id: string;
  title: string;
  html: string;
}

/** A document as it is stored (`K`: its kind, kinds/index.ts). */
/** The year a document is for, or its quarter ("3. kvartal 2025"): what follows the kind in its title. */
export function documentPeriodName(d: { year: number; period: string }): string {
  const q = /^(\d{4})Q([1-4])$/.exec(d.period);
  return q ? `${q[2]}. kvartal ${q[1]}` : String(d.year);
}

export interface StoredDocument<K extends string = string> {
  id: number;
  kind: K;
  area: string;
  year: number;
  /** '' for a yearly document; the quarter ('2025Q3') of a quarterly one. */
  period: string;
  state: DocumentState;
  revision: number;
  content: unknown;
  approval: Approval | null;
  created_at: Date;
  updated_at: Date;
  updated_by: string;
  published_at: Date | null;
}

/** The municipal council's approval: the meeting date and its decision. */
export interface Approval {
  date: string;
  decision: string;
}

export interface TargetView {
  path: string;
  section: string;
  evaluation: TargetEvaluation;
  /** The target in one line of Danish (names, units, periods), as the PDF and the hearing show it. */
  description: string;
  /** Its indicator in Danish (table, values, measure, area); null when not measurable. */
  indicator: string | null;
  /** The indicator's newest 36 periods (empty when not measurable). */
  series: SeriesPoint[];
}

/** Another document shown live inside this one (e.g. the LBR's grant plan in the employment plan). */
export interface LinkedView {
  id: number;
  kind: string;
  title: string;
  state: DocumentState;
  state_name: string;
  /** What it says, in a few lines (its kind's `digest`). */
  lines: string[];
}

export interface FigureView {
  path: string;
  label: string;
  period: string | null;
  value: number | null;
  note: string | null;
}

/** A document as readers see it: its content, every target's status and every live figure's value against one release. */
export interface DocumentView<K extends string = string> {
  document: StoredDocument<K>;
  title: string;
  area_name: string;
  state_name: string;
  release: { version: number; cutoff_week: string | null } | null;
  check: ContentCheck;
  targets: TargetView[];
  figures: FigureView[];
  /** The documents its kind shows live (`links`): published ones, or any while this one is not published (its readers may read drafts of the area). */
  linked: LinkedView[];
  /** A plan's targets year by year over the years it spans (kinds with `lastYear`), or null. */
  status: StatusReport | null;
}

/** "Status på mål": each target's value at the end of each year of the plan, against the target. */
export interface StatusReport {
  title: string;
  from: number;
  to: number;
  rows: {
    path: string;
    section: string;
    title: string;
    /** The indicator's measure, which gives the unit (statbank `formatValue`). */
    measure: string | null;
    target: { value: number; direction: 'at_least' | 'at_most' } | null;
    /** The value in each year's last period with a published number; met against the target. */
    years: { year: number; period: string | null; value: number | null; met: boolean | null }[];
  }[];
}

/** What a new document starts from. */
export interface NewContext {
  year: number;
  /** The ministerial goals in force for the year. */
  goals: { number: number; title: string }[];
}

/**
 * The edit rule of a kind whose `generated` part the platform writes: an editor saves the rest,
 * and the stored numbers are kept whatever the form sends.
 */
export function keepGenerated<C extends { generated: unknown }>(schema: z.ZodObject<z.ZodRawShape> & z.ZodType<C>): NonNullable<KindSpec<C>['edit']> {
  return { schema: schema.omit({ generated: true }) as unknown as z.ZodType<Partial<C>>, merge: (stored, edited) => ({ ...stored, ...edited, generated: stored.generated }) };
}

/** Method signatures on purpose: their parameters are checked both ways, so every kind's spec is a `KindSpec` for the generic code. */
export interface KindSpec<C = unknown> {
  /** The Danish name. */
  name: string;
  /** The levels of area a document of the kind belongs to. */
  levels: readonly AreaLevel[];
  /** Who writes it, by its area's level (national administrators always may). */
  editor(level: AreaLevel): Role | null;
  schema: z.ZodType<C>;
  /** What an editor may save, when not the whole content: the form's part is parsed and merged into what is stored. */
  edit?: { schema: z.ZodType<Partial<C>>; merge(stored: C, edited: Partial<C>): C };
  /**
   * The content of a new document, or `generated` when the platform makes it from the bank:
   * here (POST /documents), or, with `draftedIn`, only on that page of its own module.
   */
  create: ((ctx: NewContext) => C) | 'generated';
  /** Where a generated kind is drafted when not by POST /documents (the Danish name of the page, e.g. Opfølgning). */
  draftedIn?: string;
  /** The content in reading order. */
  sections(c: C): KindSection[];
  /** The minimum beyond each section's `required`: lists that must not be empty, generated parts. */
  check?(c: C): ContentCheck;
  /** The chapters of the HTML and the PDF (the comments follow when `comments` is set). */
  html(c: C, v: DocumentView): HtmlSection[];
  /** The states a transition starts from, where not the usual (`[]`: never). */
  transitions?: Partial<Record<TransitionName, readonly DocumentState[]>>;
  /** Whether the LBR and the region write comments (bemærkninger) on it, their hearing responses added there: the chapter's title in the HTML; null: no comments. */
  comments: string | null;
  /**
   * Who is heard when it is sent to hearing (the jobcenter's LBR and its region, the region's
   * RBR, or the jobcenter itself), and whether it goes to the RBR once approved and published;
   * null: no hearing.
   */
  hearing: { bodies: 'council_and_region' | 'rbr' | 'jobcenter'; toRbr: boolean } | null;
  /** Documents of the same area shown live inside it, by kind and year (their `digest`, with a link). */
  links?(d: { year: number }): { kind: string; year: number }[];
  /** A few lines saying what a document of the kind holds, where another shows it live. */
  digest?(c: C): string[];
  /** The last year a plan of `year` spans; its status report covers the years. */
  lastYear?(c: C, year: number): number;
  /** Who approves it, where not the municipal council: the form's legend and what the document says once approved. */
  approvedBy?: { legend: string; done: string };
  /** A council's own document, made on the council's page rather than in the list of documents. */
  council?: boolean;
  /** Shown only when the feature is switched on (`STYR_FEATURES`), for kinds still being built. */
  feature?: string;
}

/** A section's content as lines (the diff's unit): texts by line, targets one each. */
export const textLines = (s: string) => (s.trim() === '' ? [] : s.split(/\r?\n/));

const blank = (s: string | undefined) => !s || s.trim() === '';

/** Whether a section holds nothing (for the minimum check). */
export const isEmpty = (s: KindSection) => (s.type === 'text' ? blank(s.text) : s.type === 'targets' ? s.targets.length === 0 : s.lines.length === 0);
