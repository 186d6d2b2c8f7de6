/** A phased-release step as the ledger keeps it in `detail`: `gray:<percentage>[;testers][;experiencers]`. */
export interface GrayStep {
  percentage: number;
  testersFirst: boolean;
  experiencersFirst: boolean;
}

export function grayDetail(step: GrayStep): string {
  return [
    `gray:${step.percentage}`,
    ...(step.testersFirst ? ['testers'] : []),
    ...(step.experiencersFirst ? ['experiencers'] : []),
  ].join(';');
}

/** The step of a `gray_release` entry; entries written before the format carry only prose (share unknown: null). */
export function parseGrayDetail(detail: string | null): GrayStep | null {
  const m = /^gray:(\d{1,3})((?:;\w+)*)$/.exec(detail ?? '');
  if (!m) return null;
  const flags = (m[2] ?? '').split(';');
  return {
    percentage: Number(m[1]),
    testersFirst: flags.includes('testers'),
    experiencersFirst: flags.includes('experiencers'),
  };
}
