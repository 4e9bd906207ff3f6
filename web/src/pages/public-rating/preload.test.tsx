import { describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { fakeApi } from '../../test/fakeApi.ts';
import { publicKeys } from './hooks.ts';
import { startPublicRatingPage } from './preload.ts';

describe('starting a public rating page with the shell', () => {
  it("asks for the badge's answer at once, under the key the page reads, with the device id", async () => {
    const api = fakeApi().on('GET', '/api/public/badges/7KQ3-MZ8R', () => ({ body: { name: '王晓明' } }));
    const client = new QueryClient();
    void startPublicRatingPage('/p/b/7KQ3-MZ8R', client);
    await waitFor(() => expect(client.getQueryData(publicKeys.badge('7KQ3-MZ8R'))).toEqual({ name: '王晓明' }));
    expect(api.calls('GET', '/api/public/badges/7KQ3-MZ8R')[0]!.headers.get('X-Device-Id')).toBeTruthy();
  });

  it('starts from the badge the server put into the page, without asking for it again', async () => {
    const api = fakeApi();
    const script = Object.assign(document.createElement('script'), { type: 'application/json', id: 'badge-data' });
    script.textContent = '{"name":"\\u003cb\\u003e王\\u003c/b\\u003e"}';
    document.body.append(script);
    const client = new QueryClient();
    const ready = startPublicRatingPage('/p/b/7KQ3-MZ8R', client);
    expect(client.getQueryData(publicKeys.badge('7KQ3-MZ8R'))).toEqual({ name: '<b>王</b>' });
    expect(document.getElementById('badge-data')).toBeNull();
    await ready;
    expect(api.requests).toHaveLength(0);
  });

  it('leaves every other address to its own page', () => {
    const api = fakeApi();
    const client = new QueryClient();
    for (const path of ['/p', '/p/e', '/p/b/', '/p/x/ABC', '/p/b/A/B', '/tasks', '/p/b/%E0%A4%A']) void startPublicRatingPage(path, client);
    expect(api.requests).toHaveLength(0);
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });
});
