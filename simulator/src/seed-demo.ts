import { checkExtJson } from './engine/ext-json.js';
import { PRIVACY_LABELS } from './engine/privacy-apis.js';
import type { Sim } from './sim.js';
import type { MerchantSeed } from './state/accounts.js';
import { categoryNamed } from './state/category-catalogue.js';
import type { MiniProgram, PrivacySetting } from './state/types.js';

const PHOTO = categoryNamed('生活服务', '摄影/扩印');
const MEDICAL = categoryNamed('医疗', '其他医疗机构');
const FOOD = categoryNamed('餐饮', '餐饮服务场所/餐饮服务管理企业');
const FRUIT = categoryNamed('商家自营', '食品');
const RETAIL = categoryNamed('商家自营', '服装/鞋/箱包');
const EDU = categoryNamed('教育', '培训机构');
const BEAUTY = categoryNamed('生活服务', '丽人');
const PETS = categoryNamed('生活服务', '宠物（非医院类）');
const HOME = categoryNamed('生活服务', '家政');
const FITNESS = categoryNamed('体育', '体育场馆服务');
const TOOLS = categoryNamed('工具', '效率');

const ref = (c: { first_id: number; second_id: number }) => ({ first_id: c.first_id, second_id: c.second_id });

/** How far a demo merchant is: authorized, live, and what it lacks on purpose. */
interface DemoMerchant extends MerchantSeed {
  authorized: boolean;
  live?: boolean;
  /** The platform already set a privacy guide covering these keys. */
  guide?: string[];
  /** A version committed from the ordering template and not submitted yet. */
  committedOrdering?: boolean;
}

const SHOP_GUIDE = ['UserInfo', 'Location', 'Address'];
const BASIC_GUIDE = ['UserInfo'];
const LOCATION_GRANTED = { 'wx.getLocation': 5 } as const;

/**
 * A weekday morning at an agency: most merchants ready for audit and release, and one of each problem WeChat
 * checks — no privacy guide (川味小面), code using location without the interface (老王家牛肉面), no category
 * (萌宠之家), a category that does not match the service (青禾瑜伽), not ICP-filed (素心美甲), and domains of its own
 * that the next release deletes (云朵烘焙). The last three have not authorized yet: the demo onboards them.
 */
export const DEMO_MERCHANTS: DemoMerchant[] = [
  {
    name: '光影时光摄影工作室',
    principalName: '杭州光影时光文化传媒有限公司',
    apps: [{ nickName: '光影时光摄影', categories: [PHOTO] }],
    authorized: true,
    live: true,
    guide: BASIC_GUIDE,
  },
  {
    name: '小橙子儿童推拿',
    principalName: '成都小橙子健康管理有限公司',
    apps: [{ nickName: '小橙子儿童推拿预约', categories: [MEDICAL] }],
    authorized: true,
    live: true,
    guide: BASIC_GUIDE,
  },
  {
    name: '老王家牛肉面',
    principalName: '兰州老王家餐饮管理有限公司',
    apps: [
      { nickName: '老王家牛肉面', categories: [FOOD] },
      { nickName: '老王家外卖', categories: [FOOD], privacyInterfaces: LOCATION_GRANTED },
    ],
    authorized: true,
    guide: SHOP_GUIDE,
    committedOrdering: true,
  },
  {
    name: '川味小面馆',
    principalName: '重庆川味小面餐饮店',
    apps: [{ nickName: '川味小面', categories: [FOOD], privacyInterfaces: LOCATION_GRANTED }],
    authorized: true,
    live: true,
  },
  {
    name: '云朵烘焙',
    principalName: '上海云朵烘焙食品有限公司',
    apps: [
      {
        nickName: '云朵烘焙蛋糕预订',
        categories: [FOOD],
        privacyInterfaces: LOCATION_GRANTED,
        mpDomains: { requestdomain: ['https://api.yunduo-cake.cn'], uploaddomain: ['https://img.yunduo-cake.cn'] },
      },
    ],
    authorized: true,
    live: true,
    guide: SHOP_GUIDE,
  },
  {
    name: '青禾瑜伽',
    principalName: '深圳青禾瑜伽健身有限公司',
    apps: [{ nickName: '青禾瑜伽约课', categories: [TOOLS], serviceCategory: ref(FITNESS) }],
    authorized: true,
    guide: BASIC_GUIDE,
  },
  {
    name: '萌宠之家宠物店',
    principalName: '广州萌宠之家宠物用品有限公司',
    apps: [{ nickName: '萌宠之家', categories: [], serviceCategory: ref(PETS) }],
    authorized: true,
    live: true,
    guide: BASIC_GUIDE,
  },
  {
    name: '知行少儿编程',
    principalName: '北京知行教育科技有限公司',
    apps: [{ nickName: '知行少儿编程', categories: [EDU] }],
    authorized: true,
    live: true,
    guide: BASIC_GUIDE,
  },
  {
    name: '素心美甲',
    principalName: '南京素心美容美甲店',
    apps: [{ nickName: '素心美甲预约', categories: [BEAUTY], icpStatus: 1024 }],
    authorized: true,
    guide: BASIC_GUIDE,
  },
  {
    name: '鲜果时光水果店',
    principalName: '武汉鲜果时光商贸有限公司',
    apps: [{ nickName: '鲜果时光', categories: [FRUIT], privacyInterfaces: LOCATION_GRANTED }],
    authorized: true,
    live: true,
    guide: SHOP_GUIDE,
  },
  {
    name: '城南洗衣坊',
    principalName: '西安城南洗衣服务有限公司',
    apps: [{ nickName: '城南洗衣上门取送', categories: [HOME] }],
    authorized: true,
    guide: BASIC_GUIDE,
  },
  {
    name: '山野手作服饰',
    principalName: '厦门山野手作服饰有限公司',
    apps: [{ nickName: '山野手作', categories: [RETAIL] }],
    authorized: false,
  },
  {
    name: '福满楼酒家',
    principalName: '佛山福满楼餐饮有限公司',
    apps: [{ nickName: '福满楼点餐', categories: [FOOD] }],
    authorized: false,
  },
  {
    name: '阿婆手工馄饨',
    principalName: '苏州阿婆手工馄饨店',
    apps: [{ nickName: '阿婆馄饨', categories: [FOOD] }],
    authorized: false,
  },
];

const DAY = 86400;

function guide(keys: string[], now: number): PrivacySetting {
  const purposes: Record<string, string> = {
    UserInfo: '用于登录后展示会员头像和昵称',
    Location: '用于查找离你最近的门店并计算配送距离',
    Address: '用于填写外卖配送的收货地址',
  };
  return {
    owner_setting: {
      contact_phone: '',
      contact_email: 'privacy@wxfleet-demo.cn',
      contact_qq: '',
      contact_weixin: '',
      ext_file_media_id: '',
      notice_method: '小程序首页弹窗提示',
      store_expire_timestamp: '用户注销账号后 30 天内删除',
      store_region: 0,
    },
    setting_list: keys.map((key) => ({
      privacy_key: key,
      privacy_text: purposes[key] ?? key,
      privacy_label: PRIVACY_LABELS[key] ?? key,
    })),
    sdk_privacy_info_list: [],
    update_time: now - 10 * DAY,
  };
}

/** A version of the ordering template committed two days ago, location declared, its privacy scan done. */
function commitOrdering(sim: Sim, app: MiniProgram, templateId: number, now: number): void {
  const template = sim.templates.find(templateId)!;
  const extJson = JSON.stringify({
    extAppid: app.appid,
    ext: { shopName: app.nickName },
    requiredPrivateInfos: ['getLocation', 'chooseAddress'],
  });
  app.code.experience = {
    template_id: templateId,
    ext_json: extJson,
    user_version: template.user_version,
    user_desc: template.user_desc,
    commit_time: now - 2 * DAY,
    privacyScanReadyAt: now - 2 * DAY + 5,
    ...checkExtJson(extJson, template),
  };
}

function goLive(app: MiniProgram, now: number): void {
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
  app.code.domains.third.requestdomain = ['https://api.wxfleet-demo.cn'];
}

/** Seeds merchants, authorizations, live versions, guides, three drafts and two templates. */
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
  const ordering = sim.templates.addToTemplate(drafts[0]!.draft_id, 0, now - 5 * DAY);
  sim.templates.addToTemplate(drafts[1]!.draft_id, 0, now - 2 * DAY);
  DEMO_MERCHANTS.forEach((demo, index) => {
    const merchant = sim.accounts.addMerchant(demo);
    if (!demo.authorized) return;
    merchant.apps.forEach((appid, appIndex) => {
      const app = sim.accounts.apps.get(appid)!;
      sim.accounts.authorize(app, [17, 18, 19, 30], now - (30 - index) * DAY);
      app.authorization!.exchanged = true;
      if (demo.guide) app.code.privacyDev = guide(demo.guide, now);
      if (demo.live) {
        goLive(app, now);
        app.code.privacyLive = structuredClone(app.code.privacyDev);
      }
      if (demo.committedOrdering && appIndex === 0 && typeof ordering !== 'number')
        commitOrdering(sim, app, ordering.template_id, now);
    });
  });
}
