import { auditStep } from './audit-step.js';
import { commitStep } from './commit-step.js';
import { releaseStep } from './release-step.js';
import { scanStep } from './scan-step.js';
import type { ItemPatch, StepEnv, StepInput } from './step-env.js';
import { submitStep } from './submit-step.js';

/** The per-mini-program state machine: runs the step the item's state calls for; null when there is none. */
export function runStep(env: StepEnv, input: StepInput): Promise<ItemPatch> | null {
  switch (input.item.state) {
    case 'pending':
    case 'committing':
      return commitStep(env, input);
    case 'committed':
    case 'scanning':
      return scanStep(env, input);
    case 'submitting':
      return submitStep(env, input);
    case 'auditing':
      return auditStep(env, input);
    case 'passed':
      return input.spec.autoRelease ? releaseStep(env, input) : null;
    case 'releasing':
      return releaseStep(env, input);
    default:
      return null;
  }
}

const ACTIVE: ReadonlySet<string> = new Set([
  'pending',
  'committing',
  'committed',
  'scanning',
  'submitting',
  'auditing',
  'releasing',
]);

/** States in which an item still has work to do (or waits for its audit). */
export function isActive(state: string, autoRelease: boolean): boolean {
  return ACTIVE.has(state) || (state === 'passed' && autoRelease);
}
