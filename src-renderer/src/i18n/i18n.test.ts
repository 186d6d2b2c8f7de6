// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES } from '@contract/codes';
import { englishSentences, messageStrings } from '@renderer/testing/english-sentences';
import en from './en';
import { i18n } from './index';
import { describeError, say, sayFix } from './say';
import zhCN from './zh-CN';

describe('the zh-CN messages', () => {
  it('hold no English sentence', () => {
    const found = messageStrings(zhCN).flatMap(([key, text]) => englishSentences(text).map((s) => `${key}: ${s}`));
    expect(found).toEqual([]);
  });

  it('the scanner finds the prose it is meant to find', () => {
    expect(englishSentences('审核被驳回 Read the reason and screenshots')).toEqual(['Read the reason and screenshots']);
    expect(englishSentences('收到新的 component_verify_ticket，见 https://a.example/x y z')).toEqual([]);
    expect(englishSentences('在中继上运行 wxfleet-relay device add NAME 生成新令牌')).toEqual([]);
    expect(englishSentences('演示（npm run demo）的控制台')).toEqual([]);
    expect(messageStrings(en).some(([, text]) => englishSentences(text).length > 0)).toBe(true);
  });

  it('word every code in both languages', () => {
    for (const code of MESSAGE_CODES) {
      expect(zhCN.codes[code], code).toBeTypeOf('string');
      expect(en.codes[code], code).toBeTypeOf('string');
    }
  });
});

describe('say', () => {
  it('words a code with its params and explains an errcode from the protocol catalogue', () => {
    i18n.global.locale.value = 'zh-CN';
    const paused = { code: 'pause_stop_the_line', params: { failed: 4, finished: 6, threshold: 50 } } as const;
    expect(say(paused)).toBe('已结束的 6 个小程序中有 4 个失败（阈值 50%），任务已停止，以免一个问题影响整个舰队。');
    const quota = { code: 'pause_quota_exhausted', errcode: 85085 } as const;
    expect(say(quota)).toContain('错误码 85085：');
    expect(sayFix(quota)).toContain('小程序服务商助手');
    const rejected = { code: 'wechat_rejected', params: { endpoint: 'commit' }, errcode: 85013 } as const;
    expect(sayFix(rejected).length).toBeGreaterThan(0);
    expect(englishSentences(say(rejected) + sayFix(rejected))).toEqual([]);
    i18n.global.locale.value = 'en';
    expect(say(paused)).toBe(
      '4 of 6 finished mini-programs failed (threshold 50%): the job stopped so one problem does not hit the whole fleet.',
    );
    expect(say({ code: 'hop_settings_missing', params: { fields: 'appsecret,relayUrl' } })).toBe(
      'Missing: AppSecret, Relay URL',
    );
  });

  it('gives a contract error a title, the exact reason and what to do', () => {
    i18n.global.locale.value = 'zh-CN';
    expect(
      describeError({ code: 'invalid_argument', reason: { code: 'template_not_found', params: { templateId: 7 } } }),
    ).toEqual({ title: '参数无效', detail: '模板库中没有模板 7。', advice: '请检查填写的内容后重试。' });
    const wechat = describeError({
      code: 'wechat_error',
      errcode: 61004,
      reason: { code: 'wechat_rejected', params: { endpoint: 'apiComponentToken' }, errcode: 61004 },
    });
    expect(wechat.title).toBe('微信接口错误 61004');
    expect(wechat.detail).toContain('微信拒绝了这次调用（apiComponentToken）。');
    expect(englishSentences(Object.values(wechat).join(' '))).toEqual([]);
  });
});
