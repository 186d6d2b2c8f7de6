import type { Sim } from './sim.js';
import type { MerchantSeed } from './state/accounts.js';
import type { Category } from './state/types.js';

const cat = (first_class: string, second_class: string, first_id: number, second_id: number): Category => ({
  first_class,
  second_class,
  third_class: '',
  first_id,
  second_id,
  third_id: 0,
});

const FOOD = cat('餐饮', '餐饮服务场所/餐饮服务管理企业', 220, 221);
const PHOTO = cat('生活服务', '摄影/扩印', 150, 153);
const MEDICAL = cat('医疗', '其他医疗机构', 304, 325);
const RETAIL = cat('商家自营', '服装/鞋/箱包', 304, 305);
const EDU = cat('教育', '培训机构', 326, 327);
const BEAUTY = cat('生活服务', '丽人', 150, 160);
const PETS = cat('生活服务', '宠物（非医院类）', 150, 167);
const FITNESS = cat('体育', '体育场馆服务', 500, 503);

/** A dozen believable merchants: what an agency's console shows on a weekday morning. */
export const DEMO_MERCHANTS: MerchantSeed[] = [
  {
    name: '光影时光摄影工作室',
    principalName: '杭州光影时光文化传媒有限公司',
    apps: [{ nickName: '光影时光摄影', categories: [PHOTO] }],
  },
  {
    name: '小橙子儿童推拿',
    principalName: '成都小橙子健康管理有限公司',
    apps: [{ nickName: '小橙子儿童推拿预约', categories: [MEDICAL] }],
  },
  {
    name: '老王家牛肉面',
    principalName: '兰州老王家餐饮管理有限公司',
    apps: [
      { nickName: '老王家牛肉面', categories: [FOOD] },
      { nickName: '老王家外卖', categories: [FOOD] },
    ],
  },
  { name: '川味小面馆', principalName: '重庆川味小面餐饮店', apps: [{ nickName: '川味小面', categories: [FOOD] }] },
  {
    name: '云朵烘焙',
    principalName: '上海云朵烘焙食品有限公司',
    apps: [{ nickName: '云朵烘焙蛋糕预订', categories: [FOOD] }],
  },
  {
    name: '青禾瑜伽',
    principalName: '深圳青禾瑜伽健身有限公司',
    apps: [{ nickName: '青禾瑜伽约课', categories: [FITNESS] }],
  },
  {
    name: '萌宠之家宠物店',
    principalName: '广州萌宠之家宠物用品有限公司',
    apps: [{ nickName: '萌宠之家', categories: [PETS] }],
  },
  {
    name: '知行少儿编程',
    principalName: '北京知行教育科技有限公司',
    apps: [{ nickName: '知行少儿编程', categories: [EDU] }],
  },
  { name: '素心美甲', principalName: '南京素心美容美甲店', apps: [{ nickName: '素心美甲预约', categories: [BEAUTY] }] },
  {
    name: '山野手作服饰',
    principalName: '厦门山野手作服饰有限公司',
    apps: [{ nickName: '山野手作', categories: [RETAIL] }],
  },
  {
    name: '福满楼酒家',
    principalName: '佛山福满楼餐饮有限公司',
    apps: [{ nickName: '福满楼点餐', categories: [FOOD] }],
  },
  { name: '阿婆手工馄饨', principalName: '苏州阿婆手工馄饨店', apps: [{ nickName: '阿婆馄饨', categories: [FOOD] }] },
];

const DAY = 86400;

/** Seeds merchants, authorizations (most already granted), live versions, three drafts and two templates. */
export function seedDemo(sim: Sim): void {
  const now = sim.now();
  const drafts = [
    sim.templates.addDraft(
      {
        user_version: '1.4.0',
        user_desc: '点餐模板：新增到店自提',
        developer: '阿杰',
        pages: ['pages/index/index', 'pages/menu/menu', 'pages/cart/cart', 'pages/order/order', 'pages/mine/mine'],
        privacyApis: ['getLocation', 'chooseAddress'],
      },
      now - 6 * DAY,
    ),
    sim.templates.addDraft(
      {
        user_version: '2.1.0',
        user_desc: '预约模板：支持多门店与技师排班',
        developer: '小林',
        pages: ['pages/index/index', 'pages/booking/booking', 'pages/staff/staff', 'pages/mine/mine'],
      },
      now - 3 * DAY,
    ),
    sim.templates.addDraft(
      {
        user_version: '2.1.1',
        user_desc: '预约模板：修复预约时间选择器在 iOS 上错位',
        developer: '小林',
        pages: ['pages/index/index', 'pages/booking/booking', 'pages/staff/staff', 'pages/mine/mine'],
      },
      now - 3600,
    ),
  ];
  sim.templates.addToTemplate(drafts[0]!.draft_id, 0, now - 5 * DAY);
  sim.templates.addToTemplate(drafts[1]!.draft_id, 0, now - 2 * DAY);
  DEMO_MERCHANTS.forEach((seed, index) => {
    const merchant = sim.accounts.addMerchant(seed);
    if (index >= 9) return; // the last three have not authorized yet: the demo onboards them
    for (const appid of merchant.apps) {
      const app = sim.accounts.apps.get(appid)!;
      sim.accounts.authorize(app, [17, 18, 19, 30], now - (30 - index) * DAY);
      app.authorization!.exchanged = true;
      if (index % 3 === 2) continue; // a few were authorized but never released through the platform
      const version = {
        app_version: 1,
        user_version: '1.3.2',
        user_desc: '首页改版',
        commit_time: now - 20 * DAY,
        release_time: now - 18 * DAY,
      };
      app.code.online = version;
      app.code.history.push(version);
      app.code.nextAppVersion = 2;
      app.code.domains.requestdomain = ['https://api.wxfleet-demo.cn'];
    }
  });
}
