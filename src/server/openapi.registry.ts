/**
 * What the OpenAPI documents (openapi.ts) say of each route: a Danish summary, the module it
 * belongs to (the document's tag) and its answer: the response schema `respond()` checks the
 * route's JSON against (the module's responses.ts, reached through its shared.ts door), or the
 * content type it sends when it is not JSON. The routes themselves come from the app's route
 * table (every registered route, whether or not it is named here); test/server/openapi.test.ts
 * fails when a route is missing here or an entry names no route, as the access matrix does.
 *
 * Request bodies are not described field by field: the routes parse them with zod schemas
 * kept inside their route files (a 400 `invalid_field` names the field that is wrong).
 */
import type { z } from 'zod';
import { auditResponse, invitedResponse, organisationsResponse, sessionResponse, userResponse, usersResponse } from '../access/shared.js';
import { jobcenterResponse, overviewResponse, problemsResponse, rankingResponse } from '../benchmark/shared.js';
import { boardResponse, deadlinesResponse, feedTokenResponse, markResponse, milestoneResponse, milestonesResponse } from '../calendar/shared.js';
import { councilResponse, councilsResponse, memberResponse, removedResponse } from '../councils/shared.js';
import { areaTargetsResponse, diffResponse, documentListResponse, documentSummarySchema, documentViewResponse, goalsResponse, goalYearResponse, kindsResponse, versionsResponse } from '../documents/shared.js';
import { analysisResponse, caseResponse, casesResponse, generateResponse, planInputsResponse, quartersResponse, recommendationResponse, reportsResponse } from '../followup/shared.js';
import { accountResponse, accountsResponse, frameResponse, framesResponse } from '../grants/shared.js';
import { agreementFileResponse, agreementResponse, agreementsResponse, agreementVersionsResponse } from '../cooperation/shared.js';
import { commentResponse, hearingResponse, openHearingsResponse, responseVersionsResponse, storedResponse, withdrawnResponse } from '../hearings/shared.js';
import { fileResponse, meetingResponse, meetingsResponse, meetingVersionsResponse } from '../meetings/shared.js';
import { modeResponse, notificationsResponse, readResponse } from '../notifications/shared.js';
import { areasResponse, dataResponse, profileResponse, subjectsResponse, tableResponse, tablesResponse } from '../statbank/shared.js';
import { demoResponse, healthResponse, openApiResponse, releasesResponse } from './responses.js';

/** One route in the documents. */
export interface RouteDoc {
  /** What the route does, in Danish (one line). */
  summary: string;
  /** More, in Danish, where the summary is not enough. */
  description?: string;
  /** The JSON answer's schema (what `respond()` checks it against), with its name in the document's components. */
  response?: readonly [name: string, schema: z.ZodType];
  /** The success status (default 200). */
  status?: 200 | 201 | 204 | 302;
  /** Content types of an answer that is not JSON (or besides it, e.g. CSV), each with a Danish description. */
  content?: Record<string, string>;
  /** Whether the route reads a JSON body (POST, PUT and PATCH do unless false). */
  body?: boolean;
  /** Query parameters (OpenAPI parameter objects); path parameters are read from the path. */
  parameters?: readonly QueryParameter[];
}

/** An OpenAPI query parameter. */
export type QueryParameter = {
  name: string;
  in: 'query';
  description: string;
  required?: boolean;
  schema: Record<string, unknown>;
  style?: 'form';
  explode?: boolean;
  example?: unknown;
  /** How the API page writes a free-form parameter's name, e.g. period.<type>. */
  'x-name'?: string;
};

/** The routes of a module, by "METHOD /path" with OpenAPI's path parameters ({id} where the route table has :id). */
export interface TagDoc {
  tag: string;
  description: string;
  routes: Record<string, RouteDoc>;
}

const json = <S extends z.ZodType>(name: string, schema: S) => [name, schema] as const;
const html = { 'text/html': 'Siden som HTML (til udskrift og skærmlæsere).' };
const pdf = { 'application/pdf': 'Som PDF (vedhæftet fil).' };
const ics = { 'text/calendar': 'En iCalendar-kalender (.ics), som kalenderprogrammer kan abonnere på.' };

/** /api: the app's own API, by module. */
export const apiDocs: TagDoc[] = [
  {
    tag: 'Server',
    description: 'Serverens tilstand, udgivelserne og denne dokumentation.',
    routes: {
      'GET /api/health': { summary: 'Serverens tilstand: database, demo og den nyeste udgivelse.', response: json('health', healthResponse) },
      'GET /api/releases': { summary: 'Alle udgivelser af statistikken, nyeste først.', response: json('releases', releasesResponse) },
      'GET /api/demo': { summary: 'Hvor langt demoens forberedelse ved første start er nået.', response: json('demo', demoResponse) },
      'GET /api/openapi.json': { summary: 'Dette dokument: OpenAPI 3.1-beskrivelsen af /api.', response: json('openapi', openApiResponse) },
    },
  },
  {
    tag: 'Adgang',
    description: 'Log ind og ud, invitationer, organisationer, brugere og ændringsloggen.',
    routes: {
      'GET /api/session': { summary: 'Den aktuelle session: brugeren (eller null), CSRF-token og rettigheder.', response: json('session', sessionResponse) },
      'POST /api/session': { summary: 'Log ind med e-mail og adgangskode (sætter sessionens cookie).', response: json('session', sessionResponse) },
      'DELETE /api/session': { summary: 'Log ud.', status: 204 },
      'POST /api/invitations/{token}': { summary: 'Tag imod en invitation: vælg adgangskode og log ind.', status: 201, response: json('session', sessionResponse) },
      'GET /api/oidc/login': { summary: 'Log ind med organisationens login (OIDC): sender videre til udbyderen.', status: 302 },
      'GET /api/oidc/callback': { summary: 'OIDC-udbyderens svar: logger ind og sender videre i appen.', status: 302 },
      'GET /api/organisations': { summary: 'Organisationerne (at vælge imellem).', response: json('organisations', organisationsResponse) },
      'GET /api/users': { summary: 'Brugerne (inden for eget område for regional opfølgning).', response: json('users', usersResponse) },
      'POST /api/users': { summary: 'Invitér en bruger (e-mail, navn, organisation, rolle).', status: 201, response: json('invited', invitedResponse) },
      'PATCH /api/users/{id}': { summary: 'Ret en brugers rolle eller organisation, eller deaktivér brugeren.', response: json('user', userResponse) },
      'GET /api/audit': { summary: 'Ændringsloggen, nyeste først (limit, before).', response: json('audit', auditResponse) },
    },
  },
  {
    tag: 'Statistik',
    description: 'Jobcenterprofiler og områderne (offentlig statistik).',
    routes: {
      'GET /api/profile/{area}': { summary: 'Et områdes profil: nøgletal, udvikling pr. ydelsesgruppe og sammenlignelige områder.', response: json('profile', profileResponse) },
      'GET /api/areas': { summary: 'Områderne: land, regioner, beskæftigelsesregioner, jobcentre og kommuner.', response: json('areas', areasResponse) },
    },
  },
  {
    tag: 'Benchmarking',
    description: 'Forventede niveauer, rangering, klynger og resultatproblemer.',
    routes: {
      'GET /api/benchmark': { summary: 'Den nyeste (eller valgte) benchmarkingkørsel: mål, perioder, modeller og klynger.', response: json('benchmarkOverview', overviewResponse) },
      'GET /api/benchmark/ranking': { summary: 'Alle jobcentre på et mål i en periode: rangering og forventet niveau.', response: json('benchmarkRanking', rankingResponse) },
      'GET /api/benchmark/jobcenters/{id}': { summary: 'Et jobcenters benchmarking på alle mål.', response: json('benchmarkJobcenter', jobcenterResponse) },
      'GET /api/benchmark/problems': { summary: 'Resultatproblemer med deres belæg (inden for eget område).', response: json('benchmarkProblems', problemsResponse) },
    },
  },
  {
    tag: 'Styringsdokumenter',
    description: 'Ministermål, beskæftigelsesplaner, resultatrevisioner og andre styringsdokumenter med deres mål.',
    routes: {
      'GET /api/goals': { summary: 'Ministermålene pr. år.', response: json('goals', goalsResponse) },
      'PUT /api/goals/{year}': { summary: 'Offentliggør et års ministermål.', response: json('goalYear', goalYearResponse) },
      'GET /api/document-kinds': { summary: 'Dokumenttyperne og deres afsnit.', response: json('documentKinds', kindsResponse) },
      'GET /api/documents': { summary: 'Dokumenterne, brugeren kan se (area, kind, year).', response: json('documentList', documentListResponse) },
      'POST /api/documents': { summary: 'Opret et dokument (type, område, år).', status: 201, response: json('documentSummary', documentSummarySchema) },
      'GET /api/documents/{id}': { summary: 'Et dokument med indhold, mål og status.', response: json('documentView', documentViewResponse) },
      'PUT /api/documents/{id}': { summary: 'Gem et dokuments indhold (med dets version).', response: json('documentSummary', documentSummarySchema) },
      'POST /api/documents/{id}/transitions': { summary: 'Flyt et dokument til næste tilstand (f.eks. i høring, godkendt, offentliggjort).', response: json('documentSummary', documentSummarySchema) },
      'PUT /api/documents/{id}/comments': { summary: 'Skriv LBR\'s eller regionens bemærkninger.', response: json('documentSummary', documentSummarySchema) },
      'POST /api/documents/{id}/regenerate': { summary: 'Dan et genereret dokuments indhold igen fra den nyeste udgivelse.', response: json('documentSummary', documentSummarySchema) },
      'GET /api/documents/{id}/versions': { summary: 'Et dokuments versioner.', response: json('documentVersions', versionsResponse) },
      'GET /api/documents/{id}/diff': { summary: 'Forskellen mellem to versioner (from, to).', response: json('documentDiff', diffResponse) },
      'GET /api/documents/{id}/html': { summary: 'Dokumentet som HTML.', content: html },
      'GET /api/documents/{id}/pdf': { summary: 'Dokumentet som PDF.', content: pdf },
      'GET /api/targets': { summary: 'Alle synlige mål i et område med status mod den nyeste udgivelse (area, year).', response: json('areaTargets', areaTargetsResponse) },
      'POST /api/audits/generate': { summary: 'Dan udkast til alle jobcentres resultatrevisioner for et år.', content: { 'application/json': 'Hvad der blev dannet (uden skema).' } },
    },
  },
  {
    tag: 'Opfølgning',
    description: 'Regionernes opfølgning: kvartalsrapporter, analyserapporter, sager om resultatproblemer og LBR\'s indstillinger.',
    routes: {
      'GET /api/followup/quarters': { summary: 'Kvartalerne, der kan følges op på, og regionerne.', response: json('followupQuarters', quartersResponse) },
      'GET /api/followup/plan-inputs': { summary: 'Hvad et jobcenters plan bygger på: ministermål, resultatrevision og analyserapport (jobcenter, year).', response: json('planInputs', planInputsResponse) },
      'POST /api/followup/analysis': { summary: 'Dan en regions analyserapport for et år.', response: json('analysisReports', analysisResponse) },
      'GET /api/followup/reports': { summary: 'En regions opfølgningsrapporter for et kvartal (quarter, region).', response: json('followupReports', reportsResponse) },
      'POST /api/followup/reports': { summary: 'Dan kvartalets opfølgningsrapporter.', response: json('followupGenerated', generateResponse) },
      'GET /api/followup/cases': { summary: 'Sager om resultatproblemer og indstillinger, brugeren følger (area).', response: json('followupCases', casesResponse) },
      'POST /api/followup/cases': { summary: 'Åbn en sag om et resultatproblem.', status: 201, response: json('followupCase', caseResponse) },
      'GET /api/followup/cases/{id}': { summary: 'En sag med dens trin og udvikling.', response: json('followupCase', caseResponse) },
      'POST /api/followup/cases/{id}/steps': { summary: 'Tilføj et trin til en sag.', response: json('followupCase', caseResponse) },
      'POST /api/followup/cases/{id}/close': { summary: 'Luk en sag.', response: json('followupCase', caseResponse) },
      'POST /api/followup/recommendations': { summary: 'LBR\'s indstilling til RBR om særligt fokus.', status: 201, response: json('recommendation', recommendationResponse) },
      'POST /api/followup/recommendations/{id}/answer': { summary: 'Regionens svar på en indstilling.', response: json('recommendation', recommendationResponse) },
    },
  },
  {
    tag: 'Høringer',
    description: 'Høringer over dokumenter: kommentarer og høringssvar.',
    routes: {
      'GET /api/documents/{id}/hearing': { summary: 'Høringen over et dokument: den hørte version, kommentarer og svar.', response: json('hearing', hearingResponse) },
      'POST /api/hearings/{id}/comments': { summary: 'Kommentér i en høring.', status: 201, response: json('hearingComment', commentResponse) },
      'DELETE /api/hearings/{id}/comments/{comment}': { summary: 'Træk en kommentar tilbage.', response: json('hearingWithdrawn', withdrawnResponse) },
      'PUT /api/hearings/{id}/responses/{code}': { summary: 'Gem et udkast til et organs høringssvar.', response: json('hearingStored', storedResponse) },
      'POST /api/hearings/{id}/responses/{code}/adopt': { summary: 'Vedtag et organs høringssvar.', response: json('hearingStored', storedResponse) },
      'GET /api/hearings/{id}/responses/{code}/versions': { summary: 'Et høringssvars versioner.', response: json('hearingResponseVersions', responseVersionsResponse) },
      'GET /api/hearings': { summary: 'Åbne høringer, brugeren kan deltage i.', response: json('openHearings', openHearingsResponse) },
    },
  },
  {
    tag: 'Råd',
    description: 'Rådene (LBR, RBR, BER), deres medlemmer og milepæle.',
    routes: {
      'GET /api/councils': { summary: 'Rådene (type, area).', response: json('councils', councilsResponse) },
      'GET /api/councils/{code}': { summary: 'Et råd med sammensætning og medlemmer på en dato (date).', response: json('council', councilResponse) },
      'POST /api/councils/{code}/members': { summary: 'Tilføj et medlem.', status: 201, response: json('councilMember', memberResponse) },
      'PUT /api/councils/{code}/members/{id}': { summary: 'Ret et medlem (med dets version).', response: json('councilMember', memberResponse) },
      'DELETE /api/councils/{code}/members/{id}': { summary: 'Fjern et medlem (version).', response: json('councilMemberRemoved', removedResponse) },
      'GET /api/councils/{code}/milestones': { summary: 'Rådets milepæle.', response: json('milestones', milestonesResponse) },
      'POST /api/councils/{code}/milestones': { summary: 'Tilføj en milepæl.', status: 201, response: json('milestone', milestoneResponse) },
      'DELETE /api/councils/{code}/milestones/{id}': { summary: 'Fjern en milepæl.', status: 204 },
      'GET /api/councils/{code}/grants': { summary: 'Et LBR\'s rammer for LBR-midlerne, år for år (offentlige).', response: json('grantFrames', framesResponse) },
      'PUT /api/councils/{code}/grants/{year}': { summary: 'Sæt et LBR\'s ramme for et år (landsadministratorer; med rammens version, når den findes).', response: json('grantFrame', frameResponse) },
      'GET /api/grants/plans/{id}/accounts': { summary: 'En vedtaget handleplans initiativer med bevilget, forbrug, evaluering og regnskab.', response: json('grantAccounts', accountsResponse) },
      'GET /api/grants/plans/{id}/accounts.xlsx': { summary: 'Regnskabet for LBR-midlerne som Excel-fil.', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Regnskabet (kroner som tal).' } },
      'GET /api/grants/plans/{id}/accounts.pdf': { summary: 'Regnskabet for LBR-midlerne som PDF.', content: pdf },
      'PUT /api/grants/plans/{id}/accounts/{initiative}': { summary: 'Gem et initiativs regnskab (rådets sekretariat; med versionen).', response: json('grantAccount', accountResponse) },
    },
  },
  {
    tag: 'Samarbejdsaftaler',
    description: 'Jobcentrenes skriftlige samarbejdsaftaler med a-kasser, faglige organisationer, andre kommuner m.fl.',
    routes: {
      'GET /api/cooperation': { summary: 'Et jobcenters samarbejdsaftaler (jobcenter); offentligheden ser alle undtagen kladderne, en aftale under revision som den blev underskrevet.', response: json('cooperationAgreements', agreementsResponse) },
      'POST /api/cooperation': { summary: 'Opret en samarbejdsaftale som kladde (jobcentrets redaktører).', status: 201, response: json('cooperationAgreement', agreementResponse) },
      'GET /api/cooperation/{id}': { summary: 'En samarbejdsaftale.', response: json('cooperationAgreement', agreementResponse) },
      'PUT /api/cooperation/{id}': { summary: 'Gem en kladde eller en aftale under revision (med versionen).', response: json('cooperationAgreement', agreementResponse) },
      'POST /api/cooperation/{id}/transitions': { summary: 'Underskriv, tag under revision eller opsig (action, version).', response: json('cooperationAgreement', agreementResponse) },
      'GET /api/cooperation/{id}/versions': { summary: 'Aftalens versioner.', response: json('cooperationAgreementVersions', agreementVersionsResponse) },
      'POST /api/cooperation/{id}/files': { summary: 'Vedhæft et dokument (base64; højst 10 MB).', status: 201, response: json('cooperationAgreementFile', agreementFileResponse) },
      'GET /api/cooperation/{id}/files/{file}': { summary: 'Et vedhæftet dokument.', content: { 'application/octet-stream': 'Filen med dens egen indholdstype (vedhæftet).' } },
    },
  },
  {
    tag: 'Møder',
    description: 'Rådenes møder: dagsordener, referater og filer.',
    routes: {
      'GET /api/councils/{code}/meetings': { summary: 'Et råds møder.', response: json('meetings', meetingsResponse) },
      'POST /api/councils/{code}/meetings': { summary: 'Opret et møde med dagsordenens punkter.', status: 201, response: json('meeting', meetingResponse) },
      'GET /api/meetings/{id}': { summary: 'Et møde med de punkter, brugeren må se.', response: json('meeting', meetingResponse) },
      'PUT /api/meetings/{id}': { summary: 'Gem et møde (med dets version).', response: json('meeting', meetingResponse) },
      'POST /api/meetings/{id}/publish': { summary: 'Offentliggør dagsordenen eller referatet.', response: json('meeting', meetingResponse) },
      'GET /api/meetings/{id}/versions': { summary: 'Et mødes versioner.', response: json('meetingVersions', meetingVersionsResponse) },
      'POST /api/meetings/{id}/files': { summary: 'Vedhæft en fil (base64).', status: 201, response: json('meetingFile', fileResponse) },
      'GET /api/meetings/{id}/files/{file}': { summary: 'En vedhæftet fil.', content: { 'application/octet-stream': 'Filen med dens egen indholdstype (vedhæftet).' } },
      'GET /api/meetings/{id}/html': { summary: 'Dagsordenen eller referatet som HTML (what).', content: html },
      'GET /api/meetings/{id}/pdf': { summary: 'Dagsordenen eller referatet som PDF (what).', content: pdf },
    },
  },
  {
    tag: 'Årshjul',
    description: 'Årshjulet: frister, trin og kalenderabonnementer.',
    routes: {
      'GET /api/calendar': { summary: 'Årshjulet for et område og år (area, year).', response: json('calendarBoard', boardResponse) },
      'PUT /api/calendar/deadlines/{year}': { summary: 'Ret et års lovbestemte frister.', response: json('deadlines', deadlinesResponse) },
      'PUT /api/calendar/eras/{year}': { summary: 'Lad et år følge en anden periodes regler (lbr, rar, rbr) eller lovens igen (null).', response: json('deadlines', deadlinesResponse) },
      'POST /api/calendar/steps': { summary: 'Markér et trin i årshjulet som udført.', response: json('calendarMark', markResponse) },
      'DELETE /api/calendar/steps': { summary: 'Fjern markeringen af et trin.', response: json('calendarMark', markResponse) },
      'GET /api/calendar/feeds/organisations/{code}.ics': { summary: 'En organisations kalender (offentlig).', content: ics },
      'POST /api/calendar/feed-token': { summary: 'En ny hemmelig adresse til brugerens egen kalender.', body: false, response: json('feedToken', feedTokenResponse) },
      'GET /api/calendar/feeds/me/{token}.ics': { summary: 'Brugerens egen kalender (den hemmelige adresse).', content: ics },
    },
  },
  {
    tag: 'Notifikationer',
    description: 'Brugerens notifikationer og valg af mail.',
    routes: {
      'GET /api/notifications': { summary: 'Brugerens notifikationer og mailvalg.', response: json('notifications', notificationsResponse) },
      'POST /api/notifications/read': { summary: 'Markér notifikationer som læst (ids, eller alle).', response: json('notificationsRead', readResponse) },
      'PUT /api/notifications/mode': { summary: 'Vælg hvornår notifikationer sendes som mail.', response: json('notifyMode', modeResponse) },
    },
  },
];

/**
 * /v3's query parameters, as src/statbank/table.describe.ts explains them in every /v3/table
 * response (`query`). The parameters named by a table's own ids (period.<type>,
 * hierarchy.<id>, dimension.<id>, mgroup.<id>) are free-form parameters: an object whose
 * properties are the parameters themselves (style form, explode), named by a pattern.
 */
const selectorValue = { type: 'string', description: '* (alle), / (i alt), level:<niveau> eller en kommasepareret liste af id\'er.' };
const release: QueryParameter = { name: 'release', in: 'query', description: 'Udgivelsesnummer; standard: den nyeste udgivelse med tabellen.', schema: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' }, example: '1' };
const jsonOnly: QueryParameter = { name: 'format', in: 'query', description: 'Kun json (standard).', schema: { type: 'string', enum: ['json'] }, example: 'json' };
const dataParameters: QueryParameter[] = [
  {
    name: 'period',
    'x-name': 'period.<type>',
    in: 'query',
    style: 'form',
    explode: true,
    description: 'period.<type>: perioder af en periodetype (tabellens perioder står i GET /v3/table/{id}; f.eks. period.M for måneder, period.Q for kvartaler, period.Y for år): latest:N (de N seneste), * (alle) eller en kommasepareret liste af periode-id\'er. Flere periodetyper kan kombineres. Standard: alle perioder af tabellens første periodetype.',
    schema: { type: 'object', propertyNames: { pattern: '^period\\.[A-Za-z0-9_]+$' }, additionalProperties: { type: 'string', description: 'latest:N, * eller en kommasepareret liste af perioder.' } },
    example: { 'period.M': 'latest:14' },
  },
  {
    name: 'hierarchy',
    'x-name': 'hierarchy.<id>',
    in: 'query',
    style: 'form',
    explode: true,
    description: 'hierarchy.<id>: områder (eller en dimensions værdier) i et hierarki; hierarkierne og deres parameter står i dimensions[].hierarchies[].parameter i GET /v3/table/{id}. Værdien er * (alle på nederste niveau), / (i alt: Hele landet), level:<niveau> eller en kommasepareret liste af id\'er. Flere hierarkier kan kombineres. Standard: / (Hele landet), eller alle områder i en tabel uden landstal.',
    schema: { type: 'object', propertyNames: { pattern: '^hierarchy\\.[A-Za-z0-9_\\-]+$' }, additionalProperties: selectorValue },
    example: { 'hierarchy._nykom': '*' },
  },
  {
    name: 'dimension',
    'x-name': 'dimension.<id>',
    in: 'query',
    style: 'form',
    explode: true,
    description: 'dimension.<id>: værdier af en dimension (dimensions[].parameter i GET /v3/table/{id}): * (alle), / (i alt), level:<niveau> eller en kommasepareret liste af value_id. Standard: / (i alt). Køn, alder og herkomst er marginale: en række har højst én af dem forskellig fra i alt.',
    schema: { type: 'object', propertyNames: { pattern: '^dimension\\.[A-Za-z0-9_\\-]+$' }, additionalProperties: selectorValue },
    example: { 'dimension.ydelsesgrupper': '*' },
  },
  {
    name: 'mgroup',
    'x-name': 'mgroup.<id>',
    in: 'query',
    style: 'form',
    explode: true,
    description: 'mgroup.<id>: målgrupper (tabellens kolonner; mgroups[].mgroup_id i GET /v3/table/{id}): mgroup.*=* (alle), mgroup.*=<id>,<id> eller mgroup.<id>=* (kan gentages). Standard: alle.',
    schema: { type: 'object', propertyNames: { pattern: '^mgroup(\\.[A-Za-z0-9_*\\-]+)?$' }, additionalProperties: { type: 'string', description: '* eller en kommasepareret liste af id\'er.' } },
    example: { 'mgroup.*': '*' },
  },
  { name: 'format', in: 'query', description: 'json (standard), csv (semikolon, decimalkomma, UTF-8 med BOM; undertrykte værdier er tomme felter) eller xlsx (Excel).', schema: { type: 'string', enum: ['json', 'csv', 'xlsx'], default: 'json' }, example: 'csv' },
  release,
  { name: 'include', in: 'query', description: 'include=status tilføjer kolonnen Status (published, primary, secondary, unavailable) til hver række; JSON har desuden altid status ved siden af rows.', schema: { type: 'string', enum: ['status'] }, example: 'status' },
  { name: 'periodformat', in: 'query', description: 'Hvordan rækkerne skriver kvartaler og år: jobindsats (2024Q04, 2024Y01) eller styr (2024Q4, 2024). Standard: som forespørgslen taler (Jobindsats\' egne id\'er giver Jobindsats\' perioder).', schema: { type: 'string', enum: ['jobindsats', 'styr'] }, example: 'jobindsats' },
];

/** /v3: the statistics bank, shaped like Jobindsats' API v3. */
export const v3Docs: TagDoc[] = [
  {
    tag: 'Statistikbanken',
    description: 'Emner, tabeller, tabellernes beskrivelse og data, som i Jobindsats\' API version 3. Åben for alle; med en API-nøgle (Authorization: Bearer <nøgle>) uden grænse for antal forespørgsler.',
    routes: {
      'GET /v3/subjects': { summary: 'Emnerne: subject_id og subject_name.', parameters: [jsonOnly, release], response: json('subjects', subjectsResponse) },
      'GET /v3/tables': { parameters: [jsonOnly, release], summary: 'Tabellerne pr. emne og tabelgruppe, hver med den udgivelse, der har dens nyeste version.', response: json('tables', tablesResponse) },
      'GET /v3/table/{id}': { parameters: [jsonOnly, release], summary: 'En tabels beskrivelse: mål (mgroups), dimensioner, hierarkier, perioder og hjælp til forespørgslen.', response: json('table', tableResponse) },
      'GET /v3/data/{id}': {
        summary: 'En tabels tal for de valgte perioder, områder, dimensioner og målgrupper.',
        description: 'Vælg med parametrene nedenfor; tabellens egne id\'er står i GET /v3/table/{id} (dimensions[].hierarchies[].parameter, mgroups[].mgroup_id, periods), og dens felt query forklarer hver parameter. Svaret har headeren X-Release.',
        parameters: dataParameters,
        response: json('data', dataResponse),
        content: {
          'text/csv': 'format=csv: semikolonsepareret, decimalkomma, UTF-8 med BOM (vedhæftet fil).',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'format=xlsx: et Excel-regneark (vedhæftet fil).',
        },
      },
      'OPTIONS /v3/*': { summary: 'CORS-forhåndsforespørgsel fra en browser: svarer 204 med de tilladte metoder (GET) og headere.', status: 204 },
      'GET /v3/openapi.json': { summary: 'Dette dokument: OpenAPI 3.1-beskrivelsen af /v3.', response: json('openapi', openApiResponse) },
    },
  },
];
