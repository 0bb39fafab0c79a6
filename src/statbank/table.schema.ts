import { z } from 'zod';

/**
 * The definition of a statistics-bank table, stored per release in `release_table.definition`
 * (JSON). It says which response columns the table has and how they map onto the series of
 * the release's dataset (`release_series.dims`, in `DatasetShape.dims` order).
 */

const freq = z.enum(['M', 'Q', 'Y', 'R']);
const id = z.string().regex(/^[\p{L}\p{N}_\-.]+$/u, 'id må kun indeholde bogstaver, tal, _ - .');

/** A value of a dimension: its id (used in queries and in series dims) and Danish name. */
const dimensionValueSchema = z.object({ value_id: id, value_name: z.string().min(1) });

/** A level of a dimension's hierarchy (e.g. the total, the categories, the groups). */
const levelSchema = z.object({ level_id: id, level_name: z.string().min(1), values: z.array(dimensionValueSchema) });

/**
 * How a dimension maps onto the series of the dataset:
 * - `series`: the value id is the series dim `dim` (e.g. `benefit`, `offer`, or an imported column);
 * - `breakdown`: a marginal breakdown (`gender`, `age_band`, `origin`) stored in the series dims
 *   `breakdown`/`breakdown_value`; the dimension's total means breakdown `total`;
 * - `constant`: a dimension we only have the total of (e.g. 'A-kasse' = 'I alt'); not stored.
 */
const dimensionMapSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('series'), dim: z.string().min(1) }),
  z.object({ kind: z.literal('breakdown'), breakdown: z.string().min(1) }),
  z.object({ kind: z.literal('constant') }),
]);

const dimensionSchema = z.object({
  /** Id used in `dimension.<id>=` (and `hierarchy._<id>=`). */
  id,
  /** The response column label, e.g. 'Ydelsesgrupper'. */
  name: z.string().min(1),
  map: dimensionMapSchema,
  /** value_id of the total ('/' and the default selection); absent = no total (default all). */
  total: id.optional(),
  levels: z.array(levelSchema).min(1),
});

/** Area hierarchies: municipalities with regions, jobcenters, employment regions 2007–2014. */
export const hierarchyIds = ['_nykom', '_jobcenter', '_beskregion'] as const;
export type HierarchyId = (typeof hierarchyIds)[number];

export const tableDefinitionSchema = z.object({
  table_id: z.string().regex(/^[a-z0-9_]+$/, 'tabel-id skal være små bogstaver, tal og _'),
  table_name: z.string().min(1),
  subject: z.object({ id, name: z.string().min(1) }),
  table_group: z.object({ id, name: z.string().min(1) }).optional(),
  dataset: z.string().min(1),
  description: z.string().optional(),
  /** Response columns in order: the period column, the area column, dimension names and mgroup names. */
  columns: z.array(z.string().min(1)).min(2),
  period: z.object({ column: z.string().min(1), freqs: z.array(freq).min(1) }),
  area: z.object({
    column: z.string().min(1),
    hierarchies: z.array(z.enum(hierarchyIds)).min(1),
    /** Areas the table holds (absent = every reference area). */
    areas: z.array(z.string()).optional(),
    /** Display names that differ from the reference names (imports keep their own spelling). */
    names: z.record(z.string(), z.string()).optional(),
  }),
  dimensions: z.array(dimensionSchema),
  /** Measure groups = measure columns; `measure` is the measure id in the dataset shape. */
  mgroups: z.array(z.object({ mgroup_id: id, mgroup_name: z.string().min(1), measure: z.string().min(1) })).min(1),
  /** Fixed filter on series dims: only these values (e.g. benefit ∈ […], breakdown = total). */
  filter: z.record(z.string(), z.array(z.string()).min(1)).optional(),
  /** Leave out rows whose cell has status 'unavailable' (imports: the row did not exist). */
  omit_unavailable: z.boolean().optional(),
});

/** A table of the statistics bank, as stored with a release. */
export type TableDefinition = z.infer<typeof tableDefinitionSchema>;
export type DimensionDefinition = z.infer<typeof dimensionSchema>;
