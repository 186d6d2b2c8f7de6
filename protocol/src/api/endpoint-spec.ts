/** Host of every API endpoint; browser pages name their own `host`. */
export const WX_API_HOST = 'api.weixin.qq.com';

/**
 * Which token goes in the query. Component endpoints accept `component_access_token=` (legacy, all SDKs) or
 * `access_token=` (new docs); authorizer endpoints take `access_token=`.
 */
export type EndpointToken = 'none' | 'component' | 'authorizer';

export interface EndpointSpec {
  readonly method: 'GET' | 'POST';
  /** Only for browser pages; API endpoints live on `WX_API_HOST`. */
  readonly host?: 'mp.weixin.qq.com' | 'open.weixin.qq.com';
  readonly path: string;
  readonly token: EndpointToken;
  /**
   * The token must belong to the account concerned (the API's owner, or the caller for rid/get): the component token
   * for the platform's own APIs, an authorizer token for calls made on behalf of a merchant. `token` is the default.
   */
  readonly ownerToken?: boolean;
  /** A page a person opens in a browser, not an API call; request = its query, response = the redirect's query. */
  readonly browser?: boolean;
  /** URL fragment the link must end with (mobile authorization page: `#wechat_redirect`). */
  readonly fragment?: string;
  /** POST with no fields that refuses an empty body with 44002: send `{}`. */
  readonly emptyBodyNeedsObject?: boolean;
  /** `multipart/form-data` body; `fileField` names the file part (`media` unless said otherwise). */
  readonly multipart?: boolean;
  readonly fileField?: 'media' | 'file';
  /** The token parameter the reference spells for this endpoint, where it names one. */
  readonly tokenParam?: 'access_token' | 'component_access_token';
  /** Success body is an image; errors are JSON: branch on Content-Type. */
  readonly binaryResponse?: 'image/jpeg' | 'image';
  /** Fixed query parameters, written `name=value`, that select the endpoint (e.g. `action=get_history_version`). */
  readonly query?: readonly string[];
  /** ISO date WeChat stopped serving the endpoint (06: the legacy fast-registration calls). */
  readonly retired?: string;
  /** Section of the WeChat reference (`shared/wechat/`), e.g. `05 E5`. */
  readonly doc: string;
}
