import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, WX_API_HOST } from '../src/api/index.js';
import type {
  EndpointName,
  EndpointSpec,
  EndpointTypes,
  EndpointTypesComplete,
  JsonResponsesHaveEnvelope,
} from '../src/api/index.js';

// A verbatim copy of the team's reference (fixtures/wechat/README.md).
const apiMd = readFileSync(new URL('./fixtures/wechat/API.md', import.meta.url), 'utf8');

interface CatalogueRow {
  num: number;
  method: string;
  pathCell: string;
  token: string;
}

interface CataloguePath {
  row: number;
  host: string;
  path: string;
  action: string | undefined;
}

const entries = Object.entries(ENDPOINTS) as [EndpointName, EndpointSpec][];

const hostOf = (spec: EndpointSpec): string => spec.host ?? WX_API_HOST;
const actionOf = (spec: EndpointSpec): string | undefined =>
  spec.query?.find((q) => q.startsWith('action='))?.slice('action='.length);
const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

function catalogueRows(markdown: string): CatalogueRow[] {
  const section = markdown.split('## Endpoint catalogue')[1]?.split('\n## ')[0] ?? '';
  const rows: CatalogueRow[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
    // A row is `| # | Method | Path | Token | Doc |`: cells[0] and cells[6] are the empty outsides.
    if (cells.length < 6 || !/^\d+$/.test(cells[1] ?? '')) continue;
    rows.push({ num: Number(cells[1]), method: cells[2] ?? '', pathCell: cells[3] ?? '', token: cells[4] ?? '' });
  }
  return rows;
}

const PATH = /(?:([a-z]+\.weixin\.qq\.com))?(\/[\w/.-]+)(?:\?action=(\w+))?/;

/**
 * Paths of one catalogue cell, e.g. `/wxa/modify_domain (+ _directly, get_effective_domain)`,
 * `/cgi-bin/component/api_get_authorizer_option (legacy) / get_authorizer_option (new)`,
 * `/wxa/component/fastregisterpersonalweapp?action=create / action=query`.
 */
function cataloguePaths(row: CatalogueRow): CataloguePath[] {
  const found: CataloguePath[] = [];
  let last: CataloguePath | undefined;
  for (const raw of row.pathCell.replaceAll('`', '').split(/\s+\/\s+|[,()+]/)) {
    const segment = raw.trim();
    const match = PATH.exec(segment);
    let next: CataloguePath | undefined;
    if (match?.[2] !== undefined) {
      next = { row: row.num, host: match[1] ?? WX_API_HOST, path: match[2], action: match[3] };
    } else if (last !== undefined && segment.startsWith('_')) {
      next = { ...last, path: last.path + segment, action: undefined };
    } else if (last !== undefined && segment.startsWith('action=')) {
      next = { ...last, action: segment.slice('action='.length) };
    } else if (last !== undefined && /^[a-z]\w*_\w*$/.test(segment)) {
      next = { ...last, path: last.path.slice(0, last.path.lastIndexOf('/') + 1) + segment, action: undefined };
    }
    if (next !== undefined) {
      found.push(next);
      if (!segment.startsWith('action=') && !segment.startsWith('_')) last = next;
    }
  }
  return found;
}

const rows = catalogueRows(apiMd);
const apiRows = rows.filter((row) => row.method !== 'push');
const paths = apiRows.flatMap(cataloguePaths);

/** Actions the catalogue lists per host+path: an entry with such an action is a different endpoint from the bare path. */
const catalogueActions = new Map<string, Set<string>>();
for (const p of paths) {
  if (p.action === undefined) continue;
  const key = p.host + p.path;
  catalogueActions.set(key, (catalogueActions.get(key) ?? new Set()).add(p.action));
}

function entriesFor(p: CataloguePath): [EndpointName, EndpointSpec][] {
  return entries.filter(([, spec]) => {
    if (hostOf(spec) !== p.host || spec.path !== p.path) return false;
    const action = actionOf(spec);
    if (p.action !== undefined) return action === p.action;
    return action === undefined || !catalogueActions.get(p.host + p.path)?.has(action);
  });
}

/**
 * Endpoint names listed in the bullet that starts with `marker (`, e.g. the GET-only list of the global conventions:
 * `get_page`, `also per the SDKs/pages: get_privacy_interface`, `the /wxa/icp/query_icp_* dictionaries` (a glob).
 */
function conventionList(marker: string): string[] {
  const conventions = apiMd.split('## Global conventions')[1]?.split('\n## ')[0] ?? '';
  const start = conventions.indexOf(`${marker} (`);
  if (start < 0) return [];
  const inner = conventions.slice(start + marker.length + 2, conventions.indexOf(')', start));
  return inner
    .split(/[;,]/)
    .map((item) =>
      item
        .replaceAll('`', '')
        .replace(/^[^:]*:\s*/, '')
        .replace(/^\s*(?:also|the)\s+/, '')
        .trim(),
    )
    .map((item) => /^(?:[\w.]*\/)*([a-z0-9_]+\*?)/.exec(item)?.[1])
    .filter((name): name is string => name !== undefined);
}

const matchesName = (path: string, name: string): boolean =>
  name.endsWith('*') ? basename(path).startsWith(name.slice(0, -1)) : basename(path) === name;

describe('API.md endpoint catalogue', () => {
  it('parses every numbered row #1–#84 and their paths', () => {
    expect(rows.map((row) => row.num)).toEqual(Array.from({ length: 84 }, (_, i) => i + 1));
    expect(paths.length).toBeGreaterThanOrEqual(apiRows.length);
    // The rows that list several paths are split, not collapsed.
    expect(paths.filter((p) => p.row === 43).map((p) => p.path)).toEqual([
      '/wxa/modify_domain',
      '/wxa/modify_domain_directly',
      '/wxa/get_effective_domain',
    ]);
    expect(paths.filter((p) => p.row === 56).map((p) => p.action)).toEqual(['create', 'query']);
    expect(paths.filter((p) => p.row === 65).map((p) => p.path)).toEqual([
      '/wxa/get_webviewdomain_confirmfile',
      '/wxa/get_effective_webviewdomain',
    ]);
    expect(paths.filter((p) => p.row === 78)).toHaveLength(5);
    expect(paths.filter((p) => p.row === 84).map((p) => p.path)).toEqual([
      '/wxa/icp/cancel_apply_icp_filing',
      '/wxa/icp/cancel_icp_filing',
    ]);
  });

  it('has an ENDPOINTS entry for every catalogue path', () => {
    const missing = paths.filter((p) => entriesFor(p).length === 0);
    expect(missing).toEqual([]);
  });

  it('uses the catalogue method for each path', () => {
    for (const p of paths) {
      const method = apiRows.find((row) => row.num === p.row)?.method ?? '';
      for (const [name, spec] of entriesFor(p)) {
        if (method.includes('+')) {
          // `GET (browser) + POST`: the browser page is GET, the API call is POST.
          expect(spec.browser === true ? 'GET' : 'POST', name).toBe(spec.method);
        } else {
          expect(spec.method, name).toBe(method.startsWith('GET') ? 'GET' : 'POST');
          expect(spec.browser === true, name).toBe(method.includes('(browser)'));
        }
      }
    }
  });

  it('uses the catalogue token for each API path', () => {
    for (const p of paths) {
      const token = apiRows.find((row) => row.num === p.row)?.token ?? '';
      for (const [name, spec] of entriesFor(p)) {
        if (spec.browser === true) {
          expect(spec.token, name).toBe('none');
        } else if (/owner's|caller's/.test(token)) {
          expect(spec.ownerToken, name).toBe(true);
        } else {
          const expected = token.startsWith('none')
            ? 'none'
            : token.startsWith('component')
              ? 'component'
              : 'authorizer';
          expect(spec.token, name).toBe(expected);
        }
      }
    }
  });

  it('flags the multipart uploads with the file field of the global conventions', () => {
    const multipart = apiRows.filter((row) => row.pathCell.includes('(multipart)')).flatMap(cataloguePaths);
    expect(multipart.map((p) => p.path)).toEqual([
      '/wxa/uploadmedia',
      '/cgi-bin/component/uploadprivacyextfile',
      '/wxa/icp/upload_icp_media',
    ]);
    const conventions = apiMd.split('## Global conventions')[1]?.split('\n## ')[0] ?? '';
    const bullet = conventions.split('\n*').find((line) => line.includes('Multipart uploads')) ?? '';
    for (const p of multipart) {
      const field = new RegExp(`${p.path}\`? \\(field \`(\\w+)\``).exec(bullet)?.[1];
      expect(field, p.path).toBeDefined();
      for (const [name, spec] of entriesFor(p)) {
        expect(spec.multipart, name).toBe(true);
        expect(spec.fileField, name).toBe(field);
      }
    }
    const others = entries.filter(([, spec]) => spec.multipart === true);
    expect(others).toHaveLength(multipart.length);
  });

  it('marks exactly the retired rows retired, with their date', () => {
    const retiredRows = apiRows.filter((row) => /\(retired \d{4}-\d{2}-\d{2}\)/.test(row.pathCell));
    expect(retiredRows.map((row) => row.num)).toEqual([54, 55]);
    const retired = new Set<EndpointName>();
    for (const row of retiredRows) {
      const date = /\(retired (\d{4}-\d{2}-\d{2})\)/.exec(row.pathCell)?.[1];
      for (const p of cataloguePaths(row)) {
        for (const [name, spec] of entriesFor(p)) {
          expect(spec.retired, name).toBe(date);
          retired.add(name);
        }
      }
    }
    expect(entries.filter(([, spec]) => spec.retired !== undefined).map(([name]) => name)).toEqual([...retired]);
  });
});

describe('ENDPOINTS table', () => {
  it('makes every GET-only endpoint of the global conventions GET', () => {
    const getOnly = conventionList('Some endpoints are GET-only');
    expect(getOnly).toContain('gettemplatelist');
    expect(getOnly).toContain('gettemplatedraftlist');
    expect(getOnly).toContain('jscode2session');
    expect(getOnly).toContain('query_icp_*');
    // A glob names a family (`the query_icp_* dictionaries`), not the POST calls the catalogue lists beside it.
    const catalogueMethod = (spec: EndpointSpec): string | undefined =>
      apiRows.find((row) => paths.some((p) => p.row === row.num && p.path === spec.path))?.method;
    for (const name of getOnly) {
      const matches = entries.filter(
        ([, spec]) => matchesName(spec.path, name) && !(name.endsWith('*') && catalogueMethod(spec) === 'POST'),
      );
      expect(matches.length, name).toBeGreaterThan(0);
      for (const [key, spec] of matches) expect(spec.method, key).toBe('GET');
    }
  });

  it('flags every POST that needs the body {}', () => {
    const needObject = conventionList('need the body `{}`');
    expect(needObject).toEqual([
      'release',
      'getversioninfo',
      'getvisitstatus',
      'getweappsupportversion',
      'getprivacysetting',
    ]);
    for (const name of needObject) {
      const matches = entries.filter(([, spec]) => matchesName(spec.path, name));
      expect(matches.length, name).toBeGreaterThan(0);
      for (const [key, spec] of matches) {
        expect(spec.method, key).toBe('POST');
        expect(spec.emptyBodyNeedsObject, key).toBe(true);
      }
    }
  });

  it('has one name per method + host + path + action', () => {
    const signatures = entries.map(([, spec]) => `${spec.method} ${hostOf(spec)}${spec.path} ${actionOf(spec) ?? ''}`);
    expect(new Set(signatures).size).toBe(signatures.length);
  });

  it('marks the binary responses of get_qrcode and get_material', () => {
    expect(ENDPOINTS.getQrcode.binaryResponse).toBe('image/jpeg');
    expect(ENDPOINTS.getMaterial.binaryResponse).toBe('image');
  });

  it('types every endpoint', () => {
    const complete: EndpointTypesComplete = true;
    const enveloped: JsonResponsesHaveEnvelope = true;
    expect([complete, enveloped]).toEqual([true, true]);
    // ext_json is a JSON string, never an object.
    const commit: EndpointTypes['commit']['request'] = {
      template_id: 42,
      ext_json: JSON.stringify({ extAppid: 'wx1111222233334444' }),
      user_version: '1.2.0',
      user_desc: 'build',
    };
    expect(typeof commit.ext_json).toBe('string');
  });
});
