import type { EndpointSpec } from './endpoint-spec.js';
import { CODE_ENDPOINTS } from './endpoints-code.js';
import { MERCHANT_ENDPOINTS } from './endpoints-merchant.js';
import { PLATFORM_ENDPOINTS } from './endpoints-platform.js';

export { WX_API_HOST } from './endpoint-spec.js';
export type { EndpointSpec, EndpointToken } from './endpoint-spec.js';

/** Every endpoint of the API.md catalogue. For GET endpoints the request type describes the query parameters. */
export const ENDPOINTS = {
  ...PLATFORM_ENDPOINTS,
  ...CODE_ENDPOINTS,
  ...MERCHANT_ENDPOINTS,
} as const satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof ENDPOINTS;

export type {
  EndpointRequest,
  EndpointResponse,
  EndpointTypes,
  EndpointTypesComplete,
  JsonEndpointName,
  JsonResponsesHaveEnvelope,
} from './endpoint-types.js';
