import type { VersionView } from '../../../contract/fleet.js';
import type { Store } from '../../platform/store/store.js';
import type { AuditBook } from '../audits/audit-book.js';
import type { Ledger } from '../ledger/ledger.js';
import type { VersionRef } from '../ledger/version-state.js';
import { foldVersions } from '../ledger/version-state.js';

export interface VersionReaderDeps {
  ledger: Pick<Ledger, 'entries'>;
  audits: Pick<AuditBook, 'record'>;
  store: Pick<Store, 'templates'>;
}

const view = (ref: VersionRef | null): VersionView | null =>
  ref === null ? null : { templateId: ref.templateId, userVersion: ref.userVersion ?? '', userDesc: '', at: ref.at };

/**
 * The fleet's version facts from what wxfleet recorded: online and trial versions from the version ledger (which a
 * sync reconciles with getversioninfo), the latest audit from the audit book, drift against the default template.
 */
export function createVersionReader(deps: VersionReaderDeps) {
  return (appid: string) => {
    const state = foldVersions(deps.ledger.entries(appid));
    const online = view(state.online);
    const record = deps.audits.record(appid);
    const library = deps.store.templates.data;
    const target = library.templates.find((t) => t.templateId === library.defaultTemplateId);
    return {
      online,
      experience: view(state.experience),
      audit: record
        ? { state: record.state, auditId: record.auditId, userVersion: record.userVersion, reason: record.reason }
        : null,
      drift:
        target !== undefined &&
        (online === null || online.templateId !== target.templateId || online.userVersion !== target.userVersion),
      gray: state.gray === null ? null : { percentage: state.grayPercentage ?? 0, userVersion: state.gray.userVersion },
      service: state.visitOpen === null ? null : state.visitOpen ? ('open' as const) : ('closed' as const),
    };
  };
}
