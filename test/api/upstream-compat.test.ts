/**
 * Our generated document against upstream's (copies in `test/fixtures/upstream-swagger/`, spec/api.md
 * §12–13): for every route the frontend calls, each field upstream's success response promises
 * is a field of our schema, of a compatible type, recursively. The only fields left out are
 * those spec/api.md §6.1 says upstream's serializer never sends (its schema documents them by
 * mistake): extraction objects, `renovation_type` and the rich geste attributes of a check, and
 * the deprecated `value` of a finding.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { startTestApi, type TestApi } from '../support/api-test-server.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
};
type Doc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
};

const UPSTREAM_DIR = new URL('../fixtures/upstream-swagger/', import.meta.url);

/** Routes of §12 that this document serves: [method, our path, upstream path, status]. */
const FRONTEND_ROUTES: [string, string, string, string][] = [
  ['get', '/api/v1/quote_checks/metadata', '/quote_checks/metadata', '200'],
  ['get', '/api/v1/data_checks/geste_types', '/data_checks/geste_types', '200'],
  ['post', '/api/v1/quote_checks', '/quote_checks', '201'],
  ['get', '/api/v1/quote_checks/{id}', '/quote_checks/{id}', '200'],
  ['post', '/api/v1/quotes_cases', '/quotes_cases', '201'],
  ['get', '/api/v1/quotes_cases/{id}', '/quotes_cases/{id}', '200'],
  [
    'post',
    '/api/v1/quote_checks/{quote_check_id}/feedbacks',
    '/quote_checks/{quote_check_id}/feedbacks',
    '201',
  ],
];

/** Documented upstream, never sent by upstream's serializer (spec/api.md §6.1, §6.3). */
const NEVER_SENT = new Set([
  'quote_check.renovation_type',
  'quote_check.private_data_qa_attributes',
  'quote_check.read_attributes',
  'quote_check.qa_attributes',
  'quote_check.gestes[]',
  'quote_check_error_details.value',
]);

function resolve(doc: Doc, schema: Schema): { schema: Schema; name?: string } {
  if (!schema.$ref) return { schema };
  const name = schema.$ref.split('/').at(-1) ?? '';
  const found = doc.components.schemas[name];
  if (!found) throw new Error(`unresolved ${schema.$ref}`);
  return { ...resolve(doc, found), name };
}

/** The variants of a schema: allOf merged, anyOf/oneOf alternatives listed. */
function variants(doc: Doc, schema: Schema): Schema[] {
  const { schema: s } = resolve(doc, schema);
  if (s.anyOf || s.oneOf) return (s.anyOf ?? s.oneOf ?? []).flatMap((v) => variants(doc, v));
  if (s.allOf) {
    const parts = s.allOf.flatMap((v) => variants(doc, v));
    const properties = Object.assign({}, ...parts.map((p) => p.properties ?? {})) as Record<
      string,
      Schema
    >;
    const type = parts.find((p) => p.type)?.type;
    return [
      { ...(type ? { type } : {}), ...(Object.keys(properties).length ? { properties } : {}) },
    ];
  }
  return [s];
}

function typesOf(doc: Doc, schema: Schema): Set<string> {
  const types = new Set<string>();
  for (const v of variants(doc, schema)) {
    for (const t of [v.type ?? []].flat()) types.add(t === 'integer' ? 'number' : t);
    if (v.enum || v.const !== undefined) types.add('string');
    if (v.properties) types.add('object');
  }
  return types;
}

function compare(
  up: Doc,
  ours: Doc,
  upSchema: Schema,
  ourSchema: Schema,
  where: string,
  problems: string[],
  label = where,
): void {
  const upName = resolve(up, upSchema).name ?? label;
  const upVariant = variants(up, upSchema)[0] ?? {};
  const upTypes = typesOf(up, upSchema);
  const ourTypes = typesOf(ours, ourSchema);
  for (const t of upTypes) {
    if (t !== 'null' && ourTypes.size > 0 && !ourTypes.has(t))
      problems.push(`${where}: ${t} upstream, ${[...ourTypes].join('|')} here`);
  }
  for (const [key, child] of Object.entries(upVariant.properties ?? {})) {
    const childLabel = `${upName}.${key}`;
    if (NEVER_SENT.has(childLabel)) continue;
    const ourChild = variants(ours, ourSchema)
      .map((v) => v.properties?.[key])
      .find(Boolean);
    if (!ourChild) {
      problems.push(`${where}.${key}: promised upstream (${childLabel}), absent here`);
      continue;
    }
    compare(up, ours, child, ourChild, `${where}.${key}`, problems, childLabel);
  }
  if (upVariant.items && !NEVER_SENT.has(`${upName}[]`)) {
    const ourItems = variants(ours, ourSchema)
      .map((v) => v.items)
      .find(Boolean);
    if (!ourItems) problems.push(`${where}: array upstream, not here`);
    else compare(up, ours, upVariant.items, ourItems, `${where}[]`, problems, `${upName}[]`);
  }
}

let database: TestDatabase;
let server: TestApi;
let upstream: Doc;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestApi(database);
  const read = (name: string) =>
    parse(
      readFileSync(
        new URL(`mon-devis-sans-oublis_api_v1_${name}_swagger.yaml`, UPSTREAM_DIR),
        'utf8',
      ),
    ) as Doc;
  const partner = read('partner');
  const internal = read('internal');
  upstream = {
    paths: { ...internal.paths, ...partner.paths },
    components: { schemas: { ...internal.components.schemas, ...partner.components.schemas } },
  };
});

afterAll(async () => {
  await server.close();
  await database.drop();
});

describe('our schemas accept every field upstream promises to the frontend', () => {
  it.each(FRONTEND_ROUTES)('%s %s', (method, ourPath, upPath, status) => {
    const ours = server.document as unknown as Doc;
    const upResponse = upstream.paths[upPath]?.[method]?.responses[status];
    const ourResponse = ours.paths[ourPath]?.[method]?.responses[status];
    expect(upResponse?.content?.['application/json']).toBeDefined();
    expect(ourResponse?.content?.['application/json']).toBeDefined();
    const problems: string[] = [];
    compare(
      upstream,
      ours,
      upResponse!.content!['application/json']!.schema,
      ourResponse!.content!['application/json']!.schema,
      `${method.toUpperCase()} ${ourPath}`,
      problems,
    );
    expect(problems).toEqual([]);
  });
});
