// The LMS inspector beside the module in the dev preview: every API call with its value,
// result and error code; the current cmi data; the resume data's size; and buttons to
// reset the attempt, leave and resume, or jump to any scenario.
import type { ScormVersion } from '../../src/core/scorm-names.js';

const LIMIT_12 = 4096;

/** One API call as the player logged it. */
export interface Call {
  fn: string;
  args: string[];
  result: string;
  error: string;
}

/** A built module, as /api/modules lists it. */
export interface ModuleInfo {
  id: string;
  title: string;
  version: string;
  passMark?: number;
  scenarios?: { id: string; title: string }[];
  /** Content warnings as file:line:col: message (the dev preview only). */
  warnings?: string[];
}

export interface InspectorOptions {
  api: { getFlattenedCMI(): object };
  version: ScormVersion;
  log: Call[];
  module: ModuleInfo | undefined;
  key: string;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** A SetValue the LMS answered with false: the value it refused and why. */
function refusedWrites(log: readonly Call[]): Call[] {
  return log.filter((c) => /SetValue$/.test(c.fn) && c.result !== 'true');
}

/** The content's warnings, which the dev preview otherwise prints only in the terminal. */
function contentWarnings(warnings: string[] | undefined): HTMLElement[] {
  if (!warnings) return [];
  const list = el('ul', { className: 'inspector__warnings' }, ...warnings.map((w) => el('li', { textContent: w })));
  return [
    el('h3', { textContent: `Content warnings (${warnings.length})` }),
    warnings.length ? list : el('p', { textContent: 'None.' }),
  ];
}

/** Opens the player page again: with `jump`, at that scenario (recording nothing); without, resuming. */
function reopen(jump?: string): void {
  const url = new URL(location.href);
  if (jump) url.searchParams.set('jump', jump);
  else url.searchParams.delete('jump');
  location.href = url.href;
}

/** Reset attempt (this learner's LMS data and journals gone) and Leave and resume. */
function attemptButtons(key: string): HTMLElement {
  const reset = el('button', { type: 'button', textContent: 'Reset attempt' });
  const resume = el('button', { type: 'button', textContent: 'Leave and resume' });
  reset.addEventListener('click', () => {
    localStorage.removeItem(key);
    for (const k of Object.keys(localStorage)) if (k.startsWith('frontline:journal:')) localStorage.removeItem(k);
    reopen();
  });
  // Reloading the page makes the module exit (pagehide) and the LMS resume the attempt.
  resume.addEventListener('click', () => reopen());
  return el('div', { className: 'inspector__buttons' }, reset, resume);
}

/** A scenario to open directly, and its button. */
function jumpControls(module: InspectorOptions['module']): HTMLElement[] {
  const jump = el(
    'select',
    { id: 'inspector-jump' },
    ...(module?.scenarios ?? []).map((s) => new Option(`${s.id}: ${s.title}`, s.id)),
  );
  const go = el('button', { type: 'button', textContent: 'Open scenario' });
  go.addEventListener('click', () => reopen(jump.value));
  return [
    el('label', { htmlFor: 'inspector-jump', textContent: 'Jump to a scenario (answers are not recorded)' }),
    el('div', { className: 'inspector__buttons' }, jump, go),
  ];
}

/** The parts of the panel that follow the LMS: filled in by showState. */
interface LiveParts {
  suspend: HTMLElement;
  calls: HTMLElement;
  refused: HTMLElement;
  cmi: HTMLElement;
}

function callsTable(calls: HTMLElement): HTMLElement {
  const head = ['Call', 'Element', 'Value', 'Returned', 'Error'].map((t) => el('th', { scope: 'col', textContent: t }));
  return el('table', { className: 'inspector__calls' }, el('thead', {}, el('tr', {}, ...head)), calls);
}

/** The LMS's data, the values it refused and the newest 200 calls, as they are now. */
function showState({ suspend, calls, refused, cmi }: LiveParts, api: InspectorOptions['api'], log: Call[]): void {
  const flat = api.getFlattenedCMI() as Record<string, unknown>;
  const refusals = refusedWrites(log);
  refused.replaceChildren(
    ...(refusals.length
      ? refusals.map((c) => el('li', { textContent: `${c.args[0]} = ${JSON.stringify(c.args[1])}: error ${c.error}` }))
      : [el('li', { textContent: 'None' })]),
  );
  const data = String(flat['cmi.suspend_data'] ?? '');
  suspend.textContent = `suspend_data: ${data.length} of ${LIMIT_12.toLocaleString('en-GB')} characters (the SCORM 1.2 limit)`;
  suspend.classList.toggle('inspector__suspend--over', data.length > LIMIT_12);
  cmi.replaceChildren(
    ...Object.entries(flat)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
      .flatMap(([k, v]) => [el('dt', { textContent: k }), el('dd', { textContent: v })]),
  );
  calls.replaceChildren(
    ...log
      .slice(-200)
      .reverse()
      .map((c) =>
        el(
          'tr',
          { className: c.error !== '0' ? 'inspector__error' : '' },
          ...[c.fn, c.args[0] ?? '', c.args[1] ?? '', c.result, c.error].map((text) => el('td', { textContent: text })),
        ),
      ),
  );
}

export function mountInspector({ api, version, log, module, key }: InspectorOptions): void {
  document.body.classList.add('with-inspector');
  const live: LiveParts = {
    suspend: el('p', { className: 'inspector__suspend' }),
    calls: el('tbody'),
    refused: el('ul', { className: 'inspector__refused' }),
    cmi: el('dl', { className: 'inspector__cmi' }),
  };
  const panel = el(
    'aside',
    { className: 'inspector', ariaLabel: 'LMS inspector' },
    el('h2', { textContent: `LMS inspector (SCORM ${version})` }),
    ...contentWarnings(module?.warnings),
    live.suspend,
    attemptButtons(key),
    ...jumpControls(module),
    el('h3', { textContent: 'Values the LMS refused' }),
    live.refused,
    el('h3', { textContent: 'Current cmi data' }),
    live.cmi,
    el('h3', { textContent: 'API calls, newest first' }),
    callsTable(live.calls),
  );
  document.querySelector('.lms-main')!.append(panel);

  let pending = false;
  window.addEventListener('lms-call', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      showState(live, api, log);
    });
  });
  showState(live, api, log);
}
