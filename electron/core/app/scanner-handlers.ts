// Scanner diagnostics and the browser shell's wedge key feed; diagnostics.get for support.
import type { CoreContext } from './core-context.ts';
import type { HandlerGroup } from './handler-types.ts';

type ScannerCommands = 'scanner.listPorts' | 'scanner.diagnostics' | 'wedge.keys' | 'diagnostics.get';

export function scannerHandlers(ctx: CoreContext): HandlerGroup<ScannerCommands> {
  return {
    'scanner.listPorts': async () => ctx.scanner().listPorts(),
    'scanner.diagnostics': async () => ctx.scanner().diagnostics(),
    'wedge.keys': async ({ events }) => {
      ctx.scanner().feedWedgeKeys(events);
      return null;
    },
    'diagnostics.get': async () => ({ text: ctx.diagnosticsText() }),
  };
}
