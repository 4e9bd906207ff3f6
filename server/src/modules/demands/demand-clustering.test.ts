import { describe, expect, it } from 'vitest';
import { clusterUnits, rank, wordCloud, type ClusterResult, type ClusterUnit } from './demand-clustering.ts';
import { keyWordsOf } from './demand-words.ts';

/** 议题聚类 on real segmented words: what groups, what stays apart, how clusters rank and what kept clusters keep. */
const unit = (id: string, title: string, body: string, over: Partial<ClusterUnit> = {}): ClusterUnit => ({
  id,
  title,
  words: keyWordsOf(`${title}\n${body}`),
  people: 1,
  urgent: false,
  category: null,
  ...over,
});

const KINDERGARTEN = [
  unit('k1', '新城片区幼儿园学位不足', '新城片区只有一所公办幼儿园，学位远远不够，建议再建一所公办幼儿园。', { category: '教育' }),
  unit('k2', '新城再建一所公办幼儿园', '新城片区孩子上公办幼儿园太难，学位紧张，建议新建公办幼儿园。', { category: '教育' }),
  unit('k3', '增加公办幼儿园学位', '公办幼儿园学位太少，摇号都摇不上，建议扩建幼儿园增加学位。'),
  unit('k4', '幼儿园入园难', '家门口没有公办幼儿园，入园难，希望增加普惠性幼儿园学位。', { category: '教育' }),
];
const CANTEEN = [
  unit('c1', '社区开办老年食堂', '建议在幸福社区开办老年食堂，解决独居老人吃饭难的问题。', { category: '养老服务' }),
  unit('c2', '小区建老年食堂', '建议在小区里开办老年食堂或者助餐点，方便独居老人吃饭。', { category: '养老服务' }),
  unit('c3', '老人吃饭难', '独居老人做饭不方便，希望社区开办老年食堂，提供助餐服务。', { category: '养老服务' }),
];
const OTHERS = [
  unit('o1', '滨江路早晚高峰拥堵', '滨江路早晚高峰拥堵严重，建议增加左转车道并优化信号配时。'),
  unit('o2', '企业开办一窗通办', '建议把企业开办的刻章、税务登记合并到一个窗口办理，少跑几趟。'),
  unit('o3', '医院专家号难挂', '区人民医院专家号很难挂，建议开放更多网上预约号源。'),
];

const groups = (results: ClusterResult[]) => results.map((r) => [...r.unitIds].sort().join(' '));

describe('议题聚类 (clustering by segmented words)', () => {
  it('puts suggestions about the same thing together and leaves the unrelated ones alone', () => {
    const results = clusterUnits([...OTHERS, ...CANTEEN, ...KINDERGARTEN]);
    expect(groups(results)).toEqual(expect.arrayContaining(['k1 k2 k3 k4', 'c1 c2 c3', 'o1', 'o2', 'o3']));
    expect(results).toHaveLength(5);
    const kindergarten = results[0]!;
    expect(kindergarten).toMatchObject({ keptId: null, people: 4, items: 4, urgent: 0 });
    expect(kindergarten.label.split('、')).toContain('幼儿园');
    expect(kindergarten.topWords.find((w) => w.word === '幼儿园')?.weight).toBe(4);
    expect(kindergarten.categories).toEqual([{ name: '教育', people: 3 }]);
  });

  it('counts every submitter of an item and ranks by people, then by the share of urgent people', () => {
    const canteen = CANTEEN.map((u) => ({ ...u, people: u.id === 'c1' ? 4 : 1 })); // three merged into c1
    const results = clusterUnits([...KINDERGARTEN, ...canteen, ...OTHERS]);
    expect(results[0]).toMatchObject({ people: 6, items: 3, headline: '社区开办老年食堂' });
    expect(results[1]).toMatchObject({ people: 4, items: 4 });

    const urgentRoad = { ...OTHERS[0]!, urgent: true };
    const singles = clusterUnits([OTHERS[1]!, OTHERS[2]!, urgentRoad]);
    expect(singles[0]).toMatchObject({ unitIds: ['o1'], urgent: 1 });
  });

  it('counts distinct submitters: units sent by the same person count once, in people, urgent people, categories and words', () => {
    const [k1, k2, k3, k4] = KINDERGARTEN;
    const same = { submitters: ['phone-a'], people: 1 };
    const results = clusterUnits([
      { ...k1!, ...same, urgent: true },
      { ...k2!, ...same },
      { ...k3!, submitters: ['item:k3'] },
      { ...k4!, ...same },
      ...OTHERS,
    ]);
    const kindergarten = results[0]!;
    expect(kindergarten).toMatchObject({ people: 2, items: 4, urgent: 1 });
    expect([...kindergarten.unitIds].sort()).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect(kindergarten.categories).toEqual([{ name: '教育', people: 1 }]); // k1, k2 and k4: all the same person
    expect(kindergarten.topWords.find((w) => w.word === '幼儿园')?.weight).toBe(2);
    expect(
      wordCloud([
        { ...k1!, ...same },
        { ...k2!, ...same },
      ]).find((w) => w.word === '幼儿园')?.weight,
    ).toBe(1);
  });

  it('keeps a cluster under evaluation with its items, lets a new item like them join it, and never merges two kept clusters', () => {
    const [k1, k2, k3, k4] = KINDERGARTEN;
    const kept = [
      { id: 'eval-a', unitIds: ['k1', 'k2'] },
      { id: 'eval-b', unitIds: ['k3'] },
    ];
    const results = clusterUnits([k1!, k2!, k3!, k4!, ...OTHERS], kept);
    const a = results.find((r) => r.keptId === 'eval-a')!;
    const b = results.find((r) => r.keptId === 'eval-b')!;
    expect(a.unitIds).toEqual(expect.arrayContaining(['k1', 'k2']));
    expect(b.unitIds).toContain('k3');
    expect([...a.unitIds, ...b.unitIds].sort()).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect(results.filter((r) => r.keptId === null).map((r) => r.unitIds)).toEqual(expect.arrayContaining([['o1'], ['o2'], ['o3']]));
  });

  it('keeps a cluster whose items are all gone (rejected, hidden) with nothing in it', () => {
    const results = clusterUnits(OTHERS, [{ id: 'gone', unitIds: ['nope'] }]);
    expect(results.find((r) => r.keptId === 'gone')).toMatchObject({ people: 0, items: 0, unitIds: [] });
    expect(results.at(-1)!.keptId).toBe('gone');
  });

  it('ranks ties by the share of urgent people, then urgent people, then items', () => {
    const r = (id: string, people: number, urgent: number, items: number): ClusterResult => ({
      keptId: null,
      unitIds: [id],
      people,
      items,
      urgent,
      label: id,
      headline: id,
      topWords: [],
      categories: [],
    });
    const ranked = rank([r('a', 5, 1, 5), r('b', 5, 3, 5), r('c', 6, 0, 6), r('d', 5, 1, 2)]);
    expect(ranked.map((x) => x.unitIds[0])).toEqual(['c', 'b', 'a', 'd']);
  });

  it('weighs the word cloud by the people who used each word, leaving out bare numbers', () => {
    const cloud = wordCloud([...KINDERGARTEN.map((u) => ({ ...u, people: 2 })), ...OTHERS]);
    expect(cloud.find((w) => w.word === '幼儿园')?.weight).toBe(8);
    expect(cloud.every((w) => !/^\d+$/.test(w.word))).toBe(true);
  });
});
