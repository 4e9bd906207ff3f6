import { Button, Card, Empty, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bulletin } from '@qinlian/contracts';
import { toastError, toastSuccess } from '../../app/feedback.ts';
import { textLimit } from '../../components/limitRules.ts';
import { formatInstant } from '../../components/time.ts';
import { useAddComment, useRemoveComment } from './hooks.ts';

/** 领导点评: the leaders' comments as the bulletin prints them; a leader adds one while it is in review. */
export function CommentsCard({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  const add = useAddComment();
  const remove = useRemoveComment();
  const submit = ({ text }: { text: string }) =>
    add.mutate(
      { id: bulletin.id, text: text.trim() },
      {
        onSuccess: () => {
          form.resetFields();
          toastSuccess(t('bulletins.comments.added'));
        },
        onError: (err) => toastError(err.message),
      },
    );
  return (
    <Card title={t('bulletins.comments.title')} data-testid="bulletin-comments">
      {bulletin.comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bulletins.comments.empty')} />
      ) : (
        <Flex vertical gap={12}>
          {bulletin.comments.map((c) => (
            <div key={c.id} data-testid="bulletin-comment">
              <Flex justify="space-between" align="baseline" gap={8}>
                <Typography.Text strong>{`${c.authorTitle}${c.authorName}`}</Typography.Text>
                {c.removable && (
                  <Popconfirm
                    title={t('bulletins.comments.removeConfirm')}
                    onConfirm={() =>
                      remove.mutate(
                        { id: bulletin.id, commentId: c.id },
                        { onSuccess: () => toastSuccess(t('bulletins.comments.removed')), onError: (err) => toastError(err.message) },
                      )
                    }
                  >
                    <Button type="link" size="small">
                      {t('bulletins.comments.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.text}</Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatInstant(c.createdAt)}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      )}
      {bulletin.abilities.comment ? (
        <Form form={form} onFinish={submit} style={{ marginTop: 12 }}>
          <Form.Item
            name="text"
            rules={[{ required: true, whitespace: true, message: t('bulletins.comments.placeholder') }, textLimit(t, 2000)]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={t('bulletins.comments.placeholder')}
              data-testid="bulletin-comment-input"
            />
          </Form.Item>
          <Flex justify="flex-end">
            <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="bulletin-comment-add">
              {t('bulletins.comments.add')}
            </Button>
          </Flex>
        </Form>
      ) : (
        bulletin.status === 'draft' && <Typography.Text type="secondary">{t('bulletins.comments.onlyInReview')}</Typography.Text>
      )}
    </Card>
  );
}
