import { App, Button, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account } from '@qinlian/contracts';
import { useDisableAccount, useEnableAccount, useResetAccountPassword, useUnlockAccount } from './hooks.ts';

type Props = { account: Account; onPassword: (account: Account, password: string) => void };

/** What may be done to one account, as the server's abilities say: disable or enable, reset the password, release a delay. */
export function AccountActions({ account: a, onPassword }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const disable = useDisableAccount();
  const enable = useEnableAccount();
  const unlock = useUnlockAccount();
  const reset = useResetAccountPassword();
  const name = a.personName ?? a.displayName;
  const quiet = () => undefined;

  return (
    <Flex gap={4} wrap>
      {a.abilities.disable && (
        <Popconfirm
          title={t('accounts.disable')}
          description={t('accounts.disableConfirm', { name })}
          okButtonProps={{ danger: true }}
          onConfirm={() => disable.mutateAsync(a.id).then(() => void message.success(t('accounts.disabledDone')), quiet)}
        >
          <Button type="link" size="small" danger data-testid={`account-disable-${a.username}`}>
            {t('accounts.disable')}
          </Button>
        </Popconfirm>
      )}
      {a.abilities.enable && (
        <Button
          type="link"
          size="small"
          loading={enable.isPending}
          onClick={() => enable.mutateAsync(a.id).then(() => void message.success(t('accounts.enabledDone')), quiet)}
          data-testid={`account-enable-${a.username}`}
        >
          {t('accounts.enable')}
        </Button>
      )}
      {a.abilities.resetPassword && (
        <Popconfirm
          title={t('accounts.resetPassword')}
          description={t('accounts.resetConfirm', { name })}
          onConfirm={() => reset.mutateAsync(a.id).then((r) => onPassword(a, r.password), quiet)}
        >
          <Button type="link" size="small" data-testid={`account-reset-${a.username}`}>
            {t('accounts.resetPassword')}
          </Button>
        </Popconfirm>
      )}
      {a.abilities.unlock && (
        <Popconfirm
          title={t('accounts.unlock')}
          description={t('accounts.unlockConfirm', { name })}
          onConfirm={() =>
            unlock.mutateAsync(a.id).then((r) => void message.success(t('accounts.unlockedDone', { count: r.released })), quiet)
          }
        >
          <Button type="link" size="small" data-testid={`account-unlock-${a.username}`}>
            {t('accounts.unlock')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}
