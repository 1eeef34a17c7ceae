/**
 * A browser reduced to what a sign-in needs, over real HTTP (Node's fetch, undici inside): a cookie jar that
 * honours a cookie's path and expiry, redirects followed by hand (so a test can stop at any hop),
 * and HTML forms read from the page and posted back.
 */

interface StoredCookie {
  value: string;
  path: string;
  host: string;
}

export class TestBrowser {
  readonly cookies = new Map<string, StoredCookie>();

  cookie(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  private cookieHeader(url: URL): string {
    return [...this.cookies]
      .filter(([, c]) => c.host === url.host && (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  private remember(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((p) => p.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const maxAge = attr('max-age');
      const expires = attr('expires');
      const gone = value === '' || maxAge === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
      const key = name;
      if (gone) this.cookies.delete(key);
      else this.cookies.set(key, { value, path: attr('path') ?? '/', host: url.host });
    }
  }

  /** One request, no redirect followed. */
  async request(url: string | URL, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const headers: Record<string, string> = { accept: 'text/html,application/xhtml+xml', ...init.headers };
    const cookie = this.cookieHeader(target);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(target, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    this.remember(target, res);
    return res;
  }

  /**
   * Follows redirects from `url` until an answer that is not a redirect, or until the next hop
   * would be `stopAt` (returned unrequested). Returns the last answer and the URL it came from.
   */
  async follow(url: string | URL, options: { stopAt?: (next: URL) => boolean; init?: Parameters<TestBrowser['request']>[1] } = {}) {
    let current = new URL(url);
    let res = await this.request(current, options.init);
    for (let hops = 0; hops < 20; hops += 1) {
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { res, url: current, stoppedAt: undefined };
      await res.arrayBuffer();
      const next = new URL(location, current);
      if (options.stopAt?.(next)) return { res, url: current, stoppedAt: next };
      current = next;
      res = await this.request(current);
    }
    throw new Error('too many redirects');
  }
}

/** The action and fields of the first form of `html` (or the one with `id`), values unescaped. */
export function readForm(html: string, base: URL, id?: string): { action: URL; fields: Record<string, string> } {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)];
  const form = id ? forms.find((f) => f[1]!.includes(`id="${id}"`)) : forms[0];
  if (!form) throw new Error(`no form${id ? ` ${id}` : ''} in the page`);
  const action = /action="([^"]*)"/.exec(form[1]!)?.[1] ?? base.toString();
  const fields: Record<string, string> = {};
  for (const input of form[2]!.matchAll(/<input\b([^>]*)>/g)) {
    const name = /name="([^"]*)"/.exec(input[1]!)?.[1];
    if (name) fields[name] = unescapeHtml(/value="([^"]*)"/.exec(input[1]!)?.[1] ?? '');
  }
  return { action: new URL(unescapeHtml(action), base), fields };
}

function unescapeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
