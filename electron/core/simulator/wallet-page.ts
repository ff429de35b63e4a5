// The "customer's phone" for active pay: code_url points here, so a phone camera on the LAN (or a
// test) opens it and presses Pay or Cancel. Plain HTML forms, no script, embedded as a string so the
// simulator runs bundled inside the till.
import { WALLET_NAMES, type Wallet } from '../../../shared/domain.ts';
import { centsToPlain } from '../../../shared/money.ts';
import type { SimOrder } from './ledger.ts';

export const WALLET_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STATUS_TEXT: Record<string, string> = {
  init: 'Waiting for payment',
  notpay: 'Waiting for payment',
  success: 'Paid',
  failure: 'Payment failed',
  orderclosed: 'This order has closed',
  partial_refunded: 'Paid (partly refunded)',
  fully_refunded: 'Refunded',
  canceling: 'Cancelling',
};

export function renderWalletPage(order: SimOrder, token: string, notice: string | null): string {
  const payable = order.kind === 'payment' && (order.status === 'init' || order.status === 'notpay');
  const wallet = order.wallet ? WALLET_NAMES[order.wallet as Wallet] : 'Wallet';
  const total = centsToPlain(order.amountCents + order.tipCents);
  const tip =
    order.tipCents > 0 ? `<p class="tip">including tip ${escapeHtml(centsToPlain(order.tipCents))}</p>` : '';
  const actions = payable
    ? `<div class="actions">
  <form method="post" action="/wallet/${escapeHtml(token)}/pay"><button type="submit" class="pay">Pay</button></form>
  <form method="post" action="/wallet/${escapeHtml(token)}/cancel"><button type="submit" class="cancel">Cancel</button></form>
</div>`
    : '';
  const status = STATUS_TEXT[order.status] ?? order.status;
  return page(
    `${wallet} — pay ${total}`,
    `<main>
<p class="sandbox">OTTPay simulator — no real money moves</p>
<h1>${escapeHtml(wallet)}</h1>
<p class="merchant">Merchant ${escapeHtml(order.merchantId)} · order ${escapeHtml(order.orderId)}</p>
<p class="amount" aria-label="Amount">${escapeHtml(total)}</p>
${tip}
<p class="status" role="status">${escapeHtml(notice ?? status)}</p>
${actions}
</main>`,
  );
}

export function renderMissingPage(): string {
  return page(
    'Order not found',
    '<main><h1>Order not found</h1><p role="status">This payment code is unknown or has expired.</p></main>',
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f3f4f6;color:#111}
main{max-width:24rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:1rem;text-align:center}
.sandbox{font-size:.8rem;color:#92400e;background:#fef3c7;border-radius:.5rem;padding:.25rem}
.amount{font-size:2.5rem;font-weight:700;margin:.5rem 0}
.merchant,.tip{color:#555;font-size:.9rem}
.status{font-weight:600}
.actions{display:flex;gap:1rem;justify-content:center;margin-top:1.5rem}
button{font-size:1.2rem;padding:.75rem 2rem;border-radius:.75rem;border:0;cursor:pointer}
.pay{background:#16a34a;color:#fff}
.cancel{background:#e5e7eb;color:#111}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
