import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { AuditCheckpointCheck, AuditSigningKeys } from '@qinlian/contracts';
import { AppRoutes } from '../../app/routes.tsx';
import { changeLanguage } from '../../i18n/index.ts';
import { fails, fakeApi, ok } from '../../test/fakeApi.ts';
import { splitHead } from './bulletinHead.ts';

/** A public address opened as the browser would: the app's own route table, no console around it. */
function openPublic(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const HASH = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const SIGNATURE = 'ab'.repeat(64);
const KEY = {
  id: '3a7bd3e2360a3d29',
  publicKey: `04${'1f'.repeat(64)}`,
  algorithm: 'SM2-SM3',
  validFrom: '2026-03-02T01:00:00.000Z',
  validUntil: null,
};
const answer = (over: Partial<AuditCheckpointCheck> = {}): AuditCheckpointCheck => ({
  seq: 1024,
  hash: HASH,
  verdict: 'confirmed',
  contained: true,
  headSeq: 1100,
  verifiedThrough: 1100,
  complete: true,
  firstBadSeq: null,
  signature: null,
  ...over,
});

afterEach(() => changeLanguage('zh-CN'));

describe('核对公告 (/p/verify)', () => {
  it('takes a pasted head with a full-width colon and the signature, and says in plain words that the records are intact', async () => {
    const api = fakeApi().on('GET', '/api/public/audit/checkpoint', () =>
      ok(AuditCheckpointCheck, answer({ signature: { valid: true, keyId: KEY.id, problem: null, key: KEY } })),
    );
    openPublic('/p/verify');
    await userEvent.type(await screen.findByTestId('verify-head'), `审计链头 1024：${HASH}`);
    await userEvent.click(screen.getByText('核对签名（选填）'));
    await userEvent.type(screen.getByTestId('verify-signature'), SIGNATURE);
    await userEvent.type(screen.getByTestId('verify-key'), KEY.id);
    await userEvent.type(screen.getByTestId('verify-signed-at'), KEY.validFrom);
    await userEvent.click(screen.getByTestId('verify-submit'));

    const result = await screen.findByTestId('verify-result');
    expect(result.dataset.verdict).toBe('confirmed');
    expect(within(result).getByTestId('verify-verdict').textContent).toBe('记录完好');
    expect(within(result).getByTestId('verify-explanation').textContent).toContain('从第 1 行到最新的第 1100 行全部复核无误');
    expect(within(result).getByTestId('verify-signature-result').textContent).toContain(`由本区 SM2 密钥 ${KEY.id} 签署`);
    expect(api.lastQuery('/api/public/audit/checkpoint')).toEqual({
      seq: '1024',
      hash: HASH,
      signature: SIGNATURE,
      keyId: KEY.id,
      signedAt: KEY.validFrom,
    });
  });

  it('opens the answer from a link, and names the row changed after the bulletin', async () => {
    fakeApi().on('GET', '/api/public/audit/checkpoint', () =>
      ok(AuditCheckpointCheck, answer({ verdict: 'broken', firstBadSeq: 1050, verifiedThrough: 1049 })),
    );
    openPublic(`/p/verify?seq=1024&hash=${HASH}`);
    const result = await screen.findByTestId('verify-result');
    expect(result.dataset.verdict).toBe('broken');
    expect(within(result).getByTestId('verify-explanation').textContent).toBe(
      '第 1024 行与公告一致，但其后第 1050 行的记录已对不上：公告发出以后有记录被改动。请向纪检监察机关反映。',
    );
    expect((screen.getByTestId('verify-head') as HTMLInputElement).value).toBe(`1024:${HASH}`);
  });

  it('shows the server’s words at the field that is wrong, in English too', async () => {
    await changeLanguage('en-US');
    fakeApi().on('GET', '/api/public/audit/checkpoint', () =>
      fails(400, 'validation_failed', 'Some fields are invalid; please check them', [
        { path: 'hash', message: 'The hash is 64 hexadecimal characters (0–9, a–f), exactly as printed on the bulletin' },
      ]),
    );
    openPublic('/p/verify');
    await userEvent.type(await screen.findByTestId('verify-head'), '1024:9f86');
    await userEvent.click(screen.getByTestId('verify-submit'));
    expect((await screen.findByTestId('verify-head-error')).textContent).toBe(
      'The hash is 64 hexadecimal characters (0–9, a–f), exactly as printed on the bulletin',
    );
    expect(screen.getByTestId('verify-head').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('verify-result')).toBeNull();
    expect(screen.getByText('Check a bulletin')).toBeTruthy();
  });

  it('splits what a reader pastes into the sequence number and the hash', () => {
    expect(splitHead(` 1024 : ${HASH.toUpperCase()} `)).toEqual({ seq: '1024', hash: HASH.toUpperCase() });
    expect(splitHead('12:abc')).toEqual({ seq: '12', hash: 'abc' });
    expect(splitHead('no colon')).toEqual({ seq: 'no colon', hash: '' });
  });
});

describe('本区签名公钥 (/p/keys)', () => {
  it('lists the key in use and a retired one, each with its whole public key', async () => {
    const retired = { ...KEY, id: '0c1d2e3f40516273', validFrom: '2026-01-05T02:00:00.000Z', validUntil: '2026-03-02T01:00:00.000Z' };
    fakeApi().on('GET', '/api/public/audit/keys', () => ok(AuditSigningKeys, { items: [KEY, retired] }));
    openPublic('/p/keys');
    const [current, old] = await screen.findAllByTestId('public-key');
    expect(within(current!).getByTestId('public-key-state').textContent).toBe('在用');
    expect(within(current!).getByTestId('public-key-hex').textContent).toBe(KEY.publicKey);
    expect(within(old!).getByTestId('public-key-state').textContent).toBe('已停用');
    expect(old!.textContent).toContain('停用：2026年3月2日 09:00');
  });

  it('says so when no bulletin has been signed yet', async () => {
    fakeApi().on('GET', '/api/public/audit/keys', () => ok(AuditSigningKeys, { items: [] }));
    openPublic('/p/keys');
    expect((await screen.findByTestId('public-keys-none')).textContent).toBe('本区还没有签发过公告。');
  });
});
