import { REPORT_BUG } from './common-fixes.js';
import type { ErrcodeInfo } from './types.js';

export const GENERAL_ERRCODES: readonly ErrcodeInfo[] = [
  {
    code: -1,
    errmsg: 'system error',
    retry: 'transient',
    zh: '微信服务器繁忙，暂时无法处理这次请求。',
    en: 'WeChat is busy and could not handle the request.',
    fixZh:
      '稍后重试即可，可安全重复的请求会自动按退避间隔重试。提审、发布这类操作请先确认上一次是否已经生效，再决定是否重试。',
    fixEn:
      'Retry later; idempotent calls are retried automatically with backoff. For submit/release, first check whether the previous attempt took effect.',
  },
  {
    code: 0,
    errmsg: 'ok',
    retry: 'permanent',
    zh: '请求成功（有些接口成功时不返回 errcode 字段）。',
    en: 'Success (some APIs omit errcode when they succeed).',
    fixZh: '无需处理。',
    fixEn: 'Nothing to do.',
  },
  {
    code: 40001,
    errmsg: 'invalid credential, access_token is invalid or not latest',
    retry: 'token',
    zh: '接口调用凭证（access_token）无效或已不是最新的：可能已被重新获取的新凭证顶掉，或获取时用了错误的密钥。',
    en: 'The access_token is invalid or no longer the latest: a newer token may have replaced it, or it was obtained with the wrong secret.',
    fixZh:
      '系统会丢弃缓存的凭证，重新获取一次并重试一次。若仍失败，检查是否有其他系统也在用同一个第三方平台获取凭证（会互相顶掉），以及平台密钥是否被重置过。',
    fixEn:
      'The cached token is dropped, refreshed once and the call retried once. If it still fails, check whether another system fetches tokens for the same platform (they replace each other) and whether the secret was reset.',
  },
  {
    code: 40002,
    errmsg: 'invalid grant_type',
    retry: 'permanent',
    zh: '获取凭证时的 grant_type 参数不正确。',
    en: 'The grant_type used to obtain a credential is wrong.',
    ...REPORT_BUG,
  },
  {
    code: 40013,
    errmsg: 'invalid appid',
    retry: 'permanent',
    zh: 'AppID 格式不正确，或与所用的凭证不属于同一个账号。',
    en: 'The AppID is malformed or does not belong to the same account as the token used.',
    fixZh:
      '核对设置中的 AppID（注意大小写，前后不要有空格），并确认凭证属于这个账号；配置无误时，把 rid 发给开发人员。',
    fixEn:
      'Check the AppID in settings (case-sensitive, no stray spaces) and that the token belongs to that account; if the config is right, send the rid to the developers.',
  },
  {
    code: 40014,
    errmsg: 'invalid access_token',
    retry: 'token',
    zh: '接口调用凭证（access_token）格式不对或已失效。',
    en: 'The access_token is malformed or no longer valid.',
    fixZh:
      '与 40001 相同：系统会丢弃缓存的凭证，重新获取一次并重试一次；仍失败时检查是否有其他系统在抢用同一平台的凭证。',
    fixEn:
      'Same as 40001: the cached token is dropped, refreshed once and the call retried once; if it still fails, look for another system using the same platform.',
  },
  {
    code: 40097,
    errmsg: 'invalid args',
    retry: 'permanent',
    zh: '请求参数有误（常见于灰度发布、版本回退等接口）。',
    en: 'A request parameter is wrong (often seen on gray release and version revert).',
    fixZh: '检查本次操作填写的内容（例如灰度比例、要回退的版本）；填写无误时，把错误码和 rid 发给开发人员。',
    fixEn:
      'Check what was entered for this operation (e.g. gray percentage, version to revert); if it is right, send the errcode and rid to the developers.',
  },
  {
    code: 40125,
    errmsg: 'invalid appsecret',
    retry: 'permanent',
    zh: '第三方平台的 AppSecret（component_appsecret）不正确。',
    en: "The third-party platform's AppSecret (component_appsecret) is wrong.",
    fixZh: '到微信开放平台核对第三方平台的 AppSecret；如果最近重置过，请在 wxfleet 设置中换成新的密钥。',
    fixEn:
      "Check the platform's AppSecret on the WeChat Open Platform; if it was reset recently, enter the new secret in wxfleet settings.",
  },
  {
    code: 40164,
    errmsg: 'invalid ip, not in whitelist',
    retry: 'permission',
    zh: '调用方 IP 不在该公众号/小程序自己的 IP 白名单中（用账号自己的 AppSecret 获取凭证时才检查这个白名单）。',
    en: "The caller's IP is not in the official account's / mini program's own API IP whitelist (checked when the account's own secret is used).",
    fixZh:
      '请商家登录微信公众平台（mp.weixin.qq.com），在开发设置的“IP 白名单”里加入中继服务器的出口 IP；被拒绝的 IP 会写在 errmsg 里。',
    fixEn:
      "Have the merchant add the relay's egress IP to the IP whitelist in the account's developer settings on mp.weixin.qq.com; the rejected IP is shown in errmsg.",
  },
  {
    code: 40170,
    errmsg: 'args count exceed count limit',
    retry: 'permanent',
    zh: '参数数量超过上限（例如拉取授权方列表时 count 超过 500）。',
    en: 'A count argument exceeds its limit (e.g. api_get_authorizer_list with count over 500).',
    ...REPORT_BUG,
  },
  {
    code: 41001,
    errmsg: 'access_token missing',
    retry: 'permanent',
    zh: '请求中缺少 access_token 参数。',
    en: 'The request has no access_token parameter.',
    ...REPORT_BUG,
  },
  {
    code: 41002,
    errmsg: 'appid missing',
    retry: 'permanent',
    zh: '请求中缺少 appid 参数。',
    en: 'The request has no appid parameter.',
    ...REPORT_BUG,
  },
  {
    code: 41004,
    errmsg: 'appsecret missing',
    retry: 'permanent',
    zh: '请求中缺少 secret 参数。',
    en: 'The request has no secret parameter.',
    ...REPORT_BUG,
  },
  {
    code: 41018,
    errmsg: 'missing component_appid',
    retry: 'permanent',
    zh: '调用第三方平台接口时没有带 component_appid。',
    en: 'A component API was called without component_appid.',
    ...REPORT_BUG,
  },
  {
    code: 42001,
    errmsg: 'access_token expired',
    retry: 'token',
    zh: '接口调用凭证（access_token）已过期。',
    en: 'The access_token has expired.',
    fixZh: '系统会自动刷新凭证并重试一次；如果反复出现，检查中继服务器的系统时间是否准确。',
    fixEn: "The token is refreshed and the call retried once; if it keeps happening, check the relay's system clock.",
  },
  {
    code: 42006,
    errmsg: 'component_access_token expired',
    retry: 'token',
    zh: '第三方平台的凭证（component_access_token）已过期。',
    en: "The platform's component_access_token has expired.",
    fixZh:
      '系统会重新获取第三方平台凭证并重试；如果获取失败，多半是没有收到 component_verify_ticket，请检查授权事件接收地址能否访问。',
    fixEn:
      'The component token is refreshed and the call retried; if refreshing fails, the component_verify_ticket is probably missing, so check the authorization event URL.',
  },
  {
    code: 42007,
    errmsg: 'access_token and refresh_token exception',
    retry: 'permission',
    zh: '商家管理员修改了微信密码等原因，导致该授权方的凭证和刷新凭证全部作废。',
    en: "The authorizer's tokens and refresh token were voided, typically because the admin changed the WeChat password.",
    fixZh: '该商家已标记为“需要重新授权”；请联系商家管理员重新扫码授权给本平台。',
    fixEn:
      'The merchant is flagged as needing re-authorization; ask their admin to scan and authorize the platform again.',
  },
  {
    code: 43001,
    errmsg: 'require GET method',
    retry: 'permanent',
    zh: '该接口要求 GET 请求，却用了 POST。',
    en: 'This API requires GET but was called with POST.',
    ...REPORT_BUG,
  },
  {
    code: 43002,
    errmsg: 'require POST method',
    retry: 'permanent',
    zh: '该接口要求 POST 请求，却用了 GET。',
    en: 'This API requires POST but was called with GET.',
    ...REPORT_BUG,
  },
  {
    code: 43003,
    errmsg: 'require https',
    retry: 'permanent',
    zh: '该接口必须通过 HTTPS 调用。',
    en: 'This API must be called over HTTPS.',
    ...REPORT_BUG,
  },
  {
    code: 44002,
    errmsg: 'empty post data',
    retry: 'permanent',
    zh: 'POST 请求没有带请求体（即使没有参数也要发送 {}）。',
    en: 'A POST was sent without a body (send {} even when there are no parameters).',
    ...REPORT_BUG,
  },
  {
    code: 45009,
    errmsg: 'reach max api daily quota limit',
    retry: 'quota',
    zh: '这个接口今天的调用次数已经用完。',
    en: "The API's daily call quota is used up.",
    fixZh:
      '停止调用该接口，等额度次日恢复；情况紧急时可以用 clear_quota 清零（每月只有 10 次），并排查是否有异常的重复调用。',
    fixEn:
      'Stop calling this API until the quota resets tomorrow; if urgent, reset it with clear_quota (10 times a month) and look for runaway repeated calls.',
  },
  {
    code: 45011,
    errmsg: 'api minute-quota reach limit, must slower, retry next minute',
    retry: 'quota',
    zh: '调用太频繁，触发了每分钟的频率限制。',
    en: 'Calls are too frequent; the per-minute rate limit was hit.',
    fixZh: '至少等 60 秒再试，并放慢调用节奏；不要连续重试。',
    fixEn: 'Wait at least 60 seconds before trying again and slow down; do not retry in a loop.',
  },
  {
    code: 45035,
    errmsg: 'access clientip is not registered, not in ip-white-list',
    retry: 'permission',
    zh: '调用方 IP 没有登记在白名单中（IP 白名单报错的另一种形式）。',
    en: "The caller's IP is not registered in the whitelist (another form of the IP whitelist error).",
    fixZh:
      '把中继服务器的出口 IP 加入对应的白名单（第三方平台的白名单 IP 地址，或账号自己的 IP 白名单）；errmsg 里带有 IP 时，那就是被拒绝的 IP。',
    fixEn:
      "Add the relay's egress IP to the relevant whitelist (the platform's whitelist or the account's own); if errmsg contains an IP, that is the rejected one.",
  },
  {
    code: 47001,
    errmsg: 'data format error',
    retry: 'permanent',
    zh: '请求数据格式错误：JSON/XML 解析失败，或缺少必填字段。',
    en: 'The request data is malformed: JSON/XML could not be parsed or a required field is missing.',
    ...REPORT_BUG,
  },
  {
    code: 47002,
    errmsg: 'data format error',
    retry: 'permanent',
    zh: '请求里含有 \\uxxxx 形式的转义字符，这个接口不接受。',
    en: 'The request contains \\uxxxx escapes, which this API rejects.',
    fixZh: '需要开发人员改为直接发送 UTF-8 原文（序列化时不要转义中文）；请把错误码和 rid 发给开发人员。',
    fixEn:
      'The developers must send raw UTF-8 instead of escaping non-ASCII characters; send them the errcode and rid.',
  },
  {
    code: 48001,
    errmsg: 'api unauthorized',
    retry: 'permission',
    zh: '该账号无权调用这个接口：账号类型不支持，或没有把对应权限集授权给本平台。',
    en: 'The account may not call this API: the account type does not support it, or the permission set was not granted to the platform.',
    fixZh: '确认账号类型（例如是否已认证、是否小程序）支持这个功能；如果是权限集缺失，请商家重新授权并勾选对应权限集。',
    fixEn:
      'Check that the account type (verified? mini program?) supports this feature; if a permission set is missing, ask the merchant to re-authorize with it ticked.',
  },
  {
    code: 48004,
    errmsg: 'api forbidden for irregularities',
    retry: 'permission',
    zh: '该账号因违规被封禁了这个接口。',
    en: 'This API has been banned for the account because of rule violations.',
    fixZh: '请商家登录微信公众平台查看违规通知，按指引整改或申诉；系统无法自动处理。',
    fixEn:
      'Ask the merchant to read the violation notice on mp.weixin.qq.com and fix or appeal it; this cannot be handled automatically.',
  },
  {
    code: 48006,
    errmsg: 'forbid to clear quota because of reaching the limit',
    retry: 'quota',
    zh: '本月清零调用次数（clear_quota）的机会已经用完（每月 10 次）。',
    en: 'clear_quota has already been used the maximum 10 times this month.',
    fixZh: '只能等额度自然恢复或到下个月；同时排查为什么会频繁超额。',
    fixEn: 'Wait for the quota to reset or for next month, and find out why the quota keeps running out.',
  },
  {
    code: 50002,
    errmsg: 'user limited',
    retry: 'permission',
    zh: '该账号已被冻结、封禁或已注销。',
    en: 'The account is frozen, banned or cancelled.',
    fixZh: '请商家登录微信公众平台查看账号状态和通知，按要求处理；在恢复之前，这个账号的所有操作都会失败。',
    fixEn:
      'Ask the merchant to check the account status and notices on mp.weixin.qq.com; every operation on this account fails until it is restored.',
  },
  {
    code: 76001,
    errmsg: 'rid not found',
    retry: 'permanent',
    zh: '要查询的 rid 不存在，或已超过 7 天。',
    en: 'The rid does not exist or is older than 7 days.',
    fixZh: 'rid 只能在 7 天内查询；请用最近一次报错里的 rid，并确认复制完整。',
    fixEn:
      'A rid can only be looked up within 7 days; use the rid from a recent error and make sure it was copied whole.',
  },
  {
    code: 76003,
    errmsg: 'cgi_path format',
    retry: 'permanent',
    zh: '查询接口额度时 cgi_path 格式错误：必须以 / 开头，不能带域名。',
    en: 'The cgi_path for quota/get is malformed: it must start with / and carry no host.',
    ...REPORT_BUG,
  },
  {
    code: 76021,
    errmsg: 'cgi_path not found',
    retry: 'permanent',
    zh: '查询接口额度时，cgi_path 对应的接口不存在。',
    en: 'quota/get: no API exists at that cgi_path.',
    ...REPORT_BUG,
  },
  {
    code: 76022,
    errmsg: 'could not use this cgi_path, no permission',
    retry: 'permanent',
    zh: '所用的凭证无权查询这个接口的额度（例如用第三方平台凭证查询授权方接口）。',
    en: 'The token used may not query the quota of this API (e.g. a component token asking about an authorizer API).',
    fixZh: '换用拥有该接口的凭证再查：第三方平台接口用第三方平台凭证，授权方接口用该授权方的凭证。',
    fixEn:
      "Query with the token that owns the API: the component token for platform APIs, the authorizer's token for authorizer APIs.",
  },
];
