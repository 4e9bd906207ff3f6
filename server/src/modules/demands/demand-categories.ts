/**
 * The demand categories (诉求分类) in one place, each with the ASCII code Open311 clients use as its
 * service_code. The office's keyword rules (分类规则) name the same categories; a category the rules
 * add later is offered to Open311 clients once it has a code here.
 */
export type DemandCategory = { code: string; name: string; nameEn: string; about: string; aboutEn: string };

export const DEMAND_CATEGORIES: readonly DemandCategory[] = [
  {
    code: 'municipal',
    name: '市政设施',
    nameEn: 'Municipal facilities',
    about: '道路、路灯、井盖、人行道、绿化等',
    aboutEn: 'Roads, street lights, manhole covers, pavements, greenery',
  },
  {
    code: 'utilities',
    name: '供水供电',
    nameEn: 'Water and power',
    about: '停水、停电、水压、燃气等',
    aboutEn: 'Water or power cuts, water pressure, gas',
  },
  {
    code: 'education',
    name: '教育',
    nameEn: 'Education',
    about: '入学、学位、幼儿园、学校等',
    aboutEn: 'School places, kindergartens, schools',
  },
  {
    code: 'elderly_care',
    name: '养老服务',
    nameEn: 'Elderly care',
    about: '养老机构、助餐、居家养老等',
    aboutEn: 'Care homes, meals for the elderly, care at home',
  },
  {
    code: 'traffic_parking',
    name: '交通停车',
    nameEn: 'Traffic and parking',
    about: '停车、红绿灯、公交、拥堵等',
    aboutEn: 'Parking, traffic lights, buses, congestion',
  },
  {
    code: 'environment_noise',
    name: '环境噪声',
    nameEn: 'Environment and noise',
    about: '噪声、垃圾、油烟、污染等',
    aboutEn: 'Noise, rubbish, cooking fumes, pollution',
  },
  {
    code: 'business_environment',
    name: '营商环境',
    nameEn: 'Business environment',
    about: '办事审批、营业执照、窗口服务等',
    aboutEn: 'Permits, business licences, service counters',
  },
  {
    code: 'health',
    name: '医疗卫生',
    nameEn: 'Health care',
    about: '医院、看病、医保等',
    aboutEn: 'Hospitals, seeing a doctor, medical insurance',
  },
  { code: 'other', name: '其他', nameEn: 'Other', about: '以上类别之外的诉求', aboutEn: 'Anything not listed above' },
];

export const categoryByCode = (code: string) => DEMAND_CATEGORIES.find((c) => c.code === code);
export const categoryByName = (name: string | null) => (name === null ? undefined : DEMAND_CATEGORIES.find((c) => c.name === name));
