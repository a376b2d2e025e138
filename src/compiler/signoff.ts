/**
 * The sign-off pack: one HTML page per module that prints cleanly on A4, holding everything
 * a clinical governance lead approves (every scenario, choice, rating, feedback, source and
 * branch, the objectives, pass mark, review date and translation status) and boxes for
 * the reviewer's name, role, date and decision.
 */
import { END, type Block, type Choice, type Course, type Part, type Scenario } from '../core/model.js';
import type { GraphReport } from './graph.js';
import { escapeHtml as e } from '../core/escape.js';
import { isGroup, isNation, type Group, type Nation } from '../core/profile.js';
import { en } from '../components/strings.js';

/** The nations as the module names them to learners. */
const NATION_NAMES: Record<Nation, string> = en.nations;
const GROUP_NAMES: Record<Group, string> = {
  'nursing-midwifery': 'nurses and midwives',
  medical: 'doctors',
  'allied-health': 'allied health professionals',
  pharmacy: 'pharmacy staff',
  other: 'other staff',
};

/** Who a variant is for, in words: "For Wales", "For doctors in Scotland", "For everyone else". */
export function whoSees(names: readonly string[]): string {
  if (names.length === 0) return 'For everyone else';
  const nations = names.filter(isNation).map((n) => NATION_NAMES[n]);
  const groups = names.filter(isGroup).map((g) => GROUP_NAMES[g]);
  const or = (list: string[]) =>
    list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]!}` : (list[0] ?? '');
  if (groups.length === 0) return `For ${or(nations)}`;
  return `For ${or(groups)}${nations.length ? ` in ${or(nations)}` : ''}`;
}

/** Compiled HTML with every variant shown, each labelled with who sees it. */
function labelled(html: string): string {
  return html
    .replace(/(<fl-when for="[^"]*">)\s*(<\/fl-when>)/g, '$1<p><em>(nothing: this text is left out)</em></p>$2')
    .replace(/<fl-variants>/g, '<div class="variants">')
    .replace(/<\/fl-variants>/g, '</div>')
    .replace(
      /<fl-when for="([^"]*)">/g,
      (_, names: string) => `<div class="variant"><p class="label">${e(whoSees(names.split(' ').filter(Boolean)))}</p>`,
    )
    .replace(/<\/fl-when>/g, '</div>');
}

/** A choice's source, or each of its tailored sources labelled, the fallback last. */
function sourceHtml(c: Choice): string {
  if (!c.sources?.length) return e(c.source);
  return `<ul class="sources">${[...c.sources, { for: [], text: c.source }]
    .map((t) => `<li><span class="label">${e(whoSees(t.for))}:</span> ${e(t.text)}</li>`)
    .join('')}</ul>`;
}

const LANGUAGE_NAMES: Record<string, string> = { cy: 'Welsh', 'en-GB': 'English' };
const languageName = (tag: string) => LANGUAGE_NAMES[tag] ?? LANGUAGE_NAMES[tag.slice(0, 2)] ?? tag;

/** A social media block as plain reading: who, when, and what it says. */
function blockAsText(b: Block): string {
  const quote = (html: string) => `<blockquote>${html}</blockquote>`;
  switch (b.kind) {
    case 'post':
      return `<p class="block-kind">Post by ${e(b.author)} (${e(b.handle)}), ${e(b.time)}</p>${quote(b.textHtml)}${b.alt ? `<p>Image: ${e(b.alt)}</p>` : ''}${b.thread.map((r) => `<p class="reply">Reply by ${e(r.author)}, ${e(r.time)}:</p>${quote(r.textHtml)}`).join('')}`;
    case 'page-post':
      return `<p class="block-kind">Page post by ${e(b.page)}, ${e(b.time)}</p>${quote(b.textHtml)}${b.alt ? `<p>Image: ${e(b.alt)}</p>` : ''}${b.comments.map((r) => `<p class="reply">Comment by ${e(r.author)}, ${e(r.time)}:</p>${quote(r.textHtml)}`).join('')}`;
    case 'chat':
      return `<p class="block-kind">Group chat "${e(b.group)}" (${b.members.map(e).join(', ')})</p>${b.messages.map((m) => `<p class="reply">${e(m.from)}, ${e(m.time)}:</p>${quote(m.textHtml)}${m.alt ? `<p>Image: ${e(m.alt)}</p>` : ''}`).join('')}`;
    case 'request':
      return `<p class="block-kind">Friend request from ${e(b.from)} (${e(b.handle)})</p>${quote(b.textHtml)}`;
    case 'message':
      return `<p class="block-kind">${b.messageKind === 'email' ? 'Email' : 'Direct message'} from ${e(b.from)}${b.to ? ` to ${e(b.to)}` : ''}, ${e(b.time)}${b.subject ? `: "${e(b.subject)}"` : ''}</p>${quote(b.textHtml)}`;
  }
}

const partHtml = (p: Part) => (p.kind === 'html' ? labelled(p.html) : `<div class="block">${blockAsText(p)}</div>`);

/** Where a choice leads, by title: one place, or several when it depends on the way the learner came. */
function branchOf(course: Course, report: GraphReport, s: Scenario, choiceId: string | null): string {
  const targets = report.edges
    .filter((x) => x.from === s.id && (choiceId === null || x.choices.includes(choiceId) || x.choices.length === 0))
    .map((x) => (x.to === END ? 'Results' : `${course.scenarios.find((t) => t.id === x.to)?.title ?? x.to} (${x.to})`));
  return targets.length ? targets.map(e).join(' or ') : 'Results';
}

function scenarioSection(course: Course, report: GraphReport, s: Scenario, n: number): string {
  const objective = course.objectives.find((o) => o.id === s.objective)?.title ?? s.objective;
  const main = course.order.includes(s.id);
  const feed = s.select === 'many';
  const choices = s.choices
    .map(
      (c) => `<li class="choice">
  <p class="choice-text"><strong>${c.textHtml}</strong></p>
  <dl>
    <dt>${feed ? 'Should be picked' : 'Rating'}</dt><dd>${feed ? (c.score >= 50 ? 'Yes' : 'No') : `${e(c.rating)} (${c.score} of 100)`}</dd>
    ${c.action ? `<dt>Action</dt><dd>${e(c.action)} on ${e(c.target ?? '')}</dd>` : ''}
    <dt>Source</dt><dd>${sourceHtml(c)}</dd>
    ${feed ? '' : `<dt>Then</dt><dd>${branchOf(course, report, s, c.id)}</dd>`}
    <dt>Id</dt><dd><code>${e(c.id)}</code></dd>
  </dl>
  <div class="feedback"><p class="label">Feedback</p>${labelled(c.feedbackHtml)}</div>
  ${c.consequence ? `<div class="consequence"><p class="label">What happens next</p>${c.consequence.map(partHtml).join('\n')}</div>` : ''}
</li>`,
    )
    .join('\n');
  return `<section class="scenario">
<h2>${n}. ${e(s.title)}</h2>
<p class="meta">${main ? 'Main path' : 'Follow-up'} · id <code>${e(s.id)}</code> · objective: ${e(objective)}${s.reviewBy ? ` · review by ${e(s.reviewBy)}` : ''}${feed ? ' · the learner picks every item that applies' : ''}</p>
<h3>Situation</h3>
${s.situation.map(partHtml).join('\n')}
<h3>Question</h3>
<p>${e(s.question)}</p>
<h3>Choices</h3>
<ol class="choices">${choices}</ol>
${feed ? `<p>Then: ${branchOf(course, report, s, null)}</p>` : ''}
</section>`;
}

/** Which nations and staff groups the module asks about: every variant below is labelled with who sees it. */
function tailoringHtml(course: Course): string {
  if (!course.profiles) return '';
  const names = [
    ...course.profiles.nations.map((n) => NATION_NAMES[n]),
    ...course.profiles.groups.map((g) => GROUP_NAMES[g]),
  ];
  return `<h2>Tailoring</h2>
<p>Learners choose where they work and their staff group (${e(names.join(', '))}). A tailored passage or source shows every version below, each labelled with who sees it: review each one.</p>`;
}

function translationStatus(course: Course): string {
  const others = course.languages.filter((l) => l !== course.language);
  if (others.length === 0) return `<p>The module is in ${e(languageName(course.language))} only.</p>`;
  return `<ul>${others
    .map((lang) => {
      const machine = course.translations[lang]?.machineTranslated === true;
      const scenarios = course.scenarios.filter((s) => s.translations?.[lang]);
      const needing = scenarios.filter((s) => s.translations?.[lang]?.machineTranslated).length;
      const missing = course.scenarios.length - scenarios.length;
      return `<li>${e(languageName(lang))}: ${machine || needing ? `<strong>needs review by a ${e(languageName(lang))} speaker</strong> (machine-translated: ${machine ? 'the module text and ' : ''}${needing} of ${course.scenarios.length} scenarios)` : 'reviewed'}${missing ? `; ${missing} scenarios not translated (shown in English)` : ''}</li>`;
    })
    .join('')}</ul>`;
}

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
body { font: 11pt/1.45 Arial, sans-serif; color: #212b32; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 20pt; margin: 0 0 4pt; } h2 { font-size: 15pt; margin: 0 0 4pt; } h3 { font-size: 12pt; margin: 10pt 0 4pt; }
.meta { color: #4c6272; margin: 0 0 6pt; }
.scenario { break-before: page; }
.choice, .block, .signature { break-inside: avoid; }
.choices { padding-left: 18pt; } .choice { margin-bottom: 10pt; border-top: 1px solid #d8dde0; padding-top: 6pt; }
dl { display: grid; grid-template-columns: 34mm 1fr; gap: 2pt 8pt; margin: 4pt 0; } dt { font-weight: bold; } dd { margin: 0; }
.block { border-left: 3pt solid #005eb8; padding-left: 8pt; margin: 6pt 0; } .block-kind, .reply, .label { font-weight: bold; margin: 4pt 0 2pt; }
blockquote { margin: 0 0 4pt 8pt; }
a[href]::after { content: " (" attr(href) ")"; font-size: 9pt; }
.signature table { width: 100%; border-collapse: collapse; } .signature th { text-align: left; width: 34mm; }
.signature td { border: 1px solid #212b32; height: 12mm; }
.map svg { max-width: 100%; height: auto; }
.variants { margin: 6pt 0; } .variant { border-left: 3pt dashed #4c6272; padding-left: 8pt; margin: 4pt 0; break-inside: avoid; }
.sources { margin: 0; padding-left: 12pt; }
`;

/** The whole pack as one HTML document. `mapSvg` is the scenario map, drawn in it. */
export function toSignoffHtml(course: Course, report: GraphReport, mapSvg: string): string {
  const objectives = course.objectives.map((o) => `<li>${e(o.title)} <code>${e(o.id)}</code></li>`).join('');
  return `<!doctype html>
<html lang="${e(course.language)}">
<head><meta charset="utf-8"><title>Sign-off: ${e(course.title)} ${e(course.version)}</title><style>${STYLE}</style></head>
<body>
<main>
<h1>Sign-off: ${e(course.title)}</h1>
<p class="meta">Module <code>${e(course.id)}</code>, version ${e(course.version)}${course.organisation ? ` · ${e(course.organisation.name)}` : ''}</p>
<dl>
  <dt>Pass mark</dt><dd>${course.passMark}%</dd>
  <dt>Time</dt><dd>about ${course.estimatedMinutes} minutes; ${report.fewestDecisions} to ${report.mostDecisions} decisions</dd>
  <dt>Review by</dt><dd>${course.reviewBy ? e(course.reviewBy) : 'not set'}</dd>
  <dt>Scenarios</dt><dd>${course.order.length} on the main path, ${course.scenarios.length - course.order.length} follow-ups</dd>
</dl>
<h2>Objectives</h2>
<ul>${objectives}</ul>
<h2>Translations</h2>
${translationStatus(course)}
${tailoringHtml(course)}
<section class="signature">
<h2>Decision</h2>
<table>
  <tr><th scope="row">Reviewer</th><td></td></tr>
  <tr><th scope="row">Role</th><td></td></tr>
  <tr><th scope="row">Date</th><td></td></tr>
  <tr><th scope="row">Decision</th><td>Approved / Approved with changes / Not approved</td></tr>
  <tr><th scope="row">Changes asked for</th><td style="height: 40mm"></td></tr>
</table>
</section>
<section class="scenario map">
<h2>Map of the scenarios</h2>
${mapSvg.replace(/^<\?xml[^>]*>\s*/, '')}
</section>
<section class="scenario">
<h2>Introduction</h2>
${labelled(course.introHtml)}
${course.summaryHtml ? `<h2>Summary</h2>\n${labelled(course.summaryHtml)}` : ''}
</section>
${course.scenarios.map((s, i) => scenarioSection(course, report, s, i + 1)).join('\n')}
</main>
</body>
</html>
`;
}
