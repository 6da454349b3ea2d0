import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { PERMISSION_KEY, PUBLIC_KEY } from '@rd/auth-nest';
import { PERMISSIONS } from '@rd/auth-core';
import { GATEWAY_CONTROLLERS } from './app.module';

/** Every route of the gateway with what it declares, read from the Nest metadata. */
export function routeTable() {
  return GATEWAY_CONTROLLERS.flatMap((controller) => {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
    return Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => (controller.prototype as unknown as Record<string, object>)[name])
      .filter((handler) => Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
      .map((handler) => ({
        controller: controller.name,
        method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number],
        path: `/${base}/${Reflect.getMetadata(PATH_METADATA, handler) as string}`.replace(/\/+$/, '').replace(/\/+/g, '/'),
        permission: Reflect.getMetadata(PERMISSION_KEY, handler) as string | undefined,
        isPublic: Reflect.getMetadata(PUBLIC_KEY, handler) === true,
      }));
  });
}

describe('gateway routes', () => {
  const routes = routeTable();

  it('should find the routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(6);
  });

  it.each(routes.map((route) => [`${route.method} ${route.path}`, route]))('%s should declare a permission or @Public()', (_name, route) => {
    expect(route.isPublic || route.permission !== undefined).toBe(true);
    if (route.permission) expect(PERMISSIONS).toContain(route.permission);
  });

  it('should keep public routes to health only', () => {
    expect(routes.filter((route) => route.isPublic).map((route) => route.path)).toEqual(['/health']);
  });
});
