import { coded } from '../../../contract/codes.js';
import type { Coded } from '../../../contract/codes.js';
import type { TemplateUse } from './template-usage.js';

/** Refusals of the template library: the user's input does not fit; `reason` says how. */
export class TemplateLibraryError extends Error {
  override readonly name: string = 'TemplateLibraryError';
  readonly contractCode = 'invalid_argument' as const;
  constructor(readonly reason: Coded) {
    super(`${reason.code} ${JSON.stringify(reason.params ?? {})}`);
  }
}

export class TemplateInUseError extends TemplateLibraryError {
  override readonly name = 'TemplateInUseError';
  constructor(
    readonly templateId: number,
    readonly uses: TemplateUse[],
  ) {
    const where = uses
      .slice(0, 10)
      .map((u) => `${u.appid} (${u.where.join(', ')})`)
      .join('; ');
    const more = uses.length > 10 ? ` +${uses.length - 10}` : '';
    super(coded('template_in_use', { templateId, count: uses.length, appids: `${where}${more}` }));
  }
}
