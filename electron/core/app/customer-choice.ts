// The customer's tip and language for the current sale (issue 21). The till asks (`customer.askTip`)
// for the amount keyed; the customer display showing it gets a fresh 128-bit ask id, and only a choice
// carrying that id is taken: while the ask is open for the tip (once: the first tip wins), for the
// language until the sale ends. The cashier may skip the ask at any time. Everything else is refused.
import { timingSafeEqual } from 'node:crypto';
import {
  type CustomerChoiceView,
  customerChoiceSchema,
  type TipAskView,
} from '../../../shared/customer-choice.ts';
import type { CustomerView, Language, SaleView } from '../../../shared/domain.ts';
import { tipFromPercent } from '../../../shared/money.ts';
import { fail, ok, type Result } from '../../../shared/result.ts';

interface Ask {
  askId: string;
  amountCents: number;
  presets: number[];
  maxTipCents: number;
  open: boolean;
}

export interface CustomerChoices {
  ask(amountCents: number, presetsPercent: number[], maxTipPercent: number): void;
  skip(): void;
  choose(raw: unknown): Result<null>;
  /** The customer view with this sale's language and, while asking, the tip screen. */
  overlay(view: CustomerView, sale: SaleView | null): CustomerView;
  tillView(): CustomerChoiceView | null;
  /** What to journal with the sale's attempt. */
  current(): { tipCents: number | null; tipPercent: number | null; language: Language | null } | null;
}

export function createCustomerChoices(deps: { randomId(): string; changed(): void }): CustomerChoices {
  let ask: Ask | null = null;
  let tip: { tipCents: number; tipPercent: number | null } | null = null;
  let language: Language | null = null;
  let seq = 0;
  /** The sale these choices belong to, once the payment started; another sale ends them. */
  let saleId: string | null = null;

  const reset = () => {
    ask = null;
    tip = null;
    language = null;
    saleId = null;
  };

  return {
    ask(amountCents, presetsPercent, maxTipPercent) {
      reset();
      const maxTipCents = Math.floor((amountCents * maxTipPercent) / 100);
      ask = { askId: deps.randomId(), amountCents, presets: presetsPercent, maxTipCents, open: true };
      seq++;
      deps.changed();
    },
    skip() {
      if (ask === null) return;
      ask.open = false;
      seq++;
      deps.changed();
    },
    choose(raw) {
      const parsed = customerChoiceSchema.safeParse(raw);
      if (!parsed.success) return fail('VALIDATION', parsed.error.issues[0]?.message ?? 'not a choice');
      const c = parsed.data;
      if (ask === null || !sameId(ask.askId, c.askId))
        return fail('NOT_ALLOWED', 'This display is not showing this sale');
      if (c.tipCents !== undefined) {
        if (!ask.open) return fail('NOT_ALLOWED', 'The tip is no longer being asked for');
        if (c.tipCents > ask.maxTipCents) return fail('VALIDATION', 'That tip is over the shop’s limit');
        if (c.tipPercent !== undefined && tipFromPercent(ask.amountCents, c.tipPercent) !== c.tipCents)
          return fail('VALIDATION', 'The tip does not match its percentage');
        tip = { tipCents: c.tipCents, tipPercent: c.tipPercent ?? null };
        ask.open = false;
      }
      if (c.language !== undefined) language = c.language;
      seq++;
      deps.changed();
      return ok(null);
    },
    overlay(view, sale) {
      if (sale && sale.phase !== 'entering') {
        if (saleId === null && (ask !== null || language !== null)) {
          saleId = sale.saleId;
          if (ask) ask.open = false; // the payment started: its tip is settled
        } else if (saleId !== null && saleId !== sale.saleId) reset();
      } else if (saleId !== null) reset(); // that sale is over: the next customer starts afresh
      let out = language ? { ...view, language } : view;
      if (ask?.open && (view.phase === 'idle' || view.phase === 'entering')) {
        const tipAsk: TipAskView = {
          askId: ask.askId,
          amountCents: ask.amountCents,
          choices: ask.presets.map((percent) => ({
            percent,
            tipCents: tipFromPercent(ask?.amountCents ?? 0, percent),
          })),
          maxTipCents: ask.maxTipCents,
        };
        out = { ...out, phase: 'entering', amountCents: ask.amountCents, tipAsk };
      }
      return out;
    },
    tillView() {
      if (ask === null && language === null) return null;
      return {
        asking: ask?.open ?? false,
        amountCents: ask?.amountCents ?? null,
        tipCents: tip?.tipCents ?? null,
        tipPercent: tip?.tipPercent ?? null,
        language,
        seq,
      };
    },
    current() {
      if (tip === null && language === null) return null;
      return { tipCents: tip?.tipCents ?? null, tipPercent: tip?.tipPercent ?? null, language };
    },
  };
}

function sameId(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
