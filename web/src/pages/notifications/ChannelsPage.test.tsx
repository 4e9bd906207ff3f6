import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChannelTestResult, NotificationChannel, NotificationChannelList } from '@qinlian/contracts';
import { ok } from '../../test/fakeApi.ts';
import { signedIn } from '../../test/fixtures.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { ChannelsPage } from './ChannelsPage.tsx';

const robot = NotificationChannel.parse({
  id: '0190f0a0-0000-7000-8000-0000000000c1',
  kind: 'dingtalk',
  name: '督查钉钉群',
  targetMasked: 'https://oapi.dingtalk.com/robot/send?access_token=abcd****6789',
  hasSecret: true,
  from: null,
  departmentId: null,
  departmentName: null,
  enabled: true,
  version: 4,
  createdAt: '2026-12-01T01:00:00.000Z',
  updatedAt: '2026-12-01T01:00:00.000Z',
  abilities: { manage: true },
});

function serverWithChannel() {
  return signedIn(['notifications.manage', 'org.read'])
    .on('GET', '/api/notification-channels', () => ok(NotificationChannelList, { items: [robot] }))
    .on('GET', '/api/departments', () => ({ body: { items: [] } }));
}

describe('ChannelsPage', () => {
  it('sends a test and shows what the robot answered', async () => {
    const api = serverWithChannel().on('POST', `/api/notification-channels/${robot.id}/test`, () =>
      ok(ChannelTestResult, { ok: false, error: 'errcode 310000: sign not match', at: '2026-12-07T03:00:00.000Z' }),
    );
    renderWithApp(<ChannelsPage />);
    await userEvent.click(await screen.findByTestId(`channel-test-${robot.id}`));
    await userEvent.click(screen.getByTestId('channel-test-send'));
    const result = await screen.findByTestId('channel-test-result');
    expect(within(result).getByText('发送失败')).toBeTruthy();
    expect(within(result).getByText('errcode 310000: sign not match')).toBeTruthy();
    expect(api.calls('POST', `/api/notification-channels/${robot.id}/test`)[0]!.body).toEqual({});
  });

  it('never shows the secret; saving without typing one keeps it, and the version goes along', async () => {
    const api = serverWithChannel().on('PATCH', `/api/notification-channels/${robot.id}`, () =>
      ok(NotificationChannel, { ...robot, name: '督查钉钉群（新）', version: 5 }),
    );
    renderWithApp(<ChannelsPage />);
    await userEvent.click(await screen.findByTestId(`channel-edit-${robot.id}`));
    const secret = await screen.findByTestId('channel-secret');
    expect((secret as HTMLInputElement).value ?? secret.querySelector('input')!.value).toBe('');
    expect(screen.getByText('已设置密钥；留空则保持不变，填写则替换')).toBeTruthy();
    const name = screen.getByTestId('channel-name');
    await userEvent.clear(name);
    await userEvent.type(name, '督查钉钉群（新）');
    await userEvent.click(screen.getByTestId('channel-save'));
    await waitFor(() => expect(api.calls('PATCH', `/api/notification-channels/${robot.id}`)).toHaveLength(1));
    expect(api.calls('PATCH', `/api/notification-channels/${robot.id}`)[0]!.body).toEqual({
      name: '督查钉钉群（新）',
      departmentId: null,
      enabled: true,
      version: 4,
    });
  });
});
