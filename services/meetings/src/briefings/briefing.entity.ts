import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { BriefingInput } from '@rd/contracts';
import { randomUUID } from 'node:crypto';

/** One immutable version of a legal briefing; `familyId` ties its versions together. */
@Entity({ tableName: 'briefing' })
@Unique({ properties: ['familyId', 'version'] })
export class Briefing {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  familyId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'json' })
  title!: BriefingInput['title'];

  @Property({ type: 'json' })
  summary!: BriefingInput['summary'];

  @Property({ type: 'json' })
  body!: BriefingInput['body'];

  @Property({ type: 'date' })
  effectiveDate!: string;

  @Property({ type: 'string', length: 100 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
