// The on-disk settings file is validated with the same field rules as a settings.update patch, except
// that the merchant id may be empty (no merchant yet ⇒ sandbox).
import { z } from 'zod';
import { settingsPatchSchema } from '../../../shared/contract.ts';

export const storedSettingsSchema = settingsPatchSchema.required().extend({
  merchantId: z.union([
    z.literal(''),
    z.string().regex(/^[A-Z]{2}\d{8}$/, 'merchant id looks like QC00005496'),
  ]),
});
