import type { MessageInstance } from 'antd/es/message/interface';

/** antd's message API from inside <App>, so that non-component code (query caches) can toast. */
let messageApi: MessageInstance | null = null;
export function setMessageApi(api: MessageInstance | null) {
  messageApi = api;
}

export function toastError(text: string) {
  messageApi?.error({ content: text, key: text, duration: 4 });
}

export function toastSuccess(text: string) {
  messageApi?.success(text);
}
