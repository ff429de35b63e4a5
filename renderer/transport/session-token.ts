// The browser shell prints the till URL with ?token=…; the page keeps the token in sessionStorage and
// removes it from the address bar (and so from history, bookmarks and screenshots).
const KEY = 'till.sessionToken';

export function takeSessionToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      window.sessionStorage.setItem(KEY, fromUrl);
    } catch {
      // Storage may be disabled; the token still works for this page's life.
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}
