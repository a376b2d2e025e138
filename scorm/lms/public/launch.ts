// The launch page: scorm-again provides the SCORM API to the module in the frame, and every
// Commit goes to the LMS server as a synchronous request (so the module learns whether its
// data was saved). The attempt's stored data and the settings come in a JSON block from the
// server: there is no inline script, so the page runs under a strict CSP.
import { Scorm12API, Scorm2004API } from '../../scorm-again.js';
import { API_GLOBAL, METHODS, type ScormVersion } from '../../../src/core/scorm-names.js';

interface LaunchConfig {
  version: ScormVersion;
  mode: 'normal' | 'review';
  cmi: Record<string, string>;
  commitUrl?: string;
  csrf: string;
  scoUrl: string;
}
type ApiFunction = (...args: unknown[]) => unknown;

const config = JSON.parse(document.getElementById('launch-config')!.textContent ?? '{}') as LaunchConfig;
const v12 = config.version === '1.2';
const status = document.getElementById('lms-status')!;

const settings = {
  autocommit: false,
  logLevel: 5,
  mastery_override: false,
  lmsCommitUrl: config.commitUrl ?? false,
  dataCommitFormat: 'flattened',
  xhrHeaders: { 'x-csrf-token': config.csrf },
  includeCommitSequence: true,
  // scorm-again sends the commit made by Terminate as a beacon, which cannot carry headers:
  // that one carries the CSRF token in its body instead.
  requestHandler: (commit: object, meta?: { isTerminateCommit?: boolean }) =>
    meta?.isTerminateCommit ? { ...commit, _csrf: config.csrf } : commit,
  // The server says why a commit was refused; a window that another one has replaced is told so
  // plainly. Commits are synchronous XHRs (xhrResponseHandler); the one at Terminate is a fetch.
  xhrResponseHandler: (xhr: XMLHttpRequest) => judge(xhr.status, xhr.responseText),
  responseHandler: async (response: Response) => judge(response.status, await response.text().catch(() => '')),
};
// The settings are scorm-again's; its declarations type them narrowly, so they go in as its own.
const api = v12
  ? new Scorm12API(settings as ConstructorParameters<typeof Scorm12API>[0])
  : new Scorm2004API(settings as ConstructorParameters<typeof Scorm2004API>[0]);
api.loadFromFlattenedJSON(config.cmi as never);
const calls = api as unknown as Record<string, ApiFunction>;

const methods = METHODS[config.version];
const names = Object.values(methods);
const { term, commit, error: lastError } = methods;
const log: { fn: string; args: unknown[]; result: string; error: string }[] = [];
const win = window as unknown as Record<string, unknown>;
win.lmsApi = api;
win.lmsLog = log;
let terminated = false;

/** The server's answer as scorm-again wants it, noticing a superseded window on the way. */
function judge(status: number, text: string): { result: boolean; errorCode: number } {
  let body: { reason?: string; result?: boolean; errorCode?: unknown } | null = null;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: judged by the status */
  }
  if (body && body.reason === 'superseded') superseded();
  if (body && typeof body.result === 'boolean') return { result: body.result, errorCode: Number(body.errorCode) || 0 };
  const ok = status >= 200 && status <= 299;
  return { result: ok, errorCode: ok ? 0 : 101 };
}

let replaced = false;
function show(text: string) {
  if (!replaced) status.textContent = text;
}

/** Another window opened this attempt later: this one cannot save, but the learner can carry on here. */
function superseded() {
  if (replaced) return;
  replaced = true;
  status.textContent = 'This module was opened in another window, so nothing more is saved here. ';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launch__continue';
  button.textContent = 'Continue here instead';
  // Reopening this launch gives this window a new session of the attempt, from what was last saved.
  button.addEventListener('click', () => location.reload());
  status.append(button);
  button.focus();
}
const time = () => new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
if (config.mode === 'review') show('Review: nothing you do here is recorded.');

const wrapped: Record<string, ApiFunction> = {};
for (const fn of names) {
  wrapped[fn] = (...args) => {
    const result = calls[fn]!(...args);
    if (fn === lastError || fn === methods.errorString || fn === methods.diagnostic) return result;
    const error = String(calls[lastError]!());
    log.push({ fn, args, result: String(result), error });
    if (config.mode === 'normal' && fn === commit) {
      show(
        String(result) === 'true'
          ? `Saved at ${time()}`
          : `Not saved: the learning system did not accept the data (error ${error}).`,
      );
    }
    if (fn === term && String(result) === 'true') {
      terminated = true;
      if (config.mode === 'normal') show('You have left the module. Your progress is saved.');
    }
    window.dispatchEvent(new CustomEvent('lms-call', { detail: { fn } }));
    return result;
  };
}
win[API_GLOBAL[config.version]] = wrapped;

const frame = document.getElementById('sco') as HTMLIFrameElement;
frame.src = config.scoUrl;
// When the module reloads itself after ending its session, reload the page so the LMS
// starts a new session of the same attempt and the module resumes.
let loads = 0;
frame.addEventListener('load', () => {
  if (++loads > 1 && terminated) location.reload();
});
