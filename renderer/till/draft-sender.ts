// The amount being keyed goes to the core one request at a time, latest value last. Sent as each key
// lands, two requests could overtake each other on the way (the browser shell opens several HTTP
// connections), and the customer display would keep an older amount than the one on the till.
export interface Draft {
  amountCents: number;
  tipCents: number;
}

export function createDraftSender(send: (draft: Draft) => Promise<unknown>): (draft: Draft) => void {
  let wanted: Draft | null = null;
  let sent: Draft | null = null;
  let busy = false;
  const same = (a: Draft | null, b: Draft | null) =>
    a !== null && b !== null && a.amountCents === b.amountCents && a.tipCents === b.tipCents;

  async function pump(): Promise<void> {
    busy = true;
    try {
      while (wanted !== null && !same(wanted, sent)) {
        const next = wanted;
        try {
          await send(next);
          sent = next;
        } catch {
          // Only a display: stop here rather than retry in a loop; the next change sends again.
          sent = null;
          break;
        }
      }
    } finally {
      busy = false;
    }
  }

  return (draft) => {
    wanted = draft;
    if (!busy) void pump();
  };
}
