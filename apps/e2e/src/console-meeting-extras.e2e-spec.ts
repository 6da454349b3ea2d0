import type { ActionView, AttendanceView, BriefingView, CommunityView, ConcernView, ContactView, MeetingAgendaView, MeetingView, OrganisationView, TemplateView } from '@rd/contracts';
import { demoPassword, eventually } from '@rd/testing';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { subjectOf } from './support/concerns';
import { api } from './support/http';
import { planIsfaraMeeting } from './support/planned-meetings';
import { localInput } from './support/wall-clock';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };
const DISTRICT_ZONE = 'Asia/Dushanbe';
// A 1×1 PNG: the smallest real scan the gateway accepts by its magic bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');


/**
 * The meeting page's extras in the console: planning from a handbook template (its agenda shows on the plan step),
 * the sign-in sheet scan on the hold step (stored with its size and hash, refused with the gateway's reason), and
 * the minutes buttons shown only to roles that may use them.
 */
describe('meeting templates, sign-in sheets and minutes buttons in the console', () => {
  let browser: Browser;
  let police: Page;
  let hex: string;
  let community: CommunityView;
  let held: MeetingView;

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `console-meeting-extras-${name}.png`), fullPage: true });
  const consoleAt = (path: string) => `${e2eEnv().consoleUrl}/#/${path}`;

  async function newPage(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, hasTouch: true, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, username, demoPassword());
    return page;
  }

  async function combobox(page: Page, name: RegExp, option: string | RegExp, typed?: string): Promise<void> {
    const input = page.getByRole('combobox', { name });
    await input.click(WAIT);
    if (typed) await input.fill(typed);
    await page.getByRole('option', { name: option }).first().click(WAIT);
  }

  const planMeeting = planIsfaraMeeting;

  const holdMeeting = async (id: string) => {
    for (const to of ['scheduled', 'held']) expect((await api('police.isfara', 'POST', `/meetings/${id}/transitions`, { to })).status).toBe(200);
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    hex = randomBytes(3).toString('hex');
    const created = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Extras village ${hex}`, districtCode: 'isfara', kind: 'village' });
    expect(created.status).toBe(201);
    community = created.body;
    held = await planMeeting(community.id, `Held with a sheet ${hex}`, 20);
    await holdMeeting(held.id);
    browser = await launchChromium();
    police = await newPage('police.isfara');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should create a meeting from the latest version of a handbook template and show its agenda and checklist on the plan step', async () => {
    const templates = await api<TemplateView[]>('police.isfara', 'GET', '/templates');
    expect(templates.status).toBe(200);
    expect(templates.body.length).toBeGreaterThan(0);
    const family = templates.body[0].key;
    const latest = templates.body.filter((t) => t.key === family).reduce((a, b) => (b.version > a.version ? b : a));

    await police.goto(consoleAt('meetings/create'));
    await combobox(police, /^District/, /Isfara/);
    await combobox(police, /^Community/, community.name, community.name);
    await police.locator('input[name="title"]').fill(`From the handbook ${hex}`);
    await police.getByTestId('meeting-starts-at-input').fill(localInput(new Date(Date.now() + 7 * 86_400_000), DISTRICT_ZONE));
    await police.locator('input[name="venueName"]').fill('Jamoat hall');
    await combobox(police, /^Handbook template/, new RegExp(`^${latest.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(version ${latest.version}:`));
    await shot(police, '1-create-from-template');
    await police.getByRole('button', { name: 'Save' }).click();
    await police.waitForURL(/#\/meetings\/[0-9a-f-]+\/show/, WAIT);
    const id = /#\/meetings\/([0-9a-f-]+)\/show/.exec(police.url())?.[1] ?? '';
    // The toast says what happened, and the new meeting says it is a draft until scheduled.
    await police.getByText('Reporting day planned', { exact: true }).waitFor(WAIT);
    await police.getByTestId('meeting-draft-notice').waitFor(WAIT);

    const agenda = await api<MeetingAgendaView>('police.isfara', 'GET', `/meetings/${id}/agenda`);
    expect(agenda.body).toMatchObject({ templateId: latest.id, templateVersion: latest.version });
    expect(agenda.body.items.map((item) => item.title)).toEqual(latest.agenda.map((item) => item.title));
    expect(agenda.body.checklist).toHaveLength(latest.checklist.length);

    const items = police.getByTestId('agenda-items');
    for (const [index, item] of latest.agenda.entries()) {
      await items.getByTestId(`agenda-item-${index + 1}`).filter({ hasText: item.title }).waitFor(WAIT);
    }
    await police.getByTestId('agenda-template').filter({ hasText: `version ${latest.version}` }).waitFor(WAIT);
    for (const step of latest.checklist) {
      await police.getByTestId(`checklist-item-${step.key}`).filter({ hasText: step.title }).waitFor(WAIT);
    }
    // Tick the first preparation step: it shows as done, loses its button, and the server has it.
    const first = latest.checklist[0];
    await police.getByTestId(`checklist-tick-${first.key}`).click();
    await police.getByTestId(`checklist-done-${first.key}`).waitFor(WAIT);
    await police.getByTestId(`checklist-tick-${first.key}`).waitFor({ ...WAIT, state: 'detached' });
    const ticked = await api<MeetingAgendaView>('police.isfara', 'GET', `/meetings/${id}/agenda`);
    expect(ticked.body.checklist.find((item) => item.key === first.key)?.done).toBe(true);
    await shot(police, '2-plan-agenda');

    // Not held yet: the hold step says so and offers no sheet upload (the gateway would refuse it: 409).
    await police.getByRole('tab', { name: 'Hold' }).click();
    await police.getByTestId('hold-step-notice').waitFor(WAIT);
    expect(await police.getByTestId('sign-in-sheet-upload').count()).toBe(0);
  });

  it('should let an NGO plan a meeting it facilitates, naming the NGO and the venue coordinates, and refuse it without the NGO', async () => {
    const ngo = await api<OrganisationView>('ngo.isfara', 'POST', '/organisations', { name: `Facilitators ${hex}`, kind: 'ngo', districtCode: 'isfara' });
    expect(ngo.status).toBe(201);
    const page = await newPage('ngo.isfara');
    await page.goto(consoleAt('meetings/create'));
    await combobox(page, /^District/, /Isfara/);
    await combobox(page, /^Community/, community.name, community.name);
    await page.locator('input[name="title"]').fill(`Facilitated ${hex}`);
    await page.getByTestId('meeting-starts-at-input').fill(localInput(new Date(Date.now() + 9 * 86_400_000), DISTRICT_ZONE));
    await page.locator('input[name="venueName"]').fill('Pasture by the canal');
    await page.locator('input[name="venueLat"]').fill('40.1256');
    await page.locator('input[name="venueLng"]').fill('70.6253');
    await combobox(page, /^Organised by/, 'Police with NGO facilitation');
    // Without the NGO the form says so and nothing is sent.
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Required').first().waitFor(WAIT);
    expect(page.url()).toMatch(/#\/meetings\/create/);
    await combobox(page, /^Facilitating organisation/, ngo.body.name, ngo.body.name);
    await shot(page, '0-create-facilitated');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/meetings\/[0-9a-f-]+\/show/, WAIT);
    const id = /#\/meetings\/([0-9a-f-]+)\/show/.exec(page.url())?.[1] ?? '';
    const saved = await api<MeetingView>('ngo.isfara', 'GET', `/meetings/${id}`);
    expect(saved.body).toMatchObject({ organisedBy: 'police-ngo-facilitated', facilitatingOrganisationId: ngo.body.id, venueLocation: { lat: 40.1256, lng: 70.6253 } });
    // The plan step shows both, and gives the meeting (and, on the district page, the district's meetings) as .ics.
    await page.getByText(ngo.body.name).waitFor(WAIT);
    await page.getByText('40.1256, 70.6253').waitFor(WAIT);
    const ics = async (testId: string) => {
      const [file] = await Promise.all([page.waitForEvent('download', WAIT), page.getByTestId(testId).click()]);
      expect(file.suggestedFilename()).toMatch(/\.ics$/);
      return readFileSync((await file.path()) ?? '', 'utf8');
    };
    const single = await ics('meeting-calendar');
    expect(single).toContain('BEGIN:VCALENDAR');
    expect(single).toContain(`Facilitated ${hex}`);
    await page.goto(consoleAt('districts/isfara/show'));
    expect(await ics('district-calendar')).toContain(`UID:${held.id}@`);
    await page.context().close();
  });

  it('should show on the next meeting what the held one left open (confidential ones only counted) and the officer assigned since', async () => {
    const concerns = `/meetings/${held.id}/concerns`;
    const open = await api<{ id: string }>('police.isfara', 'POST', concerns, { topic: 'water-and-irrigation', sensitivity: 'public', text: `The canal gate ${hex} is broken`, answer: 'The district will send a team', followUpNeeded: true });
    expect(open.status).toBe(201);
    const secret = `Confidential ${hex}`;
    expect((await api('police.isfara', 'POST', concerns, { topic: 'domestic-violence', sensitivity: 'confidential', text: secret, followUpNeeded: true, handlerIds: [await subjectOf('police.isfara')] })).status).toBe(201);
    const unit = await api<OrganisationView>('ngo.isfara', 'POST', '/organisations', { name: `Isfara police post ${hex}`, kind: 'district-police', districtCode: 'isfara' });
    expect(unit.status).toBe(201);
    const action = await api<ActionView>('police.isfara', 'POST', `/concerns/${open.body.id}/actions`, { ownerOrganisationId: unit.body.id, dueDate: '2027-03-31', description: 'Repair the gate' });
    expect(action.status).toBe(201);
    const officer = await api<ContactView>('ngo.isfara', 'POST', '/contacts', { name: `Community police officer ${hex}`, organisationId: unit.body.id, consent: true });
    expect(officer.status).toBe(201);
    // Assigned after the held meeting's day: to be introduced at the next one.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await api('ngo.isfara', 'POST', '/officer-assignments', { communityId: community.id, officerContactId: officer.body.id, policeUnitId: unit.body.id, since: tomorrow })).status).toBe(201);
    const next = await planMeeting(community.id, `Next quarter ${hex}`, 30 * 24 * 60);

    await police.goto(consoleAt(`meetings/${next.id}/show`));
    const carried = police.getByTestId('carry-over-concern').filter({ hasText: `The canal gate ${hex} is broken` });
    await carried.waitFor(WAIT);
    await carried.getByText('Answer given: The district will send a team').waitFor(WAIT);
    await carried.getByTestId('carry-over-action').filter({ hasText: 'due 2027-03-31: Repair the gate' }).waitFor(WAIT);
    await police.getByTestId('carry-over-confidential').filter({ hasText: /: 1$/ }).waitFor(WAIT);
    expect(await police.getByText(secret).count()).toBe(0);
    await police.getByTestId('new-staff-officer').filter({ hasText: `Community police officer ${hex}` }).filter({ hasText: `Serving since ${tomorrow}` }).waitFor(WAIT);
    await shot(police, '2b-carry-over-and-new-staff');
  });

  it('should record the officials of each organisation present and the new staff introduced, and keep them when saved again', async () => {
    const place = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Attendance village ${hex}`, districtCode: 'isfara', kind: 'village' });
    const org = async (user: string, name: string, kind: string, where: Record<string, string>) => {
      const created = await api<OrganisationView>(user, 'POST', '/organisations', { name: `${name} ${hex}`, kind, ...where });
      expect(created.status).toBe(201);
      return created.body;
    };
    const unit = await org('ngo.isfara', 'Police post', 'district-police', { districtCode: 'isfara' });
    const ngo = await org('ngo.isfara', 'Mediators', 'ngo', { districtCode: 'isfara' });
    const jamoat = await org('ngo.isfara', 'Jamoat office', 'local-government', { districtCode: 'isfara' });
    const regional = await org('coordinator', 'Regional border directorate', 'regional-law-enforcement', { regionCode: 'sughd' });
    const officer = await api<ContactView>('ngo.isfara', 'POST', '/contacts', { name: `New inspector ${hex}`, organisationId: unit.id, consent: true });
    expect((await api('ngo.isfara', 'POST', '/officer-assignments', { communityId: place.body.id, officerContactId: officer.body.id, policeUnitId: unit.id })).status).toBe(201);
    const meeting = await planMeeting(place.body.id, `Officials present ${hex}`, 10, {
      venueName: 'Jamoat hall',
      venueType: 'administrative-building',
      organisedBy: 'police-ngo-facilitated',
      policeUnitId: unit.id,
      facilitatingOrganisationId: ngo.id,
      inviteeOrganisationIds: [jamoat.id],
    });
    await holdMeeting(meeting.id);

    await police.goto(consoleAt(`meetings/${meeting.id}/show`));
    await police.getByRole('tab', { name: 'Hold' }).click();
    await police.getByTestId('count-women-from30to59').fill('12');
    await police.getByTestId(`count-officials-${unit.id}`).fill('3');
    await police.getByTestId(`count-officials-${ngo.id}`).fill('1');
    await police.getByTestId(`count-officials-${jamoat.id}`).fill('2');
    // An organisation that came uninvited: added from the region's list.
    await combobox(police, /^Add an organisation that was present/, regional.name, regional.name);
    await police.getByTestId(`count-officials-${regional.id}`).fill('1');
    await police.getByRole('checkbox', { name: officer.body.name }).check();
    await shot(police, '3-attendance-officials');
    await police.getByTestId('attendance-save').click();
    const expected = [
      { organisationId: unit.id, count: 3 },
      { organisationId: ngo.id, count: 1 },
      { organisationId: jamoat.id, count: 2 },
      { organisationId: regional.id, count: 1 },
    ];
    const saved = async () => (await api<AttendanceView>('police.isfara', 'GET', `/meetings/${meeting.id}/attendance`)).body;
    await eventually(async () => expect(await saved()).toMatchObject({ total: 12, staffIntroducedContactIds: [officer.body.id] }), 10_000);
    expect((await saved()).officials).toEqual(expect.arrayContaining(expected));
    expect((await saved()).officials).toHaveLength(4);

    // Opened again and saved with one more attendee: nothing recorded before is lost.
    await police.reload();
    await police.getByRole('tab', { name: 'Hold' }).click();
    await police.getByTestId(`count-officials-${regional.id}`).waitFor(WAIT);
    expect(await police.getByTestId(`count-officials-${unit.id}`).inputValue()).toBe('3');
    await police.getByTestId('count-men-from60').fill('1');
    await police.getByTestId('attendance-save').click();
    await eventually(async () => expect((await saved()).total).toBe(13), 10_000);
    expect((await saved()).officials).toEqual(expect.arrayContaining(expected));
    expect((await saved()).staffIntroducedContactIds).toEqual([officer.body.id]);
  });

  it('should let the police raise a recorded concern to confidential (naming themselves provisional handler), and leave lowering it to the coordinator', async () => {
    const text = `Threats at home ${hex}`;
    const recorded = await api<{ id: string }>('police.isfara', 'POST', `/meetings/${held.id}/concerns`, { topic: 'other', sensitivity: 'public', text });
    expect(recorded.status).toBe(201);
    await police.goto(consoleAt(`meetings/${held.id}/show`));
    await police.getByRole('tab', { name: 'Hold' }).click();
    const card = police.getByTestId(`concern-${recorded.body.id}`);
    await card.waitFor(WAIT);
    // Recorded as public, it turns out to be domestic violence: confidential, away from local government.
    await card.getByTestId('concern-make-confidential').click();
    await card.getByTestId('concern-sensitivity').filter({ hasText: 'Confidential' }).waitFor(WAIT);
    const after = await api<ConcernView>('police.isfara', 'GET', `/concerns/${recorded.body.id}`);
    const me = await subjectOf('police.isfara');
    expect(after.body).toMatchObject({ sensitivity: 'confidential', handlerIds: [me], provisionalHandlerIds: [me] });
    expect((await api('gov.isfara', 'GET', `/concerns/${recorded.body.id}`)).status).toBe(404);
    // Named by themselves, police.isfara reads it but is not offered to lower it (a reader must not
    // become the handler who lowers it); another recorder does not even see it.
    await shot(police, '4-concern-confidential');
    expect(await card.getByTestId('concern-make-restricted').count()).toBe(0);
    expect((await api('police.isfara', 'PATCH', `/concerns/${recorded.body.id}`, { sensitivity: 'restricted' })).status).toBe(403);
    const ngo = await newPage('ngo.isfara');
    await ngo.goto(consoleAt(`meetings/${held.id}/show`));
    await ngo.getByRole('tab', { name: 'Hold' }).click();
    await ngo.getByTestId('concern-list').waitFor(WAIT);
    expect(await ngo.getByText(text).count()).toBe(0);
    await ngo.context().close();
    // The coordinator may lower it.
    const coordinator = await newPage('coordinator');
    await coordinator.goto(consoleAt(`meetings/${held.id}/show`));
    await coordinator.getByRole('tab', { name: 'Hold' }).click();
    const coordinatorCard = coordinator.getByTestId(`concern-${recorded.body.id}`);
    await coordinatorCard.getByTestId('concern-make-restricted').click();
    await coordinatorCard.getByTestId('concern-sensitivity').filter({ hasText: 'Restricted' }).waitFor(WAIT);
    await coordinator.context().close();
    expect((await api<ConcernView>('police.isfara', 'GET', `/concerns/${recorded.body.id}`)).body.sensitivity).toBe('restricted');
  });

  it('should publish a legal briefing and a second version, present it on an agenda item and show where it was presented', async () => {
    const coordinator = await newPage('coordinator');
    await coordinator.goto(consoleAt('briefings/create'));
    await coordinator.locator('input[name="title.en"]').fill(`Grazing abroad ${hex}`);
    await coordinator.locator('textarea[name="summary.en"]').fill('What herders need to cross with their flocks');
    await coordinator.locator('textarea[name="body.en"]').fill('Permits are issued by the district administration.');
    await coordinator.locator('input[name="effectiveDate"]').fill('2027-01-01');
    await coordinator.getByRole('button', { name: 'Save' }).click();
    await coordinator.waitForURL(/#\/briefings\/[0-9a-f-]+\/show/, WAIT);
    const first = /#\/briefings\/([0-9a-f-]+)\/show/.exec(coordinator.url())?.[1] ?? '';
    // The next version, prefilled from the first, with a Russian title added.
    await coordinator.getByTestId('briefing-new-version').click();
    await coordinator.getByTestId('briefing-version-of').waitFor(WAIT);
    expect(await coordinator.locator('input[name="title.en"]').inputValue()).toBe(`Grazing abroad ${hex}`);
    await coordinator.locator('input[name="title.ru"]').fill(`Выпас за рубежом ${hex}`);
    await coordinator.getByRole('button', { name: 'Save' }).click();
    await coordinator.waitForURL((url) => /#\/briefings\/[0-9a-f-]+\/show/.test(url.hash) && !url.hash.includes(first), WAIT);
    const second = (await api<BriefingView>('coordinator', 'GET', `/briefings/${/#\/briefings\/([0-9a-f-]+)\/show/.exec(coordinator.url())?.[1]}`)).body;
    expect(second).toMatchObject({ version: 2, title: { en: `Grazing abroad ${hex}`, ru: `Выпас за рубежом ${hex}` } });
    await coordinator.getByTestId('briefing-versions').getByText(/^Version 1: /).waitFor(WAIT);

    // A meeting from the handbook template: its legal-information item presents the new version.
    const templates = (await api<TemplateView[]>('police.isfara', 'GET', '/templates')).body;
    const template = templates.filter((t) => t.agenda.some((item) => item.kind === 'legal-information')).reduce((a, b) => (b.version > a.version ? b : a));
    const meeting = await planMeeting(community.id, `Legal day ${hex}`, 15, { templateId: template.id });
    const agenda = (await api<MeetingAgendaView>('police.isfara', 'GET', `/meetings/${meeting.id}/agenda`)).body;
    const legal = agenda.items.find((item) => item.kind === 'legal-information');
    await police.goto(consoleAt(`meetings/${meeting.id}/show`));
    await police.getByTestId(`agenda-item-${legal?.position}`).getByRole('combobox').click();
    await police.getByRole('option', { name: `Grazing abroad ${hex} (v2)` }).click();
    await police.getByTestId(`agenda-briefing-attach-${legal?.position}`).click();
    await police.getByTestId(`agenda-briefing-${legal?.position}`).filter({ hasText: `Grazing abroad ${hex} (version 2)` }).waitFor(WAIT);
    expect((await api<MeetingAgendaView>('police.isfara', 'GET', `/meetings/${meeting.id}/agenda`)).body.items.find((item) => item.id === legal?.id)?.briefingId).toBe(second.id);

    // Once the meeting is held, the briefing page says which community received it, and when.
    await holdMeeting(meeting.id);
    await coordinator.reload();
    await coordinator.getByTestId('briefing-delivery').filter({ hasText: community.name }).waitFor(WAIT);
    await shot(coordinator, '5-briefing-delivered');
    await coordinator.context().close();
  });

  it('should attach a PNG sign-in sheet to a held meeting, show its size and SHA-256, and download the same bytes', async () => {
    await police.goto(consoleAt(`meetings/${held.id}/show/hold`));
    await police.getByTestId('sign-in-sheet-upload').waitFor(WAIT);
    await police.getByTestId('sign-in-sheet-input').setInputFiles({ name: 'sign-in-sheet.png', mimeType: 'image/png', buffer: PNG });
    const info = police.getByTestId('sign-in-sheet-info');
    await info.filter({ hasText: `Stored sign-in-sheet.png: ${PNG.length} B, image/png` }).waitFor(WAIT);
    const sha256 = createHash('sha256').update(PNG).digest('hex');
    await expect(police.getByTestId('sign-in-sheet-sha256').textContent()).resolves.toBe(`SHA-256 ${sha256}`);
    await info.filter({ hasText: 'identical to the one on this device' }).waitFor(WAIT);
    await shot(police, '3-sheet-stored');

    const [download] = await Promise.all([police.waitForEvent('download', WAIT), police.getByTestId('sign-in-sheet-download').click()]);
    expect(download.suggestedFilename()).toBe(`sign-in-sheet-${held.id}.png`);
    expect(readFileSync(await download.path()).equals(PNG)).toBe(true);
  });

  it('should refuse a text file renamed .png with the reason in the reader’s language (not the gateway’s English detail), keeping the stored sheet', async () => {
    await police.getByTestId('sign-in-sheet-input').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('Just some notes, not a scan.\n') });
    const problem = police.getByTestId('sign-in-sheet-problem');
    await problem.filter({ hasText: 'Only a JPEG, PNG or PDF file can be attached.' }).waitFor(WAIT);
    await shot(police, '4-sheet-refused');
    // The refused upload replaced nothing: the gateway still serves the PNG.
    const [download] = await Promise.all([police.waitForEvent('download', WAIT), police.getByTestId('sign-in-sheet-download').click()]);
    expect(readFileSync(await download.path()).equals(PNG)).toBe(true);
  });

  it('should show the minutes buttons to the police (Approve explained off for another unit), and to local government neither them nor the sheet upload', async () => {
    await police.goto(consoleAt(`meetings/${held.id}/show/minutes`));
    await police.getByTestId('minutes-approve').waitFor(WAIT);
    await police.getByTestId('minutes-save').waitFor(WAIT);
    // The officer's token names no organisation of this meeting: the button is off and says who approves (ADR 34).
    await police.getByTestId('minutes-approver-refusal').filter({ hasText: /approve/ }).waitFor(WAIT);
    await expect(police.getByTestId('minutes-approve').isDisabled()).resolves.toBe(true);

    const gov = await newPage('gov.isfara');
    await gov.goto(consoleAt(`meetings/${held.id}/show/minutes`));
    await gov.getByTestId('minutes-status').filter({ hasText: 'No minutes yet' }).waitFor(WAIT);
    // Permissions load with the page: give the buttons the time they would need to appear.
    await gov.waitForTimeout(1_000);
    await expect(gov.getByTestId('minutes-approve').count()).resolves.toBe(0);
    await expect(gov.getByTestId('minutes-save').count()).resolves.toBe(0);
    // Readers get the formatted text (none yet), never the markdown editor.
    await expect(gov.getByTestId('minutes-body').count()).resolves.toBe(0);
    await shot(gov, '5-minutes-local-government');

    await gov.getByRole('tab', { name: 'Hold' }).click();
    await gov.getByTestId('sign-in-sheet-download').waitFor(WAIT);
    await expect(gov.getByTestId('sign-in-sheet-upload').count()).resolves.toBe(0);
    const [download] = await Promise.all([gov.waitForEvent('download', WAIT), gov.getByTestId('sign-in-sheet-download').click()]);
    expect(readFileSync(await download.path()).equals(PNG)).toBe(true);
  });
});
