// The application menu. Packaged builds get no reload or DevTools entries; everyone gets "Copy
// diagnostics" for support.
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(opts: {
  packaged: boolean;
  onCopyDiagnostics: () => void;
}): MenuItemConstructorOptions[] {
  const help: MenuItemConstructorOptions = {
    label: 'Help',
    submenu: [{ label: 'Copy diagnostics', click: opts.onCopyDiagnostics }],
  };
  const file: MenuItemConstructorOptions = { label: 'File', submenu: [{ role: 'quit' }] };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  if (opts.packaged) return [file, edit, help];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }],
  };
  return [file, edit, view, help];
}
