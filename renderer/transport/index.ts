// How a screen reaches the core: the Electron preload's window.till / window.customer when present,
// the browser shell's HTTP + SSE otherwise. Both speak exactly the contract's TillApi / CustomerApi.
import type { CustomerApi, TillApi } from '../../shared/contract.ts';
import { sendCustomerChoice } from './customer-choice.ts';
import { pairCustomerDisplay } from './customer-pairing.ts';
import { createEventStream } from './event-stream.ts';
import { createHttpTillApi } from './http-till-api.ts';
import { takeSessionToken } from './session-token.ts';

let till: TillApi | null = null;
let customer: CustomerApi | null = null;

export function getTillApi(): TillApi {
  if (till === null) till = window.till ?? createHttpTillApi(takeSessionToken());
  return till;
}

export function getCustomerApi(): CustomerApi {
  if (customer === null) {
    if (window.customer) customer = window.customer;
    else {
      const stream = createEventStream('/customer/events', ['customer.view'], { followRestart: true });
      customer = {
        on: (name, listener) => stream.on(name, listener as (p: unknown) => void),
        onConnection: (listener) => stream.onConnection(listener),
        choose: (choice) => sendCustomerChoice(choice),
        pair: (code) => pairCustomerDisplay(code),
      };
    }
  }
  return customer;
}
