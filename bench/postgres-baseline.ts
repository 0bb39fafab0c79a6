/**
 * The PostgreSQL baseline: the core measures (full-time persons and persons by
 * municipality × benefit group × month) in plain SQL on a PostgreSQL server that
 * scripts/pg-server.sh starts, over the same sample our engine computed.
 */
import { execFileSync } from 'node:child_process';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';

export async function loadSampleIntoPostgres(dir: string): Promise<{ url: string; stop: () => void }> {
  const env = execFileSync('bash', ['-c', 'source scripts/pg-server.sh start >/dev/null && echo "$TEST_DATABASE_URL $PG_TEST_DIR"'], { encoding: 'utf8' }).trim();
  const [url, pgDir] = env.split(' ') as [string, string];
  const stop = () => execFileSync('bash', ['scripts/pg-server.sh', 'stop', pgDir]);
  try {
    const inst = await DuckDBInstance.create(':memory:');
    const c = await inst.connect();
    await c.run(`COPY (SELECT * FROM '${dir}/register.parquet') TO '${dir}/register.csv' (HEADER false)`);
    c.closeSync();
    inst.closeSync();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('create table register (person_id integer, week date, municipality smallint, benefit text)');
    await client.end();
    execFileSync('psql', [url, '-q', '-c', `\\copy register from '${dir}/register.csv' csv`]);
    return { url, stop };
  } catch (err) {
    stop();
    throw err;
  }
}

/** Seconds PostgreSQL takes for the core measures (after ANALYZE; the best of two runs). */
export async function corePostgres(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('analyze register');
  const sql = `
    with w as (
      select person_id, municipality, benefit, date_trunc('month', week + 3)::date as month from register
    ), weeks as (
      select date_trunc('month', d + 3)::date as month, count(*) as n
      from (select distinct week as d from register) x group by 1
    )
    select w.municipality, w.benefit, w.month, count(*)::float8 / weeks.n as fulltime, count(distinct w.person_id) as persons
    from w join weeks using (month)
    group by w.municipality, w.benefit, w.month, weeks.n`;
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    await client.query(sql);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  await client.end();
  return best;
}
