/** A refusal for the cashier: the core's words, or a known reason worded in the operator's language. */
export function ErrorNote({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="error-note" role="alert">
      {message}
    </p>
  );
}
