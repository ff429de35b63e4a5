import { ErrorNote } from './ErrorNote.tsx';

/** What a save came to: the refusal (red, announced at once), or the quiet notice that it was done. */
export function SaveOutcome({ error, notice }: { error: string | null; notice: string | null }) {
  return (
    <>
      <ErrorNote message={error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
    </>
  );
}
