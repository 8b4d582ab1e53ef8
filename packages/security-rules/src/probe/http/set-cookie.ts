/** One cookie as a `Set-Cookie` header sent it. */
export interface SentCookie {
  readonly name: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  /** `strict` / `lax` / `none` when valid; `invalid` when the attribute is there with another value or none. */
  readonly sameSite: 'strict' | 'lax' | 'none' | 'invalid' | undefined;
  readonly domain: string | undefined;
  readonly path: string | undefined;
  /** True for `Max-Age=0` / an `Expires` in the past: the header deletes the cookie. */
  readonly deletion: boolean;
  /** The header as sent (value replaced by `…` so secrets do not land in reports). */
  readonly raw: string;
}

/**
 * Parses one `Set-Cookie` header (RFC 6265 §5.2: the first `;`-separated part is name=value, the rest are
 * attributes, matched case-insensitively).
 *
 * @example
 * parseSetCookie('sid=abc; HttpOnly; SameSite=Lax').httpOnly; // true
 */
export function parseSetCookie(header: string): SentCookie {
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  const name = (eq === -1 ? '' : pair.slice(0, eq)).trim();
  let secure = false;
  let httpOnly = false;
  let sameSite: SentCookie['sameSite'];
  let domain: string | undefined;
  let path: string | undefined;
  let deletion = false;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at === -1 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const value = at === -1 ? '' : attribute.slice(at + 1).trim();
    if (key === 'secure') secure = true;
    else if (key === 'httponly') httpOnly = true;
    else if (key === 'samesite') sameSite = ['strict', 'lax', 'none'].includes(value.toLowerCase()) ? (value.toLowerCase() as 'lax') : 'invalid';
    else if (key === 'domain') domain = value;
    else if (key === 'path') path = value;
    else if (key === 'max-age' && /^-?\d+$/.test(value) && Number(value) <= 0) deletion = true;
    else if (key === 'expires' && Date.parse(value) < Date.now()) deletion = true;
  }
  const raw = [`${name}=…`, ...attributes.map((a) => a.trim()).filter(Boolean)].join('; ');
  return { name, secure, httpOnly, sameSite, domain, path, deletion, raw };
}

/** The cookies a set of `Set-Cookie` headers leaves in a browser: deletions dropped, the last of each name kept. */
export function cookieJar(headers: readonly string[]): SentCookie[] {
  const jar = new Map<string, SentCookie>();
  for (const header of headers) {
    const cookie = parseSetCookie(header);
    if (!cookie.name) continue;
    const key = `${cookie.name}\0${cookie.path ?? ''}`;
    if (cookie.deletion) jar.delete(key);
    else jar.set(key, cookie);
  }
  return [...jar.values()];
}
