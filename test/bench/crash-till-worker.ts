// The crash harness's whole-till child: the till core (sandbox gateway, file secret store) does one
// durable write of a kind — a receipt, a shift close, a staff account or PIN, settings, secrets — and
// SIGKILLs itself at the chosen durable point (electron/core/durable-points.ts). Phase "restart" starts
// the till again on the same folder and lets it finish what it resumes. Run by crash-harness.ts; its
// argument is one JSON object (TillWorkerConfig); its last stdout line is a JSON report for the checks.
import { join } from 'node:path';
import { createTillCore, type TillCore } from '../../electron/core/app/till-core.ts';
import { createFileSecretStore } from '../../electron/core/config/secret-store.ts';
import { dispatch } from '../../electron/core/dispatch.ts';
import { type DurablePoint, setDurablePointHook } from '../../electron/core/durable-points.ts';
import type { PosFaultPoint } from '../../electron/core/pos-api/fault-points.ts';
import type { CommandName } from '../../shared/contract.ts';
import type { AttemptView, TillSnapshot } from '../../shared/domain.ts';
import { OWNER_PIN } from '../support/sign-in.ts';
import {
  NEW_SHOP,
  NEW_SIGN_KEY,
  NEW_STAFF,
  POS_KEY,
  POS_READY,
  STAFF_NEW_PIN,
  STAFF_PIN,
  type TillReport,
  type TillWorkerConfig,
} from './crash-till-kinds.ts';

const cfg = JSON.parse(process.argv[2] ?? '{}') as TillWorkerConfig;
// Armed only for the write under test: the setup's own writes (settings, secrets at first start, the
// account a PIN change needs) must not be where it dies.
let armed = false;
const kill = (point: DurablePoint | PosFaultPoint) => {
  if (armed && point === cfg.killAt) process.kill(process.pid, 'SIGKILL');
};
setDurablePointHook(kill);

async function run<T>(core: TillCore, name: CommandName, payload: unknown): Promise<T> {
  const r = await dispatch(core, 'till', name, payload);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

function whenSnapshot(core: TillCore, test: (s: TillSnapshot) => boolean): Promise<TillSnapshot> {
  if (test(core.snapshot())) return Promise.resolve(core.snapshot());
  return new Promise((resolve) => {
    const off = core.subscribe('till', (name, payload) => {
      if (name === 'till.snapshot' && test(payload as TillSnapshot)) {
        off();
        resolve(payload as TillSnapshot);
      }
    });
  });
}

async function paySale(core: TillCore, amountCents: number): Promise<AttemptView> {
  await run(core, 'sale.new', {});
  const attempt = await run<AttemptView>(core, 'sale.payActive', {
    amountCents,
    tipCents: 0,
    wallet: 'WECHATPAY',
  });
  const res = await fetch(`${core.sandboxInfo?.simulatorUrl}/_sim/orders/${attempt.orderId}/pay`, {
    method: 'POST',
    body: '{}',
  });
  if (res.status !== 200) throw new Error(`the simulator did not take the payment: ${await res.text()}`);
  await whenSnapshot(
    core,
    (s) => s.sale?.attempt?.attemptId === attempt.attemptId && s.sale.attempt.state === 'paid',
  );
  return attempt;
}

async function signsIn(core: TillCore, pin: string): Promise<boolean> {
  const r = await dispatch(core, 'till', 'staff.signIn', { pin });
  return r.ok;
}

const allPrinted = (s: TillSnapshot) => s.printing.jobs.every((j) => j.state !== 'queued');

const core = await createTillCore({
  dataDir: cfg.dataDir,
  secrets: createFileSecretStore(join(cfg.dataDir, 'secrets.json')),
  logger: { write: () => {} },
  // Kind "pos": the harness is the POS; it posts payments to this API and retries after the kill.
  ...(cfg.kind === 'pos' ? { posApi: { port: 0, host: '127.0.0.1', key: POS_KEY }, posApiFault: kill } : {}),
});
try {
  if (cfg.phase === 'init') {
    // A first start's writes only (journal schema, owner account, keys): nothing under test.
  } else if (cfg.kind === 'pos') await servePos(core);
  else if (cfg.phase === 'act') await act(core);
  else process.stdout.write(`${JSON.stringify(await restart(core))}\n`);
} finally {
  await core.close();
}

/** Kind "pos": a signed-in till taking the POS's requests until the harness ends stdin (or it is killed). */
async function servePos(core: TillCore): Promise<void> {
  await run(core, 'staff.signIn', { pin: OWNER_PIN });
  armed = cfg.phase === 'act';
  const ended = new Promise((resolve) => process.stdin.once('end', resolve).once('close', resolve));
  process.stdin.resume();
  process.stdout.write(`${POS_READY}${core.posApi?.url}\n`);
  await ended;
}

async function act(core: TillCore): Promise<void> {
  // The locked-till rule: nothing but signing in is taken while nobody is signed in.
  await run(core, 'staff.signIn', { pin: OWNER_PIN });
  await run(core, 'settings.update', {
    pin: OWNER_PIN,
    patch: {
      receipts: {
        printer: 'network',
        target: cfg.printerTarget,
        paper: '80mm',
        chinese: 'gb18030',
        afterPaid: 'customer',
      },
    },
  });
  armed = cfg.kind !== 'pin';
  switch (cfg.kind) {
    case 'print':
      await paySale(core, 1200);
      await whenSnapshot(core, (s) => s.printing.jobs.length > 0 && allPrinted(s));
      return;
    case 'shift':
      await paySale(core, 1500);
      await run(core, 'shift.close', { pin: OWNER_PIN, acknowledgeUnresolved: true });
      return;
    case 'staff':
      await run(core, 'staff.add', {
        name: NEW_STAFF,
        role: 'cashier',
        pin: STAFF_PIN,
        operatorId: '7',
        approverPin: OWNER_PIN,
      });
      return;
    case 'pin': {
      const added = await run<{ staffId: number }>(core, 'staff.add', {
        name: NEW_STAFF,
        role: 'cashier',
        pin: STAFF_PIN,
        operatorId: '7',
        approverPin: OWNER_PIN,
      });
      armed = true;
      await run(core, 'staff.setPin', { staffId: added.staffId, pin: STAFF_NEW_PIN, approverPin: OWNER_PIN });
      return;
    }
    case 'settings':
      await run(core, 'settings.update', {
        pin: OWNER_PIN,
        patch: { shop: { name: NEW_SHOP, address: '', phone: '' } },
      });
      return;
    case 'secrets':
      await run(core, 'settings.setSignKey', { signKey: NEW_SIGN_KEY, pin: OWNER_PIN });
      return;
  }
}

async function restart(core: TillCore): Promise<TillReport> {
  // One sign-in for the owner's reads and the shift; the staff PINs are tried last, since each try
  // that works signs its account in. Every sign-in is a scrypt per account: the run's largest cost.
  await run(core, 'staff.signIn', { pin: OWNER_PIN });
  // What it resumed: receipts queued or cut short are sent now. Signed in first: a locked till's
  // snapshot lists no receipt jobs, so waiting on it waited for nothing.
  const snap = await whenSnapshot(core, allPrinted);
  const settings = await run<{ shop: { name: string }; signKeySet: boolean }>(core, 'settings.get', {});
  const staff = await run<Array<{ name: string }>>(core, 'staff.list', {});
  if (cfg.kind === 'shift') {
    // A shift the crash left open closes now; then one more sale: a closed shift must not change.
    const open = await run<unknown>(core, 'shift.current', {});
    if (open) await run(core, 'shift.close', { pin: OWNER_PIN, acknowledgeUnresolved: true });
    await paySale(core, 1700);
  }
  return {
    shopName: settings.shop.name,
    signKeySet: settings.signKeySet,
    newStaff: staff.filter((s) => s.name === NEW_STAFF).length,
    oldPinWorks: await signsIn(core, STAFF_PIN),
    newPinWorks: await signsIn(core, STAFF_NEW_PIN),
    queuedJobs: snap.printing.jobs.filter((j) => j.state === 'queued').length,
    printedJobs: snap.printing.jobs.filter((j) => j.state === 'printed').length,
  };
}
