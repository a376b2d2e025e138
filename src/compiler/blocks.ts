/** Social media blocks: fenced YAML in a scenario's situation, checked and rendered at build. */
import type { Token, Tokens } from 'marked';
import { z } from 'zod';
import type { Block, Part } from '../core/model.js';
import { ID_PATTERN } from '../core/keys.js';
import { suggest } from './errors.js';
import { renderBlocks, renderText, type MarkdownContext } from './markdown.js';
import { parseYaml, yamlOffsets } from './yaml-schema.js';

export const BLOCK_KINDS = ['post', 'page-post', 'chat', 'request', 'message'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

const id = z.string().regex(ID_PATTERN, 'expected lower case letters, digits and single hyphens, like "dawn-post"');
const text = z.string().min(1, 'must not be empty');
const time = z.union([z.string(), z.number()]).transform(String);
const count = z.number().int().min(0).optional();
const image = { image: z.string().optional(), alt: z.string().optional() };
const reply = z.strictObject({ author: text, handle: z.string().optional(), time, text });

const schemas = {
  post: z.strictObject({
    id,
    author: text,
    handle: text,
    time,
    text,
    ...image,
    replies: count,
    reposts: count,
    likes: count,
    thread: z.array(reply).optional(),
  }),
  'page-post': z.strictObject({
    id,
    page: text,
    time,
    text,
    ...image,
    likes: count,
    shares: count,
    comments: z.array(reply.omit({ handle: true })).optional(),
  }),
  chat: z.strictObject({
    id,
    group: text,
    members: z.array(text).min(1),
    messages: z.array(z.strictObject({ from: text, time, text, ...image })).min(1),
  }),
  request: z.strictObject({ id, from: text, handle: text, text, mutual: count }),
  message: z.strictObject({
    id,
    kind: z.enum(['email', 'direct']),
    from: text,
    to: z.string().optional(),
    subject: z.string().optional(),
    time,
    text,
  }),
} satisfies Record<BlockKind, z.ZodType>;

/** Renders a block's image as markdown so it goes through the same media and alt checks. */
function imageHtml(
  img: string | undefined,
  alt: string | undefined,
  offset: number,
  ctx: MarkdownContext,
): { image?: string; alt?: string } {
  if (!img) return {};
  if (!alt?.trim()) {
    ctx.report.error(offset, `the image ${img} needs "alt": say what the image shows`);
    return {};
  }
  const html = renderText(`![${alt.replace(/[[\]]/g, '')}](${img})`, offset, ctx);
  const src = /src="([^"]+)"/.exec(html)?.[1];
  return src ? { image: src, alt } : {};
}

/**
 * Parses one fenced block. `offset` is where the YAML starts in the file.
 * Returns undefined after reporting problems.
 */
export function parseBlock(kind: BlockKind, yamlText: string, offset: number, ctx: MarkdownContext): Block | undefined {
  const data = parseYaml(yamlText, offset, schemas[kind], ctx.report, `the ${kind} block`);
  if (!data) return undefined;
  const at = yamlOffsets(yamlText, offset);
  // Each text is checked at its own place in the file, so errors point at the right line.
  const md = (t: string, path: (string | number)[] = ['text']) => renderText(t, at(path), ctx);
  switch (kind) {
    case 'post': {
      const d = data as z.infer<(typeof schemas)['post']>;
      return {
        kind,
        id: d.id,
        author: d.author,
        handle: d.handle.replace(/^@/, ''),
        time: d.time,
        textHtml: md(d.text),
        ...imageHtml(d.image, d.alt, at(['image']), ctx),
        replies: d.replies,
        reposts: d.reposts,
        likes: d.likes,
        thread: (d.thread ?? []).map((r, i) => ({
          author: r.author,
          handle: r.handle?.replace(/^@/, ''),
          time: r.time,
          textHtml: md(r.text, ['thread', i, 'text']),
        })),
      };
    }
    case 'page-post': {
      const d = data as z.infer<(typeof schemas)['page-post']>;
      return {
        kind,
        id: d.id,
        page: d.page,
        time: d.time,
        textHtml: md(d.text),
        ...imageHtml(d.image, d.alt, at(['image']), ctx),
        likes: d.likes,
        shares: d.shares,
        comments: (d.comments ?? []).map((r, i) => ({
          author: r.author,
          time: r.time,
          textHtml: md(r.text, ['comments', i, 'text']),
        })),
      };
    }
    case 'chat': {
      const d = data as z.infer<(typeof schemas)['chat']>;
      return {
        kind,
        id: d.id,
        group: d.group,
        members: d.members,
        messages: d.messages.map((m, i) => ({
          from: m.from,
          time: m.time,
          textHtml: md(m.text, ['messages', i, 'text']),
          ...imageHtml(m.image, m.alt, at(['messages', i, 'image']), ctx),
        })),
      };
    }
    case 'request': {
      const d = data as z.infer<(typeof schemas)['request']>;
      return {
        kind,
        id: d.id,
        from: d.from,
        handle: d.handle.replace(/^@/, ''),
        textHtml: md(d.text),
        mutual: d.mutual,
      };
    }
    case 'message': {
      const d = data as z.infer<(typeof schemas)['message']>;
      if (d.kind === 'email' && !d.subject) ctx.report.error(offset, 'an email message block needs a "subject"');
      return {
        kind,
        id: d.id,
        messageKind: d.kind,
        from: d.from,
        to: d.to,
        subject: d.subject,
        time: d.time,
        textHtml: md(d.text),
      };
    }
  }
}

/** Headings that start a choice's consequence, as authors and translators write them. */
export const CONSEQUENCE_HEADINGS = ['what happens next', "beth sy'n digwydd nesaf"];

/** Whether a markdown heading starts a choice's consequence ("#### What happens next"). */
export function isConsequenceHeading(token: Token): boolean {
  if (token.type !== 'heading' || (token as Tokens.Heading).depth !== 4) return false;
  const text = (token as Tokens.Heading).text.trim().replace(/[’‘]/g, "'").toLowerCase();
  return CONSEQUENCE_HEADINGS.includes(text);
}

/**
 * Parses prose and fenced social media blocks (a situation, or a choice's consequence) into
 * parts, in order. `ids` collects the blocks' ids; one already there is reported as used twice.
 */
export function parseParts(
  items: readonly { token: Token; offset: number }[],
  ctx: MarkdownContext,
  ids: Map<string, { kind: BlockKind; offset: number }>,
): Part[] {
  const parts: Part[] = [];
  let prose: { token: Token; offset: number }[] = [];
  const flush = () => {
    const html = prose.length ? renderBlocks(prose, ctx) : '';
    if (html) parts.push({ kind: 'html', html });
    prose = [];
  };
  for (const item of items) {
    const token = item.token;
    const lang = token.type === 'code' ? ((token as Tokens.Code).lang ?? '').trim() : undefined;
    if (lang && (BLOCK_KINDS as readonly string[]).includes(lang)) {
      flush();
      const yamlOffset = item.offset + token.raw.indexOf('\n') + 1;
      const block = parseBlock(lang as BlockKind, (token as Tokens.Code).text, yamlOffset, ctx);
      if (block) {
        if (ids.has(block.id))
          ctx.report.error(yamlOffset, `the block id "${block.id}" is used twice in this scenario`);
        ids.set(block.id, { kind: lang as BlockKind, offset: yamlOffset });
        parts.push(block);
      }
      continue;
    }
    if (lang && !['text', 'plain'].includes(lang)) {
      ctx.report.error(
        item.offset,
        `unknown block "${lang}"${suggest(lang, BLOCK_KINDS)}; expected one of: ${BLOCK_KINDS.join(', ')}`,
      );
      continue;
    }
    prose.push(item);
  }
  flush();
  return parts;
}

/** Whose block it is, for accessible names ("Repost Dawn Hughes's post"). */
export function blockOwner(block: Block): string {
  switch (block.kind) {
    case 'post':
      return block.author;
    case 'page-post':
      return block.page;
    case 'chat':
      return block.group;
    case 'request':
      return block.from;
    case 'message':
      return block.from;
  }
}

/** Which actions make sense on which kind of block. */
export const ACTIONS_FOR: Record<BlockKind, readonly string[]> = {
  post: ['reply', 'repost', 'quote', 'like', 'share', 'report', 'hide', 'screenshot', 'delete'],
  'page-post': ['reply', 'like', 'share', 'report', 'hide', 'delete', 'screenshot'],
  chat: ['reply', 'leave', 'report', 'screenshot', 'delete', 'forward'],
  request: ['accept', 'decline', 'report'],
  message: ['reply', 'forward', 'open', 'delete', 'report'],
};
