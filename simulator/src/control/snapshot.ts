import { effectiveServerDomains, effectiveWebviewDomains } from '../engine/domain-merge.js';
import { interfaceStatus } from '../engine/privacy-scan.js';
import { PRIVACY_INTERFACES } from '../engine/privacy-apis.js';
import type { Sim } from '../sim.js';
import { icpStatus } from '../state/icp-status.js';
import type { MiniProgram } from '../state/types.js';

function readiness(sim: Sim, app: MiniProgram) {
  const rule = sim.config.domainReleaseMerge;
  return {
    signature: app.signature,
    headImage: app.basic.headImage !== '',
    principalType: app.basic.principalType,
    categories: app.categories.map(({ reviewTimer: _t, certicates: _c, ...category }) => category),
    serviceCategory: app.serviceCategory,
    privacyInterfaces: Object.fromEntries(
      Object.keys(PRIVACY_INTERFACES).map((api) => [api, interfaceStatus(app, api)]),
    ),
    icp: { status: icpStatus(app), isCanceling: app.icp.is_canceling },
    domains: { ...app.code.domains, effective: effectiveServerDomains(app, rule) },
    webview: { ...app.code.webview, effective: effectiveWebviewDomains(app, rule) },
    privacyGuide: app.code.privacyDev !== null,
  };
}

function appView(sim: Sim, app: MiniProgram) {
  const { code } = app;
  const latest = code.audits.at(-1);
  return {
    appid: app.appid,
    userName: app.userName,
    nickName: app.nickName,
    principalName: app.principalName,
    authorization: app.authorization && { ...app.authorization },
    experience: code.experience && {
      template_id: code.experience.template_id,
      user_version: code.experience.user_version,
      commit_time: code.experience.commit_time,
      privacyScanReadyAt: code.experience.privacyScanReadyAt,
    },
    latestAudit: latest && {
      auditid: latest.auditid,
      status: latest.status,
      reason: latest.reason,
      screenshot: latest.screenshot,
      user_version: latest.user_version,
      categories: latest.categories,
      item: latest.item,
      feedbackInfo: latest.feedbackInfo,
    },
    /** Submissions WeChat accepted for this app, ever: a second one of a version is a double application. */
    auditsSubmitted: code.audits.length,
    online: code.online,
    history: code.history,
    gray: code.gray,
    visitStatus: code.visitStatus,
    testers: [...code.testers.keys()],
    ...readiness(sim, app),
  };
}

/** Everything a test or a person wants to see, without the secrets of other processes. */
export function snapshot(sim: Sim, extra: { ticketsPaused: boolean }) {
  return {
    now: sim.now(),
    platform: {
      componentAppid: sim.config.platform.componentAppid,
      latestTicket: sim.credentials.latestTicket,
      ticketsPaused: extra.ticketsPaused,
      pushesPaused: sim.pusher.paused,
    },
    merchants: [...sim.accounts.merchants.values()].map((m) => ({
      id: m.id,
      name: m.name,
      principalName: m.principalName,
      apps: m.apps.map((appid) => appView(sim, sim.accounts.apps.get(appid)!)),
    })),
    drafts: sim.templates.drafts,
    templates: sim.templates.templates,
    auditQuota: sim.quotas.auditQuota(sim.now()),
    faults: sim.faults.all(),
    pendingTimers: sim.clock.pending(),
  };
}
