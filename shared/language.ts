// The languages the till speaks: the operator's screens, the customer display and receipts.

export type Language = 'en' | 'fr' | 'zh';
export const LANGUAGES: readonly Language[] = ['en', 'fr', 'zh'];
