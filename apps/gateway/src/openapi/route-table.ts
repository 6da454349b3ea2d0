import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { PERMISSION_KEY, PUBLIC_KEY } from '@rd/auth-nest';
import { API_CONTRACT_KEY, type ApiContract } from './api-contract.decorator';

export interface RouteInfo {
  controller: string;
  handler: string;
  method: string;
  /** Path below /api/v1, with `:param` placeholders. */
  path: string;
  permission?: string;
  isPublic: boolean;
  contract?: ApiContract;
}

/** Every route of the given controllers with what it declares, read from the Nest metadata. */
export function routeTable(controllers: readonly Type<unknown>[]): RouteInfo[] {
  return controllers.flatMap((controller) => {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
    const prototype = controller.prototype as Record<string, object>;
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor' && Reflect.getMetadata(PATH_METADATA, prototype[name]) !== undefined)
      .map((name) => {
        const handler = prototype[name];
        return {
          controller: controller.name,
          handler: name,
          method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number],
          path: `/${base}/${Reflect.getMetadata(PATH_METADATA, handler) as string}`.replace(/\/+$/, '').replace(/\/+/g, '/'),
          permission: Reflect.getMetadata(PERMISSION_KEY, handler) as string | undefined,
          isPublic: Reflect.getMetadata(PUBLIC_KEY, handler) === true,
          contract: Reflect.getMetadata(API_CONTRACT_KEY, handler) as ApiContract | undefined,
        };
      });
  });
}
