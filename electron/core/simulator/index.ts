// The simulator's public face: the server, its control object, and the sandbox merchant.
export type { CallbackDelivery } from './callbacks.ts';
export { type FaultsPatch, type SimulatorControl, SimulatorControlError } from './control-api.ts';
export type { FaultSpec, SimEvent, SimFaults, SimOrderView, SimTimings } from './engine.ts';
export type { LedgerEntry, LedgerSummary } from './ledger.ts';
export { SANDBOX_MERCHANT, SANDBOX_MERCHANT_ID, SANDBOX_OPERATOR_ID, SANDBOX_SIGN_KEY } from './sandbox.ts';
export { SCENARIOS, type Scenario, scenarioOf } from './scenarios.ts';
export { createSimulator, type Simulator, type SimulatorMerchant, type SimulatorOptions } from './server.ts';
export { SAMPLE_CODES, walletOfCode } from './wallet-codes.ts';
