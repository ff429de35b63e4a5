import type { Wallet } from '../../../shared/domain.ts';
import { useTill } from '../till-context.ts';

/** Shortcut letter per wallet: the first letter of its name, shown on the button. */
export const WALLET_SHORTCUTS: Record<Wallet, string> = { WECHATPAY: 'W', ALIPAY: 'A', UNIONPAY: 'U' };

/** One big button per offered wallet (active pay: we show a QR) and one for scanning the customer's code. */
export function PayChoice(props: {
  wallets: Wallet[];
  disabled: boolean;
  onActive: (wallet: Wallet) => void;
  onPassive: () => void;
}) {
  const { tr } = useTill();
  return (
    <section className="pay-choice" aria-label={tr('pay.title')}>
      <h2>{tr('pay.title')}</h2>
      <div className="pay-buttons">
        {props.wallets.map((wallet) => (
          <button
            key={wallet}
            type="button"
            className={`pay-button wallet-${wallet.toLowerCase()}`}
            disabled={props.disabled}
            aria-keyshortcuts={WALLET_SHORTCUTS[wallet]}
            onClick={() => props.onActive(wallet)}
          >
            {tr(`wallet.${wallet}`)}
            {/* The shortcut is told by aria-keyshortcuts: the name stays the visible wallet name. */}
            <span aria-hidden="true">
              <kbd>{WALLET_SHORTCUTS[wallet]}</kbd>
            </span>
          </button>
        ))}
        <button
          type="button"
          className="pay-button pay-scan"
          disabled={props.disabled}
          aria-keyshortcuts="Enter S"
          onClick={props.onPassive}
        >
          {tr('pay.scan')}
          <span aria-hidden="true">
            <kbd>{tr('key.enter')}</kbd>
          </span>
        </button>
      </div>
      <p className="hint">{tr('pay.enterHint')}</p>
    </section>
  );
}
