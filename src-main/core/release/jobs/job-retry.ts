import type { RetryAction } from '@contract/release';
import type { ItemRecord } from '../../platform/store/release-aggregate.js';

/** What retrying each failed or rejected item does, by appid. */
export type RetryPlan = Map<string, RetryAction>;

/** States in which the code is already committed: a retry from there commits again only if the ext_json changed. */
const AFTER_COMMIT: ReadonlySet<string> = new Set([
  'committed',
  'scanning',
  'submitting',
  'auditing',
  'passed',
  'releasing',
]);

/**
 * What a retry does for one item, given the hash of the ext_json it would be committed with now: a rejected item is
 * submitted again (or committed again first, when its ext_json changed since); a failed item runs its step again,
 * or is committed again when it failed after its commit and its ext_json changed since.
 */
export function retryAction(item: Readonly<ItemRecord>, currentHash: string): RetryAction {
  const changed = item.extJsonHash !== null && currentHash !== '' && currentHash !== item.extJsonHash;
  if (item.state === 'rejected') return changed ? 'recommit' : 'resubmit';
  if (item.state !== 'failed') return 'none';
  if (changed && AFTER_COMMIT.has(item.failedFrom ?? 'pending')) return 'recommit';
  return 'resume';
}
