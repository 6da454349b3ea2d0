import type { ContactCardView } from '@rd/contracts';
import { pdfText } from '@rd/testing';
import { locateMinutesFonts } from '../minutes/minutes-pdf';
import { cardText, CONTACT_CARD_TEXTS, contactCardPdf } from './contact-card-pdf';

const fonts = locateMinutesFonts();
const unit = { id: '7d0c0f57-3d7b-4e0e-9a49-3f1b7b7c1a01', name: 'ОВД района Исфара', dutyPhone: '+992343100102' };
const card = (officers: ContactCardView['officers'], language: ContactCardView['language'] = 'tg'): ContactCardView => ({
  communityId: '7d0c0f57-3d7b-4e0e-9a49-3f1b7b7c1a02',
  communityName: 'Хоҷа Аъло',
  language,
  policeUnit: unit,
  officers,
});
const officer = (name: string, workPhone: string) => ({ contactId: '7d0c0f57-3d7b-4e0e-9a49-3f1b7b7c1a03', name, position: 'Нозири минтақавӣ', workPhone, policeUnit: unit });
/** The card's text with wrapped lines joined again. */
const textOf = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, ' ');
const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe(contactCardPdf.name, () => {
  it('should print one A6 page per officer, in the community’s language, with the work phone and the unit’s duty number', async () => {
    const pdf = await contactCardPdf(card([officer('Саидов Фарҳод', '+992927555001'), officer('Раҳимов Ҷамшед', '+992927555002')]), fonts);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages(pdf)).toBe(2);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 297.64 419.53]');
    const text = textOf(pdf);
    for (const expected of ['Нозири минтақавии милитсияи шумо', 'Ҷамоат: Хоҷа Аъло', 'Саидов Фарҳод', '+992927555001', 'Раҳимов Ҷамшед', 'Телефони корӣ', 'Шӯъбаи милитсия', '+992343100102']) {
      expect(text).toContain(expected);
    }
  });

  it('should print the unit’s duty number on one page when no officer agreed to publish, and say so when there is none either', async () => {
    const fallback = textOf(await contactCardPdf(card([], 'ky'), fonts));
    expect(fallback).toContain('Кезметчи бөлүктүн телефону');
    expect(fallback).toContain('+992343100102');
    const empty = await contactCardPdf({ ...card([], 'ky'), policeUnit: null }, fonts);
    expect(pages(empty)).toBe(1);
    expect(textOf(empty)).toContain(cardText('nothing', 'ky'));
  });

  it('should have every text in the four languages', () => {
    for (const texts of Object.values(CONTACT_CARD_TEXTS)) expect(Object.keys(texts).sort()).toEqual(['en', 'ky', 'ru', 'tg']);
  });
});
