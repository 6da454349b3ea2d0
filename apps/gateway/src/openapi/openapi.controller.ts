import { Controller, Get, type Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Public } from '@rd/auth-nest';
import { openApiDocument } from './openapi-document';
import { routeTable } from './route-table';

@Controller('openapi.json')
export class OpenApiController {
  private document?: Record<string, unknown>;

  constructor(private readonly discovery: DiscoveryService) {}

  /** The API description, generated from every registered controller and the contract schemas. */
  @Get()
  @Public()
  get(): Record<string, unknown> {
    this.document ??= openApiDocument(
      routeTable(this.discovery.getControllers().map((wrapper) => wrapper.metatype as Type<unknown>)),
    );
    return this.document;
  }
}
