import { PosMark } from '../components/PosMark.tsx';
import { useTill } from './till-context.ts';

/** "From POS · ref …" for the till's current sale, when the shop's POS asked for it. */
export function SalePosMark() {
  const { snapshot, lang } = useTill();
  return <PosMark pos={snapshot.sale?.pos} lang={lang} />;
}
