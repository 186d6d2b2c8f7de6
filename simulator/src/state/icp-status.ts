import { ICP_MISSING, ICP_STATUS } from '@wxfleet/protocol';
import { hasBasicInfo } from './basic-info.js';
import type { MiniProgram } from './types.js';

/**
 * get_icp_entrance_info `info.status` (08 H7). While not filed, 1024 plus what is missing: basic info and an
 * approved category are read live; "not verified" only when seeded so.
 */
export function icpStatus(app: MiniProgram): number {
  const phase = app.icp.phase;
  if (phase < ICP_STATUS.notFiled) return phase;
  let status = ICP_STATUS.notFiled | (phase & ICP_MISSING.notVerified);
  if (!hasBasicInfo(app)) status |= ICP_MISSING.basicInfo;
  if (!app.categories.some((c) => c.audit_status === 3)) status |= ICP_MISSING.category;
  return status;
}

/** The filing entrance is open: not filed with nothing missing, or rejected (3, 5). */
export function canApplyIcp(app: MiniProgram): boolean {
  const status = icpStatus(app);
  return status === ICP_STATUS.notFiled || status === 3 || status === 5;
}
