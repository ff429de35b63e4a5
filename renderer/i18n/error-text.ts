// A core refusal in the operator's language: errors that carry a known reason key (a scan refusal)
// are worded from the dictionary; any other error shows the core's own message.
import type { AppErrorData } from '../../shared/result.ts';
import { isScanRefusal } from '../../shared/scanning/scan-refusal.ts';
import type { MessageKey } from './en.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function errorText(tr: Translate, error: AppErrorData): string {
  return isScanRefusal(error.reason) ? tr(`scanRefusal.${error.reason}`) : error.message;
}
