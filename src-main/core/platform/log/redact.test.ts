import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import type { LogRecord } from './logger.js';
import { redactText, redactValue } from './redact.js';

describe('redaction', () => {
  it('masks token query strings in any text', () => {
    expect(redactText('POST /cgi-bin/component/api_query_auth?component_access_token=61_abc&x=1')).toBe(
      'POST /cgi-bin/component/api_query_auth?component_access_token=***&x=1',
    );
    expect(redactText('GET /wxa/get_page?access_token=TOKEN#frag')).toBe('GET /wxa/get_page?access_token=***#frag');
    expect(redactText('url: "https://h/x?a=1&access_token=zzz"')).toBe('url: "https://h/x?a=1&access_token=***"');
    expect(redactText('Proxy-Authorization: Bearer wxr_secret.value')).toBe('Proxy-Authorization: Bearer ***');
  });

  it('masks secret-looking keys and redacts nested strings', () => {
    expect(
      redactValue({
        appsecret: 's3cr3t',
        component_access_token: 't',
        authorization: 'Bearer x',
        nested: { refresh_token: 'r', url: '/a?access_token=q', count: 3 },
        list: ['/b?component_access_token=w'],
        ok: true,
      }),
    ).toEqual({
      appsecret: '***',
      component_access_token: '***',
      authorization: '***',
      nested: { refresh_token: '***', url: '/a?access_token=***', count: 3 },
      list: ['/b?component_access_token=***'],
      ok: true,
    });
  });

  it('the logger redacts messages and fields before they reach the sink', () => {
    const records: LogRecord[] = [];
    const log = createLogger((r) => records.push(r));
    log.info('calling /wxa/commit?access_token=AAA', {
      error: new Error('failed at /x?access_token=BBB'),
      deviceToken: 'CCC',
    });
    const text = JSON.stringify(records);
    for (const secret of ['AAA', 'BBB', 'CCC']) expect(text).not.toContain(secret);
  });
});
