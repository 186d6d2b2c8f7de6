import { createHash } from 'node:crypto';
import type { RenderedExtJson } from '../../src-main/core/release/release-deps.js';

/** A stand-in for core/release/extjson's renderExtJson: per-merchant ext_json, with chosen appids failing validation. */
export function testRenderer(invalid: ReadonlySet<string> = new Set()) {
  return (templateId: number, appid: string): RenderedExtJson => {
    const extJson = JSON.stringify({ extAppid: appid, extEnable: true, ext: { shopId: appid.slice(-6), templateId } });
    const errors = invalid.has(appid) ? ['extAppid must equal the target appid'] : [];
    return { extJson, hash: createHash('sha256').update(extJson, 'utf8').digest('hex'), errors };
  };
}
