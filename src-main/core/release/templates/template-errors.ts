import type { TemplateUse } from './template-usage.js';

/** Refusals of the template library; `code` is the contract's error code for the renderer. */
export class TemplateLibraryError extends Error {
  override readonly name: string = 'TemplateLibraryError';
  readonly code = 'invalid_argument' as const;
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
    const more = uses.length > 10 ? ` and ${uses.length - 10} more` : '';
    super(
      `Template ${templateId} is still in use by ${uses.length} mini-program(s): ${where}${more}. It was not deleted.`,
    );
  }
}
