import { coded } from '../../../contract/codes.js';
import type { Coded } from '../../../contract/codes.js';
import { itemErrorView } from '../steps/item-error.js';
import type { ItemState } from '@contract/release';
import { isActive } from '../steps/run-step.js';
import type { ReleaseSettings } from '../release-settings.js';
import type { ItemRecord, JobRecord, PauseKind } from '../../platform/store/release-aggregate.js';

const CANARY_OK: ReadonlySet<ItemState> = new Set<ItemState>(['passed', 'releasing', 'released', 'skipped']);
const CANARY_BAD: ReadonlySet<ItemState> = new Set<ItemState>(['rejected', 'failed', 'withdrawn', 'cancelled']);
const FAILED: ReadonlySet<ItemState> = new Set<ItemState>(['failed', 'rejected']);

export interface Plan {
  pause: { kind: PauseKind; reason: Coded } | null;
  /** Items whose next step may start now, in the job's order. */
  eligible: string[];
  waitingCanary: boolean;
  finished: boolean;
  /** Earliest nextAt of an active item that is not eligible yet. */
  wakeAt: number | null;
}

/** What a job should do next: waves, stop-the-line, completion. Pure, so it can be tested alone. */
export function planJob(job: JobRecord, now: number, inflight: ReadonlySet<string>, settings: ReleaseSettings): Plan {
  const { spec } = job;
  let badCanary: ItemRecord | undefined;
  let canaryCleared = true;
  let finishedCount = 0;
  let failedCount = 0;
  for (const appid of spec.appids) {
    const i = job.items[appid];
    if (!i) continue;
    if (i.wave === 0 && spec.canary > 0) {
      if (CANARY_BAD.has(i.state)) badCanary ??= i;
      if (!CANARY_OK.has(i.state)) canaryCleared = false;
    }
    if (!isActive(i.state, spec.autoRelease)) {
      finishedCount++;
      if (FAILED.has(i.state)) failedCount++;
    }
  }
  if (badCanary && !job.canaryAccepted) {
    const why = badCanary.error ? itemErrorView(badCanary.error) : null;
    return stop(
      'canary',
      coded('pause_canary_failed', { appid: badCanary.appid, state: badCanary.state }, why?.errcode),
    );
  }
  canaryCleared ||= job.canaryAccepted;
  const failed = failedCount - job.ackFailed;
  const finished = finishedCount - job.ackFinished;
  const threshold = spec.stopTheLine ?? settings.stopTheLineDefault;
  if (finished >= settings.stopTheLineMinFinished && threshold > 0 && failed / finished >= threshold) {
    return stop(
      'stop_the_line',
      coded('pause_stop_the_line', { failed, finished, threshold: Math.round(threshold * 100) }),
    );
  }
  const eligible: string[] = [];
  let wakeAt: number | null = null;
  for (const appid of spec.appids) {
    const item = job.items[appid];
    if (!item || !isActive(item.state, spec.autoRelease) || inflight.has(appid)) continue;
    if (item.wave !== 0 && !canaryCleared) continue;
    if (item.nextAt <= now) eligible.push(appid);
    else wakeAt = wakeAt === null ? item.nextAt : Math.min(wakeAt, item.nextAt);
  }
  return {
    pause: null,
    eligible,
    waitingCanary: !canaryCleared,
    finished: finishedCount === spec.appids.length,
    wakeAt,
  };

  function stop(kind: PauseKind, reason: Coded): Plan {
    return { pause: { kind, reason }, eligible: [], waitingCanary: false, finished: false, wakeAt: null };
  }
}
