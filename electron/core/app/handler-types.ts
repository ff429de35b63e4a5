// The typed handler map (Actual Budget style): one handler per command of shared/contract.ts, each
// taking the request as the schema outputs it and returning that command's result type.
import type { z } from 'zod';
import type { CommandName, CommandResult, commands } from '../../../shared/contract.ts';

export type CommandInput<K extends CommandName> = z.output<(typeof commands)[K]['request']>;
export type Handler<K extends CommandName> = (request: CommandInput<K>) => Promise<CommandResult<K>>;
export type Handlers = { [K in CommandName]: Handler<K> };
/** A group of handlers, one file per domain; the groups merge into Handlers in till-handlers.ts. */
export type HandlerGroup<K extends CommandName> = { [P in K]: Handler<P> };
