/**
 * The answers of the statistics bank's /v3 API as the web app reads them (statbank.routes.ts),
 * and of /api/profile and /api/areas (profile.ts). Zod only.
 */
import { z } from 'zod';
import { instant } from '../server/shared.js';

const areaLevel = z.enum(['country', 'region', 'employment_region', 'jobcenter', 'municipality']);

/** The real API's metadata of a table (table.describe.ts `tableMeta`). */
const meta = {
  table_name: z.string(),
  link_infopage: z.string(),
  link_tablepage: z.string(),
  update_freq: z.string(),
  /** The release's date. */
  update_latest: z.iso.date(),
  update_next: z.iso.date().nullable(),
  /** `aliases`: the real API's ids of the mgroup, where known. */
  mgroups: z.array(z.object({ mgroup_id: z.string(), mgroup_name: z.string(), aliases: z.array(z.string()).optional() })),
};

/** GET /v3/subjects: the subjects of the tables. */
export const subjectsResponse = z.array(z.object({ subject_id: z.string(), subject_name: z.string() }));

/** GET /v3/tables: the tables by subject and group, each with the release that holds its newest version. */
export const tablesResponse = z.array(
  z.object({
    subject_id: z.string(),
    subject_name: z.string(),
    table_groups: z.array(z.object({ table_group_id: z.string(), table_group_name: z.string(), tables: z.array(z.object({ table_id: z.string(), ...meta, release: z.number() })) })),
  }),
);

/** A value with its positional path (`/2/`), where it has one. */
const level = z.object({ level_id: z.string(), level_name: z.string(), values: z.array(z.object({ value_id: z.string(), value_name: z.string(), value_path: z.string().optional() })) });

/** GET /v3/table/:id: Jobindsats' fields plus release, subject, parameters and the query help. */
export const tableResponse = z.object({
  table_id: z.string(),
  ...meta,
  release: z.number(),
  subject: z.object({ subject_id: z.string(), subject_name: z.string() }),
  description: z.string().optional(),
  columns: z.array(z.string()),
  dimensions: z.array(
    z.object({
      dimension_id: z.string(),
      dimension_name: z.string(),
      /** The query parameter (the area dimension has one per hierarchy). */
      parameter: z.string().optional(),
      default: z.string(),
      /** value_id of the total; absent: no total. */
      total: z.string().optional(),
      hierarchies: z.array(z.object({ hierarchy_id: z.string(), hierarchy_name: z.string(), parameter: z.string(), /** Other parameters that select the same. */ aliases: z.array(z.string()).optional(), levels: z.array(level) })),
    }),
  ),
  /** As the real API: per period type its periods (real ids: 2024Q04, 2024Y01); periods_by_freq has ours. */
  periods: z.array(z.object({ periodtype_id: z.string(), values: z.array(z.object({ period_id: z.string() })) })),
  periods_by_freq: z.record(z.string(), z.array(z.string())),
  /** How to query /v3/data, in Danish, by parameter. */
  query: z.record(z.string(), z.string()),
});

/** GET /v3/data/:id (format json): the rows, and each row's status beside them. */
export const dataResponse = z.object({
  release: z.number(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  status: z.array(z.enum(['published', 'primary', 'secondary', 'unavailable'])),
});

/** A month's value; `why` says why it is missing. */
const point = z.object({ period: z.string(), value: z.number().nullable(), why: z.string().optional() });
const unit = z.object({ measure: z.string(), unit: z.string(), decimals: z.number() });
const small = z.object({ id: z.string(), name: z.string(), sparkline: z.array(point) });
const nullable = z.number().nullable();

/** GET /api/profile/:area: an area's key figures, its development by benefit category and its peers. */
export const profileResponse = z.object({
  area: z.object({ id: z.string(), name: z.string(), level: areaLevel }),
  region: z.object({ id: z.string(), name: z.string() }).nullable(),
  release: z.object({ version: z.number(), cutoff_week: z.string().nullable(), created_at: instant }),
  cards: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      benefit: z.string(),
      dataset: z.string(),
      period: z.string(),
      value: unit.extend({ latest: nullable, latest_why: z.string().nullable(), year_ago: nullable, year_ago_period: z.string().nullable(), year_ago_why: z.string().nullable() }),
      rate: unit.extend({ area: nullable, region: nullable, country: nullable, cluster: nullable, why: z.partialRecord(z.enum(['area', 'region', 'country', 'cluster']), z.string()) }),
      sparkline: z.array(point),
    }),
  ),
  by_category: z.array(z.object({ benefit: z.string(), name: z.string(), series: z.array(point) })),
  /** The unit of the categories' and the peers' values. */
  by_category_unit: unit,
  peers: z.object({ measure: z.string(), unit, areas: z.array(small) }),
  cluster: z.object({ number: z.number(), id: z.string(), areas: z.array(small) }).nullable(),
});

/** GET /api/areas: every area of the reference data. */
export const areasResponse = z.array(z.object({ id: z.string(), name: z.string(), level: areaLevel }));
