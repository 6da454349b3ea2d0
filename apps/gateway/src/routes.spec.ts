import { PERMISSIONS } from '@rd/auth-core';
import { GATEWAY_CONTROLLERS } from './app.module';
import { openApiDocument } from './openapi/openapi-document';
import { routeTable } from './openapi/route-table';

describe('gateway routes', () => {
  const routes = routeTable(GATEWAY_CONTROLLERS);

  it('should find the routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(7);
  });

  it.each(routes.map((route) => [`${route.method} ${route.path}`, route]))('%s should declare a permission or @Public()', (_name, route) => {
    expect(route.isPublic || route.permission !== undefined).toBe(true);
    if (route.permission) expect(PERMISSIONS).toContain(route.permission);
  });

  it.each(routes.filter((route) => !route.isPublic).map((route) => [`${route.method} ${route.path}`, route]))(
    '%s should be documented with its contract',
    (_name, route) => {
      expect(route.contract?.summary).toBeTruthy();
      if (['POST', 'PUT', 'PATCH'].includes(route.method)) expect(route.contract?.body ?? route.contract?.upload).toBeDefined();
    },
  );

  it('should keep public routes to health, the API description, the secret calendar feeds (their URL is the credential, ADR 37) and the resident survey (its code is, ADR 46)', () => {
    expect(routes.filter((route) => route.isPublic).map((route) => `${route.method} ${route.path}`).sort()).toEqual([
      'GET /calendar/feeds/:file',
      'GET /health',
      'GET /openapi.json',
      'GET /public/surveys/:code',
      'POST /public/surveys/:code/answers',
    ]);
  });

  it('should describe every route in OpenAPI with its permission', () => {
    const document = openApiDocument(routes) as { paths: Record<string, Record<string, { 'x-permission': string }>> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => `${method} ${path} ${op['x-permission']}`));
    expect(operations).toContain('post /communities community:create');
    expect(operations).toContain('get /communities/{id} community:read');
    expect(operations.length).toBe(routes.length);
  });
});
