import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CheckCircleOutlined,
  CommentOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  FlagOutlined,
  HighlightOutlined,
  LockOutlined,
  MailOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  StopOutlined,
  SwapOutlined,
  TeamOutlined,
  ToolOutlined,
  UndoOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { NoticeKind } from '@qinlian/contracts';

type Look = { key: string; color: string; icon: ReactNode };

/**
 * How the inbox labels every kind of notice the server sends (contracts NOTICE_KINDS: a kind added
 * there must be added here); `key` names the label in `inbox.kinds`. Red, gold and blue are kept for
 * the warnings.
 */
export const NOTICE_LOOKS: Record<NoticeKind, Look> = {
  'task.assign': { key: 'assign', color: 'purple', icon: <SendOutlined /> },
  'task.refuse': { key: 'refuse', color: 'magenta', icon: <StopOutlined /> },
  'task.request_close': { key: 'request_close', color: 'lime', icon: <FlagOutlined /> },
  'task.return': { key: 'return', color: 'magenta', icon: <RollbackOutlined /> },
  'task.close': { key: 'close', color: 'green', icon: <CheckCircleOutlined /> },
  'task.reopen': { key: 'reopen', color: 'default', icon: <UndoOutlined /> },
  'task.urge': { key: 'urge', color: 'volcano', icon: <BellOutlined /> },
  'task.instruct': { key: 'instruct', color: 'cyan', icon: <HighlightOutlined /> },
  'task.warning.yellow': { key: 'warning_yellow', color: 'gold', icon: <WarningOutlined /> },
  'task.warning.red': { key: 'warning_red', color: 'red', icon: <WarningOutlined /> },
  'task.escalate': { key: 'escalate', color: 'volcano', icon: <AlertOutlined /> },
  'task.review': { key: 'review', color: 'geekblue', icon: <AuditOutlined /> }, // 待部门审核
  'task.send_back': { key: 'send_back', color: 'magenta', icon: <RollbackOutlined /> }, // 部门退回
  'task.dispatch': { key: 'dispatch', color: 'purple', icon: <ApartmentOutlined /> }, // 分办
  'task.extension_request': { key: 'extension_request', color: 'orange', icon: <FieldTimeOutlined /> }, // 延期申请
  'task.extension_grant': { key: 'extension_grant', color: 'green', icon: <FieldTimeOutlined /> },
  'task.extension_refuse': { key: 'extension_refuse', color: 'magenta', icon: <FieldTimeOutlined /> },
  'instruction.give': { key: 'instruction_give', color: 'cyan', icon: <HighlightOutlined /> }, // 批示 to a unit
  'instruction.feedback': { key: 'instruction_feedback', color: 'cyan', icon: <CommentOutlined /> }, // 落实反馈
  'enquiry.handover': { key: 'enquiry_handover', color: 'geekblue', icon: <SwapOutlined /> }, // 首问移交
  'enquiry.handover_declined': { key: 'enquiry_handover_declined', color: 'magenta', icon: <RollbackOutlined /> },
  'demand.dispatch': { key: 'demand_dispatch', color: 'cyan', icon: <SendOutlined /> }, // 群众诉求派单
  'demand.overdue': { key: 'demand_overdue', color: 'red', icon: <AlertOutlined /> }, // 群众诉求督办
  'rectification.open': { key: 'rectification_open', color: 'orange', icon: <ToolOutlined /> }, // 整改事项
  'rectification.assign': { key: 'rectification_assign', color: 'purple', icon: <ToolOutlined /> }, // 指派整改
  'rectification.return': { key: 'rectification_return', color: 'magenta', icon: <RollbackOutlined /> }, // 退回整改
  'rectification.withdraw': { key: 'rectification_withdraw', color: 'default', icon: <StopOutlined /> }, // 整改撤销
  'whereabouts.post_uncovered': { key: 'post_uncovered', color: 'volcano', icon: <TeamOutlined /> }, // 岗位无人在岗 (AB岗 both away)
  'summary.request': { key: 'summary_request', color: 'geekblue', icon: <FileTextOutlined /> }, // 月底通知报送月度小结
  'summary.return': { key: 'summary_return', color: 'magenta', icon: <RollbackOutlined /> }, // 月度小结退回
  'audit.tamper': { key: 'audit_tamper', color: 'volcano', icon: <SafetyCertificateOutlined /> },
  'auth.sign_in_delayed': { key: 'sign_in_delayed', color: 'orange', icon: <LockOutlined /> },
};

/** task.urge → 催办, task.warning.red → 红色预警, task.review → 待部门审核 …; a kind this console does not know reads as 通知. */
export function kindOf(kind: string): Look {
  const known = NOTICE_LOOKS[kind as NoticeKind] as Look | undefined;
  if (known) return known;
  if (kind.startsWith('task.warning.'))
    return { key: `warning_${kind.slice('task.warning.'.length)}`, color: 'blue', icon: <WarningOutlined /> };
  return { key: 'other', color: 'default', icon: <MailOutlined /> };
}
