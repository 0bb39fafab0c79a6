/**
 * Ministerial goals (ministermål): the minister's goals for a year, each with the indicators
 * of the statistics bank that measure it. The area is left open: a plan binds it to its
 * jobcenter. The known historical sets (2013, 2015, 2016, 2018, 2019) ship as reference
 * data; national administrators publish new years.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/index.js';
import { indicatorSchema } from '../targets/shared.js';

/** An indicator without its area, with a Danish label. */
export const goalIndicatorSchema = indicatorSchema.omit({ area: true }).extend({ label: z.string().trim().min(1) });
export type GoalIndicator = z.infer<typeof goalIndicatorSchema>;

export const ministerialGoalSchema = z.object({
  number: z.number().int().min(1).max(20),
  title: z.string().trim().min(1, 'skriv målets titel'),
  description: z.string().trim().default(''),
  indicators: z.array(goalIndicatorSchema).max(10).default([]),
});
export type MinisterialGoal = z.infer<typeof ministerialGoalSchema>;

export const goalSetSchema = z
  .array(ministerialGoalSchema)
  .min(1, 'et års ministermål skal have mindst ét mål')
  .max(20)
  .refine((gs) => new Set(gs.map((g) => g.number)).size === gs.length, 'målenes numre skal være forskellige');

const ind = (label: string, table: string, measure: string, dims: Record<string, string> = {}): GoalIndicator => ({ label, table, measure, dims, freq: 'M' });
const youth = ind('Unge 15-29 år i uddannelse efter forløb (pct.)', 'styr_uddannelse', 'education_rate');
const longterm = ind('Langtidsledige personer', 'y25i09', 'longterm_persons');
const longtermShare = ind('Langtidsledige i pct. af bruttoledige', 'y25i09', 'longterm_share');
const publicSupport = ind('Offentligt forsørgede fuldtidspersoner i pct. af befolkningen 16-66 år', 'ptv_a02', 'pct_population');
const practice = ind('Personer i virksomhedspraktik', 'styr_aktivering', 'activated', { tilbud: 'virksomhedspraktik' });
const wageSubsidy = ind('Personer i ansættelse med løntilskud', 'styr_aktivering', 'activated', { tilbud: 'loentilskud' });
const upskilling = ind('Personer i vejledning og opkvalificering', 'styr_aktivering', 'activated', { tilbud: 'vejledning_opkvalificering' });
const cashExits = ind('Kontanthjælp m.v.: afgang til selvforsørgelse', 'styr_flow', 'outflow_self_support', { ydelsesgrupper: 'category_kontanthjaelp' });
const cashPersons = ind('Personer på kontanthjælp m.v.', 'y60a02', 'persons');
const disabilityPension = ind('Personer på førtidspension', 'y10a02', 'persons');
const flexJobs = ind('Personer i fleksjob', 'y08a02', 'persons');
const refugees = ind('Offentligt forsørgede med ikke-vestlig herkomst (fuldtidspersoner)', 'ptv_a02', 'fulltime', { herkomst: 'ikke-vestlig' });
const cashActivation = ind('Kontanthjælp m.v.: aktiveringsgrad (pct.)', 'styr_aktivering', 'activation_rate', { ydelsesgrupper: 'category_kontanthjaelp' });

const g = (number: number, title: string, description: string, indicators: GoalIndicator[]): MinisterialGoal => ({ number, title, description, indicators });

const goals2018 = [
  g(1, 'Flere personer skal i beskæftigelse eller uddannelse frem for at være på offentlig forsørgelse', 'Flere skal forsørge sig selv gennem arbejde eller uddannelse.', [publicSupport]),
  g(2, 'Virksomhederne skal have den nødvendige og kvalificerede arbejdskraft', 'Jobcentrene skal hjælpe virksomhederne med at rekruttere og opkvalificere arbejdskraft.', [upskilling, practice]),
  g(3, 'Flere flygtninge og familiesammenførte skal være selvforsørgende', 'Flygtninge og familiesammenførte skal hurtigere i job eller uddannelse.', [refugees]),
  g(4, 'Flere jobparate kontanthjælpsmodtagere skal i arbejde, og flere aktivitetsparate kontanthjælpsmodtagere skal være jobparate', 'Kontanthjælpsmodtagere skal tættere på og ind på arbejdsmarkedet.', [cashExits, cashPersons]),
];

/** The known goal sets, by year (the 2013 set as in seed 004; the others as the issue lists them). */
export const historicalGoalSets: Record<number, MinisterialGoal[]> = {
  2013: [
    g(1, 'Flere unge skal have en uddannelse', 'Flere unge uden uddannelse skal starte på og gennemføre en erhvervskompetencegivende uddannelse.', [youth]),
    g(2, 'Bedre og mere helhedsorienteret hjælp til ledige på kanten af arbejdsmarkedet – færre personer på førtidspension', 'Personer på kanten af arbejdsmarkedet skal have en helhedsorienteret indsats, så færre får førtidspension.', [disabilityPension]),
    g(3, 'Langtidsledigheden skal bekæmpes', 'Antallet af langtidsledige skal begrænses mest muligt.', [longterm, longtermShare]),
    g(4, 'En tættere kontakt og styrket dialog med de lokale virksomheder', 'Jobcentrene skal styrke samarbejdet med virksomhederne om beskæftigelsesindsatsen.', [practice, wageSubsidy]),
  ],
  2015: [
    g(1, 'Flere unge skal have en uddannelse', 'Flere unge skal påbegynde og gennemføre en uddannelse.', [youth]),
    g(2, 'Langvarige modtagere af offentlig forsørgelse', 'Færre skal være på offentlig forsørgelse i lang tid.', [publicSupport]),
    g(3, 'Langtidsledigheden skal bekæmpes', 'Langtidsledigheden skal bekæmpes.', [longterm, longtermShare]),
    g(4, 'En tættere kontakt og et styrket samarbejde med virksomhederne', 'Jobcentrene skal styrke samarbejdet med virksomhederne.', [practice, wageSubsidy]),
  ],
  2016: [
    g(1, 'Flere unge skal have en uddannelse', 'Flere unge skal påbegynde og gennemføre en uddannelse.', [youth]),
    g(2, 'Flere borgere på kanten af arbejdsmarkedet skal tættere på eller ind på arbejdsmarkedet', 'Borgere på kanten af arbejdsmarkedet skal tættere på eller i job.', [cashExits, disabilityPension]),
    g(3, 'Langtidsledigheden skal bekæmpes', 'Langtidsledigheden skal bekæmpes.', [longterm, longtermShare]),
    g(4, 'Et tættere samarbejde med virksomhederne og et bedre match mellem ledige og virksomheder', 'Bedre match mellem de ledige og virksomhedernes behov.', [practice, wageSubsidy]),
  ],
  2018: [...goals2018, g(5, 'Indsatsen mod socialt bedrageri og fejludbetalinger skal styrkes', 'Socialt bedrageri og fejludbetalinger skal bekæmpes. Statistikbanken har ingen indikator for dette mål.', [])],
  2019: [
    ...goals2018,
    g(5, 'Udsatte ledige skal have en indsats', 'Udsatte ledige skal have en aktiv indsats.', [cashActivation]),
    g(6, 'Flere personer med handicap skal i beskæftigelse', 'Flere personer med handicap skal i beskæftigelse.', [flexJobs]),
  ],
};

type Conn = Kysely<Database> | Transaction<Database>;

/** The goals of a year (empty when none are published). */
export async function findGoals(db: Conn, year: number): Promise<MinisterialGoal[]> {
  const rows = await db.selectFrom('ministerial_goal').selectAll().where('year', '=', year).orderBy('number').execute();
  return rows.map((r) => ({ number: r.number, title: r.title, description: r.description, indicators: r.indicators as GoalIndicator[] }));
}

/** The years with published goals, newest first. */
export async function goalYears(db: Conn): Promise<number[]> {
  return (await db.selectFrom('ministerial_goal').select('year').distinct().orderBy('year', 'desc').execute()).map((r) => r.year);
}

/** Replaces a year's goals (one transaction, by the caller). */
export async function replaceGoals(db: Conn, year: number, goals: MinisterialGoal[]): Promise<void> {
  await db.deleteFrom('ministerial_goal').where('year', '=', year).execute();
  await db
    .insertInto('ministerial_goal')
    .values(goals.map((x) => ({ year, number: x.number, title: x.title, description: x.description, indicators: JSON.stringify(x.indicators), updated_at: new Date() })))
    .execute();
}

/** Inserts the historical sets for the years that have none (idempotent). */
export async function ensureHistoricalGoals(db: Kysely<Database>): Promise<void> {
  const have = new Set(await goalYears(db));
  for (const [year, goals] of Object.entries(historicalGoalSets)) if (!have.has(Number(year))) await replaceGoals(db, Number(year), goals);
}

/** The goals in force for a year: its own, or else the newest set published before it. */
export async function goalsInForce(db: Conn, year: number): Promise<{ year: number | null; goals: MinisterialGoal[] }> {
  const found = (await goalYears(db)).find((y) => y <= year) ?? null;
  return { year: found, goals: found === null ? [] : await findGoals(db, found) };
}
