import type { Category } from './types.js';

/**
 * The categories a mini program may set (08 H6 getallcategories), a realistic subset with illustrative ids.
 * `sensitive` categories need qualifications and go to review; `personal` ones may be set by personal entities.
 */
interface SecondLevel {
  id: number;
  name: string;
  sensitive?: { documents: string[] };
  personal?: boolean;
}

interface FirstLevel {
  id: number;
  name: string;
  children: SecondLevel[];
}

const FOOD_LICENCE = { documents: ['食品经营许可证'] };

const TREE: FirstLevel[] = [
  {
    id: 287,
    name: '工具',
    children: [
      { id: 612, name: '效率', personal: true },
      { id: 613, name: '办公', personal: true },
      { id: 614, name: '信息查询', personal: true },
    ],
  },
  {
    id: 304,
    name: '商家自营',
    children: [
      { id: 305, name: '服装/鞋/箱包' },
      { id: 306, name: '食品', sensitive: FOOD_LICENCE },
      { id: 307, name: '美妆/洗护' },
    ],
  },
  {
    id: 220,
    name: '餐饮',
    children: [
      { id: 221, name: '餐饮服务场所/餐饮服务管理企业', sensitive: FOOD_LICENCE },
      { id: 222, name: '点评与推荐', personal: true },
      { id: 223, name: '菜谱', personal: true },
    ],
  },
  {
    id: 150,
    name: '生活服务',
    children: [
      { id: 153, name: '摄影/扩印' },
      { id: 155, name: '家政' },
      { id: 160, name: '丽人' },
      { id: 167, name: '宠物（非医院类）' },
    ],
  },
  {
    id: 320,
    name: '医疗',
    children: [
      { id: 325, name: '其他医疗机构', sensitive: { documents: ['医疗机构执业许可证'] } },
      { id: 321, name: '互联网医院', sensitive: { documents: ['医疗机构执业许可证', '互联网医院资质'] } },
    ],
  },
  {
    id: 326,
    name: '教育',
    children: [
      { id: 327, name: '培训机构', sensitive: { documents: ['办学许可证或培训机构营业执照'] } },
      { id: 328, name: '教育信息服务', personal: true },
    ],
  },
  {
    id: 500,
    name: '体育',
    children: [
      { id: 503, name: '体育场馆服务' },
      { id: 501, name: '体育赛事' },
    ],
  },
  {
    id: 340,
    name: '社交',
    children: [
      { id: 341, name: '社区/论坛' },
      { id: 342, name: '笔记', personal: true },
      { id: 343, name: '问答', personal: true },
    ],
  },
];

export interface CatalogueEntry {
  category: Category;
  sensitive: boolean;
  personal: boolean;
  documents: string[];
}

export function findCategory(first: number, second: number): CatalogueEntry | undefined {
  const parent = TREE.find((node) => node.id === first);
  const child = parent?.children.find((node) => node.id === second);
  if (parent === undefined || child === undefined) return undefined;
  return {
    category: {
      first_class: parent.name,
      second_class: child.name,
      third_class: '',
      first_id: parent.id,
      second_id: child.id,
      third_id: 0,
    },
    sensitive: child.sensitive !== undefined,
    personal: child.personal === true,
    documents: child.sensitive?.documents ?? [],
  };
}

/** The category by its names, for seeds written as `first-second`. */
export function categoryNamed(first: string, second: string): Category {
  const parent = TREE.find((node) => node.name === first);
  const child = parent?.children.find((node) => node.name === second);
  if (parent === undefined || child === undefined) throw new Error(`no category ${first}-${second}`);
  return findCategory(parent.id, child.id)!.category;
}

const qualify = (documents: string[]) => ({
  exter_list:
    documents.length === 0
      ? []
      : [{ inner_list: documents.map((name) => ({ name, url: '', remark: `请上传${name}的清晰照片或扫描件` })) }],
});

/** The getallcategories tree: root id 0, first levels, second levels; `personalOnly` keeps what personal entities may set. */
export function categoryTree(personalOnly: boolean) {
  const visible = TREE.map((node) => ({
    ...node,
    children: node.children.filter((child) => !personalOnly || child.personal === true),
  })).filter((node) => node.children.length > 0);
  const firsts = visible.map((node) => ({
    id: node.id,
    name: node.name,
    level: 1,
    father: 0,
    children: node.children.map((child) => child.id),
    sensitive_type: 0,
    qualify: qualify([]),
  }));
  const seconds = visible.flatMap((node) =>
    node.children.map((child) => ({
      id: child.id,
      name: child.name,
      level: 2,
      father: node.id,
      children: [],
      sensitive_type: child.sensitive === undefined ? 0 : 1,
      qualify: qualify(child.sensitive?.documents ?? []),
    })),
  );
  const root = {
    id: 0,
    name: '',
    level: 0,
    father: -1,
    children: firsts.map((node) => node.id),
    sensitive_type: 0,
    qualify: qualify([]),
  };
  return { categories_list: { categories: [root, ...firsts, ...seconds] } };
}
