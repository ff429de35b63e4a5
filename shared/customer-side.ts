// The settings for the customer's side of the counter (issue 21): larger text on the till, the spoken
// "paid", the customer choosing their own tip on a touch display, and a camera as a scanner.
import { z } from 'zod';

export const CAMERA_SOURCES = ['off', 'till'] as const;

export const customerSideSettingsSchema = z
  .object({
    /** The till's text at twice its size (for operators who need it; the layout reflows). */
    largeText: z.boolean(),
    /** Say "WeChat Pay received 23.45 dollars" when a payment is paid (and when a refund is done). */
    speakPaid: z.boolean(),
    /** Loudness of the spoken announcement, 0 to 100. */
    speakVolume: z.number().int().min(0).max(100),
    /** On a touch customer display, the customer picks the tip before paying. */
    customerPicksTip: z.boolean(),
    /** Which camera reads payment codes, if any. */
    camera: z.enum(CAMERA_SOURCES),
  })
  .strict();

export type CustomerSideSettings = z.infer<typeof customerSideSettingsSchema>;

export const DEFAULT_CUSTOMER_SIDE: CustomerSideSettings = {
  largeText: false,
  speakPaid: true,
  speakVolume: 80,
  customerPicksTip: false,
  camera: 'off',
};
