/** The inbox address last shown, so a dossier page's "back to the list" returns to the same filters and page. */
const key = 'motcua.inbox.search';

export function rememberInboxSearch(search: string): void {
  try {
    window.sessionStorage.setItem(key, search);
  } catch {
    // storage disabled: the back link goes to the plain inbox
  }
}

export function inboxReturnPath(): string {
  try {
    return `/console/ho-so${window.sessionStorage.getItem(key) ?? ''}`;
  } catch {
    return '/console/ho-so';
  }
}
