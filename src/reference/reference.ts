import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

/** Reference data shipped with the project (copied from the shared data folder). */
const dataDir = new URL('./data/', import.meta.url);

const yesNo = z.enum(['yes', 'no']).transform((v) => v === 'yes');

const municipalityRow = z.object({
  code: z.coerce.number().int().min(101).max(999),
  name: z.string().min(1),
  region_code: z.coerce.number().int(),
  region_name: z.string().min(1),
  employment_region_2007_2014: z.string().min(1),
  jobcenter: z.string().min(1),
  approx_workforce_16_66: z.coerce.number().int().positive(),
  approx_population_16_66: z.coerce.number().int().positive(),
});

const benefitGroupRow = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  name_da: z.string().min(1),
  category: z.string().min(1),
  jobindsats_table: z.string(),
  public_support: yesNo,
  gross_unemployed: yesNo,
  approx_national_fulltime: z
    .string()
    .transform((v) => (v === '' ? null : Number(v)))
    .pipe(z.number().int().positive().nullable()),
  level_source: z.string(),
});

function readCsv<T extends z.ZodType>(file: string, schema: T): z.infer<T>[] {
  const records = parse(readFileSync(new URL(file, dataDir), 'utf8'), { columns: true, skip_empty_lines: true }) as unknown[];
  return records.map((r, i) => {
    const parsed = schema.safeParse(r);
    if (!parsed.success) throw new Error(`${file} linje ${i + 2}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return parsed.data;
  });
}

export type AreaLevel = 'country' | 'region' | 'employment_region' | 'jobcenter' | 'municipality';

/** An area of the statistics: the country, a region, an employment region (2007–2014), a jobcenter or a municipality. */
export interface Area {
  /** Stable id: `DK`, `R1084`, `B1`, `J561` (jobcenter, keyed by its lowest municipality code), `K101`. */
  id: string;
  level: AreaLevel;
  /** Danish display name, as Jobindsats writes it for countries, regions and municipalities. */
  name: string;
  /** Codes of the municipalities the area sums. */
  municipalities: number[];
}

interface Municipality {
  code: number;
  name: string;
  regionCode: number;
  regionName: string;
  employmentRegion: string;
  jobcenter: string;
  approxWorkforce: number;
  approxPopulation: number;
}

interface BenefitGroup {
  id: string;
  name: string;
  category: string;
  jobindsatsTable: string;
  publicSupport: boolean;
  grossUnemployed: boolean;
  approxNationalFulltime: number | null;
  realLevel: boolean;
}

export const municipalities: readonly Municipality[] = readCsv('municipalities.csv', municipalityRow).map((r) => ({
  code: r.code,
  name: r.name,
  regionCode: r.region_code,
  regionName: r.region_name,
  employmentRegion: r.employment_region_2007_2014,
  jobcenter: r.jobcenter,
  approxWorkforce: r.approx_workforce_16_66,
  approxPopulation: r.approx_population_16_66,
}));

/** Every benefit group of the register, `su` (education) included. */
export const benefitGroups: readonly BenefitGroup[] = readCsv('benefit-groups.csv', benefitGroupRow).map((r) => ({
  id: r.id,
  name: r.name_da,
  category: r.category,
  jobindsatsTable: r.jobindsats_table,
  publicSupport: r.public_support,
  grossUnemployed: r.gross_unemployed,
  approxNationalFulltime: r.approx_national_fulltime,
  realLevel: r.level_source.startsWith('real'),
}));

/** The employment regions of 2007–2014, in their conventional order. */
const employmentRegionNames = ['Hovedstaden & Sjælland', 'Syddanmark', 'Midtjylland', 'Nordjylland'] as const;

function buildAreas(): Area[] {
  const all = municipalities.map((m) => m.code);
  const areas: Area[] = [{ id: 'DK', level: 'country', name: 'Hele landet', municipalities: all }];
  const regions = new Map<number, Municipality[]>();
  for (const m of municipalities) regions.set(m.regionCode, [...(regions.get(m.regionCode) ?? []), m]);
  for (const [code, ms] of [...regions].sort((a, b) => a[0] - b[0])) {
    areas.push({ id: `R${code}`, level: 'region', name: ms[0]!.regionName, municipalities: ms.map((m) => m.code) });
  }
  employmentRegionNames.forEach((name, i) => {
    const ms = municipalities.filter((m) => m.employmentRegion === name);
    if (ms.length === 0) throw new Error(`municipalities.csv: ingen kommuner i beskæftigelsesregion ${name}`);
    areas.push({ id: `B${i + 1}`, level: 'employment_region', name: `Beskæftigelsesregion ${name}`, municipalities: ms.map((m) => m.code) });
  });
  const jobcenters = new Map<string, Municipality[]>();
  for (const m of municipalities) jobcenters.set(m.jobcenter, [...(jobcenters.get(m.jobcenter) ?? []), m]);
  const jcAreas = [...jobcenters].map(([name, ms]) => {
    const codes = ms.map((m) => m.code).sort((a, b) => a - b);
    return { id: `J${codes[0]}`, level: 'jobcenter' as const, name: `Jobcenter ${name}`, municipalities: codes };
  });
  areas.push(...jcAreas.sort((a, b) => a.name.localeCompare(b.name, 'da')));
  areas.push(
    ...municipalities
      .map((m) => ({ id: `K${m.code}`, level: 'municipality' as const, name: m.name, municipalities: [m.code] }))
      .sort((a, b) => a.name.localeCompare(b.name, 'da')),
  );
  return areas;
}

/** All areas: 1 country, 5 regions, 4 employment regions, 94 jobcenters, 98 municipalities. */
export const areas: readonly Area[] = buildAreas();
export const areaById: ReadonlyMap<string, Area> = new Map(areas.map((a) => [a.id, a]));
/** An area's name, or its id when it is not one of ours. */
export const areaName = (id: string): string => areaById.get(id)?.name ?? id;

/** The four benefit categories of national benchmarking (ids as in benefit-groups.csv), with their Danish names. */
const benefitCategories = [
  { id: 'dagpenge', name: 'Dagpenge' },
  { id: 'kontanthjaelp', name: 'Kontanthjælp m.v.' },
  { id: 'sygedagpenge', name: 'Sygedagpenge m.v.' },
  { id: 'foertidspension', name: 'Førtidspension og fleksjob m.v.' },
] as const;

type BenefitKind = 'group' | 'category' | 'public_support' | 'gross_unemployed';

/** A value of the benefit dimension of the statistics: a group, a category or one of the two totals. */
interface Benefit {
  id: string;
  kind: BenefitKind;
  name: string;
  /** The benefit groups (register values) it sums. */
  groups: string[];
}

function buildBenefits(): Benefit[] {
  const groups = benefitGroups.filter((g) => g.id !== 'su');
  return [
    { id: 'public_support', kind: 'public_support', name: 'Offentligt forsørgede i alt', groups: groups.filter((g) => g.publicSupport).map((g) => g.id) },
    { id: 'gross_unemployed', kind: 'gross_unemployed', name: 'Bruttoledige', groups: groups.filter((g) => g.grossUnemployed).map((g) => g.id) },
    ...benefitCategories.map((c) => ({ id: `category_${c.id}`, kind: 'category' as const, name: c.name, groups: groups.filter((g) => g.category === c.id).map((g) => g.id) })),
    ...groups.map((g) => ({ id: g.id, kind: 'group' as const, name: g.name, groups: [g.id] })),
  ];
}

/** Every value of the benefit dimension: 2 totals, 4 categories (`category_<id>`), 13 groups. */
export const benefits: readonly Benefit[] = buildBenefits();
export const benefitById: ReadonlyMap<string, Benefit> = new Map(benefits.map((b) => [b.id, b]));

/** Age bands of the breakdown, by age on the last day of the period. */
export const ageBands = [
  { id: '16-24', name: '16-24 år', min: 16, max: 24 },
  { id: '25-29', name: '25-29 år', min: 25, max: 29 },
  { id: '30-39', name: '30-39 år', min: 30, max: 39 },
  { id: '40-49', name: '40-49 år', min: 40, max: 49 },
  { id: '50-59', name: '50-59 år', min: 50, max: 59 },
  { id: '60-66', name: '60-66 år', min: 60, max: 66 },
] as const;

export const genders = [
  { id: 'K', name: 'Kvinder' },
  { id: 'M', name: 'Mænd' },
] as const;

export const origins = [
  { id: 'dansk', name: 'Personer med dansk oprindelse' },
  { id: 'vestlig', name: 'Indvandrere og efterkommere fra vestlige lande' },
  { id: 'ikke-vestlig', name: 'Indvandrere og efterkommere fra ikke-vestlige lande' },
] as const;

/** The employment region (2007–2014 map) a jobcenter lies in, whose monitors follow it up. */
export const employmentRegionOf = (jobcenter: string): Area | undefined => {
  const jc = areaById.get(jobcenter);
  return jc && areas.find((r) => r.level === 'employment_region' && jc.municipalities.every((k) => r.municipalities.includes(k)));
};
