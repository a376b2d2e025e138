// The local LMS page: scorm-again provides the SCORM API to the module in the frame.
// Attempts are kept in this browser's local storage, so reloading resumes the attempt.
// Tests read window.lmsLog (every call with its result and error code) and window.lmsApi.
import { Scorm2004API } from '/vendor/scorm-again/scorm2004.js';
import { Scorm12API } from '/vendor/scorm-again/scorm12.js';

const params = new URLSearchParams(location.search);
const version = params.get('version') === '1.2' ? '1.2' : '2004';
const modules = await fetch('/api/modules').then((r) => r.json());
const moduleId = params.get('module') ?? modules[0]?.id;
const learnerName = params.get('learner') ?? 'Sam Taylor';
const key = `frontline-lms:${moduleId}:${version}`;
const status = document.getElementById('status');

const moduleSelect = document.getElementById('module');
for (const m of modules) moduleSelect.add(new Option(`${m.title} (${m.version})`, m.id, false, m.id === moduleId));
document.getElementById('version').value = version;
document.getElementById('reset').addEventListener('click', () => {
  localStorage.removeItem(key);
  location.reload();
});

const v12 = version === '1.2';
const names = v12
  ? { init: 'LMSInitialize', term: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', err: 'LMSGetLastError', str: 'LMSGetErrorString', diag: 'LMSGetDiagnostic' }
  : { init: 'Initialize', term: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', err: 'GetLastError', str: 'GetErrorString', diag: 'GetDiagnostic' };
const el = v12
  ? { entry: 'cmi.core.entry', exit: 'cmi.core.exit', name: 'cmi.core.student_name', id: 'cmi.core.student_id', mode: 'cmi.core.lesson_mode' }
  : { entry: 'cmi.entry', exit: 'cmi.exit', name: 'cmi.learner_name', id: 'cmi.learner_id', mode: 'cmi.mode' };

const settings = { autocommit: false, mastery_override: false, logLevel: 5, lmsCommitUrl: false };
const api = v12 ? new Scorm12API(settings) : new Scorm2004API(settings);

// Resume a suspended attempt; a finished one starts a new attempt (or is reviewed with mode=review).
let saved = null;
try { saved = JSON.parse(localStorage.getItem(key) ?? 'null'); } catch { saved = null; }
const mode = params.get('mode') ?? 'normal';
const suspended = saved && saved[el.exit] === 'suspend';
if (saved && (suspended || mode !== 'normal' || params.get('attempt') === 'same')) {
  const data = { ...saved };
  data[el.entry] = suspended ? 'resume' : '';
  delete data[el.exit];
  delete data[v12 ? 'cmi.core.session_time' : 'cmi.session_time'];
  api.loadFromFlattenedJSON(data);
} else {
  localStorage.removeItem(key);
  api.loadFromFlattenedJSON({ [el.entry]: 'ab-initio' });
}
api.loadFromFlattenedJSON({ [el.name]: learnerName, [el.id]: 'learner-1', [el.mode]: mode });

const log = [];
window.lmsLog = log;
window.lmsApi = api;
window.lmsVersion = version;
const persist = () => localStorage.setItem(key, JSON.stringify(api.getFlattenedCMI()));
const wrapped = {};
for (const [role, fn] of Object.entries(names)) {
  wrapped[fn] = (...args) => {
    const result = api[fn](...args);
    if (role === 'err' || role === 'str' || role === 'diag') return result;
    const error = String(api[names.err]());
    log.push({ fn, args, result: String(result), error });
    if ((role === 'commit' || role === 'term') && String(result) === 'true') {
      persist();
      showStatus();
    }
    return result;
  };
}
if (v12) window.API = wrapped;
else window.API_1484_11 = wrapped;

function showStatus() {
  const flat = api.getFlattenedCMI();
  const parts = v12
    ? [`status ${flat['cmi.core.lesson_status']}`, `score ${flat['cmi.core.score.raw'] || '-'}`]
    : [`completion ${flat['cmi.completion_status']}`, `success ${flat['cmi.success_status']}`, `score ${flat['cmi.score.raw'] || '-'}`];
  status.textContent = `Saved to the LMS: ${parts.join(', ')}`;
}

const frame = document.getElementById('sco');
frame.title = modules.find((m) => m.id === moduleId)?.title ?? 'Training module';
frame.src = `/content/${encodeURIComponent(moduleId)}/index.html${params.has('debug') ? '?debug' : ''}`;
