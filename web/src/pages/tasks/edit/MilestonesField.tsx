import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { textLimit } from '../../../components/limitRules.ts';

/** 时间表: named milestones with due dates, each before the task's end (the server checks). */
export function MilestonesField() {
  const { t } = useTranslation();
  return (
    <Form.List name="milestones">
      {(fields, { add, remove }) => (
        <Flex vertical gap={0}>
          {fields.map((f, i) => (
            <Flex key={f.key} gap={8} align="flex-start">
              <Form.Item
                name={[f.name, 'name']}
                rules={[{ required: true, whitespace: true, message: t('task.milestoneNameRequired') }, textLimit(t, 200)]}
                style={{ flex: 1, marginBottom: 8 }}
              >
                <Input
                  placeholder={t('task.milestoneName', { n: i + 1 })}
                  count={{ show: true, max: 200 }}
                  data-testid={`task-milestone-name-${i}`}
                />
              </Form.Item>
              <Form.Item
                name={[f.name, 'dueDate']}
                rules={[{ required: true, message: t('common.pleaseSelect', { field: t('task.fields.dueDate') }) }]}
                style={{ marginBottom: 8 }}
              >
                <DatePicker placeholder={t('task.fields.dueDate')} data-testid={`task-milestone-date-${i}`} />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })} data-testid="task-milestone-add">
            {t('task.addMilestone')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
