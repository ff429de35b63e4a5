// What every till screen needs: the API, the latest snapshot, the operator's language and a
// helper that runs a command and turns a refusal into a message.
import { createContext, useContext } from 'react';
import type { CommandName, CommandRequest, CommandResult, TillApi } from '../../shared/contract.ts';
import type { Language, PublicSettings, TillSnapshot } from '../../shared/domain.ts';
import type { Result } from '../../shared/result.ts';
import type { Translate } from '../i18n/t.ts';
import { t } from '../i18n/t.ts';

export interface TillContextValue {
  api: TillApi;
  snapshot: TillSnapshot;
  settings: PublicSettings;
  lang: Language;
  tr: Translate;
}

export const TillContext = createContext<TillContextValue | null>(null);

export function useTill(): TillContextValue {
  const value = useContext(TillContext);
  if (!value) throw new Error('useTill outside TillContext');
  return value;
}

export function makeTr(lang: Language): TillContextValue['tr'] {
  return (key, params) => t(lang, key, params);
}

/** Runs a command; a thrown transport error becomes an INTERNAL refusal the screen can show. */
export async function run<K extends CommandName>(
  api: TillApi,
  name: K,
  request: CommandRequest<K>,
): Promise<Result<CommandResult<K>>> {
  try {
    return await api.invoke(name, request);
  } catch (err) {
    const message = err instanceof Error ? err.message : 'transport error';
    return { ok: false, error: { code: 'INTERNAL', message, retryable: true } };
  }
}
