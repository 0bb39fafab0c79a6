/**
 * The regional councils after 2014 and the municipalities each covers: the eight RARs of
 * 2015–2024 and the five regional employment councils from 2025; and which council a jobcenter
 * belongs to in a year.
 */
import { areaById, areas, employmentRegionOf, municipalities } from '../reference/index.js';
import { eraOf, eras, type Era, type EraId } from './eras.js';

/** A regional council of an era and the municipalities it covers. */
export interface RegionalCouncil {
  code: string;
  name: string;
  era: EraId;
  /** The employment region (2007–2014 map) whose monitors run the council's secretariat. */
  secretariat: string;
  municipalities: readonly number[];
}

const codesOf = (names: readonly string[]) =>
  names.map((n) => {
    const m = municipalities.find((x) => x.name === n);
    if (!m) throw new Error(`eras: kommunen ${n} findes ikke i municipalities.csv`);
    return m.code;
  });
const regionCodes = (name: string) => municipalities.filter((m) => m.regionName === name).map((m) => m.code);
const secretariatOf = (codes: readonly number[]) => {
  const er = areas.find((a) => a.level === 'employment_region' && codes.every((k) => a.municipalities.includes(k)));
  if (!er) throw new Error(`eras: kommunerne ${codes.join(', ')} ligger ikke i én beskæftigelsesregion`);
  return er.id;
};
const council = (era: EraId, code: string, name: string, codes: readonly number[]): RegionalCouncil => ({ code, name, era, secretariat: secretariatOf(codes), municipalities: codes });
const without = (all: readonly number[], out: readonly number[]) => all.filter((k) => !out.includes(k));

// The RAR's geography (bekendtgørelse om de regionale arbejdsmarkedsråd, 2015): Midtjylland and
// Syddanmark split in two, Bornholm a council of its own.
const fyn = codesOf(['Assens', 'Faaborg-Midtfyn', 'Kerteminde', 'Langeland', 'Middelfart', 'Nordfyns', 'Nyborg', 'Odense', 'Svendborg', 'Ærø']);
const eastJutland = codesOf(['Aarhus', 'Favrskov', 'Hedensted', 'Horsens', 'Norddjurs', 'Odder', 'Randers', 'Samsø', 'Silkeborg', 'Skanderborg', 'Syddjurs']);
const bornholm = codesOf(['Bornholm']);
const rars: readonly RegionalCouncil[] = [
  council('rar', 'RAR-HOVEDSTADEN', 'Det Regionale Arbejdsmarkedsråd Hovedstaden', without(regionCodes('Region Hovedstaden'), bornholm)),
  council('rar', 'RAR-BORNHOLM', 'Det Regionale Arbejdsmarkedsråd Bornholm', bornholm),
  council('rar', 'RAR-SJAELLAND', 'Det Regionale Arbejdsmarkedsråd Sjælland', regionCodes('Region Sjælland')),
  council('rar', 'RAR-FYN', 'Det Regionale Arbejdsmarkedsråd Fyn', fyn),
  council('rar', 'RAR-SYDJYLLAND', 'Det Regionale Arbejdsmarkedsråd Sydjylland', without(regionCodes('Region Syddanmark'), fyn)),
  council('rar', 'RAR-OESTJYLLAND', 'Det Regionale Arbejdsmarkedsråd Østjylland', eastJutland),
  council('rar', 'RAR-VESTJYLLAND', 'Det Regionale Arbejdsmarkedsråd Vestjylland', without(regionCodes('Region Midtjylland'), eastJutland)),
  council('rar', 'RAR-NORDJYLLAND', 'Det Regionale Arbejdsmarkedsråd Nordjylland', regionCodes('Region Nordjylland')),
];

// From 2025 one council per region (lov nr. 1482 § 28 as amended by lov nr. 1656 af 30.12.2024).
const regionalEmploymentCouncils: readonly RegionalCouncil[] = areas
  .filter((a) => a.level === 'region')
  .map((r) => council('rbr', `RBR-${r.id}`, `Det Regionale Beskæftigelsesråd, ${r.name}`, r.municipalities));

/** Every regional council of the eras after 2014 (to seed as organisations). */
export const laterCouncils: readonly RegionalCouncil[] = [...rars, ...regionalEmploymentCouncils];

/** A regional council after 2014, by its code. */
export const laterCouncil = (code: string): RegionalCouncil | undefined => laterCouncils.find((c) => c.code === code);

/** The era a council belongs to: its own for the councils after 2014, else 2007–2014 (LBR, RBR-B*, BER). */
export const eraOfCouncil = (code: string): Era => eras.find((e) => e.id === (laterCouncil(code)?.era ?? 'lbr'))!;

/** The regional council a jobcenter belongs to in an era, or a year's era by law (the RBR of its employment region up to 2014). */
export function regionalCouncilOf(jobcenter: string, yearOrEra: number | EraId): string | undefined {
  const era = typeof yearOrEra === 'number' ? eraOf(yearOrEra).id : yearOrEra;
  const jc = areaById.get(jobcenter);
  if (!jc) return undefined;
  if (era === 'lbr') {
    const er = employmentRegionOf(jobcenter);
    return er && `RBR-${er.id}`;
  }
  return laterCouncils.find((c) => c.era === era && jc.municipalities.every((k) => c.municipalities.includes(k)))?.code;
}

