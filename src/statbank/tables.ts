import type { DatasetId, Freq } from '../indicators/index.js';
import { datasets } from '../indicators/index.js';
import { ageBands, benefitById, benefits, genders, origins, unemploymentFunds } from '../reference/index.js';
import type { DimensionDefinition, TableDefinition } from './table.schema.js';

/**
 * The table catalogue of a computed release: Jobindsats' own tables (same ids, names and
 * column labels) and our own tables (ids `styr_*`, which cannot clash with Jobindsats).
 */

const allFreqs: Freq[] = ['M', 'Q', 'Y', 'R'];
const areaDef = { column: 'Område', hierarchies: ['_nykom', '_jobcenter', '_beskregion'] as TableDefinition['area']['hierarchies'] };

const subjects = {
  ledighed: { id: 'ledighed', name: 'Ledighed' },
  ydelser: { id: 'ydelser', name: 'Ydelser' },
  indsats: { id: 'indsats', name: 'Indsats' },
  stroemme: { id: 'stroemme', name: 'Strømme' },
} as const;

const val = (value_id: string, value_name: string) => ({ value_id, value_name });
const benefitName = (id: string) => benefitById.get(id)?.name ?? id;

/** 'Ydelsesgrupper' over some benefit values; the first is the total. */
function benefitDimension(ids: string[], totalName?: string): DimensionDefinition {
  const [total, ...rest] = ids;
  const kinds = (k: string) => rest.filter((b) => benefitById.get(b)?.kind === k);
  const levels = [
    { level_id: 'total', level_name: 'I alt', values: [val(total!, totalName ?? benefitName(total!))] },
    { level_id: 'aggregate', level_name: 'Samlede grupper', values: rest.filter((b) => !['category', 'group'].includes(benefitById.get(b)?.kind ?? '')).map((b) => val(b, benefitName(b))) },
    { level_id: 'category', level_name: 'Ydelseskategorier', values: kinds('category').map((b) => val(b, benefitName(b))) },
    { level_id: 'group', level_name: 'Ydelsesgrupper', values: kinds('group').map((b) => val(b, benefitName(b))) },
  ].filter((l) => l.values.length > 0);
  return { id: 'ydelsesgrupper', name: 'Ydelsesgrupper', map: { kind: 'series', dim: 'benefit' }, total: total!, levels };
}

function breakdownDimension(id: string, name: string, breakdown: string, values: readonly { id: string; name: string }[]): DimensionDefinition {
  return {
    id,
    name,
    map: { kind: 'breakdown', breakdown },
    total: 'total',
    levels: [
      { level_id: 'total', level_name: 'I alt', values: [val('total', 'I alt')] },
      { level_id: breakdown, level_name: name, values: values.map((v) => val(v.id, v.name)) },
    ],
  };
}

const breakdownDimensions = (): DimensionDefinition[] => [
  breakdownDimension('koen', 'Køn', 'gender', genders),
  breakdownDimension('alder', 'Alder', 'age_band', ageBands),
  breakdownDimension('herkomst', 'Herkomst', 'origin', origins),
];

/**
 * 'A-kasse': 'I alt' (every person, insured or not) and each fund (breakdown `a_kasse` of the
 * volume and longterm datasets, for gross_unemployed, a_dagpenge and kontanthjaelp_jobparat).
 * The persons without a fund are in 'I alt' only (docs/measures.md, "A-kasse").
 */
const aKasse = (): DimensionDefinition => breakdownDimension('a_kasse', 'A-kasse', 'a_kasse', unemploymentFunds.map((f) => ({ id: f.id, name: f.name })));
/** The table filter of the breakdowns a table with only the A-kasse breakdown shows. */
const aKasseOnly = { breakdown: ['total', 'a_kasse'] };

interface Spec {
  id: string;
  name: string;
  subject: { id: string; name: string };
  dataset: DatasetId;
  dimensions: DimensionDefinition[];
  /** [measure id, column label]; label defaults to the dataset's label. */
  measures: [string, string?][];
  filter?: Record<string, string[]>;
  freqs?: Freq[];
  description?: string;
}

function table(s: Spec): TableDefinition {
  const labels = new Map(datasets[s.dataset].measures.map((m) => [m.id, m.label]));
  const mgroups = s.measures.map(([measure, label]) => ({ mgroup_id: measure, mgroup_name: label ?? labels.get(measure) ?? measure, measure }));
  return {
    table_id: s.id,
    table_name: s.name,
    subject: s.subject,
    dataset: s.dataset,
    ...(s.description ? { description: s.description } : {}),
    columns: ['Periode', areaDef.column, ...s.dimensions.map((d) => d.name), ...mgroups.map((m) => m.mgroup_name)],
    period: { column: 'Periode', freqs: s.freqs ?? allFreqs },
    area: { ...areaDef },
    dimensions: s.dimensions,
    mgroups,
    ...(s.filter ? { filter: s.filter } : {}),
  };
}

const volumeMeasures: [string][] = [['persons'], ['fulltime'], ['pct_workforce'], ['pct_population']];
const grossIds = ['gross_unemployed', 'a_dagpenge', 'kontanthjaelp_jobparat'];
const allBenefitIds = benefits.map((b) => b.id);

function benefitTable(id: string, name: string, benefit: string, extra: DimensionDefinition[] = []): TableDefinition {
  return table({ id, name, subject: subjects.ydelser, dataset: 'volume', dimensions: [...breakdownDimensions(), ...extra], measures: volumeMeasures, filter: { benefit: [benefit] } });
}

/** A row for `insertTables`: a table definition with its id and dataset. */
interface ReleaseTableEntry {
  tableId: string;
  dataset: string;
  definition: TableDefinition;
}

/**
 * The table catalogue of a computed release, ready for `insertTables` (release_table): the
 * publisher stores it with every release, so each release keeps its own catalogue.
 */
export function registerReleaseTables(): ReleaseTableEntry[] {
  return tableDefinitions().map((definition) => ({ tableId: definition.table_id, dataset: definition.dataset, definition }));
}

/** Every table definition a computed release publishes (Jobindsats' tables and our own `styr_*`). */
export function tableDefinitions(): TableDefinition[] {
  const kontanthjaelp = ['category_kontanthjaelp', ...(benefitById.get('category_kontanthjaelp')?.groups ?? [])];
  return [
    table({
      id: 'y25i01',
      name: 'Bruttoledige',
      subject: subjects.ledighed,
      dataset: 'volume',
      dimensions: [benefitDimension(grossIds, 'Ydelsesgrupper i alt'), aKasse()],
      measures: [
        ['persons', 'Antal ledige personer'],
        ['fulltime', 'Antal ledige fuldtidspersoner'],
        ['pct_workforce', 'Ledige fuldtidspersoner i pct. af arbejdsstyrken 16-66 år'],
        ['pct_population', 'Ledige fuldtidspersoner i pct. af befolkningen 16-66 år'],
      ],
      filter: { benefit: grossIds, ...aKasseOnly },
    }),
    table({
      id: 'y25i09',
      name: 'Langtidsledige',
      subject: subjects.ledighed,
      dataset: 'longterm',
      dimensions: [benefitDimension(grossIds, 'Ydelsesgrupper i alt'), aKasse()],
      measures: [['longterm_fulltime'], ['longterm_persons'], ['gross_persons'], ['longterm_share']],
      filter: { benefit: grossIds, ...aKasseOnly },
    }),
    table({
      id: 'ptv_a02',
      name: 'Offentligt forsørgede (alle ydelser)',
      subject: subjects.ydelser,
      dataset: 'volume',
      dimensions: [benefitDimension(allBenefitIds), ...breakdownDimensions()],
      measures: volumeMeasures,
    }),
    benefitTable('y01a02', 'A-dagpenge', 'a_dagpenge', [aKasse()]),
    benefitTable('y07a02', 'Sygedagpenge', 'sygedagpenge'),
    benefitTable('y08a02', 'Fleksjob', 'fleksjob'),
    benefitTable('y10a02', 'Førtidspension', 'foertidspension'),
    table({
      id: 'y60a02',
      name: 'Kontanthjælp m.v.',
      subject: subjects.ydelser,
      dataset: 'volume',
      dimensions: [benefitDimension(kontanthjaelp), ...breakdownDimensions()],
      measures: volumeMeasures,
      filter: { benefit: kontanthjaelp },
    }),
    table({
      id: 'styr_flow',
      name: 'Tilgang, afgang og varighed',
      subject: subjects.stroemme,
      dataset: 'flow',
      dimensions: [benefitDimension(allBenefitIds), ...breakdownDimensions()],
      measures: [['inflow'], ['outflow'], ['outflow_self_support'], ['avg_duration']],
      description: 'Forløb der begynder (tilgang) eller slutter (afgang) i perioden; afgang til selvforsørgelse = ingen ydelse i de 4 uger efter forløbet.',
    }),
    table({
      id: 'styr_aktivering',
      name: 'Aktivering efter tilbud',
      subject: subjects.indsats,
      dataset: 'activation',
      dimensions: [
        benefitDimension(allBenefitIds),
        {
          id: 'tilbud',
          name: 'Tilbud',
          map: { kind: 'series', dim: 'offer' },
          total: 'all',
          levels: [
            { level_id: 'total', level_name: 'I alt', values: [val('all', 'Tilbud i alt')] },
            {
              level_id: 'offer',
              level_name: 'Tilbudstyper',
              values: [
                val('vejledning_opkvalificering', 'Vejledning og opkvalificering i alt'),
                val('virksomhedspraktik', 'Virksomhedspraktik i alt'),
                val('loentilskud', 'Ansættelse med løntilskud i alt'),
              ],
            },
          ],
        },
        ...breakdownDimensions(),
      ],
      measures: [['activated'], ['fulltime_activated'], ['activation_rate']],
      description: 'Tilbudstyper findes kun for "I alt" i Køn, Alder og Herkomst.',
    }),
    table({
      id: 'styr_rettidighed',
      name: 'Rettidighed i samtaler',
      subject: subjects.indsats,
      dataset: 'timeliness',
      dimensions: [benefitDimension(allBenefitIds), ...breakdownDimensions()],
      measures: [['interviews_due'], ['interviews_on_time'], ['timeliness']],
    }),
    table({
      id: 'styr_uddannelse',
      name: 'Unge 15-29 år i uddannelse efter forløb',
      subject: subjects.indsats,
      dataset: 'education',
      dimensions: [benefitDimension(allBenefitIds), ...breakdownDimensions()],
      measures: [['persons_ended'], ['persons_to_education'], ['education_rate']],
    }),
  ];
}
