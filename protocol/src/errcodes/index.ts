export { ERRCODES, explainErrcode, retryClassOf } from './catalogue.js';
export type { ErrcodeInfo, RetryClass } from './catalogue.js';
