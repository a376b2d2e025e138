// The local LMS page: scorm-again provides the SCORM API to the module in the frame.
// Attempts are kept in this browser's local storage, so reloading resumes the attempt.
// Tests read window.lmsLog (every call with its result and error code) and window.lmsApi.
//
// Fault profiles (?profile=a,b) imitate real LMSs for the reliability tests:
//   strict         every value is checked by scorm/strict.ts; a bad one is refused with error 406
//   commit-false   Commit returns "false" (error 391) until window.lmsRecover() is called
//   commit-throws  Commit throws until window.lmsRecover()
//   empty          Commit and GetValue return "" / null until window.lmsRecover()
//   vanish         after window.lmsVanish() every call throws, as when the LMS frame has gone
//   slow           every call takes 2 seconds (?delay=ms to change)
//   opener         the module opens in a new window and finds the API through window.opener
//   deep           the module is three frames below the API
//   cross-origin   a frame from another origin sits between the module and the API
//   none           no API at all: the module runs standalone
import { Scorm2004API } from '/vendor/scorm-again/scorm2004.js';
import { Scorm12API } from '/vendor/scorm-again/scorm12.js';
import { checkValue } from '/player/strict.js';

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
  ? {
      init: 'LMSInitialize',
      term: 'LMSFinish',
      get: 'LMSGetValue',
      set: 'LMSSetValue',
      commit: 'LMSCommit',
      err: 'LMSGetLastError',
      str: 'LMSGetErrorString',
      diag: 'LMSGetDiagnostic',
    }
  : {
      init: 'Initialize',
      term: 'Terminate',
      get: 'GetValue',
      set: 'SetValue',
      commit: 'Commit',
      err: 'GetLastError',
      str: 'GetErrorString',
      diag: 'GetDiagnostic',
    };
const el = v12
  ? {
      entry: 'cmi.core.entry',
      exit: 'cmi.core.exit',
      name: 'cmi.core.student_name',
      id: 'cmi.core.student_id',
      mode: 'cmi.core.lesson_mode',
    }
  : { entry: 'cmi.entry', exit: 'cmi.exit', name: 'cmi.learner_name', id: 'cmi.learner_id', mode: 'cmi.mode' };

const settings = { autocommit: false, mastery_override: false, logLevel: 5, lmsCommitUrl: false };
const api = v12 ? new Scorm12API(settings) : new Scorm2004API(settings);

// Resume a suspended attempt; a finished one starts a new attempt (or is reviewed with mode=review).
let saved;
try {
  saved = JSON.parse(localStorage.getItem(key) ?? 'null');
} catch {
  saved = null;
}
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

const profiles = new Set((params.get('profile') ?? '').split(',').filter(Boolean));
const delay = Number(params.get('delay') ?? 2000);
let faulty = true;
let vanished = false;
window.lmsRecover = () => {
  faulty = false;
};
window.lmsVanish = () => {
  vanished = true;
};

const log = [];
window.lmsLog = log;
window.lmsApi = api;
window.lmsVersion = version;
window.lmsViolations = [];
const persist = () => localStorage.setItem(key, JSON.stringify(api.getFlattenedCMI()));
let forcedError = null;
let terminated = false;
const wrapped = {};
for (const [role, fn] of Object.entries(names)) {
  wrapped[fn] = (...args) => {
    if (vanished) throw new Error('The learning system has gone away');
    if (role === 'err') return forcedError ?? api[fn](...args);
    if (role === 'str' || role === 'diag') return api[fn](...args);
    if (profiles.has('slow')) {
      const until = Date.now() + delay;
      while (Date.now() < until) {
        /* a slow LMS blocks the caller */
      }
    }
    forcedError = null;
    let result;
    if (faulty && role === 'commit' && profiles.has('commit-throws')) {
      log.push({ fn, args, result: 'exception', error: 'exception' });
      throw new Error('Commit failed inside the learning system');
    } else if (faulty && role === 'commit' && profiles.has('commit-false')) {
      result = 'false';
      forcedError = '391';
    } else if (faulty && role === 'commit' && profiles.has('empty')) {
      result = null;
    } else if (faulty && role === 'get' && profiles.has('empty')) {
      result = '';
    } else if (role === 'set' && profiles.has('strict') && checkValue(version, args[0], args[1])) {
      window.lmsViolations.push(checkValue(version, args[0], args[1]));
      result = 'false';
      forcedError = '406';
    } else {
      result = api[fn](...args);
    }
    const error = forcedError ?? String(api[names.err]());
    log.push({ fn, args, result: String(result), error });
    if (role === 'term') terminated = true;
    if ((role === 'commit' || role === 'term') && String(result) === 'true') {
      persist();
      showStatus();
    }
    window.dispatchEvent(new CustomEvent('lms-call'));
    return result;
  };
}
if (!profiles.has('none')) {
  if (v12) window.API = wrapped;
  else window.API_1484_11 = wrapped;
}

function showStatus() {
  const flat = api.getFlattenedCMI();
  const parts = v12
    ? [`status ${flat['cmi.core.lesson_status']}`, `score ${flat['cmi.core.score.raw'] || '-'}`]
    : [
        `completion ${flat['cmi.completion_status']}`,
        `success ${flat['cmi.success_status']}`,
        `score ${flat['cmi.score.raw'] || '-'}`,
      ];
  status.textContent = `Saved to the LMS: ${parts.join(', ')}`;
}

const frame = document.getElementById('sco');
frame.title = modules.find((m) => m.id === moduleId)?.title ?? 'Training module';
const scoBase = params.get('sco')?.startsWith('/')
  ? params.get('sco')
  : `/content/${encodeURIComponent(moduleId)}/index.html`;
const scoQuery = new URLSearchParams();
if (params.has('debug')) scoQuery.set('debug', '');
if (params.get('jump')) scoQuery.set('jump', params.get('jump'));
const scoUrl = `${scoBase}${[...scoQuery].length ? `?${scoQuery}` : ''}`;
if (profiles.has('opener')) {
  // The module opens in its own window, as some LMSs launch it; it finds the API through window.opener.
  frame.remove();
  const button = document.createElement('button');
  button.id = 'open-module';
  button.textContent = 'Open the module in a new window';
  button.addEventListener('click', () => {
    window.lmsWindow = window.open(scoUrl, 'sco');
  });
  document.querySelector('.lms-main').append(button);
} else if (profiles.has('deep')) {
  frame.src = `/player/frame.html?depth=2&src=${encodeURIComponent(scoUrl)}`;
} else if (profiles.has('cross-origin')) {
  // The middle frame comes from another origin (localhost vs 127.0.0.1), so the module cannot read it.
  const other = new URL(location.href);
  other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  frame.src = `${other.origin}/player/frame.html?depth=0&src=${encodeURIComponent(new URL(scoUrl, location.href).href)}`;
} else {
  frame.src = scoUrl;
  // When the module reloads itself (the dev server after an edit, or the learner), it has
  // ended its session with this API: reload the whole page so the LMS resumes the attempt.
  let loads = 0;
  frame.addEventListener('load', () => {
    if (++loads > 1 && terminated) location.reload();
  });
}

if (params.has('inspector')) {
  const { mountInspector } = await import('/player/inspector.js');
  mountInspector({ api, version, log, module: modules.find((m) => m.id === moduleId), key });
}
