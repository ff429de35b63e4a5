// The customer's own choices on a touch customer display (issue 21): their tip, and the display's
// language for this sale. The one thing a customer display may send; checked here at the boundary.
import { z } from 'zod';
import type { Language } from './language.ts';
import { ABSOLUTE_MAX_CENTS } from './money.ts';

/** The ask's id: 128 random bits, hex. Only the display showing this sale's tip screen holds it. */
export const ASK_ID = /^[0-9a-f]{32}$/;

export const customerChoiceSchema = z
  .object({
    askId: z.string().regex(ASK_ID, 'not this sale'),
    tipCents: z.number().int().min(0).max(ABSOLUTE_MAX_CENTS).optional(),
    /** The preset the customer tapped (for the receipt and the till's tip buttons), if any. */
    tipPercent: z.number().int().min(1).max(100).optional(),
    language: z.enum(['en', 'fr', 'zh']).optional(),
  })
  .strict()
  .refine((c) => c.tipCents !== undefined || c.language !== undefined, 'choose a tip or a language')
  .refine((c) => c.tipPercent === undefined || c.tipCents !== undefined, 'a preset comes with its tip');

export type CustomerChoice = z.infer<typeof customerChoiceSchema>;

/** What the customer display shows while the till asks the customer for the tip. */
export interface TipAskView {
  askId: string;
  amountCents: number;
  choices: Array<{ percent: number; tipCents: number }>;
  maxTipCents: number;
}

/** What the till sees of it: asking, and what the customer chose (seq grows with each choice). */
export interface CustomerChoiceView {
  asking: boolean;
  amountCents: number | null;
  tipCents: number | null;
  tipPercent: number | null;
  language: Language | null;
  seq: number;
}
