import type {
  CategoryOption,
  FixRequest,
  FixResult,
  IcpStatusView,
  PreflightView,
  ReadinessProfile,
  ReadinessView,
  RegistrationInput,
  RegistrationView,
} from '@contract/readiness';
import { call } from './bridge';

export const readinessApi = {
  get: (appid: string): Promise<ReadinessView> => call('readiness:get', appid),
  refresh: (appids: string[] | null): Promise<ReadinessView[]> => call('readiness:refresh', appids),
  profile: (): Promise<ReadinessProfile> => call('readiness:profile'),
  saveProfile: (profile: ReadinessProfile): Promise<ReadinessProfile> => call('readiness:saveProfile', profile),
  fix: (req: FixRequest): Promise<FixResult[]> => call('readiness:fix', req),
  fixAll: (appids: string[]): Promise<FixResult[]> => call('readiness:fixAll', appids),
  preflight: (appids: string[], autoRelease: boolean): Promise<PreflightView> =>
    call('readiness:preflight', { appids, autoRelease }),
  icp: (appid: string): Promise<IcpStatusView> => call('readiness:icp', appid),
  categories: (appid: string): Promise<CategoryOption[]> => call('readiness:categories', appid),
};

export const registrationsApi = {
  list: (): Promise<RegistrationView[]> => call('registrations:list'),
  start: (input: RegistrationInput): Promise<RegistrationView> => call('registrations:start', input),
  refresh: (taskid: string): Promise<RegistrationView> => call('registrations:refresh', taskid),
};
