// Says a confirmed refund aloud, like a payment (issue 21): whether OTTPay confirmed it at once or the
// till confirmed it later by checking, after its dialog closed. The rule (once, never a refused one,
// never long after) is shared/speech/refund-to-say.ts; this page only remembers what it said.
import { useEffect, useRef } from 'react';
import type { TillApi } from '../../shared/contract.ts';
import type { CustomerSideSettings } from '../../shared/customer-side.ts';
import type { Language } from '../../shared/domain.ts';
import { refundToSay } from '../../shared/speech/refund-to-say.ts';
import { speak } from '../sounds/speech.ts';

const said = new Set<string>();

export function useSpokenRefunds(api: TillApi, lang: Language, settings: CustomerSideSettings): void {
  const latest = useRef({ lang, settings });
  latest.current = { lang, settings };
  useEffect(
    () =>
      api.on('refund.changed', (event) => {
        const say = refundToSay(event, said);
        if (!say) return;
        said.add(say.refundId);
        const { lang: l, settings: s } = latest.current;
        if (s.speakPaid) void speak('refund', say.wallet, say.cents, say.currency, l, s.speakVolume);
      }),
    [api],
  );
}
