// A scripted POS for the tests: every call goes over real HTTP, and every answer — status and body — is
// checked against the API's own GET /v1/openapi.json (OpenAPI 3.1, JSON Schema 2020-12, via ajv).
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';

export interface PosAnswer {
  status: number;
  body: Record<string, unknown> | null;
}

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
};

export interface PosClient {
  call(
    method: string,
    path: string,
    opts?: { body?: unknown; idem?: string; key?: string | null; raw?: string; contentType?: string },
  ): Promise<PosAnswer>;
  /** How many answers were validated against the document. */
  validated(): number;
}

export async function posClient(
  baseUrl: string,
  key: string,
  fetchImpl: typeof fetch = fetch,
): Promise<PosClient> {
  const docRes = await fetchImpl(`${baseUrl}/v1/openapi.json`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  assert.equal(docRes.status, 200);
  const doc = (await docRes.json()) as Doc;
  assert.equal(doc.openapi, '3.1.0');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ ...doc, $id: 'pos-openapi.json' });
  let count = 0;

  function template(method: string, path: string): { op: Doc['paths'][string][string]; name: string } {
    const bare = path.split('?')[0] ?? path;
    for (const [name, ops] of Object.entries(doc.paths)) {
      const re = new RegExp(`^${name.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      const op = ops[method.toLowerCase()];
      if (re.test(bare) && op) return { op, name };
    }
    throw new Error(`${method} ${path} is not in openapi.json`);
  }

  return {
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = {};
      const key2 = opts.key === undefined ? key : opts.key;
      if (key2 !== null) headers.Authorization = `Bearer ${key2}`;
      if (opts.idem !== undefined) headers['Idempotency-Key'] = opts.idem;
      let body: string | undefined;
      if (opts.raw !== undefined || opts.body !== undefined) {
        body = opts.raw ?? JSON.stringify(opts.body);
        headers['Content-Type'] = opts.contentType ?? 'application/json';
      }
      const res = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      const text = await res.text();
      const parsed = text === '' ? null : (JSON.parse(text) as Record<string, unknown>);
      const { op, name } = template(method, path);
      const spec = op.responses[String(res.status)];
      assert.ok(spec, `${method} ${name} answered ${res.status}, which openapi.json does not list (${text})`);
      const schema = spec.content?.['application/json']?.schema as { $ref?: string } | undefined;
      if (schema?.$ref) {
        const validate = ajv.getSchema(`pos-openapi.json${schema.$ref}`);
        assert.ok(validate, `schema ${schema.$ref}`);
        assert.ok(
          validate(parsed),
          `${method} ${name} ${res.status}: ${ajv.errorsText(validate.errors)} in ${text}`,
        );
      } else if (!spec.content) {
        assert.equal(text, '', `${method} ${name} ${res.status} has no body in openapi.json`);
      }
      count++;
      return { status: res.status, body: parsed };
    },
    validated: () => count,
  };
}
