import type { Audit, MiniProgram } from './types.js';

/** The latest audit while it is under review (2) or delayed (4). */
export function pendingAudit(app: MiniProgram): Audit | undefined {
  const latest = app.code.audits.at(-1);
  return latest !== undefined && (latest.status === 2 || latest.status === 4) ? latest : undefined;
}
