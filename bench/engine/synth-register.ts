import { DuckDBInstance } from '@duckdb/node-api';
const [dir, nStr] = process.argv.slice(2);
const n = Number(nStr);
const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
const c = await inst.connect();
const t0 = performance.now();
await c.run(`CREATE TABLE munis AS SELECT code, row_number() OVER () - 1 AS i FROM read_csv('src/reference/data/municipalities.csv')`);
await c.run(`CREATE TABLE groups AS SELECT * FROM (VALUES (0,'a_dagpenge'),(1,'kontanthjaelp_jobparat'),(2,'kontanthjaelp_aktivitetsparat'),(3,'uddannelseshjaelp'),(4,'integrationsydelse'),(5,'revalidering'),(6,'sygedagpenge'),(7,'jobafklaringsforloeb'),(8,'ressourceforloeb'),(9,'ledighedsydelse'),(10,'fleksjob'),(11,'foertidspension'),(12,'efterloen'),(13,'su')) t(i, id)`);
await c.run(`CREATE TABLE spells AS
  SELECT p AS person_id, s, (random()*300)::INT - 40 AS start, (1 + random()*random()*120)::INT AS len,
         (random()*13.99)::INT AS gi, (random()*97.99)::INT AS mi, (random()*97.99)::INT AS mi2, (random() < 0.1) AS moves, (random()*60)::INT AS moveat
  FROM range(${n}) t(p), range(1 + (random()*3)::INT) u(s)`);
await c.run(`COPY (
  SELECT person_id, DATE '2021-01-04' + (7 * w)::INT AS week, m.code::SMALLINT AS municipality, g.id AS benefit FROM (
    SELECT person_id, w, arg_min(CASE WHEN moves AND w - start > moveat THEN mi2 ELSE mi END, s) AS mi, arg_min(gi, s) AS gi
    FROM (SELECT *, unnest(generate_series(greatest(start,0), least(start+len-1, 260))) AS w FROM spells)
    GROUP BY person_id, w) x
  JOIN munis m ON m.i = x.mi JOIN groups g ON g.i = x.gi
  ORDER BY person_id, week) TO '${dir}/register.parquet' (FORMAT parquet)`);
await c.run(`COPY (SELECT p::INTEGER AS person_id, DATE '1960-01-01' + (random()*14000)::INT AS birth_date, CASE WHEN random()<0.5 THEN 'K' ELSE 'M' END AS gender,
  CASE WHEN random()<0.8 THEN 'dansk' WHEN random()<0.5 THEN 'vestlig' ELSE 'ikke-vestlig' END AS origin FROM range(${n}) t(p)) TO '${dir}/persons.parquet' (FORMAT parquet)`);
await c.run(`COPY (
  SELECT person_id, 'interview' AS kind, DATE '2021-01-04' + (7*(start + 10))::INT AS due_week,
    CASE WHEN random() < 0.9 THEN DATE '2021-01-04' + (7*(start + 8 + (random()*4)::INT))::INT END AS start_week,
    CASE WHEN random() < 0.9 THEN DATE '2021-01-04' + (7*(start + 8 + (random()*4)::INT))::INT END AS end_week
  FROM spells WHERE len > 10 AND start + 10 BETWEEN 0 AND 260
  UNION ALL
  SELECT person_id, ['virksomhedspraktik','loentilskud','vejledning_opkvalificering'][1 + (random()*2.99)::INT] AS kind, NULL::DATE,
    DATE '2021-01-04' + (7*(start + 5))::INT, DATE '2021-01-04' + (7*(start + 5 + (random()*12)::INT))::INT
  FROM spells WHERE len > 20 AND random() < 0.5 AND start + 5 BETWEEN 0 AND 250
  ) TO '${dir}/activities.parquet' (FORMAT parquet)`);
await c.run(`COPY (SELECT m.code::SMALLINT AS municipality, y::SMALLINT AS year, g AS gender, a AS age_band, o AS origin, (100 + random()*5000)::INTEGER AS population, (80 + random()*4000)::INTEGER AS workforce
  FROM munis m, range(2021, 2026) t(y), (VALUES ('K'),('M')) gg(g), (VALUES ('16-24'),('25-29'),('30-39'),('40-49'),('50-59'),('60-66')) aa(a), (VALUES ('dansk'),('vestlig'),('ikke-vestlig')) oo(o))
  TO '${dir}/population.parquet' (FORMAT parquet)`);
console.log((await c.runAndReadAll(`SELECT count(*) FROM '${dir}/register.parquet'`)).getRows(), (performance.now()-t0)/1000);
