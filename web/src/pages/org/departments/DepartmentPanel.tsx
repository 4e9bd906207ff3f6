import { useEffect, useMemo, useState } from 'react';
import { DeleteOutlined, DragOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Divider, Flex, Form, Input, InputNumber, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department, DepartmentUpdateBody } from '@qinlian/contracts';
import { applyFieldErrors } from '../../../api/formErrors.ts';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect.tsx';
import { useArchiveDepartment, useUpdateDepartment } from './hooks.ts';
import { KindSelect } from './KindSelect.tsx';
import { deptPath, subtreeIds } from '../../../domain/org/departmentTree.ts';

type Props = { dept: Department; all: Department[]; onCreateChild: () => void };

/** Details of the selected department: rename, re-kind, move, archive. */
export function DepartmentPanel({ dept, all, onCreateChild }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Pick<DepartmentUpdateBody, 'name' | 'kind' | 'sort'>>();
  const update = useUpdateDepartment();
  const archive = useArchiveDepartment();
  const [newParent, setNewParent] = useState<string | null>(null);
  const canManage = dept.abilities.manage && !dept.archived;
  const blocked = useMemo(() => subtreeIds(all, dept.id), [all, dept.id]);

  useEffect(() => {
    form.setFieldsValue({ name: dept.name, kind: dept.kind, sort: dept.sort });
    setNewParent(null);
  }, [dept, form]);

  const save = (values: Pick<DepartmentUpdateBody, 'name' | 'kind' | 'sort'>) =>
    update.mutate(
      { id: dept.id, ...values, version: dept.version },
      { onSuccess: () => message.success(t('common.saved')), onError: (err) => applyFieldErrors(form, err) },
    );

  const move = () =>
    newParent &&
    update.mutate({ id: dept.id, parentId: newParent, version: dept.version }, { onSuccess: () => message.success(t('dept.movedDone')) });

  return (
    <Card
      title={
        <Space>
          {dept.name}
          {dept.archived ? <Tag>{t('dept.archived')}</Tag> : <Tag color="success">{t('dept.active')}</Tag>}
        </Space>
      }
      extra={
        <Button icon={<PlusOutlined />} onClick={onCreateChild} disabled={!canManage} data-testid="dept-create-child">
          {t('dept.createChild')}
        </Button>
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('dept.parent')} span={2}>
          {deptPath(all, dept.parentId) || t('dept.noParent')}
        </Descriptions.Item>
        <Descriptions.Item label={t('dept.kind')}>{t(`dept.kinds.${dept.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('dept.headcount')}>{dept.headcount}</Descriptions.Item>
      </Descriptions>

      <Divider titlePlacement="start" plain>
        {t('dept.editTitle')}
      </Divider>
      <Form form={form} layout="vertical" onFinish={save} disabled={!canManage} style={{ maxWidth: 520 }}>
        <Form.Item name="name" label={t('dept.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} data-testid="dept-edit-name" />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="kind" label={t('dept.kind')} style={{ flex: 1 }}>
            <KindSelect />
          </Form.Item>
          <Form.Item name="sort" label={t('dept.sort')}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: 140 }} />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={update.isPending && !newParent} data-testid="dept-edit-save">
          {t('common.save')}
        </Button>
      </Form>

      <Divider titlePlacement="start" plain>
        {t('dept.move')}
      </Divider>
      <Flex gap={8} style={{ maxWidth: 520 }}>
        <DepartmentTreeSelect
          value={newParent}
          onChange={(v) => setNewParent(typeof v === 'string' ? v : null)}
          disabledIds={blocked}
          placeholder={t('dept.newParent')}
          disabled={!canManage}
          data-testid="dept-move-select"
        />
        <Button
          icon={<DragOutlined />}
          onClick={move}
          disabled={!canManage || !newParent || newParent === dept.parentId}
          loading={update.isPending && !!newParent}
        >
          {t('dept.moveSubmit')}
        </Button>
      </Flex>

      <Divider titlePlacement="start" plain>
        {t('dept.archive')}
      </Divider>
      <Popconfirm
        title={t('dept.archive')}
        description={
          <Typography.Text style={{ maxWidth: 320, display: 'block' }}>{t('dept.archiveConfirm', { name: dept.name })}</Typography.Text>
        }
        onConfirm={() =>
          archive.mutateAsync(dept.id).then(
            () => void message.success(t('dept.archivedDone')),
            () => undefined,
          )
        }
        okButtonProps={{ danger: true }}
        disabled={!canManage}
      >
        <Button danger icon={<DeleteOutlined />} disabled={!canManage} loading={archive.isPending} data-testid="dept-archive">
          {t('dept.archive')}
        </Button>
      </Popconfirm>
    </Card>
  );
}
