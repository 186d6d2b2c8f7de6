import { coded } from '../../../contract/codes.js';
import { storeCoded } from '../../platform/store/stored-text.js';
import { grayPercentageOf } from './gray-detail.js';
import type { StoredEntry } from './ledger-month.js';

/** How a visit_status entry says the service was closed (raw action, early prose, the code). */
const CLOSED = new Set(['close', 'service closed', storeCoded(coded('ledger_service_closed'))]);

export interface VersionRef {
  templateId: number | null;
  userVersion: string | null;
  extJsonHash: string | null;
  at: string;
}

export type AuditState = 'auditing' | 'delayed' | 'passed' | 'rejected' | 'withdrawn';

/** What the ledger says a mini-program runs, folded from its entries. */
export interface VersionState {
  /** The last committed (experience / trial) version. */
  experience: VersionRef | null;
  /** The version last submitted for audit, and its audit. */
  submitted: VersionRef | null;
  audit: { auditId: number | null; state: AuditState } | null;
  online: VersionRef | null;
  /** Earlier online versions, most recent last (revert targets). */
  history: VersionRef[];
  /** A version in phased release (partly online). */
  gray: VersionRef | null;
  /** The share of the phased release, when the ledger recorded it. */
  grayPercentage: number | null;
  /** `false` after change_visitstatus close; `null` when never changed by wxfleet. */
  visitOpen: boolean | null;
}

const refOf = (e: StoredEntry, fallback: VersionRef | null): VersionRef | null =>
  e.templateId === null && e.userVersion === null
    ? fallback
    : {
        templateId: e.templateId ?? fallback?.templateId ?? null,
        userVersion: e.userVersion ?? fallback?.userVersion ?? null,
        extJsonHash: e.extJsonHash ?? fallback?.extJsonHash ?? null,
        at: e.at,
      };

const AUDIT_OF: Partial<Record<StoredEntry['kind'], AuditState>> = {
  audit_passed: 'passed',
  audit_rejected: 'rejected',
  audit_delayed: 'delayed',
  withdraw: 'withdrawn',
};

export function foldVersions(entries: readonly StoredEntry[]): VersionState {
  const st: VersionState = {
    experience: null,
    submitted: null,
    audit: null,
    online: null,
    history: [],
    gray: null,
    grayPercentage: null,
    visitOpen: null,
  };
  for (const e of entries) {
    const auditState = AUDIT_OF[e.kind];
    if (auditState) {
      st.audit = { auditId: e.auditId ?? st.audit?.auditId ?? null, state: auditState };
      continue;
    }
    switch (e.kind) {
      case 'commit':
        st.experience = refOf(e, null);
        break;
      case 'submit_audit':
        st.submitted = refOf(e, st.experience);
        st.audit = { auditId: e.auditId, state: 'auditing' };
        break;
      case 'release': {
        const released = refOf(e, st.gray ?? st.submitted ?? st.experience);
        if (st.online) st.history.push(st.online);
        st.online = released;
        st.gray = null;
        st.grayPercentage = null;
        break;
      }
      case 'gray_release':
        st.gray = refOf(e, st.gray ?? st.submitted ?? st.experience);
        st.grayPercentage = grayPercentageOf(e.detail);
        break;
      case 'revert_gray':
        st.gray = null;
        st.grayPercentage = null;
        break;
      case 'revert': {
        const i = e.userVersion === null ? -1 : st.history.findLastIndex((h) => h.userVersion === e.userVersion);
        const [target] = i >= 0 ? st.history.splice(i, 1) : st.history.splice(-1, 1);
        st.online = target ?? refOf(e, null);
        break;
      }
      case 'visit_status':
        st.visitOpen = !CLOSED.has(e.detail ?? '');
        break;
      case 'reconciled':
        if (e.side === 'experience') st.experience = refOf(e, null);
        else if (e.side === 'online') st.online = refOf(e, null);
        break;
      case 'speedup':
        break;
    }
  }
  return st;
}
