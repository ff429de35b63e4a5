// A wallet payment code is shown and stored only masked: its first 4 and last 4 characters
// (AttemptView.maskedCode). Short inputs are masked whole: they would otherwise be shown in full.
export function maskWalletCode(code: string): string {
  const trimmed = code.trim();
  if (trimmed.length <= 8) return '*'.repeat(trimmed.length);
  return `${trimmed.slice(0, 4)}${'*'.repeat(trimmed.length - 8)}${trimmed.slice(-4)}`;
}
