import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineHashes, withInlineHashes } from '../../../scorm/csp.js';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";

describe('inlineHashes', () => {
  it("hashes a page's inline styles and scripts, but not scripts with src or JSON data blocks", () => {
    const html = [
      '<style>body{margin:0}</style>',
      '<script type="module" src="./assets/index.js"></script>',
      '<script>document.title = "x";</script>',
      '<script type="application/json" id="fl-course-data">{"id":"a"}</script>',
    ].join('\n');
    expect(inlineHashes(html)).toEqual({
      style: [sha('body{margin:0}')],
      script: [sha('document.title = "x";')],
    });
  });
});

describe('withInlineHashes', () => {
  it('allows exactly those blocks, by hash, and never unsafe-inline', () => {
    const policy = withInlineHashes(POLICY, '<style>h1{color:red}</style>');
    expect(policy).toBe(
      `default-src 'self'; script-src 'self'; style-src 'self' ${sha('h1{color:red}')}; img-src 'self' data:`,
    );
    expect(policy).not.toContain('unsafe-inline');
  });

  it('leaves the policy as it was for a page with no inline blocks', () => {
    expect(withInlineHashes(POLICY, '<script src="a.js"></script>')).toBe(POLICY);
  });
});
