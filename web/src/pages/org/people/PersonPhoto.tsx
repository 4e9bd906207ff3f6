import { CameraOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Flex, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '@qinlian/contracts';
import { BRAND_PRIMARY } from '../../../app/theme.ts';
import { useUploadPhoto } from './hooks.ts';

/** The person's work photo, shown on the public badge (亮牌上岗); replaceable by those who manage the person. */
export function PersonPhoto({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadPhoto();
  return (
    <Flex align="center" gap={16} style={{ marginBottom: 16 }}>
      <Avatar
        shape="square"
        size={72}
        src={person.photoUrl ?? undefined}
        style={{ background: '#e3f0f1', color: BRAND_PRIMARY, fontSize: 28 }}
      >
        {person.name.slice(0, 1)}
      </Avatar>
      <Upload
        accept="image/png,image/jpeg,image/webp"
        showUploadList={false}
        disabled={!person.abilities.manage}
        beforeUpload={(file) => {
          upload.mutate({ id: person.id, file }, { onSuccess: () => message.success(t('common.saved')) });
          return false;
        }}
      >
        <Button icon={<CameraOutlined />} loading={upload.isPending} disabled={!person.abilities.manage} data-testid="person-photo-upload">
          {t('person.photo')}
        </Button>
      </Upload>
    </Flex>
  );
}
