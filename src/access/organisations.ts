/**
 * The organisations of the employment effort, from the reference data: the national
 * agency, the 4 employment regions, the 94 jobcenters, the councils (BER, an RBR per
 * employment region, an LBR per jobcenter; the 8 RARs of 2015–2024 and the 5 regional
 * employment councils from 2025) and the labour-market organisations that hold
 * council seats. `ensureOrganisations` inserts the missing ones (idempotent).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { laterCouncils } from '../eras/index.js';
import { areaById, areas, type Area } from '../reference/index.js';
import type { OrganisationKind, Role } from './access.table.js';
import { scopeOf, type Permission } from './policy.js';

interface OrganisationSeed {
  code: string;
  kind: OrganisationKind;
  name: string;
  area: string | null;
}

/** Nominating organisations of BER, RBR and LBR seats (docs/domain.md). */
const labourMarketOrgs: readonly { code: string; name: string }[] = [
  { code: 'DA', name: 'Dansk Arbejdsgiverforening' },
  { code: 'LO', name: 'Landsorganisationen i Danmark' },
  { code: 'FH', name: 'Fagbevægelsens Hovedorganisation' },
  { code: 'FTF', name: 'FTF' },
  { code: 'AC', name: 'Akademikernes Centralorganisation' },
  { code: 'SALA', name: 'Sammenslutningen af Landbrugets Arbejdsgiverforeninger' },
  { code: 'LH', name: 'Ledernes Hovedorganisation' },
  { code: 'KL', name: 'KL' },
  { code: 'DH', name: 'Danske Handicaporganisationer' },
  { code: 'PLO', name: 'Praktiserende Lægers Organisation' },
];

const byLevel = (level: Area['level']) => areas.filter((a) => a.level === level);

const organisationSeeds: readonly OrganisationSeed[] = [
  { code: 'AMS', kind: 'national_agency', name: 'Arbejdsmarkedsstyrelsen', area: 'DK' },
  { code: 'BER', kind: 'council', name: 'Beskæftigelsesrådet (BER)', area: 'DK' },
  ...byLevel('employment_region').flatMap((b) => [
    { code: b.id, kind: 'employment_region' as const, name: b.name, area: b.id },
    { code: `RBR-${b.id}`, kind: 'council' as const, name: `Det Regionale Beskæftigelsesråd, ${b.name.replace(/^Beskæftigelsesregion /, '')}`, area: b.id },
  ]),
  ...byLevel('jobcenter').flatMap((j) => [
    { code: j.id, kind: 'jobcenter' as const, name: j.name, area: j.id },
    { code: `LBR-${j.id}`, kind: 'council' as const, name: `Det Lokale Beskæftigelsesråd, ${j.name.replace(/^Jobcenter /, '')}`, area: j.id },
  ]),
  // The regional councils after 2014 (eras/); their secretariat is the employment region's.
  ...laterCouncils.map((c) => ({ code: c.code, kind: 'council' as const, name: c.name, area: c.secretariat })),
  ...labourMarketOrgs.map((o) => ({ ...o, kind: 'labour_market_org' as const, area: null })),
];

export async function ensureOrganisations(db: Kysely<Database>): Promise<void> {
  for (let i = 0; i < organisationSeeds.length; i += 100) {
    await db.insertInto('organisation').values(organisationSeeds.slice(i, i + 100)).onConflict((oc) => oc.column('code').doNothing()).execute();
  }
}

/** Whether the user's role has `permission` for `area`: everywhere, or within the area of the user's organisation. */
export function permittedIn(u: { role: Role; organisation: { area: string | null } } | null, permission: Permission, area: string): boolean {
  const scope = u ? scopeOf(u.role, permission) : null;
  return scope === 'any' || (scope === 'own_area' && areaWithin(area, u!.organisation.area));
}

/** True when area `inner` lies inside area `outer` (DK holds everything). */
export function areaWithin(inner: string | null, outer: string | null): boolean {
  if (!inner || !outer) return false;
  if (outer === 'DK' || inner === outer) return true;
  const i = areaById.get(inner), o = areaById.get(outer);
  return !!i && !!o && i.municipalities.length > 0 && i.municipalities.every((k) => o.municipalities.includes(k));
}
