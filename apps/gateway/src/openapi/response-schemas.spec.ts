import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { COMMUNITY_STATUSES } from '@rd/contracts';
import { GATEWAY_CONTROLLERS } from '../app.module';
import { openApiDocument } from './openapi-document';
import { routeTable } from './route-table';

type Responses = Record<string, { content?: Record<string, { schema?: object }> }>;

/** The response schemas of the OpenAPI description are what the fuzz suite (apps/e2e/src/fuzz) checks 2xx bodies against. */
describe('OpenAPI response schemas', () => {
  const document = openApiDocument(routeTable(GATEWAY_CONTROLLERS)) as { paths: Record<string, Record<string, { responses: Responses }>> };
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  const schemaOf = (method: string, path: string) => {
    const responses = document.paths[path][method].responses;
    const success = Object.keys(responses).find((status) => status.startsWith('2')) ?? '200';
    return responses[success].content?.['application/json']?.schema;
  };

  it('compile with ajv (JSON Schema 2020-12) for every operation', () => {
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const method of Object.keys(methods)) {
        const schema = schemaOf(method, path);
        if (schema) expect(() => ajv.compile(schema)).not.toThrow();
      }
    }
  });

  // Fuzz case: GET /reports/districts/isfara-kulundu as the coordinator answered 200 with `id` (the district code,
  // added for react-admin) that the described schema refused: "must NOT have additional properties".
  it('describe the id the district report carries', () => {
    const validate = ajv.compile(schemaOf('get', '/reports/districts/{districtCode}') as object);
    const body = { id: 'isfara', districtCode: 'isfara', regionCode: 'sughd', communities: { total: 0, byStatus: Object.fromEntries(COMMUNITY_STATUSES.map((status) => [status, 0])) }, updatedAt: null };
    expect(validate(body) ? [] : validate.errors).toEqual([]);
  });
});
