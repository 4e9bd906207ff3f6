import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { reachableUrls, serveBanner } from './serve-banner.ts';

const iface = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as os.NetworkInterfaceInfo;
const MACHINE = {
  lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
  eth0: [iface('192.168.10.5', 'IPv4'), iface('fe80::1', 'IPv6'), iface('2001:db8::5', 'IPv6')],
} as ReturnType<typeof os.networkInterfaces>;

describe('serve banner', () => {
  it('lists every IPv4 address of the machine, loopback first, when bound to 0.0.0.0 — never "localhost"', () => {
    const banner = serveBanner({
      version: '0.1.0',
      engine: 'sqlite',
      jobs: true,
      host: '0.0.0.0',
      bound: [{ address: '0.0.0.0', family: 'IPv4', port: 8080 }],
      interfaces: MACHINE,
    });
    expect(banner.split('\n')).toEqual([
      '勤廉 Qinlian 0.1.0 · sqlite · jobs on',
      '  监听 0.0.0.0:8080（本机所有地址，可用 HOST 限定）/ listening on 0.0.0.0:8080 (every address of this machine; set HOST to narrow it)',
      '  http://127.0.0.1:8080',
      '  http://192.168.10.5:8080',
    ]);
    expect(banner).not.toContain('localhost');
  });

  it('names only the bound address when HOST narrows it, with the port actually bound', () => {
    const banner = serveBanner({
      version: '0.1.0',
      engine: 'postgres',
      jobs: false,
      host: '127.0.0.1',
      bound: [{ address: '127.0.0.1', family: 'IPv4', port: 41234 }],
      interfaces: MACHINE,
    });
    expect(banner).toBe('勤廉 Qinlian 0.1.0 · postgres\n  监听 127.0.0.1:41234 / listening on 127.0.0.1:41234\n  http://127.0.0.1:41234');
  });

  it('adds the IPv6 addresses (bracketed, no link-local) when bound to ::', () => {
    expect(reachableUrls([{ address: '::', family: 'IPv6', port: 80 }], MACHINE)).toEqual([
      'http://127.0.0.1:80',
      'http://[::1]:80',
      'http://192.168.10.5:80',
      'http://[2001:db8::5]:80',
    ]);
  });
});
