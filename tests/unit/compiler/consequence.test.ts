import { describe, expect, it } from 'vitest';
import { isConsequenceHeading } from '../../../src/compiler/blocks.js';
import { lex } from '../../../src/compiler/markdown.js';

const first = (markdown: string) => lex(markdown, 0)[0]!.token;

describe("the heading that starts a choice's consequence", () => {
  it('is "#### What happens next" in English and "#### Beth sy\'n digwydd nesaf" in Welsh, in any case', () => {
    expect(isConsequenceHeading(first('#### What happens next'))).toBe(true);
    expect(isConsequenceHeading(first('#### what happens next  '))).toBe(true);
    expect(isConsequenceHeading(first("#### Beth sy'n digwydd nesaf"))).toBe(true);
    // Word processors turn the apostrophe into a curly one.
    expect(isConsequenceHeading(first('#### Beth sy\u2019n digwydd nesaf'))).toBe(true);
  });

  it('is not another level or other words, which stay part of the feedback', () => {
    expect(isConsequenceHeading(first('### What happens next'))).toBe(false);
    expect(isConsequenceHeading(first('#### What happened next'))).toBe(false);
    expect(isConsequenceHeading(first('What happens next'))).toBe(false);
  });
});
