/**
 * Messages of 首问负责制 (enquiries, issue 13), spread into ERROR_MESSAGES (messages.ts). Same rules:
 * zh-CN first, complete en-US, `{name}` placeholders from the error's params.
 */
export const ENQUIRY_ERRORS = {
  enquiry_needs_person: {
    'zh-CN': '您的账号没有关联人员，不能登记或承接首问事项',
    'en-US': 'Your account is not linked to a person, so it cannot register or take on enquiries',
  },
  enquiry_handover_to_self: {
    'zh-CN': '不能移交给自己：请选择其他人员、岗位或部门',
    'en-US': 'You cannot hand an enquiry over to yourself: choose another person, post or department',
  },
  enquiry_handover_archived: {
    'zh-CN': '“{name}”已撤销，不能接收移交',
    'en-US': '“{name}” has been archived and cannot receive a hand-over',
  },
  enquiry_handover_person_left: {
    'zh-CN': '“{name}”已离职，不能接收移交',
    'en-US': '“{name}” has left and cannot receive a hand-over',
  },
  enquiry_handover_post_unheld: {
    'zh-CN': '岗位“{name}”目前没有人在岗，不能接收移交',
    'en-US': 'Nobody holds the post “{name}” now, so it cannot receive a hand-over',
  },
  enquiry_handover_pending: {
    'zh-CN': '这件首问事项已有一项移交等待接收；请等对方接收或退回，或先撤回',
    'en-US': 'A hand-over of this enquiry is already waiting for acceptance; wait for it to be accepted or declined, or cancel it first',
  },
  enquiry_handover_not_pending: {
    'zh-CN': '这项移交已{state}，不能再处理',
    'en-US': 'This hand-over has already been {stateEn}',
  },
  enquiry_wrong_status: {
    'zh-CN': '这件首问事项{state}，现在不能这样做',
    'en-US': 'This enquiry {stateEn}; that cannot be done now',
  },
  enquiry_reply_required: {
    'zh-CN': '办结前须先答复咨询人：请填写答复内容和答复方式',
    'en-US': 'Reply to the enquirer before closing: give the reply and how it was given',
  },
} as const;
