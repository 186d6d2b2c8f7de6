import { explainErrcode } from '@errcodes';
import type { Coded, Params } from '@contract/codes';
import type { ContractError } from '@contract/result';
import { i18n } from './index';

/** Params that name a setting field, a stored value or a state: worded here, never by the core. */
function wordParams(params: Params | undefined): Params {
  const { t, te } = i18n.global;
  const out: Params = { ...params };
  for (const [key, value] of Object.entries(out)) {
    if (key === 'fields' && typeof value === 'string') {
      const sep = i18n.global.locale.value === 'en' ? ', ' : '、';
      out[key] = value
        .split(',')
        .filter(Boolean)
        .map((f) => (te(`fieldNames.${f}`) ? t(`fieldNames.${f}`) : te(`settings.${f}`) ? t(`settings.${f}`) : f))
        .join(sep);
    } else if (key === 'state' && te(`itemState.${String(value)}`)) out[key] = t(`itemState.${String(value)}`);
    else if (typeof value === 'string' && te(`values.${value}`)) out[key] = t(`values.${value}`);
  }
  return out;
}

/** WeChat's own explanation of an errcode, from the protocol catalogue, in the UI language. */
export function explainWeChat(errcode: number): { text: string; fix: string } {
  const info = explainErrcode(errcode);
  return i18n.global.locale.value === 'en' ? { text: info.en, fix: info.fixEn } : { text: info.zh, fix: info.fixZh };
}

/** The sentence for a code; with an errcode, WeChat's explanation follows. */
export function say(value: Coded | null | undefined): string {
  if (!value) return '';
  const text = i18n.global.t(`codes.${value.code}`, wordParams(value.params));
  if (value.errcode === undefined) return text;
  return `${text} ${i18n.global.t('errors.errcode', { errcode: value.errcode })}${explainWeChat(value.errcode).text}`;
}

/** What to do about it: the code's own fix text, else the errcode's fix from the catalogue; '' when neither. */
export function sayFix(value: Coded | null | undefined): string {
  if (!value) return '';
  const { t, te } = i18n.global;
  if (te(`fixes.${value.code}`)) return t(`fixes.${value.code}`, wordParams(value.params));
  return value.errcode === undefined ? '' : explainWeChat(value.errcode).fix;
}

/** The sentence and what to do, in one line. */
export const sayWithFix = (value: Coded | null | undefined): string =>
  [say(value), sayFix(value)].filter(Boolean).join(' ');

/** Title (what kind of problem), detail (exactly which) and advice (what to do) for a contract error. */
export function describeError(error: ContractError): { title: string; detail: string; advice: string } {
  const { t } = i18n.global;
  const errcode = error.errcode ?? error.reason?.errcode;
  const title = errcode !== undefined ? t('errors.wechatTitle', { errcode }) : t(`errors.${error.code}.title`);
  const reason = error.reason ?? (errcode === undefined ? undefined : { code: 'wechat_rejected' as const, errcode });
  const detail = say(reason);
  const advice = sayFix(reason) || t(`errors.${error.code}.advice`);
  return { title, detail, advice };
}
