import { danishDate } from '../clock.js';
import type { Freq } from '../indicators/index.js';
import type { CompiledTable } from './table.compile.js';
import type { TableDefinition } from './table.schema.js';
import { AREA_DIMENSION, realMgroupOf, realPeriodId, tableNameOf } from './vocabulary.js';

const freqNames: Record<Freq, string> = { M: 'Månedlig', Q: 'Kvartalsvis', Y: 'Årlig', R: 'Månedlig' };

/**
 * The real API's metadata of a table, in /v3/tables and /v3/table/{id}: its name (the real
 * one where we compute the same table), the pages about it in the app, how often it is
 * updated and when it last was (the release's date). We publish no release calendar, so
 * `update_next` is null.
 */
export function tableMeta(def: TableDefinition, createdAt: Date, publicUrl: string) {
  return {
    table_name: tableNameOf(def),
    link_infopage: `${publicUrl}/statistik/${def.table_id}#om`,
    link_tablepage: `${publicUrl}/statistik/${def.table_id}`,
    update_freq: freqNames[def.period.freqs[0] ?? 'M'],
    update_latest: danishDate(createdAt),
    update_next: null,
    mgroups: def.mgroups.map((g) => {
      const real = realMgroupOf(def.table_id, g.mgroup_name);
      return { mgroup_id: g.mgroup_id, mgroup_name: g.mgroup_name, ...(real ? { aliases: [real] } : {}) };
    }),
  };
}

/** How to query /v3/data, in Danish; part of every /v3/table response (our extension). */
const queryHelp = {
  'period.<F>': 'Perioder med frekvensen F (M måned 2025M05, Q kvartal 2025Q1 eller 2025Q01, Y år 2025 eller 2025Y01, R løbende år 2024M07-2025M06): latest:N (de N seneste), * (alle) eller en kommasepareret liste. Flere frekvenser kan kombineres. Standard: alle perioder af tabellens første frekvens. Rækkerne skriver kvartaler og år som Jobindsats (2025Q01, 2025Y01), når forespørgslen bruger Jobindsats\' egne id\'er (f.eks. _ygrpi09, _region eller en sti som /2/), ellers som vi (2025Q1, 2025); periodformat=jobindsats|styr vælger selv.',
  'hierarchy.<id>': 'Områder i et hierarki (_nykom: hele landet og kommuner (regionernes id\'er tages også imod); _region: hele landet og regioner; _reko: hele landet, regioner og kommuner; _hele_landet; _jobcenter: land, jobcentre; _beskregion: land, beskæftigelsesregioner 2007-2014; _klynge: klynger af sammenlignelige jobcentre fra den gældende benchmarking, når der er en): * (i Jobindsats\' hierarkier alle områder inkl. hele landet, i vores de nederste), / (Hele landet), en sti som /2/ (se value_path), level:<niveau> (f.eks. level:region, level:municipality, level:jobcenter, level:employment_region, level:cluster) eller en liste af id\'er (DK, R1084, K101, J561, B1, KL1). Flere hierarkier kan kombineres. Standard: / (Hele landet), eller alle områder i en tabel uden landstal. En klynges tal er det gennemsnitlige jobcenter i klyngen: gennemsnittet af jobcentrenes offentliggjorte tal (hvert jobcenter tæller én gang); det vises, når mindst halvdelen af jobcentrenes tal er offentliggjort.',
  'dimension.<id>': 'Værdier af en dimension (se dimensions[].parameter og aliases): * (alle), / (i alt), en sti som /2/ (i alt er /1/, derefter værdierne under den; se value_path), level:<niveau> eller en kommasepareret liste af value_id. Kan også skrives med Jobindsats\' hierarki-id (f.eks. hierarchy._ygrpi09, hierarchy._kon) eller hierarchy._<id>. Standard: / (i alt). Køn, Alder og Herkomst er marginale: en række har højst én af dem forskellig fra I alt.',
  'mgroup.*': 'Målgrupper (kolonner): mgroup.*=* (alle), mgroup.*=<id>,<id> eller mgroup.<id>=* (kan gentages). Jobindsats\' egne id\'er (f.eks. mgrpa02_3 i ydelsestabellerne) tages også imod; se mgroups[].aliases. Standard: alle.',
  format: 'json (standard) eller csv (semikolon, decimalkomma, UTF-8 med BOM; undertrykte værdier er tomme felter).',
  release: 'Udgivelsesnummer; standard: den nyeste udgivelse med tabellen. Svaret har altid "release" og headeren X-Release.',
  include: 'include=status tilføjer kolonnen Status (published, primary, secondary, unavailable; i CSV og XLSX med ord) til hver række; JSON har desuden altid "status" parallelt med "rows".',
} as const;

/** The /v3/table/{id} response: Jobindsats' fields plus `release`, `subject`, parameters and `query` help. */
export function describeTable(t: CompiledTable, publicUrl: string) {
  const { def } = t;
  return {
    table_id: def.table_id,
    ...tableMeta(def, t.release.createdAt, publicUrl),
    release: t.release.version,
    subject: { subject_id: def.subject.id, subject_name: def.subject.name },
    ...(def.description ? { description: def.description } : {}),
    columns: def.columns,
    dimensions: [
      {
        dimension_id: AREA_DIMENSION,
        dimension_name: def.area.column,
        default: t.areaName.has('DK') ? '/' : '*',
        hierarchies: [...t.hierarchies.values()].map((h) => {
          const paths = t.areaPaths.get(h.hierarchy_id)!;
          return {
            hierarchy_id: h.hierarchy_id,
            hierarchy_name: h.hierarchy_name,
            parameter: `hierarchy.${h.hierarchy_id}`,
            levels: h.levels.map((l) => ({
              level_id: l.level_id,
              level_name: l.level_name,
              values: l.areas.map((a) => ({ value_id: a.id, value_name: t.areaName.get(a.id) ?? a.name, ...(paths.has(a.id) ? { value_path: paths.get(a.id)! } : {}) })),
            })),
          };
        }),
      },
      ...t.dimensions.map((d) => ({
        dimension_id: d.def.id,
        dimension_name: d.def.name,
        parameter: `dimension.${d.def.id}`,
        default: d.def.total !== undefined ? '/' : '*',
        ...(d.def.total !== undefined ? { total: d.def.total } : {}),
        hierarchies: [
          {
            // The real API's id where it has one; ours (`_<id>`, and `dimension.<id>`) is an alias.
            hierarchy_id: d.realHierarchy ?? `_${d.def.id}`,
            hierarchy_name: d.def.name,
            parameter: `hierarchy.${d.realHierarchy ?? `_${d.def.id}`}`,
            aliases: [...(d.realHierarchy ? [`hierarchy._${d.def.id}`] : []), `dimension.${d.def.id}`],
            levels: d.def.levels.map((l) => ({ ...l, values: l.values.map((v) => ({ ...v, ...(d.paths.has(v.value_id) ? { value_path: d.paths.get(v.value_id)! } : {}) })) })),
          },
        ],
      })),
    ],
    /** As the real API: per period type, its periods in the real ids (2024Q04, 2024Y01). */
    periods: [...t.periodsByFreq].map(([f, ids]) => ({ periodtype_id: f, values: ids.map((id) => ({ period_id: realPeriodId(id) })) })),
    periods_by_freq: Object.fromEntries(t.periodsByFreq),
    query: queryHelp,
  };
}
