/** `<meta http-equiv>` policies and the `<meta name="referrer">` of an HTML page, as the Observatory reads them. */
export interface MetaPolicies {
  readonly csp: string[];
  readonly referrer: string[];
}

const ENTITIES: Readonly<Record<string, string>> = { '&quot;': '"', '&#39;': "'", '&apos;': "'", '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** Reads the meta tags of the first 64 KiB of an HTML page (a regex scan: no DOM, no scripts run). */
export function metaPolicies(html: string): MetaPolicies {
  const csp: string[] = [];
  let referrer: string[] = [];
  for (const [tag] of html.slice(0, 65_536).matchAll(/<meta\b[^>]*>/gi)) {
    const attr = (name: string): string | undefined => {
      const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
      const raw = m?.[1] ?? m?.[2] ?? m?.[3];
      return raw?.replace(/&(?:quot|#39|apos|amp|lt|gt);/g, (e) => ENTITIES[e] ?? e);
    };
    const equiv = attr('http-equiv')?.trim().toLowerCase();
    const content = attr('content');
    if (equiv !== undefined && content !== undefined) {
      if (equiv === 'content-security-policy' && content) csp.push(content);
    } else if (attr('name')?.trim().toLowerCase() === 'referrer' && content) {
      referrer = [content];
    }
  }
  return { csp, referrer };
}
