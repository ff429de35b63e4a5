// Nothing in a renderer may open a window, navigate away, attach a <webview> or get a permission.
// Applied to every webContents the app creates (app 'web-contents-created'), so no window is missed.
import type { Logger } from '../core/logging/logger.ts';
import { roleOfUrl } from './app-origins.ts';

/** The parts of WebContents the guard uses (Electron's type fits; tests pass a fake). */
export interface GuardableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
}

export interface GuardableSession {
  setPermissionRequestHandler(
    handler:
      | ((
          contents: unknown,
          permission: string,
          callback: (granted: boolean) => void,
          details: { requestingUrl?: string; mediaTypes?: string[] },
        ) => void)
      | null,
  ): void;
  setPermissionCheckHandler(
    handler:
      | ((
          contents: unknown,
          permission: string,
          requestingOrigin: string,
          details?: { mediaType?: string },
        ) => boolean)
      | null,
  ): void;
}

/**
 * No page gets any permission — microphone, notifications, geolocation, HID, serial, USB, clipboard…
 * "Copy diagnostics" writes the clipboard from the main process, not from a page — but one: the till
 * page may use a camera (video only, never sound) to read payment codes (issue 21). The customer
 * display and any other origin get nothing.
 */
export function permissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  mediaTypes: readonly string[] = [],
): boolean {
  return (
    permission === 'media' &&
    roleOfUrl(requestingUrl) === 'till' &&
    mediaTypes.length > 0 &&
    mediaTypes.every((m) => m === 'video')
  );
}

/** Only the URL's scheme and host are logged: a query string could carry anything. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparseable url)';
  }
}

export function guardContents(contents: GuardableContents, logger: Logger): void {
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('window.open denied', { target: describeUrl(url) });
    return { action: 'deny' };
  });
  // Pages are single-page apps: no navigation is ever legitimate (a reload does not fire this).
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    logger.warn('navigation denied', { target: describeUrl(url) });
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    logger.warn('redirect denied', { target: describeUrl(url) });
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('<webview> denied');
  });
}

export function applyPermissionPolicy(session: GuardableSession, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = permissionAllowed(permission, details.requestingUrl, details.mediaTypes ?? []);
    if (!granted) logger.warn('permission request denied', { permission });
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionAllowed(permission, requestingOrigin, details?.mediaType ? [details.mediaType] : []),
  );
}
