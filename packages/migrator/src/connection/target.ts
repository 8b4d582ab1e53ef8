/**
 * Connection strings as the user may see them: the password is never shown, anywhere
 * (messages, `--json`, logs).
 */

/** Returns the connection string with any password replaced by `***`. Not a URL → returned as given minus `password=…`. */
export function redactConnectionString(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    for (const key of [...url.searchParams.keys()]) {
      if (key.toLowerCase() === 'password') url.searchParams.set(key, '***');
    }
    return url.toString();
  } catch {
    return connectionString.replace(/(password\s*=\s*)(\S+)/gi, '$1***');
  }
}

/** `user@host:port/database` for messages: names the target, never the password. */
export function describeTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
    const host = url.hostname || url.searchParams.get('host') || 'localhost';
    const port = url.port ? `:${url.port}` : '';
    const db = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default database)';
    return `${user}${host}${port}/${db}`;
  } catch {
    return redactConnectionString(connectionString);
  }
}
