export const REPORT_BUG = {
  fixZh: '这是程序调用方式的问题，商家和运营人员无法自行处理；请把错误码、errmsg 和其中的 rid 发给开发人员。',
  fixEn:
    'This is a bug in how the call is made and staff cannot fix it; send the errcode, errmsg and its rid to the developers.',
} as const;

export const LOOK_UP_RID = {
  fixZh:
    '查看 errmsg 中的具体说明；如仍不清楚，用 errmsg 末尾的 rid 调用 /cgi-bin/openapi/rid/get 查询详情（rid 只保留 7 天）。',
  fixEn:
    'Read the errmsg for details; if still unclear, look up the rid at the end of errmsg with /cgi-bin/openapi/rid/get (rids are kept for 7 days).',
} as const;
