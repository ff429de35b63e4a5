// Says "paid" once per payment, the moment the sale turns paid (issue 21): never twice for one
// attempt (a snapshot repeated, a page re-rendered), never for a payment still being checked, and not
// for a sale that was already paid when this page opened (a reload is not a new payment).
import { useEffect, useRef } from 'react';
import type { CustomerSideSettings } from '../../shared/customer-side.ts';
import type { Language, SaleView } from '../../shared/domain.ts';
import { whenIdle } from '../components/when-idle.ts';
import { loadClips, speak, warmUpSpeech } from '../sounds/speech.ts';

const spoken = new Set<string>();

export function useSpokenPaid(sale: SaleView | null, lang: Language, settings: CustomerSideSettings): void {
  const seen = useRef(false);
  useEffect(() => {
    if (!settings.speakPaid) return;
    // After the screen has painted: the audio device can take most of a second to open.
    whenIdle(() => {
      void loadClips(lang);
      warmUpSpeech();
    });
  }, [lang, settings.speakPaid]);
  useEffect(() => {
    const attempt = sale?.attempt ?? null;
    const first = !seen.current;
    seen.current = true;
    if (!attempt || sale?.phase !== 'paid' || attempt.state !== 'paid') return;
    if (spoken.has(attempt.attemptId)) return;
    spoken.add(attempt.attemptId);
    if (first || !settings.speakPaid) return;
    const cents = attempt.amountCents + attempt.tipCents;
    void speak('paid', attempt.wallet, cents, attempt.currency, lang, settings.speakVolume);
  }, [sale, lang, settings.speakPaid, settings.speakVolume]);
}
