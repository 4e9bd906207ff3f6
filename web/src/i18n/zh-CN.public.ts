import { zhPublicRating } from './zh-CN.public-rating.ts';
import { zhDoorBoard } from './zh-CN.door-board.ts';
import { zhPublicVerify } from './zh-CN.public-verify.ts';

/** 公众服务: the pages the public opens without an account (zh-CN, the source of truth for the keys). */
export const zhPublic = {
  public: {
    ...zhPublicRating,
    ...zhDoorBoard,
    ...zhPublicVerify,
    shellName: '公众服务',
    home: {
      title: '欢迎使用勤廉新区公众服务',
      intro: '无需注册登录，用手机即可向我们反映问题、查询办理进度、评价服务。',
      services: {
        demand: { title: '反映诉求', text: '提出意见建议或投诉举报，提交后获得一个查询码。' },
        track: { title: '查询进度', text: '凭查询码查看办理进度和答复，个人信息全程保密。' },
        review: { title: '评价服务', text: '对办事窗口和工作人员的服务作出好评或差评。' },
        progress: { title: '看进展', text: '查看群众建议遴选出的年度民生实事项目及其办理进展。' },
      },
      soon: '评价服务请扫描工作人员工作牌上的二维码。',
    },
  },
};
