import type { ContactCardLanguage, ContactCardView } from '@rd/contracts';
import PDFDocument from 'pdfkit';
import type { PdfFonts } from '../minutes/minutes-pdf';

/** The card's own words in the four languages it is printed in; {name} marks a value. */
export const CONTACT_CARD_TEXTS = {
  title: {
    en: 'Your community police officer',
    ru: 'Ваш участковый инспектор милиции',
    tg: 'Нозири минтақавии милитсияи шумо',
    ky: 'Сиздин участкалык милиция инспекторуңуз',
  },
  community: { en: 'Community: {name}', ru: 'Сообщество: {name}', tg: 'Ҷамоат: {name}', ky: 'Жамаат: {name}' },
  workPhone: { en: 'Work phone', ru: 'Рабочий телефон', tg: 'Телефони корӣ', ky: 'Жумуш телефону' },
  unit: { en: 'Police unit', ru: 'Отдел милиции', tg: 'Шӯъбаи милитсия', ky: 'Милиция бөлүмү' },
  dutyPhone: { en: 'Duty number', ru: 'Телефон дежурной части', tg: 'Телефони қисми навбатдорӣ', ky: 'Кезметчи бөлүктүн телефону' },
  noOfficer: {
    en: 'No officer has published a phone number for this community yet. Call the duty number of the police unit.',
    ru: 'Участковый ещё не опубликовал номер телефона для этого сообщества. Звоните в дежурную часть.',
    tg: 'Нозир барои ин ҷамоат ҳанӯз рақами телефонро нашр накардааст. Ба қисми навбатдорӣ занг занед.',
    ky: 'Инспектор бул жамаат үчүн азырынча телефон номерин жарыялай элек. Кезметчи бөлүккө чалыңыз.',
  },
  nothing: {
    en: 'No contact details have been published for this community yet.',
    ru: 'Контакты для этого сообщества ещё не опубликованы.',
    tg: 'Барои ин ҷамоат ҳанӯз маълумоти тамос нашр нашудааст.',
    ky: 'Бул жамаат үчүн байланыш маалыматтары азырынча жарыяланган жок.',
  },
} satisfies Record<string, Readonly<Record<ContactCardLanguage, string>>>;

export function cardText(key: keyof typeof CONTACT_CARD_TEXTS, language: ContactCardLanguage, values: Record<string, string> = {}): string {
  return CONTACT_CARD_TEXTS[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

const MARGIN = 24;
const INK = '#000000';
const MUTED = '#444444';

type Unit = ContactCardView['policeUnit'];

/**
 * The contact card as a PDF: one A6 page per officer on the card, or one page with the police unit's duty number
 * when no officer agreed to publish. Printed in the community's language with an embedded font that has the Tajik
 * and Kyrgyz letters (DejaVu Sans, as the minutes).
 */
export function contactCardPdf(card: ContactCardView, fonts: PdfFonts, producedAt = new Date()): Promise<Buffer> {
  const language = card.language;
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A6',
      margin: MARGIN,
      autoFirstPage: false,
      info: { Title: `${cardText('title', language)} — ${card.communityName}`, Producer: 'Reporting Days', CreationDate: producedAt },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    const page = () => {
      pdf.addPage();
      pdf.font(fonts.bold).fontSize(13).fillColor(INK).text(cardText('title', language));
      pdf.moveDown(0.2).font(fonts.regular).fontSize(9).fillColor(MUTED).text(cardText('community', language, { name: card.communityName }));
      pdf.moveDown(0.4).moveTo(MARGIN, pdf.y).lineTo(pdf.page.width - MARGIN, pdf.y).strokeColor('#999999').stroke().moveDown(0.8);
    };
    const phone = (label: string, number: string) => {
      pdf.font(fonts.regular).fontSize(9).fillColor(MUTED).text(label);
      pdf.font(fonts.bold).fontSize(16).fillColor(INK).text(number).moveDown(0.5);
    };
    const unitBlock = (unit: Unit) => {
      if (!unit) return;
      pdf.font(fonts.regular).fontSize(9).fillColor(MUTED).text(cardText('unit', language));
      pdf.font(fonts.regular).fontSize(11).fillColor(INK).text(unit.name).moveDown(0.5);
      if (unit.dutyPhone) phone(cardText('dutyPhone', language), unit.dutyPhone);
    };
    try {
      for (const officer of card.officers) {
        page();
        pdf.font(fonts.bold).fontSize(15).fillColor(INK).text(officer.name);
        if (officer.position) pdf.font(fonts.regular).fontSize(10).fillColor(MUTED).text(officer.position);
        pdf.moveDown(0.6);
        phone(cardText('workPhone', language), officer.workPhone);
        unitBlock(officer.policeUnit ?? card.policeUnit);
      }
      if (card.officers.length === 0) {
        page();
        const unit = card.policeUnit;
        pdf.font(fonts.regular).fontSize(10).fillColor(INK).text(cardText(unit?.dutyPhone ? 'noOfficer' : 'nothing', language)).moveDown(0.8);
        unitBlock(unit);
      }
      pdf.end();
    } catch (error) {
      reject(error as Error);
    }
  });
}
