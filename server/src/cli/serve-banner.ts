import os from 'node:os';
import type { AddressInfo } from 'node:net';

type Interfaces = ReturnType<typeof os.networkInterfaces>;

const WILDCARDS = new Set(['0.0.0.0', '::', '']);
const urlOf = (address: string, port: number) => `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

/**
 * Where people can reach the server: the bound addresses themselves, or — when bound to every
 * address (HOST=0.0.0.0, the default, or ::) — loopback and each address this machine has.
 * IPv6 ones only when the socket takes IPv6 (::).
 */
export function reachableUrls(bound: readonly AddressInfo[], interfaces: Interfaces = os.networkInterfaces()): string[] {
  const urls: string[] = [];
  for (const b of bound) {
    if (!WILDCARDS.has(b.address)) {
      urls.push(urlOf(b.address, b.port));
      continue;
    }
    const families = b.address === '::' ? ['IPv4', 'IPv6'] : ['IPv4'];
    const local = Object.values(interfaces)
      .flat()
      .filter((i) => i && families.includes(i.family) && !(i.family === 'IPv6' && i.address.startsWith('fe80')))
      .sort((a, z) => Number(z!.internal) - Number(a!.internal)); // loopback first
    for (const i of local) urls.push(urlOf(i!.address, b.port));
  }
  return [...new Set(urls)];
}

/** The start-up line: what runs, the host binding as configured, and the addresses that answer. */
export function serveBanner(input: {
  version: string;
  engine: string;
  jobs: boolean;
  host: string;
  bound: readonly AddressInfo[];
  interfaces?: Interfaces;
}): string {
  const { version, engine, jobs, host, bound } = input;
  const port = bound[0]?.port;
  const everywhere = WILDCARDS.has(host);
  const binding = everywhere
    ? `监听 ${host}:${port}（本机所有地址，可用 HOST 限定）/ listening on ${host}:${port} (every address of this machine; set HOST to narrow it)`
    : `监听 ${host}:${port} / listening on ${host}:${port}`;
  return [
    `勤廉 Qinlian ${version} · ${engine}${jobs ? ' · jobs on' : ''}`,
    `  ${binding}`,
    ...reachableUrls(bound, input.interfaces).map((u) => `  ${u}`),
  ].join('\n');
}
