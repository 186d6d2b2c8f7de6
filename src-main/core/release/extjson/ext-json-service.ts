import { coded } from '../../../contract/codes.js';
import type { ExtJsonConfig, ExtJsonPreview, SubmitProfile } from '@contract/release';
import type { StoredSubmitProfile } from '../../platform/store/extjson-aggregate.js';
import { mergeProfiles, profileProblems } from '../submit/submit-profile.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Ledger } from '../ledger/ledger.js';
import { foldVersions } from '../ledger/version-state.js';
import { TemplateLibraryError } from '../templates/template-errors.js';
import { isJsonObject } from './deep-merge.js';
import { lineDiff } from './line-diff.js';
import type { RenderDeps } from './render-ext-json.js';
import { configOf, renderExtJson } from './render-ext-json.js';

export interface ExtJsonServiceDeps extends RenderDeps {
  ledger: Pick<Ledger, 'entries' | 'extJsonText'>;
  clock: Clock;
}

export interface ExtJsonService {
  get(templateId: number): ExtJsonConfig;
  save(config: ExtJsonConfig): Promise<ExtJsonConfig>;
  preview(templateId: number, appids: string[]): ExtJsonPreview[];
  /** The submit profile of `templateId` for `appid`: the mini-program's own fields over the template's. */
  submitProfile(templateId: number, appid: string): SubmitProfile;
  /** The ext_json the mini-program runs now per the ledger (online version, else the last commit), or null. */
  current(appid: string): string | null;
}

const pretty = (text: string): string => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

function checkJsonObject(text: string, what: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new TemplateLibraryError(coded('json_invalid', { what }));
  }
  if (!isJsonObject(parsed)) throw new TemplateLibraryError(coded('json_not_object', { what }));
}

/** A stored profile as the contract has it (absent fields stay absent). */
function profileOf(p: StoredSubmitProfile | SubmitProfile): SubmitProfile {
  const copy = JSON.parse(JSON.stringify(p)) as SubmitProfile;
  if (copy.ugcDeclare?.hasAuditTeam !== undefined) copy.ugcDeclare.hasAuditTeam = copy.ugcDeclare.hasAuditTeam ? 1 : 0;
  return copy;
}

const isEmptyProfile = (p: SubmitProfile): boolean => Object.values(p).every((v) => v === undefined);

function checkProfile(profile: SubmitProfile | undefined, whose: string): void {
  const problems = profile ? profileProblems(profile) : [];
  if (problems.length > 0) {
    const what = problems.map((p) => `${p.code}${Object.keys(p.params).length ? ` ${JSON.stringify(p.params)}` : ''}`);
    throw new TemplateLibraryError(coded('submit_profile_invalid', { whose, problems: what.join('; ') }));
  }
}

export function createExtJsonService(deps: ExtJsonServiceDeps): ExtJsonService {
  const { store, ledger, clock } = deps;
  const get = (templateId: number): ExtJsonConfig => {
    const c = configOf(store, templateId);
    const merchants = Object.fromEntries(
      Object.entries(c.merchants).map(([appid, m]) => [
        appid,
        {
          variables: { ...m.variables },
          ...(m.override === null ? {} : { override: m.override }),
          ...(m.submit ? { submit: profileOf(m.submit) } : {}),
        },
      ]),
    );
    return {
      templateId,
      base: c.base,
      merchants,
      ...(c.pages ? { pages: [...c.pages] } : {}),
      ...(c.submit ? { submit: profileOf(c.submit) } : {}),
    };
  };
  const current = (appid: string): string | null => {
    const st = foldVersions(ledger.entries(appid));
    const hash = st.online?.extJsonHash ?? st.experience?.extJsonHash ?? null;
    return hash === null ? null : ledger.extJsonText(hash);
  };
  return {
    get,
    current,
    submitProfile(templateId, appid) {
      const c = configOf(store, templateId);
      return mergeProfiles(
        c.submit && profileOf(c.submit),
        c.merchants[appid]?.submit && profileOf(c.merchants[appid].submit),
      );
    },
    async save(config) {
      checkJsonObject(config.base, 'base');
      for (const [appid, m] of Object.entries(config.merchants)) {
        if (m.override !== undefined && m.override.trim() !== '') checkJsonObject(m.override, `override ${appid}`);
      }
      checkProfile(config.submit, 'template');
      for (const [appid, m] of Object.entries(config.merchants)) checkProfile(m.submit, appid);
      await store.extJson.update((d) => {
        d.byTemplate[String(config.templateId)] = {
          base: config.base,
          merchants: Object.fromEntries(
            Object.entries(config.merchants).map(([appid, m]) => [
              appid,
              {
                variables: { ...m.variables },
                override: m.override?.trim() ? m.override : null,
                ...(m.submit && !isEmptyProfile(m.submit) ? { submit: profileOf(m.submit) } : {}),
              },
            ]),
          ),
          updatedAt: clock.now(),
          ...(config.pages && config.pages.length > 0 ? { pages: [...config.pages] } : {}),
          ...(config.submit && !isEmptyProfile(config.submit) ? { submit: profileOf(config.submit) } : {}),
        };
      });
      return get(config.templateId);
    },
    preview(templateId, appids) {
      return appids.map((appid) => {
        const r = renderExtJson(deps, templateId, appid);
        const now = current(appid);
        const diff = r.extJson === '' ? [] : lineDiff(now === null ? '' : pretty(now), pretty(r.extJson));
        return { appid, extJson: r.extJson, errors: r.errors, problems: r.problems, diff };
      });
    },
  };
}
