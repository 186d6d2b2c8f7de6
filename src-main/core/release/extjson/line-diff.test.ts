import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff.js';

describe('lineDiff', () => {
  it('is empty for equal texts', () => {
    expect(lineDiff('a\nb', 'a\nb')).toEqual([]);
  });

  it('shows changes with two lines of context in separate hunks', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join('\n');
    const after = ['1', 'two', '3', '4', '5', '6', '7', '8', '9', '10', '11'].join('\n');
    expect(lineDiff(before, after)).toEqual([
      '@@ -1,4 +1,4 @@',
      ' 1',
      '-2',
      '+two',
      ' 3',
      ' 4',
      '@@ -9,2 +9,3 @@',
      ' 9',
      ' 10',
      '+11',
    ]);
  });
});
