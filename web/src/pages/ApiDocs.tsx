/**
 * API-dokumentation (/api-dokumentation): the two OpenAPI documents the server makes from its
 * routes (GET /v3/openapi.json and GET /api/openapi.json), readable: each API's operations by
 * module, with method, path, a Danish summary, who may use it, its parameters and the fields of
 * its answer (read from the answer's JSON Schema).
 */
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { openApiResponse } from '../../../src/server/shared';
import { api } from '../api';
import { Alert } from '../forms';
import { Layout } from '../Layout';

type Doc = z.output<typeof openApiResponse>;
type Operation = Doc['paths'][string][string];
type Schema = Record<string, unknown>;

const sources = [
  { id: 'v3', url: '/v3/openapi.json', heading: 'Statistikbanken: /v3', intro: 'Det offentlige statistik-API i samme form som Jobindsats\' API version 3. Alle kan bruge det, også fra en browser på et andet websted (CORS, kun GET). Med en API-nøgle (Authorization: Bearer <nøgle>) er der ingen grænse for antallet af forespørgsler.' },
  { id: 'api', url: '/api/openapi.json', heading: 'Appens API: /api', intro: 'Det API, appens sider bruger. Ruter, der kræver login, bruger sessionens cookie (POST /api/session), og ændringer kræver desuden headeren x-csrf-token.' },
] as const;

const methodOrder = ['get', 'post', 'put', 'patch', 'delete', 'options'];

export function ApiDocs() {
  const [docs, setDocs] = useState<Partial<Record<(typeof sources)[number]['id'], Doc>>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    for (const s of sources) api(s.url, openApiResponse).then((d) => setDocs((x) => ({ ...x, [s.id]: d })), (e: Error) => setError(e.message));
  }, []);
  return (
    <Layout title="API-dokumentation">
      <h1>API-dokumentation</h1>
      <p className="font-lead">Styringshjulets data kan hentes maskinelt. Her er begge API&apos;er beskrevet rute for rute; beskrivelsen dannes af serverens egne ruter og deres svarskemaer.</p>
      <p>
        Maskinlæsbart som OpenAPI 3.1: <a href="/v3/openapi.json">/v3/openapi.json</a> og <a href="/api/openapi.json">/api/openapi.json</a>.
      </p>
      {error && <Alert kind="error">{error}</Alert>}
      {sources.map((s) => {
        const doc = docs[s.id];
        return (
          <section key={s.id} aria-labelledby={`api-${s.id}`} className="mt-8">
            <h2 id={`api-${s.id}`}>{s.heading}</h2>
            <p>{s.intro}</p>
            {!doc && !error && <p role="status">Henter beskrivelsen af {s.url.replace('/openapi.json', '')} …</p>}
            {doc && <ApiSection doc={doc} prefix={s.id} />}
          </section>
        );
      })}
    </Layout>
  );
}

function ApiSection({ doc, prefix }: { doc: Doc; prefix: string }) {
  const ops = Object.entries(doc.paths)
    .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })))
    .sort((a, b) => a.path.localeCompare(b.path) || methodOrder.indexOf(a.method) - methodOrder.indexOf(b.method));
  const tags = doc.tags.filter((t) => ops.some((o) => o.op.tags.includes(t.name)));
  const count = ops.filter((o) => o.method !== 'options').length;
  return (
    <>
      <p>
        {count} ruter.{' '}
        {ops.some((o) => o.path.startsWith('/v3'))
          ? <>Fejl svarer som i Jobindsats med status 4xx og <code>{'{ "code", "cause", "request_id" }'}</code> (en ugyldig parameter giver 422) og desuden <code>{'{ "error": { "code", "parameter", "message" } }'}</code>, hvor beskeden er på dansk.</>
          : <>Fejl svarer med status 4xx og <code>{'{ "error": { "code", "message" } }'}</code>, hvor beskeden er på dansk.</>}
      </p>
      <nav aria-label={`Moduler i ${doc.info.title}`}>
        <ul>
          {tags.map((t) => (
            <li key={t.name}>
              <a href={`#${prefix}-${slug(t.name)}`}>{t.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((t) => (
        <section key={t.name} aria-labelledby={`${prefix}-${slug(t.name)}`}>
          <h3 id={`${prefix}-${slug(t.name)}`}>{t.name}</h3>
          {t.description && <p>{t.description}</p>}
          {ops
            .filter((o) => o.op.tags.includes(t.name) && o.method !== 'options')
            .map((o) => (
              <OperationView key={`${o.method} ${o.path}`} path={o.path} method={o.method} op={o.op} doc={doc} preflight={!!doc.paths[o.path]?.options} />
            ))}
        </section>
      ))}
    </>
  );
}

function OperationView({ path, method, op, doc, preflight }: { path: string; method: string; op: Operation; doc: Doc; preflight: boolean }) {
  const name = `${method.toUpperCase()} ${path}`;
  const params = op.parameters ?? [];
  const success = Object.entries(op.responses).filter(([status]) => /^2|^3/.test(status));
  return (
    <article className="mb-6" aria-labelledby={op.operationId}>
      <h4 id={op.operationId} className="h5">
        <code>{name}</code>
      </h4>
      <p className="mb-2">{op.summary}</p>
      {op.description && <p className="mt-0 mb-2 text-small">{op.description}{preflight ? ' Browsere på andre websteder må kalde ruten (CORS).' : ''}</p>}
      {params.length > 0 && (
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption>Parametre til {name}</caption>
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Hvor</th>
                <th scope="col">Påkrævet</th>
                <th scope="col">Beskrivelse</th>
              </tr>
            </thead>
            <tbody>
              {params.map((p) => (
                <tr key={`${p.in} ${p.name}`}>
                  <td><code style={{ whiteSpace: 'nowrap' }}>{typeof p['x-name'] === 'string' ? p['x-name'] : p.name}</code></td>
                  <td>{p.in === 'path' ? 'stien' : p.in === 'query' ? 'forespørgslen' : p.in}</td>
                  <td>{p.required ? 'Ja' : 'Nej'}</td>
                  <td>{p.description ?? typeName(p.schema ?? {}, doc)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {success.map(([status, r]) => {
        const content = Object.entries(r.content ?? {});
        const schema = r.content?.['application/json']?.schema;
        const rows = schema && Object.keys(schema).length ? fields(schema, doc) : [];
        const described = content.some(([, c]) => typeof c.schema?.description === 'string');
        return (
          <div key={status}>
            <p className="mb-2">
              Svar {status}: {r.description}
              {content.length === 1 && !described && <> Indhold: <code>{content[0]![0]}</code>.</>}
            </p>
            {(content.length > 1 || described) && (
              <ul className="mt-0">
                {content.map(([type, c]) => (
                  <li key={type}>
                    <code>{type}</code>{typeof c.schema?.description === 'string' ? `: ${c.schema.description}` : ''}
                  </li>
                ))}
              </ul>
            )}
            {rows.length > 0 && (
              <details className="details">
                <summary className="details-summary">Svarets felter ({rows.length})</summary>
                <div className="details-text">
                  <div className="table--responsive-scroll">
                    <table className="table table--compact">
                      <caption>Felterne i svaret {status} på {name}</caption>
                      <thead>
                        <tr>
                          <th scope="col">Felt</th>
                          <th scope="col">Type</th>
                          <th scope="col">Altid med</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((f) => (
                          <tr key={f.path}>
                            <td><code>{f.path}</code></td>
                            <td>{f.type}</td>
                            <td>{f.required ? 'Ja' : 'Nej'}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </div>
              </details>
            )}
          </div>
        );
      })}
    </article>
  );
}

const slug = (s: string) => s.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The schema a $ref points at in the document's components (or the schema itself). */
function deref(s: Schema, doc: Doc): Schema {
  const ref = s.$ref;
  if (typeof ref !== 'string') return s;
  const name = ref.replace('#/components/schemas/', '');
  return (doc.components.schemas[name] as Schema | undefined) ?? {};
}

const asSchemas = (v: unknown): Schema[] => (Array.isArray(v) ? (v as Schema[]) : []);

/** A schema's type in Danish: "tekst", "liste (hvert element: heltal)", "en af: a, b", "tal eller null". */
function typeName(raw: Schema, doc: Doc): string {
  const s = deref(raw, doc);
  const variants = [...asSchemas(s.anyOf), ...asSchemas(s.oneOf)];
  if (variants.length) return [...new Set(variants.map((v) => typeName(v, doc)))].join(' eller ');
  if ('const' in s) return `altid ${JSON.stringify(s.const)}`;
  if (Array.isArray(s.enum)) return `en af: ${s.enum.map((v) => String(v)).join(', ')}`;
  const t = Array.isArray(s.type) ? (s.type as string[]) : [s.type];
  return t.map((type) => {
    switch (type) {
      case 'string':
        return s.format === 'date-time' ? 'tidspunkt (ISO 8601)' : s.format === 'date' ? 'dato (ÅÅÅÅ-MM-DD)' : 'tekst';
      case 'number':
        return 'tal';
      case 'integer':
        return 'heltal';
      case 'boolean':
        return 'sand/falsk';
      case 'null':
        return 'null';
      case 'array':
        return s.items && typeof s.items === 'object' ? `liste (hvert element: ${typeName(s.items as Schema, doc)})` : 'liste';
      case 'object':
        return s.properties ? 'objekt' : s.additionalProperties && typeof s.additionalProperties === 'object' ? `opslag (nøgle → ${typeName(s.additionalProperties as Schema, doc)})` : 'objekt';
      default:
        return 'vilkårlig værdi';
    }
  }).join(' eller ');
}

interface Field {
  path: string;
  type: string;
  required: boolean;
}

/** The fields of an answer: each property, nested with dots (a list's elements with []). */
function fields(root: Schema, doc: Doc): Field[] {
  const out: Field[] = [];
  const walk = (raw: Schema, prefix: string, depth: number) => {
    if (depth > 6 || out.length > 300) return;
    const s = deref(raw, doc);
    const variants = [...asSchemas(s.anyOf), ...asSchemas(s.oneOf)].map((v) => deref(v, doc)).filter((v) => v.type !== 'null');
    if (variants.length) {
      for (const v of variants) walk(v, prefix, depth + 1);
      return;
    }
    if (s.type === 'array' && s.items && typeof s.items === 'object') return walk(s.items as Schema, `${prefix}[]`, depth + 1);
    const props = s.properties && typeof s.properties === 'object' ? (s.properties as Record<string, Schema>) : null;
    if (!props) return;
    const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    for (const [name, p] of Object.entries(props)) {
      const path = prefix ? `${prefix}.${name}` : name;
      if (!out.some((f) => f.path === path)) out.push({ path, type: typeName(p, doc), required: required.has(name) });
      walk(p, path, depth + 1);
    }
  };
  const top = deref(root, doc);
  if (top.type === 'array') out.push({ path: '[]', type: typeName(top, doc), required: true });
  walk(root, '', 0);
  return out;
}
