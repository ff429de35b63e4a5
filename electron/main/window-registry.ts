// Which webContents is which window role. Filled by windows.ts when it creates a window, emptied when
// the window's contents are destroyed; the IPC handler trusts nothing else to name a sender's role.
import type { Role } from '../../shared/contract.ts';

export interface WindowRegistry {
  add(webContentsId: number, role: Role): void;
  remove(webContentsId: number): void;
  roleOf(webContentsId: number): Role | null;
}

export function createWindowRegistry(): WindowRegistry {
  const roles = new Map<number, Role>();
  return {
    add(id, role) {
      roles.set(id, role);
    },
    remove(id) {
      roles.delete(id);
    },
    roleOf(id) {
      return roles.get(id) ?? null;
    },
  };
}
