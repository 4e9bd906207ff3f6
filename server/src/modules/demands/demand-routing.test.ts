import { describe, expect, it } from 'vitest';
import { scoreRouting, type RoutingRule } from './demand-routing.ts';
import { DEFAULT_ROUTING_RULES, routingAccuracy, ROUTING_SAMPLES } from './routing-accuracy.ts';

const rule = (keyword: string, category: string, weight = 1, departmentId: string | null = null): RoutingRule => ({
  keyword,
  category,
  weight,
  departmentId,
});

describe('scoreRouting (分类建议)', () => {
  it('suggests the category and department whose matched rules weigh most, naming the keywords', () => {
    const rules = [rule('路灯', '市政设施', 3, 'jsj'), rule('老人', '养老服务', 2, 'shj'), rule('停车', '交通停车', 3, 'zfj')];
    expect(scoreRouting(rules, '小区门口路灯坏了，老人晚上出门不方便')).toEqual({
      category: '市政设施',
      departmentId: 'jsj',
      matched: ['路灯', '老人'],
    });
  });

  it('adds the weights of several rules of one category', () => {
    const rules = [rule('噪音', '环境噪声', 2), rule('施工', '环境噪声', 2), rule('停车', '交通停车', 3)];
    expect(scoreRouting(rules, '工地夜间施工噪音大，门口还乱停车').category).toBe('环境噪声');
  });

  it('matches a keyword of two characters or more inside a longer word, a single character only as a word', () => {
    expect(scoreRouting([rule('路灯', '市政设施')], '路灯杆歪了').category).toBe('市政设施');
    expect(scoreRouting([rule('噪音扰民', '环境噪声')], '楼下酒吧噪音扰民').category).toBe('环境噪声');
    expect(scoreRouting([rule('水', '供水供电')], '水电费太贵').category).toBeNull();
    expect(scoreRouting([rule('水', '供水供电')], '家里没有水了').category).toBe('供水供电');
  });

  it('matches letters whatever their case or width', () => {
    expect(scoreRouting([rule('wifi', '营商环境')], '政务大厅的ＷＩＦＩ连不上').category).toBe('营商环境');
  });

  it('breaks a tie the same way every time, and prefers a department of the chosen category', () => {
    const rules = [rule('学校', '教育', 2, 'edu'), rule('公交', '交通停车', 2, 'traffic')];
    const first = scoreRouting(rules, '孩子去学校上学要转两趟公交');
    expect(first).toEqual(scoreRouting([...rules].reverse(), '孩子去学校上学要转两趟公交'));
    expect(first.category).toBe('交通停车'); // 交 sorts before 教
    expect(first.departmentId).toBe('traffic'); // tied with edu, which sorts first, but of the other category
  });

  it('suggests nothing when no rule matches', () => {
    expect(scoreRouting([rule('路灯', '市政设施', 1, 'x')], '感谢社区工作人员的热心帮助')).toEqual({
      category: null,
      departmentId: null,
      matched: [],
    });
    expect(scoreRouting([], '路灯坏了').category).toBeNull();
  });
});

describe('routing accuracy on the demo submissions', () => {
  it('has about 40 samples over the default categories and about 30 rules', () => {
    expect(ROUTING_SAMPLES.length).toBeGreaterThanOrEqual(40);
    const categories = new Set(DEFAULT_ROUTING_RULES.map((r) => r.category));
    for (const s of ROUTING_SAMPLES) expect(categories).toContain(s.expected);
  });

  it('suggests the clerk’s category for at least 80 % of them with the default rules', async () => {
    const rules = DEFAULT_ROUTING_RULES.map((r) => rule(r.keyword, r.category, r.weight));
    const report = await routingAccuracy((text) => scoreRouting(rules, text).category);
    console.log(`routing accuracy (default rules, demo submissions): ${report.hits}/${report.total} = ${report.accuracy.toFixed(3)}`);
    for (const m of report.misses) console.log(`  miss: ${m.title} — expected ${m.expected}, suggested ${m.suggested ?? 'nothing'}`);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.8);
  });
});
