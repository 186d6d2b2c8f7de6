import type { SimClock } from '../clock.js';
import type { SimulatorConfig } from '../config.js';
import type { PushEvents } from '../push/events.js';
import type { MediaStore } from '../state/media.js';
import type { Audit, MiniProgram } from '../state/types.js';
import { ruleRejection } from './audit-rules.js';

export interface AuditDecision {
  outcome: 'success' | 'fail' | 'delay';
  /** Rejection or delay reason; may contain `<br>` HTML, as WeChat's does. */
  reason?: string;
  /** How many screenshots a rejection carries (media ids for get_material). */
  screenshots?: number;
}

const DEFAULT_FAIL_REASON =
  '1:小程序页面内容与所选服务类目不符:<br>(1) 首页展示的商品与“工具-效率”类目无关，请补充相应类目或修改页面内容。<br>';
const DEFAULT_DELAY_REASON = '审核排队时间较长，请耐心等待';

/** Decides and resolves submitted audits after the configured delay, and pushes weapp_audit_* (02 B9–B11). */
export class AuditEngine {
  private readonly perApp = new Map<string, AuditDecision[]>();
  private readonly next: AuditDecision[] = [];

  constructor(
    private readonly config: SimulatorConfig,
    private readonly clock: SimClock,
    private readonly events: PushEvents,
    private readonly media: MediaStore,
  ) {}

  /** Queues outcomes: for one app, or for the next `count` audits of any app. */
  decide(decision: AuditDecision, target: { appid: string } | { count: number }): void {
    if ('appid' in target) {
      const queue = this.perApp.get(target.appid) ?? [];
      queue.push(decision);
      this.perApp.set(target.appid, queue);
    } else for (let i = 0; i < target.count; i++) this.next.push(decision);
  }

  schedule(app: MiniProgram, audit: Audit, seconds = this.config.audit.durationSeconds): void {
    this.clock.cancel(audit.timer);
    audit.timer = this.clock.after(seconds, () => {
      audit.timer = null;
      this.resolve(app, audit);
    });
  }

  /**
   * Resolves now, with `decision` or the queued/default one. No-op unless the audit is pending (2) or delayed (4).
   * What the reviewers reject on facts (guide, categories) is rejected even when success was queued; a decided
   * rejection keeps its own reason.
   */
  resolve(app: MiniProgram, audit: Audit, decision?: AuditDecision): void {
    if (audit.status !== 2 && audit.status !== 4) return;
    this.clock.cancel(audit.timer);
    audit.timer = null;
    let chosen = decision ??
      this.take(app.appid) ?? {
        outcome: audit.status === 4 ? this.config.audit.afterDelayOutcome : this.config.audit.defaultOutcome,
      };
    if (chosen.outcome !== 'delay' && chosen.reason === undefined) {
      const ruled = ruleRejection(this.config, app, audit);
      if (ruled !== null) chosen = { ...chosen, outcome: 'fail', reason: ruled };
    }
    if (chosen.outcome === 'success') {
      audit.status = 0;
      audit.reason = '';
      this.events.auditSuccess(app);
    } else if (chosen.outcome === 'fail') {
      const shots = Array.from({ length: chosen.screenshots ?? 2 }, () => this.media.screenshot(app.appid));
      audit.status = 1;
      audit.reason = chosen.reason ?? DEFAULT_FAIL_REASON;
      audit.screenshot = shots.join('|');
      this.events.auditFail(app, audit.reason, audit.screenshot);
    } else {
      audit.status = 4;
      audit.reason = chosen.reason ?? DEFAULT_DELAY_REASON;
      this.events.auditDelay(app, audit.reason);
      this.schedule(app, audit);
    }
  }

  private take(appid: string): AuditDecision | undefined {
    const queue = this.perApp.get(appid);
    if (queue && queue.length > 0) return queue.shift();
    return this.next.shift();
  }
}
