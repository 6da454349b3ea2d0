import type { ActionView, AuditEntryView, ConcernReceipt, ConcernView } from '@rd/contracts';
import { eventually } from '@rd/testing';
import { insertHeldMeeting, meetingsAuditRows, subjectOf } from './support/concerns';
import { api } from './support/http';

const SECRET = `Confidential e2e ${Date.now()}: my husband beats me`;

/**
 * Confidential concerns through the gateway with real Keycloak tokens: police.isfara (in scope, not a
 * handler) never sees one; its handler (ngo.isfara, named by Keycloak subject) and the coordinator do, and
 * every such read leaves exactly one audit record from the meetings service.
 */
describe('concerns and sensitivity through the gateway', () => {
  let meetingId: string;
  let handlerSub: string;
  let confidential: ConcernReceipt;

  beforeAll(async () => {
    meetingId = await insertHeldMeeting('isfara', 'sughd');
    handlerSub = await subjectOf('ngo.isfara');
  });

  it('should record a confidential concern for police.isfara, who is not a handler and gets a receipt only', async () => {
    const missing = await api('police.isfara', 'POST', `/meetings/${meetingId}/concerns`, { topic: 'domestic-violence', sensitivity: 'confidential', text: SECRET });
    expect(missing.status).toBe(400);
    const response = await api<ConcernReceipt>('police.isfara', 'POST', `/meetings/${meetingId}/concerns`, {
      topic: 'domestic-violence',
      sensitivity: 'confidential',
      text: SECRET,
      followUpNeeded: true,
      raiser: { gender: 'female', ageGroup: '18-29' },
      handlerIds: [handlerSub],
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), meetingId, topic: 'domestic-violence', sensitivity: 'confidential', readable: false });
    confidential = response.body;
  });

  it('should hide it from police.isfara: 404 on get, only a count in the meeting list', async () => {
    expect((await api('police.isfara', 'GET', `/concerns/${confidential.id}`)).status).toBe(404);
    const list = await api<ConcernView[]>('police.isfara', 'GET', `/meetings/${meetingId}/concerns`);
    expect(list.status).toBe(200);
    expect(list.body.map((c) => c.id)).not.toContain(confidential.id);
    expect(JSON.parse(list.headers.get('x-hidden-concerns') ?? '{}')).toEqual({ public: 0, restricted: 0, confidential: 1 });
    expect(JSON.stringify(list.body)).not.toContain('Confidential e2e');
    expect((await api('reviewer.sughd', 'GET', `/concerns/${confidential.id}`)).status).toBe(404);
    expect((await api('police.batken', 'GET', `/concerns/${confidential.id}`)).status).toBe(404);
    expect((await api('gov.isfara', 'GET', `/concerns/${confidential.id}`)).status).toBe(404);
    expect(await meetingsAuditRows(confidential.id, 'concern:read-confidential')).toEqual([]);
  });

  it('should show it to its handler and to the coordinator, with one audit record per read', async () => {
    const byHandler = await api<ConcernView>('ngo.isfara', 'GET', `/concerns/${confidential.id}`);
    expect(byHandler.status).toBe(200);
    expect(byHandler.body).toMatchObject({ text: SECRET, handlerIds: [handlerSub], raiser: { gender: 'female', ageGroup: '18-29' } });
    expect(await meetingsAuditRows(confidential.id, 'concern:read-confidential')).toHaveLength(1);

    const byCoordinator = await api<ConcernView[]>('coordinator', 'GET', `/meetings/${meetingId}/concerns`);
    expect(byCoordinator.body.find((c) => c.id === confidential.id)?.text).toBe(SECRET);
    const rows = await meetingsAuditRows(confidential.id, 'concern:read-confidential');
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.correlationId).sort()).toEqual(
      [byHandler.headers.get('x-correlation-id'), byCoordinator.headers.get('x-correlation-id')].sort(),
    );

    // The records reach the audit log through JetStream, as the meetings service's own.
    const entries = await eventually(
      async () => {
        const query = new URLSearchParams({ filter: JSON.stringify({ resourceId: confidential.id, action: 'concern:read-confidential' }), range: '[0,9]' });
        const response = await api<AuditEntryView[]>('coordinator', 'GET', `/audit?${query}`);
        if (response.body.length < 2) throw new Error(`only ${response.body.length} audit entries so far`);
        return response.body;
      },
      15000,
      200,
    );
    expect(entries.map((e) => [e.source, e.actor.username, e.method]).sort()).toEqual([
      ['meetings', 'coordinator', 'GET'],
      ['meetings', 'ngo.isfara', 'GET'],
    ]);
  });

  it('should refuse lowering by a non-handler and let the handler lower it (audited)', async () => {
    expect((await api('police.isfara', 'PATCH', `/concerns/${confidential.id}`, { sensitivity: 'public' })).status).toBe(404);
    const restricted = await api<ConcernView>('police.isfara', 'POST', `/meetings/${meetingId}/concerns`, { topic: 'border-guards', sensitivity: 'restricted', text: 'Queues at the crossing' });
    expect(restricted.status).toBe(201);
    const refused = await api<{ errors: { field: string }[] }>('police.isfara', 'PATCH', `/concerns/${restricted.body.id}`, { sensitivity: 'public' });
    expect(refused.status).toBe(403);
    expect(refused.body.errors.map((e) => e.field)).toEqual(['sensitivity']);

    const lowered = await api<ConcernView>('ngo.isfara', 'PATCH', `/concerns/${confidential.id}`, { sensitivity: 'restricted' });
    expect(lowered.status).toBe(200);
    expect(lowered.body.sensitivity).toBe('restricted');
    expect(await meetingsAuditRows(confidential.id, 'concern:lower-sensitivity')).toEqual([{ userId: handlerSub, correlationId: lowered.headers.get('x-correlation-id') }]);
    expect((await api('police.isfara', 'GET', `/concerns/${confidential.id}`)).status).toBe(200);
    // Raised again: police.isfara can raise it (anyone who reads it may) and then loses sight of it.
    expect((await api('police.isfara', 'PATCH', `/concerns/${confidential.id}`, { sensitivity: 'confidential' })).status).toBe(200);
    expect((await api('police.isfara', 'GET', `/concerns/${confidential.id}`)).status).toBe(404);
  });

  it('should keep its follow-up actions as visible as the concern, and complete them with a note', async () => {
    // The owner must be an organisation of the meeting's district (or its region) that the assigner can see.
    const owner = (await api<{ id: string }>('ngo.isfara', 'POST', '/organisations', { name: `Concerns e2e owner ${Date.now()}`, kind: 'local-government', districtCode: 'isfara' })).body.id;
    expect((await api('police.isfara', 'POST', `/concerns/${confidential.id}/actions`, { ownerOrganisationId: owner, dueDate: '2026-12-31' })).status).toBe(404);
    const assigned = await api<ActionView>('ngo.isfara', 'POST', `/concerns/${confidential.id}/actions`, { ownerOrganisationId: owner, dueDate: '2020-12-31' });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toMatchObject({ status: 'open', overdue: true, concernSensitivity: 'confidential' });
    const filter = encodeURIComponent(JSON.stringify({ ownerOrganisationId: owner, overdue: true }));
    expect((await api<ActionView[]>('ngo.isfara', 'GET', `/actions?filter=${filter}`)).body.map((a) => a.id)).toContain(assigned.body.id);
    expect((await api<ActionView[]>('police.isfara', 'GET', `/actions?filter=${filter}`)).body).toEqual([]);
    expect((await api('police.isfara', 'POST', `/actions/${assigned.body.id}/transitions`, { to: 'in-progress' })).status).toBe(404);

    expect((await api('ngo.isfara', 'POST', `/actions/${assigned.body.id}/transitions`, { to: 'in-progress' })).status).toBe(200);
    expect((await api('ngo.isfara', 'POST', `/actions/${assigned.body.id}/transitions`, { to: 'done' })).status).toBe(400);
    const done = await api<ActionView>('ngo.isfara', 'POST', `/actions/${assigned.body.id}/transitions`, { to: 'done', note: 'Referred to the crisis centre and followed up' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', overdue: false });
    const concern = await api<ConcernView>('ngo.isfara', 'GET', `/concerns/${confidential.id}`);
    expect(concern.body).toMatchObject({ actionCount: 1, openActionCount: 0, resolved: true });
  });
});
