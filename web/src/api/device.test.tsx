import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test/fakeApi.ts';

describe('the device id the public API counts by', () => {
  it('is made once, kept in localStorage and sent on public calls only', async () => {
    // a first load: the web tests share modules (isolate: false), so an earlier file may have made one
    vi.resetModules();
    const { deviceId } = await import('./device.ts');
    const { api } = await import('./client.ts');
    const id = deviceId();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(localStorage.getItem('qinlian.deviceId')).toBe(id);
    expect(deviceId()).toBe(id);

    const fake = fakeApi();
    fake.on('GET', '/api/public/ping', () => ({ body: {} }));
    fake.on('GET', '/api/health', () => ({ body: {} }));
    await api.get('/api/public/ping');
    await api.get('/api/health');
    expect(fake.requests.map((r) => [r.path, r.headers.get('x-device-id')])).toEqual([
      ['/api/public/ping', id],
      ['/api/health', null],
    ]);
  });
});
