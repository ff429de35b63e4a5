// Receipt commands: reprint from history, the settings screen's test page, and the receipt page's
// content. Queuing is all they wait for: the printing itself happens after the answer.

import type { ReceiptDoc } from '../../../shared/printing/receipt-layout.ts';
import { AppError } from '../../../shared/result.ts';
import type { CoreContext } from './core-context.ts';
import type { HandlerGroup } from './handler-types.ts';

type ReceiptCommands = 'receipt.print' | 'receipt.testPage' | 'receipt.preview';

export function receiptHandlers(ctx: CoreContext): HandlerGroup<ReceiptCommands> {
  return {
    'receipt.print': async ({ kind, refId, copies }) => {
      // Built once here so a bad id is a clear error now, not a failed job later.
      for (const copy of copies) layout(() => ctx.receipts.layout(kind, refId, copy));
      return { jobIds: ctx.receipts.print(kind, refId, copies, true) };
    },
    'receipt.testPage': async () => ({ jobIds: ctx.receipts.print('test', null, ['merchant'], false) }),
    'receipt.preview': async ({ kind, refId, copy }) => layout(() => ctx.receipts.layout(kind, refId, copy)),
  };
}

/** No such payment, or not paid: the caller's mistake, said plainly. */
function layout(build: () => ReceiptDoc): ReceiptDoc {
  try {
    return build();
  } catch (err) {
    throw new AppError('NOT_FOUND', err instanceof Error ? err.message : String(err));
  }
}
