import type { CompiledTable } from './table.compile.js';

/** How to query /v3/data, in Danish; part of every /v3/table response (our extension). */
const queryHelp = {
  'period.<F>': 'Perioder med frekvensen F (M måned 2025M05, Q kvartal 2025Q1, Y år 2025, R løbende år 2024M07-2025M06): latest:N (de N seneste), * (alle) eller en kommasepareret liste. Flere frekvenser kan kombineres. Standard: alle perioder af tabellens første frekvens.',
  'hierarchy.<id>': 'Områder i et hierarki (_nykom: land, regioner, kommuner; _jobcenter: land, jobcentre; _beskregion: land, beskæftigelsesregioner 2007-2014; _klynge: klynger af sammenlignelige jobcentre fra den gældende benchmarking, når der er en): * (alle på nederste niveau), / (Hele landet), level:<niveau> (f.eks. level:region, level:municipality, level:jobcenter, level:employment_region, level:cluster) eller en liste af id\'er (DK, R1084, K101, J561, B1, KL1). Flere hierarkier kan kombineres. Standard: / (Hele landet), eller alle områder i en tabel uden landstal. En klynges tal er det gennemsnitlige jobcenter i klyngen: gennemsnittet af jobcentrenes offentliggjorte tal (hvert jobcenter tæller én gang); det vises, når mindst halvdelen af jobcentrenes tal er offentliggjort.',
  'dimension.<id>': 'Værdier af en dimension (se dimensions[].parameter): * (alle), / (i alt), level:<niveau> eller en kommasepareret liste af value_id. Kan også skrives hierarchy._<id>. Standard: / (i alt). Køn, Alder og Herkomst er marginale: en række har højst én af dem forskellig fra I alt.',
  'mgroup.*': 'Målgrupper (kolonner): mgroup.*=* (alle), mgroup.*=<id>,<id> eller mgroup.<id>=* (kan gentages). Standard: alle.',
  format: 'json (standard) eller csv (semikolon, decimalkomma, UTF-8 med BOM; undertrykte værdier er tomme felter).',
  release: 'Udgivelsesnummer; standard: den nyeste udgivelse med tabellen. Svaret har altid "release" og headeren X-Release.',
  include: 'include=status tilføjer kolonnen Status (published, primary, secondary, unavailable) til hver række; JSON har desuden altid "status" parallelt med "rows".',
} as const;

/** The /v3/table/{id} response: Jobindsats' fields plus `release`, `subject`, parameters and `query` help. */
export function describeTable(t: CompiledTable) {
  const { def } = t;
  return {
    table_id: def.table_id,
    table_name: def.table_name,
    update_latest: t.release.createdAt.toISOString(),
    release: t.release.version,
    subject: { subject_id: def.subject.id, subject_name: def.subject.name },
    ...(def.description ? { description: def.description } : {}),
    columns: def.columns,
    mgroups: t.mgroups.map((g) => ({ mgroup_id: g.id, mgroup_name: g.name })),
    dimensions: [
      {
        dimension_id: 'omraade',
        dimension_name: def.area.column,
        default: t.areaName.has('DK') ? '/' : '*',
        hierarchies: [...t.hierarchies.values()].map((h) => ({
          hierarchy_id: h.hierarchy_id,
          hierarchy_name: h.hierarchy_name,
          parameter: `hierarchy.${h.hierarchy_id}`,
          levels: h.levels.map((l) => ({
            level_id: l.level_id,
            level_name: l.level_name,
            values: l.areas.map((a) => ({ value_id: a.id, value_name: t.areaName.get(a.id) ?? a.name })),
          })),
        })),
      },
      ...t.dimensions.map((d) => ({
        dimension_id: d.def.id,
        dimension_name: d.def.name,
        parameter: `dimension.${d.def.id}`,
        default: d.def.total !== undefined ? '/' : '*',
        ...(d.def.total !== undefined ? { total: d.def.total } : {}),
        hierarchies: [{ hierarchy_id: `_${d.def.id}`, hierarchy_name: d.def.name, parameter: `hierarchy._${d.def.id}`, levels: d.def.levels }],
      })),
    ],
    periods: [...t.periodsByFreq.values()].flat(),
    periods_by_freq: Object.fromEntries(t.periodsByFreq),
    query: queryHelp,
  };
}
