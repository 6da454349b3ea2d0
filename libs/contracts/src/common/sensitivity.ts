import { z } from 'zod';

/**
 * How far a concern raised at a meeting may travel: `public` to everyone in scope, `restricted` to police
 * and NGO of the district, `confidential` to its named handlers only (its text never leaves the meetings
 * service; reports count it and nothing more).
 */
export const SENSITIVITIES = ['public', 'restricted', 'confidential'] as const;
export const SensitivitySchema = z.enum(SENSITIVITIES).describe('Who may read a concern');
export type Sensitivity = z.infer<typeof SensitivitySchema>;
