import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppLanguage } from '../i18n/index.ts';
import { useLanguagePick } from '../i18n/useLanguagePick.ts';

/** 中文 / English; the choice is kept in localStorage and sent as Accept-Language. `compact`: the globe alone (phone header). */
export function LanguageSwitch({ tone = 'light', compact = false }: { tone?: 'light' | 'dark'; compact?: boolean }) {
  const { t } = useTranslation();
  const { lang, pick } = useLanguagePick();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectedKeys: [lang],
        items: [
          { key: 'zh-CN', label: <span data-testid="lang-zh">{t('lang.zh')}</span> },
          { key: 'en-US', label: <span data-testid="lang-en">{t('lang.en')}</span> },
        ],
        onClick: ({ key }) => void pick(key as AppLanguage),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        className={tone === 'dark' ? 'on-dark' : undefined}
        aria-label={compact ? `${t('lang.zh')} / ${t('lang.en')}` : undefined}
      >
        {compact ? null : lang === 'zh-CN' ? t('lang.zh') : t('lang.en')}
      </Button>
    </Dropdown>
  );
}
