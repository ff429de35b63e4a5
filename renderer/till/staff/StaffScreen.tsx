import { useCallback, useEffect, useState } from 'react';
import { STAFF_ROLES, type StaffRole, type StaffView } from '../../../shared/staff.ts';
import { PinInput } from '../../components/PinInput.tsx';
import { SaveOutcome } from '../../components/SaveOutcome.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { PinDialog } from '../screens/PinDialog.tsx';
import { run, useTill } from '../till-context.ts';
import { everyRefusal, useSaveWithPin } from '../useSaveWithPin.ts';

type Pending = { kind: 'add' } | { kind: 'active'; staff: StaffView } | { kind: 'reset'; staff: StaffView };

/** Owners and supervisors manage the accounts; every change is approved with a supervisor's PIN. */
export function StaffScreen() {
  const { api, tr } = useTill();
  const [staff, setStaff] = useState<StaffView[]>([]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('cashier');
  const [pin, setPin] = useState('');
  const [operatorId, setOperatorId] = useState('');
  const [newPin, setNewPin] = useState('');
  // Every refusal (a PIN taken, a name too long) is said in the dialog, where the change can be fixed.
  const save = useSaveWithPin<Pending>({ staysInDialog: everyRefusal });
  const { setError, setNotice } = save;
  const pending = save.asking;

  const load = useCallback(async () => {
    const r = await run(api, 'staff.list', {});
    if (r.ok) setStaff(r.value);
    else setError(errorText(tr, r.error));
  }, [api, tr, setError]);
  useEffect(() => {
    void load();
  }, [load]);

  const approve = save.confirm(
    async (approverPin, change) => {
      if (change.kind === 'reset' && newPin.length < 4) return tr('staff.newPinNeeded');
      return change.kind === 'add'
        ? run(api, 'staff.add', { name, role, pin, operatorId, approverPin })
        : change.kind === 'reset'
          ? run(api, 'staff.setPin', { staffId: change.staff.staffId, pin: newPin, approverPin })
          : run(api, 'staff.setActive', {
              staffId: change.staff.staffId,
              active: !change.staff.active,
              approverPin,
            });
    },
    (member, change) => {
      void load();
      if (change.kind === 'add') {
        setName('');
        setPin('');
        setOperatorId('');
        return tr('staff.added', { name: member.name });
      }
      if (change.kind === 'reset') {
        setNewPin('');
        return tr('staff.pinReset', { name: member.name });
      }
      return null;
    },
  );

  return (
    <section className="staff">
      <h2>{tr('staff.title')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{tr('staff.name')}</th>
            <th>{tr('staff.role')}</th>
            <th>{tr('staff.operatorId')}</th>
            <th>
              <span className="visually-hidden">{tr('a11y.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.staffId} data-staff-id={s.staffId}>
              <td>
                {s.name}
                {!s.active && ` (${tr('staff.inactive')})`}
              </td>
              <td>{tr(`staff.role.${s.role}`)}</td>
              <td className="mono">{s.operatorId}</td>
              <td>
                <button type="button" onClick={() => save.ask({ kind: 'active', staff: s })}>
                  {s.active ? tr('staff.deactivate') : tr('staff.reactivate')}
                </button>{' '}
                <button
                  type="button"
                  onClick={() => {
                    setNotice(null);
                    setNewPin('');
                    save.ask({ kind: 'reset', staff: s });
                  }}
                >
                  {tr('staff.resetPin')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setNotice(null);
          save.ask({ kind: 'add' });
        }}
      >
        <label htmlFor="staff-name">{tr('staff.name')}</label>
        <input id="staff-name" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="staff-role">{tr('staff.role')}</label>
        <select id="staff-role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(`staff.role.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor="staff-pin">{tr('staff.pin')}</label>
        <PinInput id="staff-pin" value={pin} onChange={setPin} />
        <label htmlFor="staff-operator">{tr('staff.operatorId')}</label>
        <input
          id="staff-operator"
          inputMode="numeric"
          maxLength={10}
          value={operatorId}
          onChange={(e) => setOperatorId(e.target.value.replace(/\D/g, ''))}
        />
        <button
          type="submit"
          className="primary"
          disabled={!name.trim() || pin.length < 4 || operatorId.length < 1}
        >
          {tr('staff.add')}
        </button>
      </form>
      <SaveOutcome {...save.outcome} />
      {pending?.kind === 'reset' && (
        <PinDialog
          title={tr('staff.resetPinTitle', { name: pending.staff.name })}
          confirmLabel={tr('staff.resetPin')}
          onConfirm={approve}
          onClose={save.cancel}
        >
          <label htmlFor="staff-new-pin">{tr('staff.newPin')}</label>
          <PinInput id="staff-new-pin" value={newPin} onChange={setNewPin} />
          <p className="hint">{tr('staff.approveTitle')}</p>
        </PinDialog>
      )}
      {pending && pending.kind !== 'reset' && (
        <PinDialog title={tr('staff.approveTitle')} onConfirm={approve} onClose={save.cancel} />
      )}
    </section>
  );
}
