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

/** Names listed in the bullet that starts with `marker (`, e.g. the GET-only list of the global conventions. */
function conventionList(marker: string): string[] {
  const conventions = apiMd.split('## Global conventions')[1]?.split('\n## ')[0] ?? '';
  const start = conventions.indexOf(`${marker} (`);
  if (start < 0) return [];
  const inner = conventions.slice(start + marker.length + 2, conventions.indexOf(')', start));
  return inner
    .split(/[;,]/)
    .map((item) => /^\s*(?:also\s+)?([a-z_]+)/.exec(item.replaceAll('`', ''))?.[1])
    .filter((name): name is string => name !== undefined);
}

describe('API.md endpoint catalogue', () => {
  it('parses every numbered row #1–#60 and their paths', () => {
    expect(rows.map((row) => row.num)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(paths.length).toBeGreaterThanOrEqual(apiRows.length);
    // The rows that list several paths are split, not collapsed.
    expect(paths.filter((p) => p.row === 43).map((p) => p.path)).toEqual([
      '/wxa/modify_domain',
      '/wxa/modify_domain_directly',
      '/wxa/get_effective_domain',
    ]);
    expect(paths.filter((p) => p.row === 56).map((p) => p.action)).toEqual(['create', 'query']);
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

  it('flags the multipart upload', () => {
    const multipart = apiRows.filter((row) => row.pathCell.includes('(multipart)')).flatMap(cataloguePaths);
    expect(multipart.length).toBeGreaterThan(0);
    for (const p of multipart) expect(entriesFor(p).every(([, spec]) => spec.multipart === true)).toBe(true);
  });
});

describe('ENDPOINTS table', () => {
  it('makes every GET-only endpoint of the global conventions GET', () => {
    const getOnly = conventionList('Some endpoints are GET-only');
    expect(getOnly).toContain('gettemplatelist');
    expect(getOnly).toContain('gettemplatedraftlist');
    for (const name of getOnly) {
      const matches = entries.filter(([, spec]) => basename(spec.path) === name);
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
      const matches = entries.filter(([, spec]) => basename(spec.path) === name);
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
