// "Pair this display" on a touch LAN customer display that is not paired (issue 21): the cashier types
// the code the till shows, once. The till sets an HttpOnly cookie; the page reloads so its event stream
// presents it, and from then on this display (and no other) answers the tip ask.
import { useState } from 'react';
import type { Language } from '../../shared/domain.ts';
import type { Result } from '../../shared/result.ts';
import { t } from '../i18n/t.ts';

export function PairDisplay(props: { lang: Language; pair: (code: string) => Promise<Result<null>> }) {
  const { lang } = props;
  const [code, setCode] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (code === null) {
    return (
      <button type="button" className="customer-pair-open" onClick={() => setCode('')}>
        {t(lang, 'customerPair.open')}
      </button>
    );
  }
  const digits = code.replace(/\D/g, '');
  return (
    <form
      className="customer-pair"
      onSubmit={(e) => {
        e.preventDefault();
        if (digits.length !== 6) return setProblem(t(lang, 'customerPair.sixDigits'));
        void props.pair(digits).then((answer) => {
          if (answer.ok) window.location.reload();
          else
            setProblem(
              t(lang, answer.error.code === 'VALIDATION' ? 'customerPair.sixDigits' : 'customerPair.wrong'),
            );
        });
      }}
    >
      <label htmlFor="customer-pair-code">{t(lang, 'customerPair.label')}</label>
      <input
        id="customer-pair-code"
        inputMode="numeric"
        autoComplete="off"
        maxLength={7}
        value={code}
        onChange={(e) => {
          setProblem(null);
          setCode(e.target.value.replace(/[^\d ]/g, ''));
        }}
      />
      <button type="submit" className="customer-tip-button">
        {t(lang, 'customerPair.submit')}
      </button>
      <button type="button" className="customer-tip-button" onClick={() => setCode(null)}>
        {t(lang, 'customerPair.cancel')}
      </button>
      {problem && <p role="alert">{problem}</p>}
    </form>
  );
}
