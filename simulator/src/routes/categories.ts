import { monthKey } from '../clock.js';
import { startCategoryReview } from '../engine/category-review.js';
import { WxError } from '../errors.js';
import { callerApp } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { JsonObject, Route, RouteContext } from '../http/route.js';
import { countIn } from '../state/basic-info.js';
import { categoryTree, findCategory } from '../state/category-catalogue.js';
import type { AppCategory, MiniProgram } from '../state/types.js';

const CATEGORIES = [30, 61] as const;

function ids(item: unknown): { first: number; second: number; certicates: { key: string; value: string }[] } {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new WxError(53303);
  const entry = item as JsonObject;
  const first = entry['first'];
  const second = entry['second'];
  if (!Number.isInteger(first) || !Number.isInteger(second)) throw new WxError(53303, 'first and second required');
  const raw = entry['certicates'] ?? [];
  if (!Array.isArray(raw)) throw new WxError(53303, 'certicates must be an array');
  const certicates = raw.map((c: unknown) => {
    const cert = (c ?? {}) as JsonObject;
    if (typeof cert['key'] !== 'string' || typeof cert['value'] !== 'string' || cert['value'] === '')
      throw new WxError(53303, 'each certicate needs key and value');
    return { key: cert['key'], value: cert['value'] };
  });
  return { first: first as number, second: second as number, certicates };
}

const find = (app: MiniProgram, first: number, second: number): AppCategory | undefined =>
  app.categories.find((c) => c.first_id === first && c.second_id === second);

function add(ctx: RouteContext) {
  const app = callerApp(ctx);
  const { sim } = ctx;
  const list = ctx.body['categories'];
  if (!Array.isArray(list) || list.length === 0) throw new WxError(53303, 'categories required');
  const wanted = list.map(ids);
  const added: AppCategory[] = [];
  for (const { first, second, certicates } of wanted) {
    const entry = findCategory(first, second);
    if (entry === undefined) throw new WxError(53303, `no category ${first}/${second}`);
    if (app.basic.principalType === 0 && !entry.personal) throw new WxError(53302);
    if (find(app, first, second) !== undefined || added.some((c) => c.first_id === first && c.second_id === second))
      throw new WxError(53304);
    if (entry.sensitive && certicates.length === 0) throw new WxError(53311);
    added.push({ ...entry.category, audit_status: 3, audit_reason: '', certicates, reviewTimer: null });
  }
  if (app.categories.length + added.length > sim.config.categories.maxPerApp) throw new WxError(53301);
  if (countIn(app.categoryChanges, monthKey(sim.now())) + added.length > sim.config.categories.changesPerMonth)
    throw new WxError(53300);
  app.categoryChanges.count += added.length;
  for (const category of added) {
    app.categories.push(category);
    if (findCategory(category.first_id, category.second_id)!.sensitive) startCategoryReview(sim, app, category);
  }
  return ok();
}

/** 08 H6: the category catalogue, the account's categories and their review. */
export const categoryRoutes: Route[] = [
  {
    method: 'GET',
    path: '/cgi-bin/wxopen/getallcategories',
    token: 'authorizer',
    funcs: CATEGORIES,
    handle: (ctx) => ok(categoryTree(callerApp(ctx).basic.principalType === 0)),
  },
  {
    method: 'POST',
    path: '/cgi-bin/wxopen/getcategoriesbytype',
    token: 'authorizer',
    funcs: CATEGORIES,
    handle(ctx) {
      const type = ctx.body['verify_type'] ?? 0;
      if (typeof type !== 'number' || !Number.isInteger(type) || type < 0 || type > 4) throw new WxError(53303);
      return ok(categoryTree(type === 0));
    },
  },
  {
    method: 'GET',
    path: '/cgi-bin/wxopen/getcategory',
    token: 'authorizer',
    funcs: CATEGORIES,
    handle(ctx) {
      const app = callerApp(ctx);
      const { categories: config } = ctx.sim.config;
      const used = countIn(app.categoryChanges, monthKey(ctx.sim.now()));
      return ok({
        categories: app.categories.map((c) => ({
          first: c.first_id,
          first_name: c.first_class,
          second: c.second_id,
          second_name: c.second_class,
          audit_status: c.audit_status,
          audit_reason: c.audit_reason,
        })),
        limit: config.changesPerMonth,
        quota: Math.max(0, config.changesPerMonth - used),
        category_limit: config.maxPerApp,
      });
    },
  },
  { method: 'POST', path: '/cgi-bin/wxopen/addcategory', token: 'authorizer', funcs: CATEGORIES, handle: add },
  {
    method: 'POST',
    path: '/cgi-bin/wxopen/deletecategory',
    token: 'authorizer',
    funcs: CATEGORIES,
    handle(ctx) {
      const app = callerApp(ctx);
      const { first, second } = ids(ctx.body);
      const category = find(app, first, second);
      if (category === undefined) throw new WxError(53303, 'category not set');
      if (category.audit_status === 1) throw new WxError(53308);
      app.categories = app.categories.filter((c) => c !== category);
      return ok();
    },
  },
  {
    method: 'POST',
    path: '/cgi-bin/wxopen/modifycategory',
    token: 'authorizer',
    funcs: CATEGORIES,
    handle(ctx) {
      const app = callerApp(ctx);
      const { first, second, certicates } = ids(ctx.body);
      const category = find(app, first, second);
      if (category === undefined) throw new WxError(53306);
      if (category.audit_status !== 2) throw new WxError(53307);
      if (certicates.length === 0) throw new WxError(53311);
      category.certicates = certicates;
      startCategoryReview(ctx.sim, app, category);
      return ok();
    },
  },
];
