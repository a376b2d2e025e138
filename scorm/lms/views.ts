/** The LMS's pages: plain server-rendered HTML in the NHS.UK style, one stylesheet, no inline script or style. */
import type { Rating } from '../../src/core/model.js';
import { bar, completionChart, cumulative, passRateBar } from './charts.js';
import { html, jsonBlock, trusted, type Html } from './html.js';
import {
  formatDuration,
  localDateTime,
  RECORD_STATUSES,
  ukDate,
  type AttemptView,
  type DecisionView,
  type ModuleStats,
  type PickedChoice,
  type RecordFilter,
  type RecordRow,
  type RecordStatus,
} from './reports.js';
import type { AuditEntry } from './audit.js';
import { GROUP_LABELS, GROUPS, NATION_LABELS, NATIONS, profileLabel } from './profiles.js';
import type { ImportJob } from './imports.js';
import { isStaff, type Role, type User } from './store.js';

export interface PageContext {
  user: User | null;
  csrf: string;
  path: string;
}

const STATUS_LABEL: Record<string, string> = {
  'not started': 'Not started',
  'in progress': 'In progress',
  completed: 'Completed',
  passed: 'Passed',
  failed: 'Failed',
  'not attempted': 'Not started',
  incomplete: 'In progress',
  browsed: 'In progress',
};
const RATING_LABEL: Record<Rating, string> = {
  best: 'Best choice',
  acceptable: 'Acceptable',
  wrong: 'Not the right choice',
};
const ROLE_LABEL: Record<Role, string> = { learner: 'Learner', hr: 'HR', admin: 'Admin' };

export const statusLabel = (s: string) => STATUS_LABEL[s] ?? s;
const statusTag = (s: string) =>
  html`<strong class="tag tag--${(STATUS_LABEL[s] ?? s).toLowerCase().replace(/\s+/g, '-')}">${statusLabel(s)}</strong>`;
const csrfField = (ctx: { csrf: string }) => html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`;
const score = (v: number | null) => (v === null ? '' : `${Math.round(v * 10) / 10}%`);

function nav(ctx: PageContext): Html {
  if (!ctx.user) return html``;
  const link = (href: string, label: string) =>
    html`<li class="header__item"><a class="header__link" href="${href}"${ctx.path.startsWith(href) ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav class="header__nav" aria-label="Main">
    <ul class="header__list">
      ${link('/learn', 'My modules')}
      ${isStaff(ctx.user) ? link('/hr/records', 'Records') : ''}
      ${ctx.user.role === 'admin' ? link('/admin/users', 'Users') : ''}
      ${ctx.user.role === 'admin' ? link('/admin/modules', 'Modules') : ''}
      ${link('/account/password', 'Password')}
      <li class="header__item"><form method="post" action="/signout">${csrfField(ctx)}<button class="header__button" type="submit">Sign out</button></form></li>
    </ul>
  </nav>`;
}

export function layout(ctx: PageContext, title: string, body: Html, options: { wide?: boolean } = {}): string {
  return `<!doctype html>${html`<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} - Frontline learning</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/lms/assets/lms.css">
</head>
<body>
  <a class="skip-link" href="#main">Skip to main content</a>
  <header class="header">
    <div class="width-container${options.wide ? ' width-container--wide' : ''} header__container">
      <a class="header__service" href="/">Frontline learning</a>
      ${ctx.user ? html`<p class="header__who">Signed in as ${ctx.user.name}</p>` : ''}
      ${nav(ctx)}
    </div>
  </header>
  <div class="width-container${options.wide ? ' width-container--wide' : ''}">
    <main class="main" id="main">
${body}
    </main>
  </div>
</body>
</html>`}`;
}

export function errorPage(ctx: PageContext, title: string, message: string): string {
  return layout(ctx, title, html`<h1>${title}</h1><p>${message}</p><p><a href="/">Go to the start page</a></p>`);
}

export function signInPage(
  ctx: PageContext,
  opts: { error?: string; next?: string; login?: string; notice?: string },
): string {
  // The NHS error summary: "Error: " in the title, the summary focused on load (autofocus: no
  // script needed), linking to the field, and the same message beside the field.
  const error = opts.error;
  return layout(
    ctx,
    error ? 'Error: Sign in' : 'Sign in',
    html`
<h1>Sign in</h1>
${opts.notice ? html`<p class="inset">${opts.notice}</p>` : ''}
${error ? html`<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title"><h2 class="error-summary__title" id="error-summary-title">There is a problem</h2><ul class="error-summary__list"><li><a href="#login">${error}</a></li></ul></div>` : ''}
<form method="post" action="/signin" class="form" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="next" value="${opts.next ?? ''}">
  <div class="form-group${error ? ' form-group--error' : ''}">
    <label class="label" for="login">Email or staff number</label>
    ${error ? html`<p class="error-message" id="login-error"><span class="visually-hidden">Error:</span> ${error}</p>` : ''}
    <input class="input${error ? ' input--error' : ''}" id="login" name="login" type="text" autocomplete="username" spellcheck="false" value="${opts.login ?? ''}"${error ? html` aria-describedby="login-error" aria-invalid="true"` : ''} required>
  </div>
  <div class="form-group">
    <label class="label" for="password">Password</label>
    <input class="input" id="password" name="password" type="password" autocomplete="current-password" required>
  </div>
  <button class="button" type="submit">Sign in</button>
</form>
<p>If you have forgotten your password, ask your training administrator to reset it.</p>`,
  );
}

export function passwordPage(ctx: PageContext, opts: { error?: string; forced: boolean; done?: boolean }): string {
  return layout(
    ctx,
    'Change your password',
    html`
<h1>${opts.forced ? 'Choose your own password' : 'Change your password'}</h1>
${opts.forced ? html`<p>Your administrator set a temporary password. Choose your own before you go on.</p>` : ''}
${opts.done ? html`<p class="inset" role="status">Your password has been changed.</p>` : ''}
${opts.error ? html`<div class="error-summary" role="alert" tabindex="-1"><h2 class="error-summary__title">There is a problem</h2><p>${opts.error}</p></div>` : ''}
<form method="post" action="/account/password" class="form" novalidate>
  ${csrfField(ctx)}
  <div class="form-group">
    <label class="label" for="current">Current password</label>
    <input class="input" id="current" name="current" type="password" autocomplete="current-password" required>
  </div>
  <div class="form-group">
    <label class="label" for="password">New password</label>
    <p class="hint" id="password-hint">At least 10 characters. A few unrelated words make a good one.</p>
    <input class="input" id="password" name="password" type="password" autocomplete="new-password" aria-describedby="password-hint" required>
  </div>
  <div class="form-group">
    <label class="label" for="confirm">New password again</label>
    <input class="input" id="confirm" name="confirm" type="password" autocomplete="new-password" required>
  </div>
  <button class="button" type="submit">Save password</button>
</form>`,
  );
}

export interface LearnCard {
  id: string;
  /** Offered to learners now; otherwise shown only to those who have taken it, to review. */
  live: boolean;
  title: string;
  version: string;
  status: RecordStatus;
  score: number | null;
  attempts: number;
  lastAccess: string | null;
  /** The attempt under way (Continue), with its SCORM version. */
  open: { id: number; scormVersion: string } | null;
  /** The newest finished attempt (Review). */
  finished: { id: number } | null;
}

export function learnPage(ctx: PageContext, cards: readonly LearnCard[]): string {
  const launchForm = (id: string, action: string, label: string, secondary = false) => html`
    <form method="post" action="/learn/${id}/launch" class="card__action">
      ${csrfField(ctx)}<input type="hidden" name="action" value="${action}">
      <button class="button${secondary ? ' button--secondary' : ''}" type="submit">${label}</button>
    </form>`;
  // After a fail the next step is another go; after a pass or a completion, looking back.
  const finishedActions = (c: LearnCard) =>
    !c.live
      ? html`${launchForm(c.id, 'review', `Review ${c.title}`)}`
      : c.status === 'failed'
        ? html`${launchForm(c.id, 'new', `Take ${c.title} again`)}${launchForm(c.id, 'review', `Review ${c.title}`, true)}`
        : html`${launchForm(c.id, 'review', `Review ${c.title}`)}${launchForm(c.id, 'new', `Take ${c.title} again`, true)}`;
  return layout(
    ctx,
    'My modules',
    html`
<h1>My modules</h1>
${cards.length === 0 ? html`<p>There are no modules yet. Ask your trainer to build them (<code>npm run build</code>).</p>` : ''}
<ul class="cards">
${cards.map(
  (c) => html`<li class="card" data-module="${c.id}">
  <h2 class="card__title">${c.title}</h2>
  <p class="card__status">${statusTag(c.status)}${c.score !== null && c.status !== 'in progress' ? html` <span>Score ${score(c.score)}</span>` : ''}</p>
  <dl class="card__facts">
    <div><dt>Attempts</dt><dd>${c.attempts}</dd></div>
    ${c.lastAccess ? html`<div><dt>Last opened</dt><dd>${localDateTime(c.lastAccess)}</dd></div>` : ''}
    <div><dt>Version</dt><dd>${c.version}</dd></div>
  </dl>
  <div class="card__actions">
    ${c.open ? launchForm(c.id, 'continue', `Continue ${c.title}`) : ''}
    ${!c.open && !c.finished && c.live ? launchForm(c.id, 'new', `Start ${c.title}`) : ''}
    ${!c.open && c.finished ? finishedActions(c) : ''}
  </div>
</li>`,
)}
</ul>
${cards.some((c) => c.attempts > 0) ? html`<p><a href="/learn/history">See your answers and feedback</a></p>` : ''}`,
  );
}

export interface LaunchConfig {
  version: '1.2' | '2004';
  mode: 'normal' | 'review';
  commitUrl: string | null;
  csrf: string;
  cmi: Record<string, string>;
  scoUrl: string;
  title: string;
}

/** The page that hosts the module: scorm-again in the page (launch.js), the module in a frame. */
export function launchPage(config: LaunchConfig): string {
  return `<!doctype html>${html`<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${config.title} - Frontline learning</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/lms/assets/lms.css">
  ${jsonBlock('launch-config', config)}
  <script type="module" src="/lms/assets/launch.js"></script>
</head>
<body class="launch">
  <header class="launch__bar">
    <a class="launch__back" href="/learn">Back to my modules</a>
    <p class="launch__title">${config.title}${config.mode === 'review' ? ' (review: nothing is recorded)' : ''}</p>
    <p class="launch__status" id="lms-status" role="status" aria-live="polite"></p>
  </header>
  <main class="launch__main">
    <iframe id="sco" title="${config.title}"></iframe>
  </main>
</body>
</html>`}`;
}

const RESULT_LABEL: Record<string, string> = { correct: 'Correct', incorrect: 'Incorrect', neutral: 'Neutral' };

/** The mark the module recorded, and for a feed how many of the items to pick were found. */
function decisionResult(d: DecisionView): Html {
  const result = d.result ? (RESULT_LABEL[d.result] ?? d.result) : null;
  const found = d.found
    ? `found ${d.found.picked} of the ${d.found.of} ${d.found.of === 1 ? 'item' : 'items'} to pick`
    : '';
  if (!result && !found) return html``;
  return html`<p class="decision__result">Result: <strong>${result ?? 'Not recorded'}</strong>${found ? `, ${found}` : ''}.</p>`;
}

/** One item of a decision: in a feed, tagged right or wrong to pick; otherwise with its rating. */
function choiceBlock(p: PickedChoice, how: 'picked' | 'missed'): Html {
  const tone = p.right === null ? (p.rating ?? 'unknown') : how === 'picked' && p.right ? 'best' : 'wrong';
  const label =
    how === 'missed'
      ? 'Missed: should have been picked'
      : p.right === null
        ? p.rating
          ? RATING_LABEL[p.rating]
          : ''
        : p.right
          ? 'Picked: right to pick'
          : 'Picked: should have been left';
  return html`<div class="decision__choice decision__choice--${tone}" data-how="${how}">
        <p><span class="visually-hidden">${how === 'missed' ? 'Not picked: ' : 'Their answer: '}</span><strong>${p.text}</strong> ${label ? html`<span class="tag tag--${tone}">${label}</span>` : ''}</p>
        ${p.feedbackHtml ? html`<div class="decision__feedback">${trusted(p.feedbackHtml)}</div>` : ''}
        ${p.source ? html`<p class="decision__source">Source: ${p.source}</p>` : ''}
      </div>`;
}

function history(views: readonly AttemptView[], opts: { heading: number; checks: boolean }): Html {
  if (!views.length) return html`<p>No attempts yet.</p>`;
  const h = (level: number, text: string) => trusted(`<h${level}>${html`${text}`}</h${level}>`);
  return html`${views.map(
    (v) => html`<section class="attempt" data-attempt="${v.attempt.id}" data-module="${v.attempt.module_id}">
  ${h(opts.heading, `${v.moduleTitle}: attempt ${v.attempt.number}`)}
  <p>${statusTag(v.attempt.status)} ${v.attempt.score_raw !== null ? html`Score ${score(v.attempt.score_raw)}.` : ''}
     Started ${localDateTime(v.attempt.created_at)}${v.attempt.completed_at ? html`, finished ${localDateTime(v.attempt.completed_at)}` : ''}.
     Time ${formatDuration(v.attempt.total_seconds)}. SCORM ${v.attempt.scorm_version}.</p>
  ${opts.checks && v.check ? html`<p class="check" data-check="${v.attempt.id}"><strong>Check this result:</strong> ${v.check}</p>` : ''}
  ${
    v.decisions.length === 0
      ? html`<p>No decisions recorded yet.</p>`
      : html`<ol class="decisions">
    ${v.decisions.map(
      (d) => html`<li class="decision" data-scenario="${d.scenarioId}">
      ${h(opts.heading + 1, d.scenarioTitle)}
      ${d.question ? html`<p class="decision__question">${d.question}</p>` : ''}
      ${decisionResult(d)}
      ${d.picked.map((p) => choiceBlock(p, 'picked'))}
      ${d.missed.map((p) => choiceBlock(p, 'missed'))}
    </li>`,
    )}
  </ol>`
  }
</section>`,
  )}`;
}

export function historyPage(ctx: PageContext, views: readonly AttemptView[]): string {
  return layout(
    ctx,
    'Your answers',
    html`<h1>Your answers and feedback</h1>${history(views, { heading: 2, checks: false })}`,
  );
}

export function hrLearnerPage(
  ctx: PageContext,
  learner: User,
  rows: readonly RecordRow[],
  views: readonly AttemptView[],
): string {
  return layout(
    ctx,
    learner.name,
    html`
<p><a href="/hr/records">Back to records</a></p>
<h1>${learner.name}</h1>
<dl class="summary">
  <div><dt>Email or staff number</dt><dd>${learner.login}</dd></div>
  <div><dt>Staff group</dt><dd>${learner.staff_group || 'Not given'}</dd></div>
</dl>
<h2>Modules</h2>
${recordTable(rows, false)}
<h2>Every decision, with its feedback</h2>
${history(views, { heading: 3, checks: true })}`,
    { wide: true },
  );
}

function recordTable(rows: readonly RecordRow[], withName: boolean): Html {
  if (!rows.length) return html`<p id="no-records">No records match.</p>`;
  return html`<div class="table-scroll"><table class="table" id="records">
  <thead><tr>
    ${withName ? html`<th scope="col">Name</th><th scope="col">Email or staff number</th><th scope="col">Staff group</th>` : ''}
    <th scope="col">Module</th><th scope="col">Nation and profession (chosen in the module)</th><th scope="col">Status</th><th scope="col" class="num">Score</th><th scope="col" class="num">Attempts</th>
    <th scope="col">First access</th><th scope="col">Last access</th><th scope="col">Finished</th><th scope="col" class="num">Total time</th>
  </tr></thead>
  <tbody>
  ${rows.map(
    (r) => html`<tr data-learner="${r.login}" data-module="${r.moduleId}" data-status="${r.status}">
    ${withName ? html`<td><a href="/hr/learners/${r.userId}">${r.name}</a></td><td class="login">${r.login}</td><td>${r.staffGroup}</td>` : ''}
    <td><a href="/hr/modules/${r.moduleId}">${r.moduleTitle}</a></td><td class="profile">${profileLabel(r.profile)}</td><td>${statusTag(r.status)}${r.check ? html`<p class="check" data-check="">Check this result: ${r.check}</p>` : ''}</td><td class="num">${score(r.score)}</td>
    <td class="num">${r.attempts}</td><td>${localDateTime(r.firstAccess)}</td><td>${localDateTime(r.lastAccess)}</td><td>${localDateTime(r.completedAt)}</td>
    <td class="num">${r.attempts ? formatDuration(r.totalSeconds) : ''}</td>
  </tr>`,
  )}
  </tbody>
</table></div>`;
}

function filterForm(
  action: string,
  filter: RecordFilter,
  options: { modules?: { id: string; title: string }[]; groups: string[]; statuses: boolean },
): Html {
  const opt = (value: string, label: string, current?: string) =>
    html`<option value="${value}"${value === (current ?? '') ? html` selected` : ''}>${label}</option>`;
  return html`<form method="get" action="${action}" class="filters" aria-label="Filter the records">
  ${
    options.modules
      ? html`<div class="form-group"><label class="label" for="f-module">Module</label>
    <select class="select" id="f-module" name="module">${opt('', 'All modules', filter.module)}${options.modules.map((m) => opt(m.id, m.title, filter.module))}</select></div>`
      : ''
  }
  ${
    options.statuses
      ? html`<div class="form-group"><label class="label" for="f-status">Status</label>
    <select class="select" id="f-status" name="status">${opt('', 'Any status', filter.status)}${RECORD_STATUSES.map((s) => opt(s, statusLabel(s), filter.status))}</select></div>`
      : ''
  }
  <div class="form-group"><label class="label" for="f-group">Staff group</label>
    <select class="select" id="f-group" name="group">${opt('', 'All staff groups', filter.group)}${options.groups.map((g) => opt(g, g, filter.group))}</select></div>
  <div class="form-group"><label class="label" for="f-nation">Nation</label>
    <div class="hint" id="f-nation-hint">As the learner chose in the module</div>
    <select class="select" id="f-nation" name="nation" aria-describedby="f-nation-hint">${opt('', 'All nations', filter.nation)}${NATIONS.map((n) => opt(n, NATION_LABELS[n], filter.nation))}</select></div>
  <div class="form-group"><label class="label" for="f-staff">Profession</label>
    <div class="hint" id="f-staff-hint">As the learner chose in the module</div>
    <select class="select" id="f-staff" name="staff" aria-describedby="f-staff-hint">${opt('', 'All professions', filter.staff)}${GROUPS.map((g) => opt(g, GROUP_LABELS[g], filter.staff))}</select></div>
  <div class="form-group"><label class="label" for="f-from">From</label><input class="input input--date" id="f-from" name="from" type="date" value="${filter.from ?? ''}"></div>
  <div class="form-group"><label class="label" for="f-to">To</label><input class="input input--date" id="f-to" name="to" type="date" value="${filter.to ?? ''}"></div>
  ${
    options.statuses
      ? html`<div class="form-group"><label class="label" for="f-dates">Dates are</label>
    <select class="select" id="f-dates" name="dates">${opt('completed', 'Completion date', filter.dateField)}${opt('accessed', 'Last access', filter.dateField)}</select></div>`
      : ''
  }
  <div class="form-group form-group--button"><button class="button button--secondary" type="submit">Filter</button></div>
</form>`;
}

export function recordsPage(
  ctx: PageContext,
  rows: readonly RecordRow[],
  filter: RecordFilter,
  options: { modules: { id: string; title: string }[]; groups: string[]; query: string },
): string {
  return layout(
    ctx,
    'Records',
    html`
<h1>Training records</h1>
<p>One row for each learner and module. A passed attempt counts even if a later attempt failed.</p>
${filterForm('/hr/records', filter, { modules: options.modules, groups: options.groups, statuses: true })}
<p class="records__meta"><span id="record-count">${rows.length} ${rows.length === 1 ? 'row' : 'rows'}</span>.
  Download these rows: <a href="/hr/records.xlsx${options.query ? `?${options.query}` : ''}" download>Excel workbook (.xlsx)</a>
  or <a href="/hr/records.csv${options.query ? `?${options.query}` : ''}" download>CSV, for other tools</a>.</p>
${options.modules.length ? html`<p>Module reports: ${options.modules.map((m, i) => html`${i ? ', ' : ''}<a href="/hr/modules/${m.id}">${m.title}</a>`)}.</p>` : ''}
${recordTable(rows, true)}`,
    { wide: true },
  );
}

const pct = (v: number | null) => (v === null ? 'no one has finished yet' : `${Math.round(v * 100)}%`);
const TONE: Record<Rating, string> = { best: 'best', acceptable: 'acceptable', wrong: 'wrong' };

export function modulePage(
  ctx: PageContext,
  module: { id: string; title: string; version: string },
  stats: ModuleStats,
  filter: RecordFilter,
  groups: string[],
  packages: string[],
): string {
  const points = cumulative(stats.completions);
  return layout(
    ctx,
    module.title,
    html`
<p><a href="/hr/records?module=${module.id}">Back to records for this module</a></p>
<h1>${module.title}</h1>
${filterForm(`/hr/modules/${module.id}`, filter, { groups, statuses: false })}
<dl class="stats">
  <div><dt>Learners</dt><dd id="stat-learners">${stats.learners}</dd></div>
  <div><dt>Started</dt><dd id="stat-started">${stats.started}</dd></div>
  <div><dt>In progress</dt><dd>${stats.inProgress}</dd></div>
  <div><dt>Finished</dt><dd id="stat-finished">${stats.finished}</dd></div>
  <div><dt>Passed</dt><dd id="stat-passed">${stats.passed}</dd></div>
  <div><dt>Failed</dt><dd id="stat-failed">${stats.failed}</dd></div>
</dl>
<h2>Pass rate</h2>
${
  stats.learners
    ? html`<ul class="rates">
  <li id="passed-of-assigned">Passed: <strong>${pct(stats.passedOfAssigned)}</strong> of everyone assigned (${stats.passed} of ${stats.learners}).</li>
  <li id="finished-of-assigned">Finished: <strong>${pct(stats.finishedOfAssigned)}</strong> of everyone assigned (${stats.finished} of ${stats.learners}).</li>
  <li id="pass-rate">Of those who finished with a mark, ${stats.passRate === null ? 'none yet' : html`<strong>${pct(stats.passRate)}</strong> passed (${stats.passed} of ${stats.passed + stats.failed})`}.</li>
</ul>`
    : html`<p id="pass-rate">No one is assigned this module in this view.</p>`
}
${passRateBar(stats.passed, stats.failed)}
<h2>Completion over time</h2>
${
  points.length
    ? html`${completionChart(points, `Learners who have finished ${module.title}, and who have passed, by date`)}
<details class="details"><summary>Show the numbers</summary>
<table class="table"><thead><tr><th scope="col">Date</th><th scope="col" class="num">Passed</th><th scope="col" class="num">Failed</th><th scope="col" class="num">Completed</th></tr></thead>
<tbody>${stats.completions.map((c) => html`<tr><td>${ukDate(c.date, true)}</td><td class="num">${c.passed}</td><td class="num">${c.failed}</td><td class="num">${c.completed}</td></tr>`)}</tbody></table>
</details>`
    : html`<p>No one has finished this module yet.</p>`
}
<h2>Choices picked in each scenario</h2>
<p>How often each choice was picked, counting every recorded decision in every attempt. This shows where staff need more support.</p>
${stats.unmatched ? html`<p id="unmatched">${stats.unmatched} recorded ${stats.unmatched === 1 ? 'decision names a scenario' : 'decisions name scenarios'} that the module version taken does not have. They are not counted here.</p>` : ''}
${stats.scenarios.map(
  (s) => html`<section class="scenario-stats" data-scenario="${s.id}">
  <h3>${s.title}</h3>
  ${s.question ? html`<p class="hint">${s.question}${s.select === 'many' ? ' (learners pick every item that applies)' : ''}</p>` : ''}
  <table class="table table--choices">
    <caption class="visually-hidden">Choices in ${s.title}: ${s.answered} decisions</caption>
    <thead><tr><th scope="col">Choice</th><th scope="col">Rating</th><th scope="col" class="num">Picked</th><th scope="col" class="num">Share</th><th scope="col"><span class="visually-hidden">Chart</span></th></tr></thead>
    <tbody>${s.choices.map(
      (c) => html`<tr data-choice="${c.responseId}">
      <td>${c.label}</td><td>${c.rating ? html`<span class="tag tag--${c.rating}">${RATING_LABEL[c.rating]}</span>` : ''}</td>
      <td class="num">${c.count}</td><td class="num">${s.answered ? `${Math.round((c.count / s.answered) * 100)}%` : ''}</td>
      <td>${bar(s.answered ? c.count / s.answered : 0, c.rating ? TONE[c.rating] : 'unknown')}</td>
    </tr>`,
    )}</tbody>
  </table>
  <p class="hint">${s.answered} ${s.answered === 1 ? 'decision' : 'decisions'}.</p>
</section>`,
)}
${packages.length ? html`<h2>Packages for another LMS</h2><p>The same module for Moodle, Totara or ESR: ${packages.map((p, i) => html`${i ? ', ' : ''}<a href="/hr/packages/${p}" download>${p}</a>`)}.</p>` : ''}`,
    { wide: true },
  );
}

export interface CreatedAccount {
  name: string;
  login: string;
  password: string;
}

/** Which modules learners are offered, and in which SCORM version: one small form per module. */
export function moduleSettingsPage(
  ctx: PageContext,
  modules: readonly { id: string; title: string; version: string; live: boolean; scormVersion: string }[],
  opts: { notice?: string },
): string {
  return layout(
    ctx,
    'Modules',
    html`
<h1>Modules</h1>
${opts.notice ? html`<p class="inset" role="status" id="notice">${opts.notice}</p>` : ''}
<p>A live module is offered to every learner and has a row for each of them in the records. Learners who took a module that is no longer live can still review it. The SCORM version applies to new attempts; an attempt under way keeps its own.</p>
${modules.length === 0 ? html`<p>No modules are built yet.</p>` : ''}
${modules.map(
  (m) => html`<form method="post" action="/admin/modules/${m.id}" class="panel module-setting" data-module="${m.id}">
  ${csrfField(ctx)}
  <h2>${m.title} <span class="hint">(version ${m.version})</span></h2>
  <div class="form-group"><div class="checkbox"><input type="checkbox" id="live-${m.id}" name="live" value="1"${m.live ? html` checked` : ''}><label for="live-${m.id}">Offer ${m.title} to every learner</label></div></div>
  <div class="form-group"><label class="label" for="scorm-${m.id}">SCORM version for ${m.title}</label>
    <select class="select" id="scorm-${m.id}" name="scorm_version">${(['2004', '1.2'] as const).map((v) => html`<option value="${v}"${v === m.scormVersion ? html` selected` : ''}>SCORM ${v}</option>`)}</select></div>
  <button class="button button--secondary" type="submit">Save<span class="visually-hidden"> ${m.title}</span></button>
</form>`,
)}`,
  );
}

/** The audit log a page at a time, with links to the pages either side and the whole log as CSV. */
export function auditLogPage(
  ctx: PageContext,
  log: { entries: readonly AuditEntry[]; page: number; pages: number; total: number },
): string {
  const link = (page: number, label: string) => html`<a href="/admin/audit?page=${page}">${label}</a>`;
  return layout(
    ctx,
    log.page > 1 ? `Audit log, page ${log.page}` : 'Audit log',
    html`
<p><a href="/admin/users">Back to users</a></p>
<h1>Audit log</h1>
<p>Sign-ins, changes to people and modules, exports, and HR views of a learner's record: ${log.total} ${log.total === 1 ? 'entry' : 'entries'}, newest first. <a href="/admin/audit.csv" download>Download the whole log as CSV</a>.</p>
<div class="table-scroll"><table class="table" id="audit">
<caption class="visually-hidden">Page ${log.page} of ${log.pages}</caption>
<thead><tr><th scope="col">Date and time</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Detail</th></tr></thead>
<tbody>${log.entries.map((a) => html`<tr><td>${localDateTime(a.at)}</td><td>${a.actor ?? 'System'}${a.actorLogin ? html` <span class="hint">(${a.actorLogin})</span>` : ''}</td><td>${a.action}</td><td>${a.detail}</td></tr>`)}</tbody>
</table></div>
<nav class="pager" aria-label="Audit log pages">
  <p>Page ${log.page} of ${log.pages}.
  ${log.page > 1 ? html`${link(log.page - 1, 'Newer entries')}` : ''}
  ${log.page < log.pages ? html`${link(log.page + 1, 'Older entries')}` : ''}</p>
</nav>`,
    { wide: true },
  );
}

/** An import under way (its count so far), or finished (with its temporary passwords, this once). */
export function importPage(ctx: PageContext, job: ImportJob, created: readonly CreatedAccount[]): string {
  const done = !!job.finishedAt;
  return layout(
    ctx,
    done ? 'Import finished' : 'Importing people',
    html`
<p><a href="/admin/users">Back to users</a></p>
<h1>${done ? 'Import finished' : 'Importing people'}</h1>
<p role="status" id="import-progress">${
      done
        ? `Imported: ${job.added} added, ${job.updated} updated.${job.error ? ` It stopped early: ${job.error}` : ''}`
        : `${job.added} of ${job.total} new people added so far; ${job.updated} already here were updated.`
    }</p>
${
  done
    ? ''
    : html`<progress class="progress" max="${job.total}" value="${job.added}" aria-labelledby="import-progress"></progress>
<p>Signing in is not slowed by an import. This page does not update by itself: <a href="/admin/imports/${job.id}">check progress</a>.</p>`
}
${created.length ? passwordTable(created) : done && job.added ? html`<p>The temporary passwords were shown once, when the import finished. Reset a password under Users if one was lost.</p>` : ''}`,
  );
}

function passwordTable(created: readonly CreatedAccount[]): Html {
  return html`<section class="panel" id="created">
  <h2>Temporary passwords</h2>
  <p>Give each person their password privately. It is shown only this once; they choose their own when they first sign in.</p>
  <table class="table"><thead><tr><th scope="col">Name</th><th scope="col">Signs in with</th><th scope="col">Temporary password</th></tr></thead>
  <tbody>${created.map((c) => html`<tr><td>${c.name}</td><td>${c.login}</td><td><code class="password" data-login="${c.login}">${c.password}</code></td></tr>`)}</tbody></table>
</section>`;
}

export function usersPage(
  ctx: PageContext,
  users: readonly User[],
  audit: readonly { at: string; actor: string | null; action: string; detail: string }[],
  opts: { error?: string; notice?: string; created?: CreatedAccount[]; importErrors?: string[] } = {},
): string {
  const roleOptions = (current: Role) =>
    (['learner', 'hr', 'admin'] as const).map(
      (r) => html`<option value="${r}"${r === current ? html` selected` : ''}>${ROLE_LABEL[r]}</option>`,
    );
  return layout(
    ctx,
    'Users',
    html`
<h1>Users</h1>
${opts.notice ? html`<p class="inset" role="status" id="notice">${opts.notice}</p>` : ''}
${
  opts.error || opts.importErrors?.length
    ? html`<div class="error-summary" role="alert" tabindex="-1"><h2 class="error-summary__title">There is a problem</h2>
  ${opts.error ? html`<p>${opts.error}</p>` : ''}${opts.importErrors?.length ? html`<ul>${opts.importErrors.map((e) => html`<li>${e}</li>`)}</ul><p>Nothing was imported.</p>` : ''}</div>`
    : ''
}
${opts.created?.length ? passwordTable(opts.created) : ''}
<div class="columns">
<section class="panel">
  <h2>Add a person</h2>
  <form method="post" action="/admin/users" class="form" novalidate>
    ${csrfField(ctx)}
    <div class="form-group"><label class="label" for="u-name">Full name</label><input class="input" id="u-name" name="name" type="text" autocomplete="off" required></div>
    <div class="form-group"><label class="label" for="u-login">Email or staff number</label><input class="input" id="u-login" name="login" type="text" autocomplete="off" spellcheck="false" required></div>
    <div class="form-group"><label class="label" for="u-group">Staff group</label><p class="hint" id="u-group-hint">For example: Nursing and midwifery, Admin and clerical, Allied health professionals</p><input class="input" id="u-group" name="staff_group" type="text" aria-describedby="u-group-hint"></div>
    <div class="form-group"><label class="label" for="u-role">Role</label><select class="select" id="u-role" name="role">${roleOptions('learner')}</select></div>
    <div class="form-group"><label class="label" for="u-password">Temporary password (optional)</label><p class="hint" id="u-password-hint">Leave empty to generate one. They choose their own at first sign-in.</p><input class="input" id="u-password" name="password" type="text" autocomplete="off" aria-describedby="u-password-hint"></div>
    <button class="button" type="submit">Add person</button>
  </form>
</section>
<section class="panel">
  <h2>Import from a CSV file</h2>
  <p>A header row with <code>name</code>, <code>email</code> or <code>staff number</code>, and <code>staff group</code> (and optionally <code>role</code>). People already here keep their password; their name and staff group are updated. A large file is added in the background, which can take some minutes: you can watch its progress, and sign-ins are not slowed.</p>
  <form method="post" action="/admin/users/import" enctype="multipart/form-data" class="form">
    ${csrfField(ctx)}
    <div class="form-group"><label class="label" for="u-file">CSV file</label><input class="file" id="u-file" name="file" type="file" accept=".csv,text/csv" required></div>
    <button class="button button--secondary" type="submit">Import</button>
  </form>
</section>
</div>
<h2>Everyone</h2>
<div class="table-scroll"><table class="table" id="users">
<thead><tr><th scope="col">Name</th><th scope="col">Signs in with</th><th scope="col">Staff group</th><th scope="col">Role</th><th scope="col">Last sign-in</th><th scope="col">Actions</th></tr></thead>
<tbody>${users.map(
      (u) => html`<tr data-login="${u.login}"${u.active ? '' : html` class="inactive"`}>
  <td>${u.name}${u.active ? '' : ' (deactivated)'}</td><td>${u.login}</td><td>${u.staff_group}</td>
  <td><form method="post" action="/admin/users/${u.id}/role" class="inline-form">${csrfField(ctx)}<label class="visually-hidden" for="role-${u.id}">Role of ${u.name}</label><select class="select select--small" id="role-${u.id}" name="role">${roleOptions(u.role)}</select> <button class="button button--small button--secondary" type="submit">Change<span class="visually-hidden"> role of ${u.name}</span></button></form></td>
  <td>${localDateTime(u.last_sign_in_at) || 'Never'}</td>
  <td class="actions">
    <form method="post" action="/admin/users/${u.id}/password" class="inline-form">${csrfField(ctx)}<button class="button button--small button--secondary" type="submit">Reset password<span class="visually-hidden"> for ${u.name}</span></button></form>
    ${u.id !== ctx.user?.id ? html`<form method="post" action="/admin/users/${u.id}/active" class="inline-form">${csrfField(ctx)}<input type="hidden" name="active" value="${u.active ? '0' : '1'}"><button class="button button--small button--secondary" type="submit">${u.active ? 'Deactivate' : 'Reactivate'}<span class="visually-hidden"> ${u.name}</span></button></form>` : ''}
  </td>
</tr>`,
    )}</tbody></table></div>
<h2>Recent changes</h2>
${audit.length ? html`<ul class="audit">${audit.map((a) => html`<li>${localDateTime(a.at)}: ${a.actor ?? 'System'}: ${a.action}${a.detail ? ` (${a.detail})` : ''}</li>`)}</ul>` : html`<p>None yet.</p>`}
<p><a href="/admin/audit">See the whole audit log</a></p>`,
    { wide: true },
  );
}
