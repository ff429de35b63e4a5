// A server that cannot bind its port says which port, and how to choose another, instead of a bare
// EADDRINUSE (another till, or another program, already listens there).

export function listenError(err: unknown, where: { host: string; port: number }, howToChoose: string): Error {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return new Error(
      `port ${where.port} on ${where.host} is already in use (another till or program listens there): ${howToChoose}`,
      { cause: err },
    );
  }
  if (code === 'EACCES') {
    return new Error(`port ${where.port} on ${where.host} may not be used by this user: ${howToChoose}`, {
      cause: err,
    });
  }
  return err instanceof Error ? err : new Error(String(err));
}
