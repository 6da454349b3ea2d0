import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { Coordinates } from '@rd/contracts';

@Entity({ tableName: 'region' })
export class Region {
  [OptionalProps]?: 'location';

  @PrimaryKey({ type: 'string', length: 64 })
  code!: string;

  /** ISO 3166-1 alpha-2: the programme spans both sides of the border. */
  @Property({ type: 'string', length: 2 })
  countryCode!: string;

  /** Name per language code (en, ru, tg, ky). */
  @Property({ type: 'json' })
  name!: Record<string, string>;

  @Property({ type: 'json', nullable: true })
  location: Coordinates | null = null;
}
