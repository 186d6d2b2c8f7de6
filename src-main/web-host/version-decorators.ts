import type { AuthorizerDetail, AuthorizerRow, VersionView } from '../contract/fleet';
import type { CoreContext } from '../core/app/core-context';
import type { Ledger } from '../core/release/ledger/ledger';
import type { VersionRef } from '../core/release/ledger/version-state';
import { foldVersions } from '../core/release/ledger/version-state';
import type { TemplateLibraryService } from '../core/release/templates/template-library';

const view = (ref: VersionRef | null, fallback: VersionView | null): VersionView | null =>
  ref === null
    ? fallback
    : {
        templateId: ref.templateId,
        userVersion: ref.userVersion ?? '',
        userDesc: fallback?.userDesc ?? '',
        at: ref.at,
      };

/**
 * Fills the parts of authorizer rows and details the release pipeline owns (online / audit / experience versions and
 * drift) from the version ledger, so the fleet list reflects what wxfleet shipped.
 */
export function decorateWithVersions(ctx: CoreContext, ledger: Ledger, templates: TemplateLibraryService): void {
  let target: { templateId: number; userVersion: string } | null = null;
  let targetAt = 0;
  const currentTarget = (): typeof target => {
    if (Date.now() - targetAt > 1000) {
      const library = templates.view();
      const chosen = library.templates.find((t) => t.templateId === library.defaultTemplateId);
      target = chosen ? { templateId: chosen.templateId, userVersion: chosen.userVersion } : null;
      targetAt = Date.now();
    }
    return target;
  };

  const decorate = <T extends AuthorizerRow>(row: T): T => {
    const state = foldVersions(ledger.entries(row.appid));
    const online = view(state.online, row.online);
    const goal = currentTarget();
    return {
      ...row,
      online,
      audit: state.audit
        ? {
            state: state.audit.state,
            auditId: state.audit.auditId,
            userVersion: state.submitted?.userVersion ?? null,
            reason: row.audit?.reason ?? null,
          }
        : row.audit,
      drift:
        goal === null
          ? row.drift
          : online === null || online.templateId !== goal.templateId || online.userVersion !== goal.userVersion,
    };
  };

  ctx.decorate.authorizerRow(decorate);
  ctx.decorate.authorizerDetail(async (detail: AuthorizerDetail) => {
    const decorated = decorate(detail);
    return { ...decorated, experience: view(foldVersions(ledger.entries(detail.appid)).experience, detail.experience) };
  });
}
