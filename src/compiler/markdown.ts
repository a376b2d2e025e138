/** Markdown to safe HTML at build time. Raw HTML and unsafe links are errors, not filtered. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, Marked, type Links, type Token, type Tokens } from 'marked';
import type { Reporter } from './errors.js';
import { escapeHtml } from '../core/escape.js';
import { isVariants, splitVariants, type Offered } from './variants.js';

const COMMENT = /^\s*<!--[\s\S]*?-->\s*$/;
const SAFE_LINK = /^(https:\/\/|mailto:|tel:|#)/i;
const MEDIA_LINK = /^media\/[A-Za-z0-9][A-Za-z0-9._-]*\.(png|jpe?g|gif|svg|webp)$/;
/** Link words that say nothing out of context, as a screen reader's list of links reads them. */
const VAGUE_LINK = /^(click here|here|click|link|this link|read more|more|more info|find out more|this page|this)$/i;
/** Alt text that names the medium rather than what it shows. */
const VAGUE_ALT = /^(image|picture|photo|photograph|img|graphic|screenshot|icon|figure|an? (image|picture|photo))$/i;

/** Where the content comes from, for checks and error positions. */
export interface MarkdownContext {
  report: Reporter;
  /** content/<collection>, to check media files exist. */
  collectionDir: string;
  collection: string;
  /** Media files referenced (collection-relative, e.g. media/x.png). */
  media: Set<string>;
  /** The nations and staff groups the module offers (module.yaml `profiles`); none: nothing may be tailored. */
  profiles?: Offered;
}

const marked = new Marked({ gfm: true, async: false });
marked.use({
  renderer: {
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      if (href.startsWith('#')) return `<a href="${escapeHtml(href)}"${t}>${text}</a>`;
      return `<a href="${escapeHtml(href)}"${t} target="_blank" rel="noopener noreferrer">${text}<span class="fl-visually-hidden"> (opens in a new window)</span></a>`;
    },
    image({ href, text }: Tokens.Image) {
      return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}">`;
    },
  },
});

/** An HTML comment: a note for authors, never shipped and allowed anywhere. */
export function isComment(token: Token): boolean {
  return token.type === 'html' && COMMENT.test(token.raw);
}

/**
 * Splits markdown into top-level tokens, each with its offset in the file. `links`: link
 * reference definitions (`[nmc]: https://…`) from elsewhere in the file, for references here.
 */
function lexPlain(text: string, baseOffset: number, links?: Links): { token: Token; offset: number }[] {
  const out: { token: Token; offset: number }[] = [];
  let offset = baseOffset;
  const lexer = new Lexer(marked.defaults);
  if (links) Object.assign(lexer.tokens.links, links);
  for (const token of lexer.lex(text)) {
    out.push({ token, offset });
    offset += token.raw.length;
  }
  return out;
}

/**
 * Splits markdown into top-level tokens, each with its offset in the file. With a context,
 * a run of tailored passages (`::: for …` … `::: otherwise`) is one `variants` token, its
 * mistakes reported (src/compiler/variants.ts); `variants: false` refuses `:::` lines
 * (a social media block's text cannot be tailored).
 */
export function lex(
  text: string,
  baseOffset: number,
  ctx?: MarkdownContext,
  variants = true,
): { token: Token; offset: number }[] {
  if (!ctx || !/^:::|\n[ \t]*:::/.test(text)) return lexPlain(text, baseOffset);
  if (!variants) {
    const at = /^:::|\n[ \t]*:::/.exec(text)!;
    ctx.report.error(
      baseOffset + at.index + (text[at.index] === '\n' ? 1 : 0),
      "a social media block's text cannot be tailored: put the tailored passage in the prose before the block",
    );
    return lexPlain(text, baseOffset);
  }
  // A reference in one passage may be defined in another, or outside the run, as in one text.
  const links = marked.lexer(text).links;
  const lexPiece = (piece: string, offset: number) => lexPlain(piece, offset, links);
  return splitVariants(text, baseOffset, ctx.report, ctx.profiles, lexPiece).flatMap((piece) =>
    piece.kind === 'markdown' ? lexPiece(piece.text, piece.offset) : [{ token: piece.token, offset: piece.offset }],
  );
}

/** Finds a nested token's position: its raw text searched for within the parent's. */
function offsetWithin(parent: { raw: string }, parentOffset: number, child: { raw: string }): number {
  const index = parent.raw.indexOf(child.raw);
  return parentOffset + Math.max(0, index);
}

/** Reports raw HTML, unsafe links and images without alt text or a file. Rewrites media paths. */
function check(tokens: Token[], parent: { raw: string }, parentOffset: number, ctx: MarkdownContext): void {
  marked.walkTokens(tokens, (token) => {
    const at = () => offsetWithin(parent, parentOffset, token);
    if (token.type === 'html' && COMMENT.test(token.raw)) {
      (token as Tokens.HTML).text = ''; // comments are notes for authors: never shipped
    } else if (token.type === 'html') {
      ctx.report.error(
        at(),
        `raw HTML is not allowed in content ("${token.raw.trim().slice(0, 40)}"); write it in markdown instead`,
      );
    } else if (token.type === 'link') {
      const link = token as Tokens.Link;
      const words = plainText(link.text);
      if (VAGUE_LINK.test(words))
        ctx.report.warn(
          at(),
          `the link text "${words}" says nothing out of context (screen readers list links by their words): name where it goes, like [the NMC Code](${link.href})`,
        );
      if (!SAFE_LINK.test(link.href)) {
        ctx.report.error(
          at(),
          `link "${link.href.slice(0, 60)}" is not allowed: links must start with https://, mailto: or tel:`,
        );
      }
    } else if (token.type === 'image') {
      const image = token as Tokens.Image;
      if (!image.text.trim())
        ctx.report.error(
          at(),
          `image "${image.href}" has no alt text: write it as ![what the image shows](${image.href})`,
        );
      const alt = image.text.trim();
      const fileName = image.href.split('/').pop() ?? '';
      if (alt && (VAGUE_ALT.test(alt) || alt === fileName || alt === fileName.replace(/\.[a-z]+$/i, '')))
        ctx.report.warn(
          at(),
          `the alt text "${alt}" does not say what the image shows: describe it for someone who cannot see it, like "A nurse taking a selfie on a ward"`,
        );
      if (!MEDIA_LINK.test(image.href)) {
        ctx.report.error(
          at(),
          `image "${image.href}" must be a file in this collection's media/ folder, such as media/photo.png`,
        );
      } else if (!existsSync(join(ctx.collectionDir, image.href))) {
        ctx.report.error(at(), `image file ${image.href} was not found in ${ctx.collectionDir}`);
      } else {
        ctx.media.add(image.href);
        image.href = `media/${ctx.collection}/${image.href.slice('media/'.length)}`;
      }
    }
  });
}

/** Renders top-level tokens to HTML after checking them. */
export function renderBlocks(
  items: { token: Token; offset: number }[],
  ctx: MarkdownContext,
  minDepth = 3,
  /** The level of the heading the text sits under in its file (## Situation, ### a choice). */
  parentDepth = minDepth - 1,
): string {
  let html = '';
  // A level is skipped when a heading goes more than one deeper than the one before it.
  let depth = parentDepth;
  for (const { token, offset } of items) {
    if (token.type === 'space' || (token.type === 'html' && COMMENT.test(token.raw))) continue;
    if (isVariants(token)) {
      html += `<fl-variants>${token.blocks
        .map(
          (b) =>
            `<fl-when for="${escapeHtml(b.for.join(' '))}">${renderBlocks(b.items, ctx, minDepth, depth)}</fl-when>`,
        )
        .join('')}</fl-variants>`;
      continue;
    }
    if (token.type === 'heading') {
      const level = (token as Tokens.Heading).depth;
      if (level < minDepth) {
        ctx.report.error(offset, `a level ${level} heading is not allowed here; use ${'#'.repeat(minDepth)} or deeper`);
        continue;
      }
      if (level > depth + 1)
        ctx.report.warn(
          offset,
          `this heading skips a level (${'#'.repeat(level)} after ${'#'.repeat(depth)}): screen reader users move by heading level, so use ${'#'.repeat(depth + 1)}`,
        );
      depth = level;
    }
    check([token], token, offset, ctx);
    html += marked.parser([token]);
  }
  return html.trim();
}

/** Renders one line of inline markdown (a choice's text, a post's text) after checking it. */
export function renderInline(text: string, offset: number, ctx: MarkdownContext): string {
  const tokens = marked.Lexer.lexInline(text);
  check(tokens, { raw: text }, offset, ctx);
  // The instance's own options, so links and images get the same renderer as in blocks.
  return marked.Parser.parseInline(tokens, marked.defaults).trim();
}

/** Renders multi-line markdown from a block's field (paragraphs allowed) after checking it. */
export function renderText(text: string, offset: number, ctx: MarkdownContext): string {
  return renderBlocks(lex(text, offset, ctx, false), ctx);
}

/** Plain text of inline markdown, for accessible names and reports. */
export function plainText(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
