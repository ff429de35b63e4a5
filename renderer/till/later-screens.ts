// The screens a till does not open first are loaded when first shown, so the first screen's code is
// small: Settings alone brings zod (its forms' schemas) and the camera brings the ZXing decoder, about
// 0.9 MB of script the browser would otherwise parse before the first paint. Once the first screen has
// painted they are fetched while the page is idle (the camera only where it is used), so a tab opens
// at once.
import { lazy } from 'react';
import { whenIdle } from '../components/when-idle.ts';

const loaders = {
  attention: () => import('./screens/AttentionScreen.tsx'),
  history: () => import('./screens/HistoryScreen.tsx'),
  report: () => import('./screens/ReportScreen.tsx'),
  settings: () => import('./screens/settings/SettingsScreen.tsx'),
  shift: () => import('./staff/ShiftScreen.tsx'),
  staff: () => import('./staff/StaffScreen.tsx'),
};
const camera = () => import('./camera/CameraScanner.tsx');

export const AttentionScreen = lazy(() => loaders.attention().then((m) => ({ default: m.AttentionScreen })));
export const HistoryScreen = lazy(() => loaders.history().then((m) => ({ default: m.HistoryScreen })));
export const ReportScreen = lazy(() => loaders.report().then((m) => ({ default: m.ReportScreen })));
export const SettingsScreen = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsScreen })));
export const ShiftScreen = lazy(() => loaders.shift().then((m) => ({ default: m.ShiftScreen })));
export const StaffScreen = lazy(() => loaders.staff().then((m) => ({ default: m.StaffScreen })));
export const CameraScanner = lazy(() => camera().then((m) => ({ default: m.CameraScanner })));

let fetched = false;
/** Fetches the screens' code once the page is idle after its first paint (a second call does nothing). */
export function fetchLaterScreens(): void {
  if (fetched) return;
  fetched = true;
  whenIdle(() => {
    for (const load of Object.values(loaders)) void load();
  });
}
