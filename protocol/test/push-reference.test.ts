import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePush } from '../src/push/parse-push.js';
import { pushIdentity } from '../src/push/push-identity.js';
import type { PushChannel } from '../src/push/push-types.js';

// A verbatim copy of the team's reference (fixtures/wechat/README.md).
const reference = readFileSync(new URL('./fixtures/wechat/02-push-events.md', import.meta.url), 'utf8');

/** Every ```xml block of 02-push-events.md with the section it belongs to. */
function xmlExamples(markdown: string): { section: string; xml: string }[] {
  const out: { section: string; xml: string }[] = [];
  let section = '';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('## ')) section = line.slice(3, line.indexOf('.'));
    if (line.trim() !== '```xml') continue;
    const end = lines.indexOf('```', i + 1);
    out.push({ section, xml: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return out;
}

const channelOf = (xml: string): PushChannel => (xml.includes('<AppId>') ? 'component' : 'app');

describe('every documented push layout of 02 parses to its typed kind', () => {
  const examples = xmlExamples(reference);

  it('finds the examples of B1–B15', () => {
    expect(examples.map((e) => e.section)).toEqual(['B1', 'B2', 'B4', 'B5', 'B6', 'B9', 'B10', 'B11', 'B12', 'B15']);
  });

  it.each(xmlExamples(reference))('$section', ({ xml }) => {
    const type = /<(?:InfoType|Event)><!\[CDATA\[(\w+)\]\]>/.exec(xml)?.[1];
    const push = parsePush(xml, channelOf(xml));
    expect(push.kind).toBe(type);
    expect(push.createTime).toMatch(/^\d+$/);
  });
});

const header = (event: string) =>
  `<ToUserName><![CDATA[gh_abcdef123456]]></ToUserName><FromUserName><![CDATA[oSys]]></FromUserName>` +
  `<CreateTime>1718300000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${event}]]></Event>`;

describe('ICP filing results (02 B15): both URLs, lenient casing, raw fields kept', () => {
  const filing = `<xml><AppId><![CDATA[wx0a1b2c3d4e5f6a7b]]></AppId><CreateTime>1718000500</CreateTime>
    <InfoType><![CDATA[notify_apply_icpfiling_result]]></InfoType>
    <authorizer_appid><![CDATA[wx1111222233334444]]></authorizer_appid><beian_status>6</beian_status></xml>`;

  it('reads the filing result on the authorization-event URL', () => {
    expect(parsePush(filing, 'component')).toMatchObject({
      kind: 'notify_apply_icpfiling_result',
      channel: 'component',
      appId: 'wx0a1b2c3d4e5f6a7b',
      authorizerAppid: 'wx1111222233334444',
      beianStatus: '6',
    });
  });

  it('reads the same InfoType push when it arrives on the message URL', () => {
    const onMessageUrl = `<xml><ToUserName><![CDATA[gh_abcdef123456]]></ToUserName><CreateTime>1718000500</CreateTime>
      <InfoType><![CDATA[notify_icpfiling_verify_result]]></InfoType><TaskId><![CDATA[task-1]]></TaskId>
      <VerifyAppid><![CDATA[wx1111222233334444]]></VerifyAppid><Result>3</Result></xml>`;
    expect(parsePush(onMessageUrl, 'app')).toMatchObject({
      kind: 'notify_icpfiling_verify_result',
      channel: 'app',
      toUserName: 'gh_abcdef123456',
      taskId: 'task-1',
      verifyAppid: 'wx1111222233334444',
      result: '3',
    });
  });

  it('keeps an unexpected layout as sent instead of dropping it', () => {
    const odd = filing.replace(/<authorizer_appid>.*<\/beian_status>/s, '<appid>wx1</appid><state>6</state>');
    const push = parsePush(odd, 'component');
    expect(push).toMatchObject({ kind: 'notify_apply_icpfiling_result', authorizerAppid: '', beianStatus: '' });
    expect(push.kind === 'notify_apply_icpfiling_result' && push.fields['state']).toBe('6');
    const combined = filing.replace('notify_apply_icpfiling_result', 'notify_3rd_wxa_auth_and_icp');
    const raw = parsePush(combined, 'component');
    expect(raw.kind).toBe('notify_3rd_wxa_auth_and_icp');
    expect(raw.kind === 'notify_3rd_wxa_auth_and_icp' && raw.fields['beian_status']).toBe('6');
  });

  it('tells two status changes of one filing apart, and a retry not', () => {
    const four = filing.replace('<beian_status>6', '<beian_status>4');
    expect(pushIdentity(parsePush(four, 'component'))).not.toBe(pushIdentity(parsePush(filing, 'component')));
    expect(pushIdentity(parsePush(filing, 'component'))).toBe(pushIdentity(parsePush(filing, 'component')));
  });
});

describe('category review and privacy-interface results (02 B16, B17)', () => {
  it('types wxa_category_audit with ids as strings', () => {
    const xml = `<xml>${header('wxa_category_audit')}<first>8</first><second>39</second><ret>2</ret>
      <reason><![CDATA[资质不清晰]]></reason></xml>`;
    const push = parsePush(xml, 'app');
    expect(push).toMatchObject({
      kind: 'wxa_category_audit',
      first: '8',
      second: '39',
      ret: '2',
      reason: '资质不清晰',
    });
    const other = parsePush(xml.replace('<second>39', '<second>40'), 'app');
    expect(pushIdentity(other)).not.toBe(pushIdentity(push));
  });

  it('keeps wxa_privacy_apply raw (layout UNCONFIRMED)', () => {
    const xml = `<xml>${header('wxa_privacy_apply')}<api_name><![CDATA[wx.getLocation]]></api_name></xml>`;
    const push = parsePush(xml, 'app');
    expect(push.kind).toBe('wxa_privacy_apply');
    expect(push.kind === 'wxa_privacy_apply' && push.fields['api_name']).toBe('wx.getLocation');
  });
});

describe('fast-registration results of the 2026 versions (02 B18)', () => {
  it('reads the task id from <info><taskid> and keys the push by it', () => {
    const xml = (
      taskid: string,
    ) => `<xml><AppId><![CDATA[wx0a1b2c3d4e5f6a7b]]></AppId><CreateTime>1718000300</CreateTime>
      <InfoType><![CDATA[notify_third_fasteregister]]></InfoType><appid>wx5555666677778888</appid><status>0</status>
      <auth_code>authcode@@@Qwe789</auth_code><msg>OK</msg><info><taskid>${taskid}</taskid></info></xml>`;
    const push = parsePush(xml('t-1'), 'component');
    expect(push).toMatchObject({ kind: 'notify_third_fasteregister', taskid: 't-1', appid: 'wx5555666677778888' });
    expect(pushIdentity(parsePush(xml('t-2'), 'component'))).not.toBe(pushIdentity(push));
  });
});
