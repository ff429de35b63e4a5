// A wallet payment code is shown and stored only as its last 4 characters (AttemptView.maskedCode; the
// wallet is on the attempt beside it): with the first 4 as well, the journal narrowed a code to a few
// thousand candidates. Short inputs are masked whole: they would otherwise be shown in full.
export function maskWalletCode(code: string): string {
  const trimmed = code.trim();
  if (trimmed.length <= 8) return '*'.repeat(trimmed.length);
  return `****${trimmed.slice(-4)}`;
}
