import type { ExtJsonConfig, SubmitProfile } from '@contract/release';

/** Variables as `name=value` lines, the way staff type them. */
export function variablesToText(vars: Record<string, string>): string {
  return Object.entries(vars)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

/** Lines without `=` or with an empty name are ignored; the value keeps everything after the first `=`. */
export function textToVariables(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    const name = at < 0 ? '' : line.slice(0, at).trim();
    if (name) out[name] = line.slice(at + 1).trim();
  }
  return out;
}

/** A comma- or space-separated list typed by hand. */
export const splitList = (text: string): string[] =>
  text
    .split(/[\s,，]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A profile without its empty fields, so an unset field falls back to the template's. */
export function compactProfile(p: SubmitProfile): SubmitProfile | undefined {
  const out: SubmitProfile = {};
  if (p.category) out.category = p.category;
  if (p.page) out.page = p.page;
  if (p.title) out.title = p.title;
  if (p.tags && p.tags.length > 0) out.tags = p.tags;
  if (p.ugcDeclare && p.ugcDeclare.scene.length > 0) out.ugcDeclare = p.ugcDeclare;
  if (p.privacyApiNotUse) out.privacyApiNotUse = true;
  const pics = p.previewInfo?.picIdList ?? [];
  const videos = p.previewInfo?.videoIdList ?? [];
  if (pics.length + videos.length > 0)
    out.previewInfo = {
      ...(pics.length ? { picIdList: pics } : {}),
      ...(videos.length ? { videoIdList: videos } : {}),
    };
  if (p.versionDesc) out.versionDesc = p.versionDesc;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The config as it is sent: empty overrides and profiles left out. */
export function cleanConfig(config: ExtJsonConfig): ExtJsonConfig {
  const merchants: ExtJsonConfig['merchants'] = {};
  for (const [appid, m] of Object.entries(config.merchants)) {
    const submit = m.submit ? compactProfile(m.submit) : undefined;
    const override = m.override?.trim() ? m.override : undefined;
    if (Object.keys(m.variables).length === 0 && !override && !submit) continue;
    merchants[appid] = {
      variables: { ...m.variables },
      ...(override ? { override } : {}),
      ...(submit ? { submit } : {}),
    };
  }
  const submit = config.submit ? compactProfile(config.submit) : undefined;
  return {
    templateId: config.templateId,
    base: config.base,
    merchants,
    ...(config.pages && config.pages.length > 0 ? { pages: config.pages } : {}),
    ...(submit ? { submit } : {}),
  };
}
