/**
 * The real Jobindsats v3 API's vocabulary, beside ours (issue 17): an existing Jobindsats
 * client works against /v3 by changing only its base URL. Our readable ids stay valid as
 * aliases. Applied when a table is compiled, so that tables stored with older releases and
 * imported tables speak it too; keyed by the table id and by the column label (which computed
 * and imported tables share), never by our dimension ids.
 *
 * What is known from the real API (observed responses and clients) is here; what is not
 * (e.g. the real mgroup ids of y25i01, the order of the real benefit groups) is left out, and
 * /v3/table/{id} shows each value's positional path and each mgroup's aliases so a client
 * need not guess.
 */

/** The id of the area dimension in /v3/table/{id}, as the real API's. */
export const AREA_DIMENSION = '_omrade';

/** The real API's area hierarchies, which a table with municipalities (`_nykom`) offers too. */
export const REAL_AREA_HIERARCHIES = ['_region', '_reko', '_hele_landet'] as const;

/**
 * The parameter our own pages ask an area through: the areas of `_region`, `_reko` and
 * `_hele_landet` through `_nykom`, which takes their ids too, so the query stays in our
 * vocabulary (and its rows in our period ids).
 */
export const areaParameter = (parameter: string): string =>
  (REAL_AREA_HIERARCHIES as readonly string[]).includes(parameter.replace(/^hierarchy\./, '')) ? 'hierarchy._nykom' : parameter;

/** The real names of tables we compute, by table id. */
const realTableNames: Readonly<Record<string, string>> = {
  y25i01: 'Ledighed: Faktiske antal ledige og fuldtidsledige',
  y25i09: 'Antal langtidsledige personer',
};

/** A table's name: the real API's where we compute the same table. */
export const tableNameOf = (def: { table_id: string; table_name: string }): string => realTableNames[def.table_id] ?? def.table_name;

/** The real hierarchy id of a dimension, by its column label and (where it differs) the table. */
const dimensionHierarchies: Readonly<Record<string, { default: string; tables?: Record<string, string> }>> = {
  Ydelsesgrupper: { default: '_ygrpa02', tables: { y25i01: '_ygrpi09', y25i09: '_ygrpi09', y60a02: '_viskat_1int' } },
  'A-kasse': { default: '_akassedp', tables: { y25i01: '_akassebl', y25i09: '_akassebl' } },
  Køn: { default: '_kon' },
  Alder: { default: '_aldera' },
  Herkomst: { default: '_oprinda' },
  Tilbud: { default: '_tilb_2ptv' },
};

/** The real hierarchy id of the dimension with column label `label` in `table`, if the real API has one. */
export function realHierarchyOf(table: string, label: string): string | undefined {
  const h = dimensionHierarchies[label];
  return h ? (h.tables?.[table] ?? h.default) : undefined;
}

/**
 * The real mgroup ids of the benefit tables (ptv_a02 and the other `*a02` tables), by measure
 * column label. A real client of y60a02 asks `mgrpa02_1`, `mgrpa02_3`, `mgrpa02_4b` and
 * `mgrpa02_5b` and reads them as persons, full-time persons and the two rates.
 */
const a02Mgroups: Readonly<Record<string, string>> = {
  'Antal personer': 'mgrpa02_1',
  'Antal fuldtidspersoner': 'mgrpa02_3',
  'Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år': 'mgrpa02_4b',
  'Fuldtidspersoner i pct. af befolkningen 16-66 år': 'mgrpa02_5b',
};

/** The real API's id of the mgroup with column label `label` in `table`, if known. */
export const realMgroupOf = (table: string, label: string): string | undefined => (/a02$/.test(table) ? a02Mgroups[label] : undefined);

/** Measures shown as whole numbers in the real table (by table id and measure column label). */
export const realDecimals: Readonly<Record<string, Record<string, number>>> = {
  y25i01: { 'Antal ledige fuldtidspersoner': 0 },
  y25i09: { 'Antal langtidsledige fuldtidspersoner': 0 },
};

/**
 * Tables clients ask for that the register cannot honestly compute: answered as the real API
 * answers a table a key has no access to (403), with the reason in Danish.
 */
export const tablesWithoutAccess: Readonly<Record<string, { name: string; reason: string }>> = {
  y25i03: { name: 'Sæsonkorrigeret ledighed', reason: 'sæsonkorrektion er en model, ikke en optælling i registeret' },
  y25i05: { name: 'Varslede afskedigelser', reason: 'registeret har ingen oplysninger om varslinger' },
  y25i06: { name: 'Arbejdsfordeling', reason: 'registeret har ingen oplysninger om arbejdsfordeling' },
  y25i07: { name: 'Ledige stillinger', reason: 'registeret har ingen oplysninger om stillingsopslag' },
  y01h01: { name: 'Rådighedssanktioner', reason: 'registeret har ingen oplysninger om sanktioner' },
  smt02: { name: 'Samtaler', reason: 'samtalerne er i registeret, men målene i tabellen er ikke defineret i docs/measures.md endnu (se styr_rettidighed for rettidigheden)' },
  y01c01: { name: 'Aktivering af a-dagpengemodtagere efter a-kasse og tilbud', reason: 'tilbuddene er i registeret, men ikke a-kassen eller tabellens underopdeling af tilbud (se styr_aktivering)' },
};

/** The real period id for one of ours: 2024Q4 → 2024Q04, 2024 → 2024Y01; months and rolling years are the same. */
export function realPeriodId(id: string): string {
  const q = /^(\d{4})Q([1-4])$/.exec(id);
  if (q) return `${q[1]}Q0${q[2]}`;
  return /^\d{4}$/.test(id) ? `${id}Y01` : id;
}

/** Our period id for a real one (2024Q04 → 2024Q4, 2024Y01 → 2024); any other id unchanged. */
export function ourPeriodId(id: string): string {
  const q = /^(\d{4})Q0([1-4])$/.exec(id);
  if (q) return `${q[1]}Q${q[2]}`;
  const y = /^(\d{4})Y01$/.exec(id);
  return y ? y[1]! : id;
}
