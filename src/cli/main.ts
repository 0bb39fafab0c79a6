import { join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { readConditionsCsv, runBenchmark, saveConditions } from '../benchmark/index.js';
import { resetDatabase } from '../db/index.js';
import { computeRelease, listReleases } from '../indicators/index.js';
import { generate, importDream } from '../register/index.js';
import { createApiKey, importJobindsats, listApiKeys, registerReleaseTables, revokeApiKey, StatbankService } from '../statbank/index.js';
import { generateAudits } from '../documents/index.js';
import { generateAnalysisReports, generateFollowupReports } from '../followup/index.js';
import { areas } from '../reference/index.js';
import { systemClock } from '../clock.js';
import { createMailer } from '../mail/index.js';
import { Notifier } from '../notifications/index.js';
import { notificationRound } from '../server/index.js';
import { intOption, withDatabase } from './context.js';
import { progressBars } from './progress.js';
import { serve } from './commands/serve.js';
import { userCommands } from './commands/users.js';

const program = new Command('styr').description('Styringshjulet: statistikbank og styring af beskæftigelsesindsatsen').showHelpAfterError();

const month = (name: string) => (v: string) => {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) throw new Error(`--${name} skal være en måned som 2021-01 (fik "${v}")`);
  return v;
};

program
  .command('serve')
  .description('start serveren (API og startside)')
  .option('--demo', 'dan demodata ved første start, hvis databasen er tom', false)
  .action((o: { demo: boolean }) => serve(o));

program
  .command('generate')
  .description('dan et syntetisk register for Danmark')
  .requiredOption('--persons <n>', 'antal personer', intOption('persons', 1))
  .option('--from <måned>', 'første måned', month('from'), '2021-01')
  .option('--to <måned>', 'sidste måned', month('to'), '2025-12')
  .option('--seed <n>', 'frø for tilfældighed', intOption('seed'), 1)
  .requiredOption('--out <mappe>', 'mappe til parquet-filerne')
  .action(async (o: { persons: number; from: string; to: string; seed: number; out: string }) => {
    const bars = progressBars();
    const t0 = performance.now();
    const summary = await generate({ persons: o.persons, from: o.from, to: o.to, seed: o.seed, outDir: resolve(o.out), onProgress: bars.onProgress });
    bars.stop();
    console.log(`Registeret er skrevet til ${resolve(o.out)} på ${((performance.now() - t0) / 1000).toFixed(1)} s`, summary);
  });

const importCmd = program.command('import').description('indlæs data');
importCmd
  .command('dream <fil>')
  .description('omsæt et DREAM-udtræk (kolonner y_ÅÅUU) til registeret')
  .requiredOption('--codes <MAP.csv>', 'kodeliste: code,benefit')
  .requiredOption('--out <mappe>', 'mappe til registeret')
  .option('--funds <AKASSE.csv>', 'a-kassemedlemskaber: person_id,a_kasse[,from_week,to_week]')
  .action(async (file: string, o: { codes: string; out: string; funds?: string }) => {
    const bars = progressBars();
    const r = await importDream({ file: resolve(file), codes: resolve(o.codes), outDir: resolve(o.out), ...(o.funds ? { funds: resolve(o.funds) } : {}), onProgress: bars.onProgress });
    bars.stop();
    const funds = r.memberships === undefined ? '' : `, ${r.memberships} a-kassemedlemskaber${r.membershipsUnknownPerson ? ` (${r.membershipsUnknownPerson} uden person i udtrækket er udeladt)` : ''}`;
    console.log(`Indlæst: ${r.persons} personer, ${r.rows} personuger${funds} → ${resolve(o.out)}`);
  });
importCmd
  .command('jobindsats <filer...>')
  .description('indlæs gemte svar fra Jobindsats API v3 som en udgivelse')
  .requiredOption('--table <id>', 'tabellens id, fx y25i01')
  .option('--notes <tekst>', 'noter til udgivelsen', '')
  .action((files: string[], o: { table: string; notes: string }) =>
    withDatabase(async (db) => {
      const r = await importJobindsats(db.db, { table: o.table, files: files.map((f) => resolve(f)), notes: o.notes });
      console.log(`Udgivelse version ${r.version}: ${r.rows} rækker fra tabel ${o.table}`);
    }),
  );

importCmd
  .command('conditions <fil>')
  .description('indlæs rammevilkår: én række pr. kommune og år (CSV)')
  .action((file: string) =>
    withDatabase(async (db) => {
      const r = await saveConditions(db.db, readConditionsCsv(resolve(file)), file);
      console.log(`Rammevilkår indlæst: ${r.rows} rækker for ${r.years.join(', ')}. Kør \`styr benchmark\` for at beregne benchmarkingen.`);
    }),
  );

program
  .command('benchmark')
  .description('beregn forventede niveauer, klynger og resultatproblemer for en udgivelse')
  .option('--release <version>', 'udgivelsens version (standard: den nyeste)', intOption('release', 1))
  .option('--settings <fil.json>', 'indstillinger (signifikansniveau, tærskler, enhedsomkostninger)')
  .action((o: { release?: number; settings?: string }) =>
    withDatabase(async (db) => {
      let settings: unknown = {};
      if (o.settings) {
        try {
          settings = JSON.parse(readFileSync(resolve(o.settings), 'utf8'));
        } catch (err) {
          throw new Error(`Indstillingerne i ${o.settings} kan ikke læses: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      const r = await runBenchmark(db.db, { release: o.release, settings });
      console.log(
        `Benchmarking ${r.runId} af udgivelse ${r.release}: ${r.jobcenters} jobcentre × ${r.measures} mål × ${r.periods} perioder, ${r.clusters} klynger; ` +
          `resultatproblemer: ${r.flags.new} nye, ${r.flags.lasting} vedvarende, ${r.flags.resolved} løste (beregning ${r.seconds.compute.toFixed(2)} s).`,
      );
      for (const u of r.unavailable) console.log(`  Kan ikke beregnes: ${u.measure}: ${u.reason}`);
    }),
  );

program
  .command('notify')
  .description('send påmindelser om frister og de mails, der venter (straks og daglige/ugentlige oversigter); serveren gør det hvert minut')
  .action(() =>
    withDatabase(async (db, config) => {
      const notifier = new Notifier(db.db, createMailer({ url: config.SMTP_URL, from: config.MAIL_FROM }), systemClock, config.publicUrl);
      const r = await notificationRound(db.db, notifier, systemClock);
      console.log(`${r.reminders} påmindelser, ${r.mails} mails sendt${config.SMTP_URL ? '' : ' (SMTP_URL er ikke sat: ingen mails)'}.`);
    }),
  );

const auditCommand = program.command('audit').description('resultatrevisioner');
auditCommand
  .command('generate')
  .description('dan udkast til resultatrevisionen for alle jobcentre (eller ét) fra udgivelsen og dens benchmarking; gendannelse bevarer det skrevne')
  .requiredOption('--year <år>', 'revisionens år', intOption('year', 2000))
  .option('--release <version>', 'udgivelsens version (standard: den nyeste)', intOption('release', 1))
  .option('--jobcenter <id>', 'kun dette jobcenter, fx J101')
  .action((o: { year: number; release?: number; jobcenter?: string }) =>
    withDatabase(async (db) => {
      const bars = progressBars();
      const t0 = performance.now();
      const r = await generateAudits(db.db, new StatbankService(db.db), { id: null, label: 'styr (kommandolinje)' }, {
        year: o.year,
        release: o.release,
        jobcenters: o.jobcenter ? [o.jobcenter.toUpperCase()] : undefined,
        onProgress: (done, total) => bars.onProgress({ stage: 'Resultatrevisioner', done, total }),
      });
      bars.stop();
      console.log(`Resultatrevisioner ${o.year} fra udgivelse ${r.release}: ${r.created} nye, ${r.updated} gendannet (det skrevne er bevaret), ${r.skipped.length} sprunget over, på ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
      for (const s of r.skipped) console.log(`  ${s.jobcenter}: ${s.reason}; ikke ændret.`);
    }),
  );

const followupCommand = program.command('followup').description('regionens opfølgning på jobcentrene');
followupCommand
  .command('generate')
  .description('dan udkast til kvartalets opfølgningsrapporter for alle jobcentre (eller en region eller ét jobcenter) fra udgivelsen; gendannelse bevarer regionens vurdering')
  .option('--quarter <kvartal>', 'kvartalet, fx 2025Q3 (standard: det nyeste hele kvartal i udgivelsen)')
  .option('--release <version>', 'udgivelsens version (standard: den nyeste)', intOption('release', 1))
  .option('--region <id>', 'kun jobcentrene i denne beskæftigelsesregion, fx B1')
  .option('--jobcenter <id>', 'kun dette jobcenter, fx J101')
  .action((o: { quarter?: string; release?: number; region?: string; jobcenter?: string }) =>
    withDatabase(async (db) => {
      const region = o.region?.toUpperCase();
      if (region && !areas.some((a) => a.id === region && a.level === 'employment_region')) throw new Error(`--region: ${o.region} er ikke en beskæftigelsesregion (B1 til B4).`);
      const jobcenters = o.jobcenter ? [o.jobcenter.toUpperCase()] : region ? areas.filter((a) => a.level === 'jobcenter' && a.municipalities.every((k) => areas.find((r) => r.id === region)!.municipalities.includes(k))).map((a) => a.id) : undefined;
      const bars = progressBars();
      const t0 = performance.now();
      const r = await generateFollowupReports(db.db, new StatbankService(db.db), { id: null, label: 'styr (kommandolinje)' }, {
        quarter: o.quarter,
        release: o.release,
        jobcenters,
        onProgress: (done, total) => bars.onProgress({ stage: 'Opfølgningsrapporter', done, total }),
      });
      bars.stop();
      console.log(`Opfølgningsrapporter ${r.quarter} fra udgivelse ${r.release}: ${r.created} nye, ${r.updated} gendannet (regionens vurdering er bevaret), ${r.skipped.length} sprunget over, på ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
      for (const s of r.skipped) console.log(`  ${s.jobcenter}: ${s.reason}; ikke ændret.`);
    }),
  );

followupCommand
  .command('analysis')
  .description('dan udkast til RBR’s årlige analyserapport for hver beskæftigelsesregion (eller én) fra udgivelsen og benchmarkingen; gendannelse bevarer det skrevne')
  .requiredOption('--year <år>', 'rapportens år (den bygger på året før)', intOption('year', 2000))
  .option('--release <version>', 'udgivelsens version (standard: den nyeste)', intOption('release', 1))
  .option('--region <id>', 'kun denne beskæftigelsesregion, fx B1')
  .action((o: { year: number; release?: number; region?: string }) =>
    withDatabase(async (db) => {
      const r = await generateAnalysisReports(db.db, new StatbankService(db.db), { id: null, label: 'styr (kommandolinje)' }, { year: o.year, release: o.release, regions: o.region ? [o.region.toUpperCase()] : undefined });
      console.log(`Analyserapporter ${o.year} fra udgivelse ${r.release}: ${r.created} nye, ${r.updated} gendannet, ${r.skipped} sprunget over (offentliggjort).`);
    }),
  );

program
  .command('compute <mappe>')
  .description('beregn alle mål for registeret i mappen og udgiv en ny version')
  .option('--notes <tekst>', 'noter til udgivelsen', '')
  .action((dir: string, o: { notes: string }) =>
    withDatabase(async (db, config) => {
      const bars = progressBars();
      const r = await computeRelease({
        registerDir: resolve(dir),
        db: db.db,
        threshold: config.DISCLOSURE_THRESHOLD,
        notes: o.notes,
        tables: registerReleaseTables(),
        workDir: join(config.dataDir, 'work'),
        onProgress: bars.onProgress,
      });
      bars.stop();
      const t = Object.entries(r.timings).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ');
      console.log(`Udgivelse version ${r.release.version} (data til og med ${r.release.cutoff_week}): ${t}`);
    }),
  );

program
  .command('releases')
  .description('vis udgivelserne')
  .action(() =>
    withDatabase(async (db) => {
      for (const r of await listReleases(db.db)) {
        console.log(`${String(r.version).padStart(4)}  ${r.source.padEnd(10)}  ${r.cutoff_week ?? '–'}  ${new Date(r.created_at).toISOString()}  ${r.notes}`);
      }
    }),
  );

const apiKey = program.command('api-key').description('API-nøgler til /v3');
apiKey
  .command('create <navn>')
  .action((name: string) =>
    withDatabase(async (db) => {
      const k = await createApiKey(db.db, name);
      console.log(`Nøgle ${k.id} (${name}). Vises kun nu:\n${k.token}`);
    }),
  );
apiKey.command('list').action(() =>
  withDatabase(async (db) => {
    for (const k of await listApiKeys(db.db)) console.log(`${k.id}\t${k.name}\t${new Date(k.created_at).toISOString()}\t${k.revoked_at ? 'spærret' : 'aktiv'}`);
  }),
);
apiKey
  .command('revoke <id>')
  .action((id: string) =>
    withDatabase(async (db) => {
      await revokeApiKey(db.db, intOption('id', 1)(id));
      console.log(`Nøgle ${id} er spærret`);
    }),
  );

userCommands(program);

const dbCmd = program.command('db').description('databasen');
dbCmd.command('migrate').action(() => withDatabase(async () => console.log('Databasen er opdateret')));
dbCmd.command('reset').action(() =>
  withDatabase(async (db) => {
    await resetDatabase(db.db);
    console.log('Databasen er tømt');
  }),
);

program
  .command('bench')
  .description('kør benchmarks')
  .option('--scale <f>', 'andel af fuld skala (3,9 mio. personer)', (v) => Number(v.replace(',', '.')), 1)
  .action(async (o: { scale: number }) => {
    const { runBenchmarks } = await import('../../bench/run.js');
    await runBenchmarks({ scale: o.scale });
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (!(err instanceof CommanderError)) console.error(`Fejl: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
