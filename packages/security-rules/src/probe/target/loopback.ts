import { isIP } from 'node:net';

/**
 * True when `hostname` (as in `URL.hostname`) certainly names this machine: an IPv4 address in
 * 127.0.0.0/8, the IPv6 loopback `::1` (also IPv4-mapped `::ffff:127.x.x.x`), or `localhost` and its
 * subdomains (RFC 6761 reserves them for loopback). Any other name is not trusted, even if it resolves to
 * 127.0.0.1 today: DNS can change between the check and the connection.
 *
 * @example
 * isLoopbackHost('127.0.0.1'); // true
 * isLoopbackHost('[::1]'); // true
 * isLoopbackHost('10.0.0.5'); // false
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  if (family === 4) return isLoopbackV4(host);
  if (family === 6) {
    if (/^(0{0,4}:){7}0{0,3}1$/.test(host) || host === '::1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    return mapped?.[1] !== undefined && isLoopbackV4(mapped[1]);
  }
  return false;
}

function isLoopbackV4(address: string): boolean {
  return address.split('.')[0] === '127';
}
