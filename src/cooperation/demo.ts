/**
 * The demo's cooperation agreements (`npm start`): København's partnership with the LO
 * a-kasser, signed and due for review, and its agreement with Frederiksberg on cross-municipal
 * job rotation, under review for renegotiation.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.js';
import { createAgreement, moveAgreement, type AgreementContent } from './agreements.js';

const actor = { id: null, label: 'demodata' };

export async function ensureDemoCooperation(db: Kysely<Database>, year: number): Promise<void> {
  if (await db.selectFrom('cooperation_agreement').select('id').executeTakeFirst()) return;
  const now = new Date(`${year}-01-10T10:00:00Z`);
  const today = `${year}-01-10`;
  const make = async (title: string, content: AgreementContent, then: 'sign' | 'review') => {
    const made = await createAgreement(db, actor, 'J101', { title, content }, now, today);
    const signed = await moveAgreement(db, actor, made, { action: 'sign', version: made.version }, now, today);
    if (then === 'review') await moveAgreement(db, actor, signed, { action: 'review', version: signed.version }, now, today);
  };
  const base = { consent: true, secretariat: 'Jobcentret er sekretariat for følgegruppen.', renegotiation: 'Parterne genforhandler aftalen, når en af dem ønsker det, og senest ved revisionen.' };
  await make('Partnerskabsaftale mellem Jobcenter København og LO-a-kasserne', {
    ...base,
    parties: [{ kind: 'unemployment_fund', id: '3f' }, { kind: 'unemployment_fund', id: 'hk' }, { kind: 'unemployment_fund', id: 'foa' }, { kind: 'organisation', code: 'LO' }],
    areas: 'Den tidlige indsats for forsikrede ledige: fælles samtaler og virksomhedsrettede tilbud.',
    target_groups: 'Nyledige forsikrede og forsikrede ledige over 50 år.',
    initiative: 'A-kassen kontakter jobcentret, når et medlem har været ledigt i fire uger.',
    information_exchange: 'CV, jobsøgningsplan og aftaler om tilbud deles via Jobnet, kun med medlemmets samtykke.',
    termination: 'Hver part kan opsige aftalen med tre måneders varsel til udgangen af en måned.',
    in_force: `${year}-01-01`, valid_until: `${year + 2}-12-31`, review_on: `${year + 1}-01-15`,
  }, 'sign');
  await make('Aftale om forpligtende samarbejde om jobrotation med Frederiksberg Kommune', {
    ...base,
    parties: [{ kind: 'organisation', code: 'J147' }, { kind: 'other', name: 'Erhvervsskolen i Hovedstaden' }],
    areas: 'Jobrotation og opkvalificering på tværs af kommunegrænsen.',
    target_groups: 'Ledige faglærte og ufaglærte i begge kommuner.',
    initiative: 'Det jobcenter, hvor virksomheden ligger, tager initiativet over for virksomheden.',
    information_exchange: 'Oplysninger om ledige vikarer udveksles mellem jobcentrene med den lediges samtykke.',
    termination: 'Kommunalbestyrelserne kan hver især opsige aftalen med seks måneders varsel.',
    in_force: `${year - 1}-07-01`, valid_until: `${year + 1}-06-30`, review_on: `${year}-06-01`,
  }, 'review');
}
