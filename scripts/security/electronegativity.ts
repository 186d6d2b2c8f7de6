import { Module, createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Severity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';

export interface Finding {
  id: string;
  severity: Severity;
  confidence: string;
  /** Relative to the scanned folder; `N/A` for findings about the app as a whole. */
  file: string;
  line: number;
  /** The source line the finding points at, trimmed ('' for whole-app findings). */
  sample: string;
  description: string;
  url: string;
}

export interface Scan {
  findings: Finding[];
  /** Files the scanner could not parse: nothing in them was checked. */
  unparsed: Array<{ file: string; message: string }>;
}

interface RawIssue {
  id: string;
  file: string;
  sample?: string;
  location: { line: number };
  severity: { name: Severity };
  confidence: { name: string };
  description: string;
  shortenedURL: string;
}
interface RawResult {
  issues: RawIssue[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}

const require = createRequire(import.meta.url);
const RUNNER = require.resolve('@doyensec/electronegativity');

/**
 * Runs Electronegativity over a folder, with no network: its start-up fetch of translations is replaced by its own
 * bundled English strings, and the one check that downloads Electron's release list is left out (it can only run
 * online; the Electron version is pinned in package.json and upgraded on purpose).
 */
export async function scanWithElectronegativity(input: string, electronVersion: string): Promise<Scan> {
  useBundledTranslations();
  const run = require(RUNNER) as (options: Record<string, unknown>) => Promise<RawResult>;
  const result = await run({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
  return {
    findings: result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      sample: (issue.sample ?? '').trim(),
      description: issue.description,
      url: issue.shortenedURL,
    })),
    unparsed: result.errors.filter((error) => !error.tolerable).map(({ file, message }) => ({ file, message })),
  };
}

function useBundledTranslations(): void {
  const i18nModule = join(dirname(RUNNER), 'locales/i18n.js');
  const i18n = createRequire(i18nModule)('i18n') as {
    configure(options: Record<string, unknown>): void;
    setLocale(locale: string): void;
  };
  const offline = new Module(i18nModule);
  offline.filename = i18nModule;
  offline.loaded = true;
  offline.exports = async (): Promise<void> => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nModule),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: global,
    });
    i18n.setLocale('en-US');
  };
  require.cache[i18nModule] = offline;
}
