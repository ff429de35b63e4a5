// The preloads as the build bundles them (self-contained CommonJS requiring only 'electron'), loaded
// with a stand-in contextBridge / ipcRenderer: what each page can reach, and nothing more.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CUSTOMER_CHOOSE_CHANNEL, INVOKE_CHANNEL } from '../../../electron/preload/channels.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

async function bundle(role: 'till' | 'customer'): Promise<string> {
  const out = await build({
    entryPoints: [join(root, 'electron', 'preload', `${role}.ts`)],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

/** Runs a bundled preload with a fake 'electron'; returns what it exposed and the fake ipcRenderer. */
async function load(role: 'till' | 'customer') {
  const code = await bundle(role);
  const exposed = new Map<string, Record<string, unknown>>();
  const ipc = Object.assign(new EventEmitter(), {
    invocations: [] as unknown[][],
    invoke: async (...args: unknown[]) => {
      ipc.invocations.push(args);
      return { ok: true, value: null };
    },
  });
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
    },
    ipcRenderer: ipc,
  };
  const required: string[] = [];
  const fakeRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const mod = new Module(`${role}-preload`);
  new Function('require', 'module', 'exports', code)(fakeRequire, mod, mod.exports);
  return { exposed, ipc, required };
}

test('the till preload exposes window.till = { invoke, on } and requires only electron', async () => {
  const { exposed, ipc, required } = await load('till');
  assert.deepEqual([...new Set(required)], ['electron']);
  assert.deepEqual([...exposed.keys()], ['till']);
  const till = exposed.get('till') as {
    invoke: (n: string, r: unknown) => Promise<unknown>;
    on: (n: string, l: (p: unknown) => void) => () => void;
  };
  assert.deepEqual(Object.keys(till).sort(), ['invoke', 'on']);
  assert.deepEqual(await till.invoke('sale.new', {}), { ok: true, value: null });
  assert.deepEqual(ipc.invocations, [[INVOKE_CHANNEL, 'sale.new', {}]]);

  const heard: unknown[] = [];
  const off = till.on('till.snapshot', (payload) => heard.push(payload));
  // The page gets the payload only, never Electron's event object (which carries the sender).
  ipc.emit('event:till.snapshot', { sender: 'secret internals' }, { sandbox: true });
  assert.deepEqual(heard, [{ sandbox: true }]);
  off();
  ipc.emit('event:till.snapshot', {}, { sandbox: false });
  assert.equal(heard.length, 1);
  assert.equal(ipc.listenerCount('event:till.snapshot'), 0);
  assert.throws(() => till.on('anything.else', () => {}), /unknown event/);
});

test('the customer preload exposes window.customer = { on, choose }: customer.view and the choice only', async () => {
  const { exposed, ipc } = await load('customer');
  assert.deepEqual([...exposed.keys()], ['customer']);
  const customer = exposed.get('customer') as {
    on: (n: string, l: (p: unknown) => void) => () => void;
    choose: (c: unknown) => Promise<unknown>;
  };
  assert.deepEqual(Object.keys(customer).sort(), ['choose', 'on']);
  const heard: unknown[] = [];
  const off = customer.on('customer.view', (p) => heard.push(p));
  ipc.emit('event:customer.view', { sender: 'internals' }, { phase: 'idle' });
  assert.deepEqual(heard, [{ phase: 'idle' }]);
  off();
  ipc.emit('event:customer.view', {}, { phase: 'qr' });
  assert.equal(heard.length, 1);
  for (const name of ['till.snapshot', 'scanner.log']) {
    assert.throws(() => customer.on(name, () => {}), /unknown event/);
  }
  assert.equal(ipc.invocations.length, 0);
  // Its one message: the choice alone on the customer channel, never the till's command channel.
  const choice = { askId: 'ab'.repeat(16), tipCents: 0 };
  assert.deepEqual(await customer.choose(choice), { ok: true, value: null });
  assert.deepEqual(ipc.invocations, [[CUSTOMER_CHOOSE_CHANNEL, choice]]);
});

test('a customer page that subscribes after the first view was sent still gets the latest one', async () => {
  const { exposed, ipc } = await load('customer');
  const customer = exposed.get('customer') as { on: (n: string, l: (p: unknown) => void) => () => void };
  ipc.emit('event:customer.view', {}, { phase: 'idle' });
  ipc.emit('event:customer.view', {}, { phase: 'qr' });
  const heard: unknown[] = [];
  customer.on('customer.view', (p) => heard.push(p));
  await Promise.resolve();
  assert.deepEqual(heard, [{ phase: 'qr' }]);
});
