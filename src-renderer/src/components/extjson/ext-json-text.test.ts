import { describe, expect, it } from 'vitest';
import { cleanConfig, textToVariables, variablesToText } from './ext-json-text';

describe('ext_json editor text', () => {
  it('reads name=value lines and writes them back', () => {
    const vars = textToVariables('shopId = 1001\napiBase=https://a.example/?x=1\n\nbroken\n=nameless');
    expect(vars).toEqual({ shopId: '1001', apiBase: 'https://a.example/?x=1' });
    expect(variablesToText(vars)).toBe('shopId=1001\napiBase=https://a.example/?x=1');
  });

  it('sends no empty merchant, override or profile field', () => {
    expect(
      cleanConfig({
        templateId: 1,
        base: '{}',
        pages: [],
        submit: { title: '', tags: [], privacyApiNotUse: false },
        merchants: {
          wx1: { variables: {}, override: ' ', submit: { title: '' } },
          wx2: { variables: { a: '1' }, submit: { title: 'T', tags: ['x'] } },
        },
      }),
    ).toEqual({
      templateId: 1,
      base: '{}',
      merchants: { wx2: { variables: { a: '1' }, submit: { title: 'T', tags: ['x'] } } },
    });
  });
});
