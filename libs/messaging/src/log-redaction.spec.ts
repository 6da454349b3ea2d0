import { describeError, redactLogText } from './log-redaction';

describe(redactLogText.name, () => {
  it('should remove the values knex inlines into a failed statement, and keep its shape', () => {
    const line = `insert into "concern" ("id", "text", "answer") values ('3f1c', 'My neighbour beats his wife', 'We''ll see') - new row for relation "concern" violates check constraint "concern_text_check"`;
    const out = redactLogText(line);
    expect(out).not.toMatch(/beats|We''ll|3f1c/);
    expect(out).toContain(`insert into "concern" ("id", "text", "answer") values ('[redacted]', '[redacted]', '[redacted]')`);
    expect(out).toContain('violates check constraint "concern_text_check"');
  });

  it('should remove row values from PostgreSQL details and input errors', () => {
    expect(redactLogText('Key (email)=(someone@example.tj) already exists.')).toBe('Key (email)=([redacted]) already exists.');
    expect(redactLogText('Failing row contains (1, Zebo (the teacher), +992 900 000 000).\n  at x')).toBe('Failing row contains ([redacted])\n  at x');
    expect(redactLogText('invalid input syntax for type uuid: "Zebo Karimova"')).toBe('invalid input syntax for type uuid: "[redacted]"');
    expect(redactLogText('params: ["Zebo", 3]')).toBe('params: [redacted]');
  });

  it('should remove emails and international phone numbers anywhere, and leave dates, ids and counts', () => {
    expect(redactLogText('550 5.1.1 <zebo.k@mail.tj>: no such user; sms to +992 93 555-12-34 failed')).toBe('550 5.1.1 <[email]>: no such user; sms to [phone] failed');
    const plain = 'meetings__concern-recorded-v1: delivery 3 of 6f1c1f4e-1d2b-4c2e-9a55-0a1b2c3d4e51 at 2026-12-07T10:00:00Z took 12 ms';
    expect(redactLogText(plain)).toBe(plain);
  });

  it('should remove the secret of a calendar feed URL', () => {
    expect(redactLogText('GET /api/v1/calendar/feeds/AbC_-12345678901234567890123456789012345678.ics 404')).toBe('GET /api/v1/calendar/feeds/[secret] 404');
  });
});

describe(describeError.name, () => {
  it('should describe a database error by class, code, table and constraint without its values', () => {
    const error = Object.assign(new Error(`insert into "contact" ("name") values ('Zebo') - duplicate key`), { code: '23505', table: 'contact', constraint: 'contact_phone_unique' });
    const out = describeError(error);
    expect(out).not.toContain('Zebo');
    expect(out).toContain('[code=23505 table=contact constraint=contact_phone_unique]');
  });
});
