/**
 * Codes, not prose: the core never writes a sentence for the user. Whatever a person reads (errors, pause reasons,
 * item errors, notices, event summaries, fix texts) crosses as a `Coded` — a code from MESSAGE_CODES, `params`
 * (values shown as they are: appids, numbers, IPs) and `errcode` when WeChat answered with one. The renderer's i18n
 * (src-renderer/src/i18n, table `codes`) words each code in zh-CN and English; an errcode is explained from the
 * protocol's errcode catalogue. To add one: add the code below, then its text to both i18n files (typecheck fails
 * until both have it).
 */
export type Param = string | number;
export type Params = Record<string, Param>;

export const MESSAGE_CODES = [
  // Generic, usable with an errcode: the renderer explains the errcode from the catalogue.
  'wechat_rejected',
  'wechat_unreachable',
  'wechat_http_status',
  'relay_tunnel_failed',
  'wechat_gave_up',
  'internal_failure',
  'console_host_unreachable',
  'legacy_text',
  // Arguments and lookups.
  'bad_arguments',
  'channel_unavailable',
  'unknown_job',
  'unknown_invitation',
  'invitation_not_open',
  'unknown_mini_program',
  'audit_never_submitted',
  'audit_unknown',
  'audit_not_under_review',
  'audit_not_passed',
  'speedup_allowance_used',
  'withdraw_refused',
  'screenshot_not_of_audit',
  'no_authorized_mini_program',
  'gray_percentage_range',
  'version_op_refused',
  'deploy_cannot_start',
  'deploy_nothing_ready',
  'readiness_purpose_missing',
  'readiness_key_twice',
  'readiness_reason_too_long',
  'readiness_domain_invalid',
  'unknown_registration',
  'draft_not_found',
  'template_not_found',
  'template_in_use',
  'template_is_default',
  'draft_added_unidentified',
  'no_target_template',
  'json_invalid',
  'json_not_object',
  'appsecret_not_set',
  'settings_component_appid',
  'settings_appsecret_short',
  'settings_token',
  'settings_aes_key',
  'settings_relay_url_invalid',
  'settings_relay_url_https',
  'settings_relay_url_extra',
  'keychain_unavailable',
  'vault_master_key_missing',
  'vault_decrypt_failed',
  'store_unreadable',
  'authorizer_needs_reauth',
  'authorizer_revoked',
  'refresh_token_missing',
  'token_circuit_open',
  'ticket_unavailable',
  'relay_egress_not_configured',
  // Job pauses.
  'pause_manual',
  'pause_quota_exhausted',
  'pause_quota_errcode',
  'pause_budget_spent',
  'pause_canary_failed',
  'pause_stop_the_line',
  // Item errors decided locally.
  'audit_rejected',
  'ext_json_invalid',
  'another_version_under_audit',
  'privacy_interfaces_refused',
  'privacy_interfaces_missing',
  'submit_profile_unfit',
  'submit_profile_invalid',
  'feedback_too_long',
  // Attention and notices.
  'attention_not_configured',
  'attention_relay_down',
  'attention_stale_ticket',
  'attention_store_recovered',
  'attention_ip_whitelist',
  'attention_needs_reauth',
  'attention_missing_code_permission',
  'notice_audit_passed',
  'notice_audit_rejected',
  'notice_job_finished',
  'notice_vault_memory_key',
  'notice_vault_reset',
  'notice_vault_memory_and_reset',
  // Why a mini-program is not authorized.
  'status_revoked_by_merchant',
  'status_absent_from_list',
  'status_lost_errcode',
  'invitation_missing_code_permission',
  // Relay link.
  'relay_link_unauthorized',
  'relay_link_too_many_connections',
  'relay_link_incompatible',
  'relay_link_protocol',
  'relay_link_dead',
  'relay_link_network',
  'relay_link_relay_closed',
  'relay_link_server_error',
  'relay_link_processing_failed',
  'relay_link_credentials_missing',
  'relay_link_relay_reset',
  'relay_link_gap_retry',
  // Event summaries.
  'event_ticket',
  'event_authorized',
  'event_updateauthorized',
  'event_unauthorized',
  'event_audit_success',
  'event_audit_fail',
  'event_audit_delay',
  'event_nickname_audit',
  'event_unhandled_type',
  'event_other',
  'event_auth_callback',
  'event_pushes_lost',
  'event_push_rejected',
  'event_push_apply_failed',
  // Ledger details.
  'ledger_withdrawals_left',
  'ledger_by_hand',
  'ledger_reconciled',
  'ledger_gray_release',
  'ledger_gray_cancelled',
  'ledger_service_closed',
  'ledger_service_reopened',
  'ledger_reverted_to',
  'ledger_found_after_restart',
  'ledger_found_on_wechat',
  'ledger_already_under_audit',
  'ledger_merchant_setting',
  'rollback_version_unknown',
  'gray_zero_needs_group',
  'version_job_listed_twice',
  'version_job_needs_share',
  'version_job_finished',
  'version_job_paused',
  'ledger_released_fully',
  // Connection test hops (detail and fix).
  'hop_settings_ok',
  'hop_settings_missing',
  'hop_settings_fix',
  'hop_relay_url_missing',
  'hop_relay_up',
  'hop_relay_http',
  'hop_relay_http_fix',
  'hop_relay_unreachable',
  'hop_relay_unreachable_fix',
  'hop_device_no_relay',
  'hop_device_token_missing',
  'hop_device_accepted',
  'hop_device_refused',
  'hop_device_refused_fix',
  'hop_tunnel_relay',
  'hop_tunnel_direct',
  'hop_ip_refused',
  'hop_ip_refused_fix',
  'hop_ticket_age',
  'hop_ticket_none',
  'hop_ticket_stale',
  'hop_ticket_fix',
  'hop_token_ok',
  'hop_token_impossible',
] as const;

export type MessageCode = (typeof MESSAGE_CODES)[number];

export interface Coded {
  code: MessageCode;
  params?: Params;
  /** WeChat's errcode; the renderer adds its explanation (and fix) from the protocol's catalogue. */
  errcode?: number;
}

export const coded = (code: MessageCode, params?: Params, errcode?: number | null): Coded => ({
  code,
  ...(params === undefined || Object.keys(params).length === 0 ? {} : { params }),
  ...(errcode === undefined || errcode === null ? {} : { errcode }),
});

export function isMessageCode(value: unknown): value is MessageCode {
  return typeof value === 'string' && (MESSAGE_CODES as readonly string[]).includes(value);
}

export function isCoded(value: unknown): value is Coded {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isMessageCode(v['code']) && (v['errcode'] === undefined || typeof v['errcode'] === 'number');
}
