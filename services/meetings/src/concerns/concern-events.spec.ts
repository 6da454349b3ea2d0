import { CATALOGUE, type EventDef } from '@rd/contracts';
import { z } from 'zod';
import { FollowUpAction } from '../actions/follow-up-action.entity';
import { actionAssignedPayload, actionStatusChangedPayload } from '../actions/follow-up-action.mapper';
import { Concern } from './concern.entity';
import { concernRecordedPayload, concernUpdatedPayload, sensitivityChangedPayload } from './concern.mapper';

const SECRET_TEXT = 'SECRET-TEXT-7f3a: my neighbour was beaten by a border guard';
const SECRET_ANSWER = 'SECRET-ANSWER-91c2';
const SECRET_NOTE = 'SECRET-NOTE-55de';
const HANDLER = 'handler-sub-0b8e';

function confidentialConcern(): Concern {
  return Object.assign(new Concern(), {
    meetingId: '7d0f4f2e-6c1c-4b7e-9b9f-1b2d3c4e5f60',
    districtCode: 'isfara',
    regionCode: 'sughd',
    topic: 'border-guards',
    sensitivity: 'confidential',
    text: SECRET_TEXT,
    answer: SECRET_ANSWER,
    followUpNeeded: true,
    raiserGender: 'female',
    raiserAgeGroup: 'under-18',
    handlerIds: [HANDLER],
    recordedBy: 'recorder-sub',
  } satisfies Partial<Concern>);
}

function actionOn(concern: Concern): FollowUpAction {
  return Object.assign(new FollowUpAction(), {
    concern,
    ownerOrganisationId: 'a1b2c3d4-0000-4000-8000-000000000001',
    description: SECRET_NOTE,
    dueDate: '2026-12-01',
    status: 'done',
    note: SECRET_NOTE,
    reason: SECRET_NOTE,
    referredTo: SECRET_NOTE,
    createdBy: 'u',
  } satisfies Partial<FollowUpAction>);
}

const MEETINGS_CONCERN_EVENTS = CATALOGUE.filter(
  (def): def is EventDef => def.kind === 'evt' && def.owner === 'meetings' && /^meetings\.evt\.(concern|action)\./.test(def.name),
);

describe('concern and action events', () => {
  const now = new Date('2026-11-24T10:00:00Z');
  const concern = confidentialConcern();
  const action = actionOn(concern);
  // Every payload the service can build for these events, from a concern full of text that must not leak.
  const payloads: Record<string, unknown> = {
    'meetings.evt.concern.recorded.v1': concernRecordedPayload(concern, now),
    'meetings.evt.concern.sensitivity-changed.v1': sensitivityChangedPayload(concern, 'restricted', now),
    'meetings.evt.concern.updated.v1': concernUpdatedPayload(concern, ['text', 'answer', 'raiser', 'handlers'], now),
    'meetings.evt.action.assigned.v1': actionAssignedPayload(action, now),
    'meetings.evt.action.status-changed.v1': actionStatusChangedPayload(action, 'in-progress', { openActionCount: 0, resolved: true }, now),
  };

  it('should build a payload for every concern and action event in the catalogue', () => {
    expect(MEETINGS_CONCERN_EVENTS.map((def) => def.name).sort()).toEqual(Object.keys(payloads).sort());
  });

  it.each(MEETINGS_CONCERN_EVENTS.map((def) => [def.name, def] as const))('%s should serialise without any concern text, answer, raiser, handler or note', (name, def) => {
    const valid = def.schema.parse(payloads[name]);
    const json = JSON.stringify(valid);
    for (const secret of [SECRET_TEXT, 'SECRET-', HANDLER, 'under-18', 'female']) expect(json).not.toContain(secret);
  });

  it.each(MEETINGS_CONCERN_EVENTS.map((def) => [def.name, def] as const))('%s should refuse any extra field, such as text (strict schema)', (name, def) => {
    for (const extra of ['text', 'answer', 'raiser', 'handlerIds', 'note', 'reason']) {
      expect(def.schema.safeParse({ ...(payloads[name] as object), [extra]: SECRET_TEXT }).success).toBe(false);
    }
    const shape = (def.schema as unknown as z.ZodObject<z.ZodRawShape>).shape;
    expect(Object.keys(shape).filter((key) => /text|answer|raiser|handler|note|reason|description/i.test(key))).toEqual([]);
  });
});
