import { z } from 'zod';

/** Version 1 of DESIGN.md §3. A relay closes a hello with another version with `unsupportedVersion`. */
export const PROTOCOL_VERSION = 1;

/** Invitation ids: what a launch link carries after `/authorize/`. */
export const INVITE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** RPC ids the relay issues (UUIDs) and the desktop echoes back. */
export const RPC_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** The query values WeChat signs a push with. */
export const QUERY_VALUE = /^[A-Za-z0-9_-]{1,64}$/;

export const seqSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const inviteIdSchema = z.string().regex(INVITE_ID, 'invite id must be 1-64 of A-Z a-z 0-9 _ -');
export const rpcIdSchema = z.string().regex(RPC_ID, 'rpc id must be 1-64 of A-Z a-z 0-9 _ -');
export const variantSchema = z.enum(['pc', 'mobile']);
export type InviteVariant = z.infer<typeof variantSchema>;
export const channelSchema = z.enum(['component', 'app', 'auth_callback']);
export type WireChannel = z.infer<typeof channelSchema>;
