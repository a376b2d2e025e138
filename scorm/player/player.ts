// The local LMS page: scorm-again provides the SCORM API to the module in the frame.
// Attempts are kept in this browser's local storage, so reloading resumes the attempt.
// Tests read window.lmsLog (every call with its result and error code) and window.lmsApi.
//
// Fault profiles (?profile=a,b) imitate real LMSs for the reliability tests:
//   strict         every value is checked by scorm/strict.ts; a bad one is refused with error 406
//   moodle         Moodle 4.5 as measured (scorm/player/moodle.ts): prefilled write-once objectives,
//                  the strict checks, total time and 1.2's mastery score at Terminate, activity
//                  completion; window.lmsMoodle is the stored attempt. A reload of the module's
//                  frame keeps this API as it was, terminated or not, as Moodle's player does
//   commit-false   Commit returns "false" (error 391) until window.lmsRecover() is called
//   commit-throws  Commit throws until window.lmsRecover()
//   empty          Commit and GetValue return "" / null until window.lmsRecover()
//   vanish         after window.lmsVanish() every call throws, as when the LMS frame has gone
//   slow           every call takes 2 seconds (?delay=ms to change)
//   opener         the module opens in a new window and finds the API through window.opener
//   deep           the module is three frames below the API
//   cross-origin   a frame from another origin sits between the module and the API
//   none           no API at all: the module runs standalone
import { Scorm12API, Scorm2004API, type Scorm12APIClass, type Scorm2004APIClass } from '../scorm-again.js';
import { API_GLOBAL, ELEMENTS, METHODS, type Methods, type ScormVersion } from '../../src/core/scorm-names.js';
import { checkValue } from '../strict.js';
import { mountInspector, type Call, type ModuleInfo } from './inspector.js';
import {
  MoodleSession,
  emptyAttempt,
  launchData,
  moodleApi,
  type ApiMethods,
  type Mode,
  type MoodleAttempt,
} from './moodle.js';

interface PlayerWindow {
  lmsLog: Call[];
  lmsApi: Scorm12APIClass | Scorm2004APIClass;
  lmsVersion: ScormVersion;
  lmsViolations: string[];
  lmsMoodle?: MoodleAttempt;
  lmsRecover: () => void;
  lmsVanish: () => void;
  lmsWindow?: Window | null;
}
const win = window as unknown as PlayerWindow & Record<string, unknown>;

const params = new URLSearchParams(location.search);
const version: ScormVersion = params.get('version') === '1.2' ? '1.2' : '2004';
const modules = (await fetch('/api/modules').then((r) => r.json())) as ModuleInfo[];
const moduleId = params.get('module') ?? modules[0]?.id ?? '';
const moduleInfo = modules.find((m) => m.id === moduleId);
const learnerName = params.get('learner') ?? 'Sam Taylor';
const key = `frontline-lms:${moduleId}:${version}`;
const status = document.getElementById('status')!;
const profiles = new Set((params.get('profile') ?? '').split(',').filter(Boolean));
const mode = (params.get('mode') ?? 'normal') as Mode;

const moduleSelect = document.getElementById('module') as HTMLSelectElement;
for (const m of modules) moduleSelect.add(new Option(`${m.title} (${m.version})`, m.id, false, m.id === moduleId));
(document.getElementById('version') as HTMLSelectElement).value = version;
document.getElementById('reset')!.addEventListener('click', () => {
  localStorage.removeItem(key);
  localStorage.removeItem(moodleKey);
  location.reload();
});

const el = ELEMENTS[version];
const m: Methods = METHODS[version];
const settings = { autocommit: false, mastery_override: false, logLevel: 5, lmsCommitUrl: false } as const;
const api = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);

function readJson<T>(storageKey: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(storageKey) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

// The Moodle profile keeps its attempt apart: what Moodle stores is not what scorm-again holds.
const moodleKey = `frontline-moodle:${moduleId}:${version}`;
let moodle: MoodleSession | null = null;
if (profiles.has('moodle')) {
  const attempt = readJson<MoodleAttempt>(moodleKey) ?? emptyAttempt();
  const handed = launchData(version, attempt, {
    moduleId,
    mode,
    learnerName,
    learnerId: 'learner-1',
    masteryScore: version === '1.2' ? (moduleInfo?.passMark ?? null) : null,
  });
  api.loadFromFlattenedJSON(handed);
  moodle = new MoodleSession(version, attempt, handed);
  win.lmsMoodle = attempt;
} else {
  // Resume a suspended attempt; a finished one starts a new attempt (or is reviewed with mode=review).
  const saved = readJson<Record<string, string>>(key);
  const suspended = saved?.[el.exit] === 'suspend';
  if (saved && (suspended || mode !== 'normal' || params.get('attempt') === 'same')) {
    const data = { ...saved };
    data[el.entry] = suspended ? 'resume' : '';
    delete data[el.exit];
    delete data[el.sessionTime];
    api.loadFromFlattenedJSON(data);
  } else {
    localStorage.removeItem(key);
    api.loadFromFlattenedJSON({ [el.entry]: 'ab-initio' });
  }
  api.loadFromFlattenedJSON({ [el.learnerName]: learnerName, [el.learnerId]: 'learner-1', [el.mode]: mode });
}

const raw = api as unknown as ApiMethods;
const lms: ApiMethods = moodle ? moodleApi(raw, moodle) : raw;
const delay = Number(params.get('delay') ?? 2000);
let faulty = true;
let vanished = false;
win.lmsRecover = () => {
  faulty = false;
};
win.lmsVanish = () => {
  vanished = true;
};

const log: Call[] = [];
win.lmsLog = log;
win.lmsApi = api;
win.lmsVersion = version;
win.lmsViolations = [];
const persist = () => {
  if (moodle) localStorage.setItem(moodleKey, JSON.stringify(moodle.attempt));
  else localStorage.setItem(key, JSON.stringify(api.getFlattenedCMI()));
};
let forcedError: string | null = null;
let terminated = false;

/** One API method as the module sees it: logged, and faulty as the profiles say. */
function wrap(role: keyof Methods, fn: string) {
  return (...args: string[]): unknown => {
    if (vanished) throw new Error('The learning system has gone away');
    if (role === 'error') return forcedError ?? lms[fn]!(...args);
    if (role === 'errorString' || role === 'diagnostic') return lms[fn]!(...args);
    if (profiles.has('slow')) {
      const until = Date.now() + delay;
      while (Date.now() < until) {
        /* a slow LMS blocks the caller */
      }
    }
    forcedError = null;
    let result: unknown;
    const problem = role === 'set' && profiles.has('strict') ? checkValue(version, args[0] ?? '', args[1] ?? '') : null;
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
    } else if (problem) {
      win.lmsViolations.push(problem);
      result = 'false';
      forcedError = '406';
    } else {
      result = lms[fn]!(...args);
    }
    const error = forcedError ?? String(lms[m.error]!());
    log.push({ fn, args, result: String(result), error });
    if (moodle && role === 'set' && String(result) !== 'true')
      win.lmsViolations.push(`${args[0]} = ${JSON.stringify(args[1])} refused with error ${error}`);
    if (role === 'term') terminated = true;
    if ((role === 'commit' || role === 'term') && String(result) === 'true') {
      persist();
      showStatus();
    }
    window.dispatchEvent(new CustomEvent('lms-call'));
    return result;
  };
}

const wrapped = Object.fromEntries(
  (Object.entries(m) as [keyof Methods, string][]).map(([role, fn]) => [fn, wrap(role, fn)]),
);
if (!profiles.has('none')) win[API_GLOBAL[version]] = wrapped;

function showStatus() {
  const flat = moodle ? moodle.attempt.cmi : (api.getFlattenedCMI() as Record<string, string>);
  const parts =
    version === '1.2'
      ? [`status ${flat[el.status]}`, `score ${flat[el.scoreRaw] || '-'}`]
      : [`completion ${flat[el.status]}`, `success ${flat['cmi.success_status']}`, `score ${flat[el.scoreRaw] || '-'}`];
  status.textContent = `Saved to the LMS: ${parts.join(', ')}`;
}

const frame = document.getElementById('sco') as HTMLIFrameElement;
frame.title = moduleInfo?.title ?? 'Training module';
const sco = params.get('sco');
const scoBase = sco?.startsWith('/') ? sco : `/content/${encodeURIComponent(moduleId)}/index.html`;
const scoQuery = new URLSearchParams();
if (params.has('debug')) scoQuery.set('debug', '');
const jump = params.get('jump');
if (jump) scoQuery.set('jump', jump);
const scoUrl = `${scoBase}${[...scoQuery].length ? `?${scoQuery}` : ''}`;
if (profiles.has('opener')) {
  // The module opens in its own window, as some LMSs launch it; it finds the API through window.opener.
  frame.remove();
  const button = document.createElement('button');
  button.id = 'open-module';
  button.textContent = 'Open the module in a new window';
  button.addEventListener('click', () => {
    win.lmsWindow = window.open(scoUrl, 'sco');
  });
  document.querySelector('.lms-main')!.append(button);
} else if (profiles.has('deep')) {
  frame.src = `/player/frame.html?depth=2&src=${encodeURIComponent(scoUrl)}`;
} else if (profiles.has('cross-origin')) {
  // The middle frame comes from another origin (localhost vs 127.0.0.1), so the module cannot read it.
  const other = new URL(location.href);
  other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  frame.src = `${other.origin}/player/frame.html?depth=0&src=${encodeURIComponent(new URL(scoUrl, location.href).href)}`;
} else {
  frame.src = scoUrl;
  // When the module reloads itself (the dev server after an edit), it has ended its session
  // with this API: reload the whole page so the LMS resumes the attempt. Moodle does not: its
  // API stays terminated, and the reloaded module's Initialize fails (104 in 2004).
  let loads = 0;
  frame.addEventListener('load', () => {
    if (++loads > 1 && terminated && !moodle) location.reload();
  });
}

if (params.has('inspector')) {
  mountInspector({ api, version, log, module: moduleInfo, key });
}
