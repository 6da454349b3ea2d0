import { contactCardPdfPath, mayChangeCardConsent, toCardConsentInput } from './contactCard';

describe('toCardConsentInput', () => {
  it('should publish the number as typed, in E.164 form', () => {
    expect(toCardConsentInput(true, ' +992 (92) 755-50-01 ')).toEqual({ publish: true, workPhone: '+992927555001' });
  });

  it('should send an empty number for the gateway to refuse rather than publish nothing silently', () => {
    expect(toCardConsentInput(true, '  ')).toEqual({ publish: true, workPhone: '' });
  });

  it('should withdraw without a number, whatever is typed', () => {
    expect(toCardConsentInput(false, '+992927555001')).toEqual({ publish: false });
  });
});

describe('contactCardPdfPath', () => {
  it('should name the gateway’s PDF of the community', () => {
    expect(contactCardPdfPath('7d0c0f57-3d7b-4e0e-9a49-3f1b7b7c1a02')).toBe('communities/7d0c0f57-3d7b-4e0e-9a49-3f1b7b7c1a02/contact-card.pdf');
  });
});

describe('mayChangeCardConsent', () => {
  const contact = { userId: 'u-officer', erasedAt: null };
  it('should let the person themself and a contact manager change it, and nobody once erased', () => {
    expect(mayChangeCardConsent(contact, 'u-officer', false)).toBe(true);
    expect(mayChangeCardConsent(contact, 'u-colleague', false)).toBe(false);
    expect(mayChangeCardConsent({ userId: null, erasedAt: null }, undefined, false)).toBe(false);
    expect(mayChangeCardConsent({ userId: null, erasedAt: null }, 'u-admin', true)).toBe(true);
    expect(mayChangeCardConsent({ ...contact, erasedAt: '2026-12-01T00:00:00Z' }, 'u-officer', true)).toBe(false);
  });
});
