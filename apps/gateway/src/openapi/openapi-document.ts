import { ProblemDetailsSchema } from '@rd/contracts';
import { z } from 'zod';
import type { RouteInfo } from './route-table';
import { MIN_IDEMPOTENCY_KEY_LENGTH } from '../idempotency/idempotency-key';

type JsonSchema = Record<string, unknown>;

const schema = (zod: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(zod, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
});

const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'One per user action (a random UUID; at least 16 characters, as it also seals the recorded answer), the same when the action is retried: within 24 h the same user, method, path and key get the first answer again and nothing changes; another body with the key gets 422.',
  schema: { type: 'string', minLength: MIN_IDEMPOTENCY_KEY_LENGTH, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
};

/**
 * OpenAPI 3.1 description of the gateway, built from the route table and the contract schemas, with the
 * permission of each operation as `x-permission`.
 */
export function openApiDocument(routes: readonly RouteInfo[], serverUrl = '/api/v1'): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [...route.path.matchAll(/:(\w+)/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (route.contract?.list) {
      parameters.push(
        { name: 'sort', in: 'query', required: false, schema: { type: 'string', description: 'JSON ["field","ASC"|"DESC"]' } as never },
        { name: 'range', in: 'query', required: false, schema: { type: 'string', description: 'JSON [first,last]' } as never },
        { name: 'filter', in: 'query', required: false, schema: { type: 'string', description: 'JSON object of filters' } as never },
      );
    }
    const success = String(route.contract?.successStatus ?? (route.method === 'POST' ? 201 : 200));
    const responseSchema = route.contract?.response ? schema(route.contract.response, 'output') : { type: 'object' };
    const responses: Record<string, unknown> = {
      [success]: {
        description: 'Success',
        ...(route.contract?.list ? { headers: { 'Content-Range': { schema: { type: 'string' }, description: '<resource> <first>-<last>/<total>' } } } : {}),
        content: route.contract?.produces
          ? { [route.contract.produces]: { schema: { type: 'string' } } }
          : { 'application/json': { schema: route.contract?.list ? { type: 'array', items: responseSchema } : responseSchema } },
      },
      '400': problem('Invalid input; `errors` lists the fields'),
      '429': problem('Too many requests; see Retry-After'),
    };
    if (route.contract?.upload) {
      responses['413'] = problem('The file or its row count is over the limit');
      responses['415'] = problem('Not one of the accepted file types, or not what its type says');
      if (route.method === 'POST' && success === '201') responses['422'] = problem('Nothing was written; `errors` lists the problems by row');
    }
    // Idempotency-Key on every write (docs/adr/0029-idempotency-keys.md), public ones included (ADR 46).
    const keyed = ['POST', 'PUT', 'PATCH'].includes(route.method);
    if (keyed) {
      parameters.push(IDEMPOTENCY_KEY_PARAMETER as never);
      (responses[success] as Record<string, unknown>).headers = {
        ...((responses[success] as { headers?: object }).headers ?? {}),
        'Idempotent-Replayed': { schema: { type: 'string', enum: ['true'] }, description: 'Present when this is the recorded answer to an earlier request with the same Idempotency-Key' },
      };
      responses['409'] ??= problem('A request with this Idempotency-Key is still being processed; retry with the same key');
      responses['422'] = problem(
        [route.contract?.upload && route.method === 'POST' && success === '201' ? 'Nothing was written; `errors` lists the problems by row. ' : '', 'Or: this Idempotency-Key was used with another body'].join(''),
      );
      responses['503'] = problem('A service did not answer in time; with an Idempotency-Key, retry with the same key to get its answer');
    }
    if (!route.isPublic) {
      responses['401'] = problem('Missing or invalid access token');
      responses['403'] = problem('Not allowed for this role or district');
      responses['404'] = problem('Not found, or outside your scope');
    }
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      operationId: `${route.controller.replace(/Controller$/, '')}.${route.handler}`,
      summary: route.contract?.summary ?? route.handler,
      security: route.isPublic ? [] : [{ keycloak: [] }],
      'x-permission': route.isPublic ? 'public' : route.permission,
      parameters,
      ...(route.contract?.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schema(route.contract.body, 'input') } } } }
        : {}),
      ...(route.contract?.upload
        ? { requestBody: { required: true, content: Object.fromEntries(route.contract.upload.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Reporting Days API', version: '1' },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { keycloak: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ProblemDetails: schema(ProblemDetailsSchema, 'output') },
    },
    paths,
  };
}
