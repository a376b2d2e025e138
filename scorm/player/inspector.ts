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

export function mountInspector({ api, version, log, module, key }: InspectorOptions): void {
  document.body.classList.add('with-inspector');
  const suspend = el('p', { className: 'inspector__suspend' });
  const calls = el('tbody');
  const refused = el('ul', { className: 'inspector__refused' });
  const cmi = el('dl', { className: 'inspector__cmi' });
  const jump = el(
    'select',
    { id: 'inspector-jump' },
    ...(module?.scenarios ?? []).map((s) => new Option(`${s.id}: ${s.title}`, s.id)),
  );
  const reset = el('button', { type: 'button', textContent: 'Reset attempt' });
  const resume = el('button', { type: 'button', textContent: 'Leave and resume' });
  const go = el('button', { type: 'button', textContent: 'Open scenario' });
  reset.addEventListener('click', () => {
    localStorage.removeItem(key);
    for (const k of Object.keys(localStorage)) if (k.startsWith('frontline:journal:')) localStorage.removeItem(k);
    const url = new URL(location.href);
    url.searchParams.delete('jump');
    location.href = url.href;
  });
  // Reloading the page makes the module exit (pagehide) and the LMS resume the attempt.
  resume.addEventListener('click', () => {
    const url = new URL(location.href);
    url.searchParams.delete('jump');
    location.href = url.href;
  });
  go.addEventListener('click', () => {
    const url = new URL(location.href);
    url.searchParams.set('jump', jump.value);
    location.href = url.href;
  });
  const panel = el(
    'aside',
    { className: 'inspector', ariaLabel: 'LMS inspector' },
    el('h2', { textContent: `LMS inspector (SCORM ${version})` }),
    ...contentWarnings(module?.warnings),
    suspend,
    el('div', { className: 'inspector__buttons' }, reset, resume),
    el('label', { htmlFor: 'inspector-jump', textContent: 'Jump to a scenario (answers are not recorded)' }),
    el('div', { className: 'inspector__buttons' }, jump, go),
    el('h3', { textContent: 'Values the LMS refused' }),
    refused,
    el('h3', { textContent: 'Current cmi data' }),
    cmi,
    el('h3', { textContent: 'API calls, newest first' }),
    el(
      'table',
      { className: 'inspector__calls' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...['Call', 'Element', 'Value', 'Returned', 'Error'].map((t) => el('th', { scope: 'col', textContent: t })),
        ),
      ),
      calls,
    ),
  );
  document.querySelector('.lms-main')!.append(panel);

  let pending = false;
  const update = () => {
    pending = false;
    const flat = api.getFlattenedCMI() as Record<string, unknown>;
    const refusals = refusedWrites(log);
    refused.replaceChildren(
      ...(refusals.length
        ? refusals.map((c) =>
            el('li', { textContent: `${c.args[0]} = ${JSON.stringify(c.args[1])}: error ${c.error}` }),
          )
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
            el('td', { textContent: c.fn }),
            el('td', { textContent: c.args[0] ?? '' }),
            el('td', { textContent: c.args[1] ?? '' }),
            el('td', { textContent: c.result }),
            el('td', { textContent: c.error }),
          ),
        ),
    );
  };
  window.addEventListener('lms-call', () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(update);
    }
  });
  update();
}
