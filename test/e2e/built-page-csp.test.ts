import { describe, expect, inject, test } from 'vitest';

/** The Content-Security-Policy the built page declares, as directive → sources. */
function policyOf(html: string): Map<string, string[]> {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (match === null) throw new Error('the built page declares no Content-Security-Policy');
  return new Map(
    match[1]
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('the built web app', () => {
  test('keeps a strict Content-Security-Policy: scripts and workers only from its own origin, no inline script', async () => {
    const html = await (await fetch(inject('webAppUrl'))).text();
    const policy = policyOf(html);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    // Every script is a file of the app: none is written inline into the page.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="/);
      expect(body.trim()).toBe('');
    }
  });

  test('carries sql.js with its in-memory file growing by half, not by an eighth', async () => {
    const base = inject('webAppUrl');
    const html = await (await fetch(base)).text();
    const scriptPaths = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
    const sources = await Promise.all(scriptPaths.map(async (path) => (await fetch(new URL(path, base))).text()));
    const bundle = sources.join('\n');
    expect(bundle).toMatch(/([A-Za-z_$][\w$]*)\*\(\1<1048576\?2:1\.5\)/);
    expect(bundle).not.toMatch(/<1048576\?2:1\.125\)/);
  });
});
