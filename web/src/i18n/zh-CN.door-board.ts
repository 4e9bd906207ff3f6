/** 门口去向牌 (public kiosk), spread into `public` of zh-CN.public.ts; zh-CN is the source of truth for the keys. */
export const zhDoorBoard = {
  doorBoard: {
    title: '工作人员去向牌',
    present: '在岗',
    away: '不在岗',
    total: '共',
    states: {
      in_office: '在岗',
      meeting: '开会',
      out: '外出办事',
      trip: '出差',
      leave: '请休假',
      training: '学习培训',
    },
    backAt: '{{time}} 返回',
    backOn: '{{date}}返回',
    acting: '由 {{name}} 代岗',
    postSeparator: '、',
    live: { connecting: '正在连接…', live: '实时更新', reconnecting: '正在重新连接…' },
    updatedAt: '更新于 {{time}}',
    empty: '本部门暂无人员。',
    notFound: '没有找到这块去向牌：地址中的查询码不存在或已更换，请向部门索取新的地址。',
    badCode: '地址中的查询码有误，请核对后重新打开。',
    loadFailed: '暂时取不到去向信息，正在重试…',
  },
};
