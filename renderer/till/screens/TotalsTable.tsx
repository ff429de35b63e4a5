import { useTill } from '../till-context.ts';

export interface TotalsRow {
  key: string;
  label: string;
  count: number;
  grossCents: number;
  refundedCents: number;
  netCents: number;
}

/** Count, gross, refunded and net per wallet or per cashier (day and shift reports). */
export function TotalsTable(props: {
  heading: string;
  rows: TotalsRow[];
  fmt: (cents: number) => string;
  /** Marks each row (data-<rowAttr>=label) for finding it again. */
  rowAttr?: string;
}) {
  const { tr } = useTill();
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{props.heading}</th>
          <th>{tr('report.count')}</th>
          <th>{tr('report.gross')}</th>
          <th>{tr('report.refunds')}</th>
          <th>{tr('report.net')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key} {...(props.rowAttr ? { [`data-${props.rowAttr}`]: row.label } : {})}>
            <td>{row.label}</td>
            <td>{row.count}</td>
            <td>{props.fmt(row.grossCents)}</td>
            <td>{props.fmt(row.refundedCents)}</td>
            <td>{props.fmt(row.netCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A wallet's name in the operator's language (an unknown code as it is). */
export function walletLabel(wallet: string, tr: ReturnType<typeof useTill>['tr']): string {
  return wallet === 'WECHATPAY' || wallet === 'ALIPAY' || wallet === 'UNIONPAY'
    ? tr(`wallet.${wallet}`)
    : wallet;
}
