import { afterEach, describe, expect, test } from 'vitest';
import { BOOKING, GUIDE, commitAndSubmit, startAppFixture } from './app-fixture.js';
import type { AppFixture } from './app-fixture.js';
import { pushesOf } from './helpers.js';

let f: AppFixture;
afterEach(async () => f?.close());

type Node = { id: number; name: string; level: number; father: number; children: number[]; sensitive_type: number };
type Setting = { first: number; second: number; audit_status: number; audit_reason: string };

const FOOD = { first: 220, second: 221 };
const HOME = { first: 150, second: 155 };
const LICENCE = [{ key: '食品经营许可证', value: 'media-licence' }];

const tree = (json: Record<string, unknown>) => (json['categories_list'] as { categories: Node[] }).categories;
const settings = async () => (await f.get('/cgi-bin/wxopen/getcategory')).json;
const settingOf = async (c: { first: number; second: number }) =>
  ((await settings())['categories'] as Setting[]).find((s) => s.first === c.first && s.second === c.second);
const add = (categories: Record<string, unknown>[]) => f.post('/cgi-bin/wxopen/addcategory', { categories });

describe('the category catalogue: getallcategories, getcategoriesbytype (08 H6)', () => {
  test('a tree under root 0, with the qualifications a sensitive category needs; personal entities see fewer', async () => {
    f = await startAppFixture();
    const all = tree((await f.get('/cgi-bin/wxopen/getallcategories')).json);
    const root = all.find((n) => n.id === 0)!;
    expect(root.children).toEqual(all.filter((n) => n.level === 1).map((n) => n.id));
    expect(all.find((n) => n.id === 221)).toMatchObject({
      name: '餐饮服务场所/餐饮服务管理企业',
      level: 2,
      father: 220,
      sensitive_type: 1,
      qualify: { exter_list: [{ inner_list: [{ name: '食品经营许可证' }] }] },
    });
    const personal = tree((await f.post('/cgi-bin/wxopen/getcategoriesbytype', { verify_type: 0 })).json);
    const enterprise = tree((await f.post('/cgi-bin/wxopen/getcategoriesbytype', { verify_type: 1 })).json);
    expect(enterprise.length).toBe(all.length);
    expect(personal.length).toBeLessThan(enterprise.length);
    expect(personal.some((n) => n.id === 221)).toBe(false);
    expect((await f.post('/cgi-bin/wxopen/getcategoriesbytype', { verify_type: 9 })).json['errcode']).toBe(53303);
  });
});

describe('addcategory, deletecategory, modifycategory with review states and wxa_category_audit (08 H6, 02 B16)', () => {
  test('a category without qualifications is set at once; one needing them is reviewed and pushed', async () => {
    f = await startAppFixture();
    expect(await settings()).toMatchObject({ limit: 5, quota: 5, category_limit: 5 });
    expect((await add([HOME])).json['errcode']).toBe(0);
    expect(await settingOf(HOME)).toMatchObject({ audit_status: 3 });
    expect((await add([HOME])).json['errcode']).toBe(53304);
    expect((await add([{ first: 1, second: 2 }])).json['errcode']).toBe(53303);
    expect((await add([FOOD])).json['errcode']).toBe(53311);

    expect((await add([{ ...FOOD, certicates: LICENCE }])).json['errcode']).toBe(0);
    expect(await settingOf(FOOD)).toMatchObject({ audit_status: 1 });
    const usable = (await f.get('/wxa/get_category')).json['category_list'] as { second_id: number }[];
    expect(usable.map((c) => c.second_id)).not.toContain(221);
    expect((await f.post('/cgi-bin/wxopen/deletecategory', FOOD)).json['errcode']).toBe(53308);
    expect((await settings())['quota']).toBe(3);

    await f.advance(61);
    expect(await settingOf(FOOD)).toMatchObject({ audit_status: 3 });
    expect(
      ((await f.get('/wxa/get_category')).json['category_list'] as { second_id: number }[]).map((c) => c.second_id),
    ).toContain(221);
    const pushes = await pushesOf(f.sim, 'wxa_category_audit');
    expect(pushes).toEqual([expect.objectContaining({ first: '220', second: '221', ret: '3' })]);
    expect((await f.post('/cgi-bin/wxopen/deletecategory', HOME)).json['errcode']).toBe(0);
    expect(await settingOf(HOME)).toBeUndefined();
  });

  test('a rejected category carries its reason and only it can be modified, never by changing ids', async () => {
    f = await startAppFixture();
    await add([{ ...FOOD, certicates: LICENCE }]);
    expect((await f.post('/cgi-bin/wxopen/modifycategory', { ...FOOD, certicates: LICENCE })).json['errcode']).toBe(
      53307,
    );
    await f.sim.control('POST', '/categories/decide', {
      appid: f.appid,
      ...FOOD,
      outcome: 'reject',
      reason: '许可证模糊',
    });
    expect(await settingOf(FOOD)).toMatchObject({ audit_status: 2, audit_reason: '许可证模糊' });
    const [push] = await pushesOf(f.sim, 'wxa_category_audit');
    expect(push).toMatchObject({ ret: '2', reason: '许可证模糊' });
    expect(
      (await f.post('/cgi-bin/wxopen/modifycategory', { first: 220, second: 222, certicates: LICENCE })).json[
        'errcode'
      ],
    ).toBe(53306);
    expect((await f.post('/cgi-bin/wxopen/modifycategory', { ...FOOD, certicates: LICENCE })).json['errcode']).toBe(0);
    expect(await settingOf(FOOD)).toMatchObject({ audit_status: 1, audit_reason: '' });
  });

  test('limits: principal type (53302), total (53301) and changes per month (53300)', async () => {
    f = await startAppFixture({ categories: { maxPerApp: 3, changesPerMonth: 2 } });
    await f.update({ principalType: 0 });
    expect((await add([HOME])).json['errcode']).toBe(53302);
    await f.update({ principalType: 1 });
    expect((await add([HOME, { first: 150, second: 153 }, { first: 287, second: 612 }])).json['errcode']).toBe(53301);
    expect((await add([HOME, { first: 150, second: 153 }])).json['errcode']).toBe(0);
    await f.post('/cgi-bin/wxopen/deletecategory', HOME);
    expect((await add([HOME])).json['errcode']).toBe(53300);
  });
});

describe('submit_audit needs an approved category, and item_list must use one (05 E3, E5, 08 H5)', () => {
  test('85008 without an approved category; a category under review does not count', async () => {
    f = await startAppFixture();
    await f.post('/cgi-bin/component/setprivacysetting', GUIDE);
    await f.update({ categories: [] });
    expect((await f.get('/wxa/get_category')).json['category_list']).toEqual([]);
    expect((await commitAndSubmit(f, BOOKING)).json['errcode']).toBe(85008);
    await add([{ ...FOOD, certicates: LICENCE }]);
    expect((await f.post('/wxa/submit_audit', {})).json['errcode']).toBe(85008);
    await f.advance(61);
    expect((await f.post('/wxa/submit_audit', {})).json['errcode']).toBe(0);
  });
});

describe('an audit whose categories miss what the app offers is rejected naming the category (08 H6)', () => {
  test('rejected with the service category named; adding it and submitting with it passes', async () => {
    f = await startAppFixture();
    await f.post('/cgi-bin/component/setprivacysetting', GUIDE);
    await f.update({
      categories: [
        { first_class: '工具', second_class: '效率', third_class: '', first_id: 287, second_id: 612, third_id: 0 },
      ],
      serviceCategory: { first_id: 150, second_id: 155 },
    });
    expect((await commitAndSubmit(f, BOOKING)).json['errcode']).toBe(0);
    await f.advance(61);
    const rejected = (await f.get('/wxa/get_latest_auditstatus')).json;
    expect(rejected).toMatchObject({ status: 1, reason: expect.stringContaining('「生活服务-家政」') });

    await add([HOME]);
    const tools = { first_class: '工具', second_class: '效率', first_id: 287, second_id: 612 };
    const home = { first_class: '生活服务', second_class: '家政', first_id: 150, second_id: 155 };
    expect((await f.post('/wxa/submit_audit', { item_list: [tools] })).json['errcode']).toBe(0);
    await f.advance(61);
    expect((await f.get('/wxa/get_latest_auditstatus')).json['status']).toBe(1);
    expect((await f.post('/wxa/submit_audit', { item_list: [home] })).json['errcode']).toBe(0);
    await f.advance(61);
    expect((await f.get('/wxa/get_latest_auditstatus')).json['status']).toBe(0);
  });
});
