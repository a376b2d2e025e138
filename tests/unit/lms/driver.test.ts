import { describe, expect, it } from 'vitest';
import type { ScormVersion } from '../../../src/core/scorm-names.js';
import { ScormDriver, type LmsCall } from '../../../src/lms/driver.js';
import { StandaloneDriver } from '../../../src/lms/standalone-driver.js';
import type { FoundApi } from '../../../src/lms/find-api.js';
import { FakeStorage, found, makeApi } from './helpers.js';

const NAMES: Record<ScormVersion, { init: string; get: string; set: string; commit: string; term: string }> = {
  '2004': { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', term: 'Terminate' },
  '1.2': { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', term: 'LMSFinish' },
};

describe.each(['2004', '1.2'] as const)('ScormDriver over scorm-again (SCORM %s)', (version) => {
  const n = NAMES[version];
  const status = version === '2004' ? 'cmi.completion_status' : 'cmi.core.lesson_status';

  it("calls the version's own functions and logs each call with its error code", () => {
    const api = makeApi(version);
    const driver = new ScormDriver(found(version, api));
    const calls: LmsCall[] = [];
    driver.onCall = (c) => calls.push(c);
    expect(driver.version).toBe(version);
    expect(driver.connected).toBe(true);
    expect(driver.initialize()).toBe(true);
    expect(driver.setValue(status, 'incomplete')).toBe(true);
    expect(driver.getValue(status)).toBe('incomplete');
    expect(driver.commit()).toBe(true);
    expect(driver.terminate()).toBe(true);
    expect(calls.map((c) => c.fn)).toEqual([n.init, n.set, n.get, n.commit, n.term]);
    expect(calls.every((c) => c.error === '0')).toBe(true);
    expect(calls[1]).toEqual({ fn: n.set, args: [status, 'incomplete'], result: 'true', error: '0' });
    expect(calls[2]!.result).toBe('incomplete');
  });

  it('returns false and keeps the LMS error code for a value the LMS refuses', () => {
    const api = makeApi(version);
    const driver = new ScormDriver(found(version, api));
    driver.initialize();
    expect(driver.setValue(status, 'finished-ish')).toBe(false);
    expect(driver.lastError()).not.toBe('0');
    expect(driver.lastError()).toMatch(/^\d+$/);
    expect(driver.setValue(status, 'incomplete')).toBe(true);
    expect(driver.lastError()).toBe('0');
  });

  it('reports an error for calls before Initialize', () => {
    const driver = new ScormDriver(found(version, makeApi(version)));
    expect(driver.setValue(status, 'incomplete')).toBe(false);
    expect(driver.lastError()).not.toBe('0');
  });
});

describe('ScormDriver over a misbehaving API', () => {
  const base = {
    Initialize: () => 'true',
    Terminate: () => 'true',
    GetValue: () => '',
    SetValue: () => 'true',
    Commit: () => 'true',
    GetLastError: () => '0',
    GetErrorString: () => '',
    GetDiagnostic: () => '',
  };
  const driverFor = (api: Record<string, unknown>) =>
    new ScormDriver({ version: '2004', api: { ...base, ...api } } as unknown as FoundApi);

  it('counts a call that throws as failing, and never throws itself', () => {
    const driver = driverFor({
      Commit: () => {
        throw new Error('LMS went away');
      },
    });
    const calls: LmsCall[] = [];
    driver.onCall = (c) => calls.push(c);
    expect(() => driver.commit()).not.toThrow();
    expect(driver.commit()).toBe(false);
    expect(driver.lastError()).toBe('exception: LMS went away');
    expect(calls.at(-1)).toMatchObject({ fn: 'Commit', result: 'false', error: 'exception: LMS went away' });
  });

  it('survives GetLastError throwing', () => {
    const driver = driverFor({
      Initialize: () => 'false',
      GetLastError: () => {
        throw new Error('nope');
      },
    });
    expect(driver.initialize()).toBe(false);
    expect(driver.lastError()).toBe('exception: GetLastError failed');
  });

  it('asks GetLastError only after a call whose result is not a success', () => {
    let asked = 0;
    const values: Record<string, string> = { 'cmi.entry': 'ab-initio', 'cmi.location': '' };
    const driver = driverFor({
      GetValue: (element: string) => values[element] ?? '',
      SetValue: (element: string) => (element === 'cmi.exit' ? 'false' : 'true'),
      GetLastError: () => {
        asked++;
        return asked === 1 ? '403' : '406';
      },
    });
    expect(driver.initialize()).toBe(true);
    expect(driver.getValue('cmi.entry')).toBe('ab-initio');
    expect(driver.setValue('cmi.location', 'intro')).toBe(true);
    expect(asked).toBe(0);
    expect(driver.lastError()).toBe('0');
    // An empty value may be an error (403: not set): the LMS is asked.
    expect(driver.getValue('cmi.location')).toBe('');
    expect(driver.lastError()).toBe('403');
    expect(driver.setValue('cmi.exit', 'later')).toBe(false);
    expect(driver.lastError()).toBe('406');
    expect(asked).toBe(2);
  });

  it('accepts true as a boolean or a string, and nothing else, as success', () => {
    expect(driverFor({ Commit: () => true }).commit()).toBe(true);
    expect(driverFor({ Commit: () => 'true' }).commit()).toBe(true);
    expect(driverFor({ Commit: () => 'false' }).commit()).toBe(false);
    expect(driverFor({ Commit: () => undefined }).commit()).toBe(false);
    expect(driverFor({ Commit: () => 1 }).commit()).toBe(false);
  });

  it('turns odd GetValue results and error codes into strings', () => {
    expect(driverFor({ GetValue: () => null }).getValue('cmi.location')).toBe('');
    expect(driverFor({ GetValue: () => undefined }).getValue('cmi.location')).toBe('');
    expect(driverFor({ GetValue: () => 3 }).getValue('cmi.interactions._count')).toBe('3');
    const numeric = driverFor({ GetLastError: () => 403 });
    numeric.getValue('cmi.location');
    expect(numeric.lastError()).toBe('403');
    const empty = driverFor({ GetLastError: () => '' });
    empty.getValue('cmi.location');
    expect(empty.lastError()).toBe('0');
  });
});

describe('StandaloneDriver', () => {
  it('starts ab-initio in normal mode with nothing stored', () => {
    const storage = new FakeStorage();
    const driver = new StandaloneDriver('k', storage);
    expect(driver.connected).toBe(false);
    expect(driver.version).toBe('2004');
    expect(driver.initialize()).toBe(true);
    expect(driver.getValue('cmi.entry')).toBe('ab-initio');
    expect(driver.getValue('cmi.mode')).toBe('normal');
    expect(driver.getValue('cmi.suspend_data')).toBe('');
    expect(driver.getValue('cmi.interactions._count')).toBe('0');
    expect(driver.lastError()).toBe('0');
  });

  it('stores on commit and restores a suspended attempt on the next initialize', () => {
    const storage = new FakeStorage();
    const one = new StandaloneDriver('k', storage);
    one.initialize();
    one.setValue('cmi.suspend_data', '1:abcd:xyz12');
    one.setValue('cmi.exit', 'suspend');
    one.setValue('cmi.interactions.0.id', 'a');
    one.setValue('cmi.interactions.1.id', 'b');
    expect(storage.getItem('k')).toBeNull();
    one.commit();
    expect(JSON.parse(storage.getItem('k')!)).toMatchObject({
      'cmi.suspend_data': '1:abcd:xyz12',
      'cmi.exit': 'suspend',
    });
    const two = new StandaloneDriver('k', storage);
    two.initialize();
    expect(two.getValue('cmi.entry')).toBe('resume');
    expect(two.getValue('cmi.suspend_data')).toBe('1:abcd:xyz12');
    expect(two.getValue('cmi.interactions._count')).toBe('2');
  });

  it('starts afresh after an attempt that was not suspended', () => {
    const storage = new FakeStorage();
    const one = new StandaloneDriver('k', storage);
    one.initialize();
    one.setValue('cmi.suspend_data', '1:abcd:xyz12');
    one.setValue('cmi.exit', 'normal');
    one.terminate();
    const two = new StandaloneDriver('k', storage);
    two.initialize();
    expect(two.getValue('cmi.entry')).toBe('ab-initio');
    expect(two.getValue('cmi.suspend_data')).toBe('');
  });

  it('keeps separate learners or modules apart by key', () => {
    const storage = new FakeStorage();
    const a = new StandaloneDriver('module-a', storage);
    a.initialize();
    a.setValue('cmi.exit', 'suspend');
    a.setValue('cmi.suspend_data', 'data-a');
    a.commit();
    const b = new StandaloneDriver('module-b', storage);
    b.initialize();
    expect(b.getValue('cmi.suspend_data')).toBe('');
  });

  it('never throws when storage is full, blocked, damaged or missing', () => {
    const full = new FakeStorage();
    full.failWrites = true;
    const d = new StandaloneDriver('k', full);
    d.initialize();
    d.setValue('cmi.location', 'x');
    expect(d.commit()).toBe(true);
    expect(d.getValue('cmi.location')).toBe('x');
    const damaged = new FakeStorage();
    damaged.setItem('k', '{not json');
    const e = new StandaloneDriver('k', damaged);
    expect(e.initialize()).toBe(true);
    expect(e.getValue('cmi.entry')).toBe('ab-initio');
    const none = new StandaloneDriver('k', null);
    expect(none.initialize()).toBe(true);
    expect(none.commit()).toBe(true);
    expect(none.terminate()).toBe(true);
  });

  it('logs its calls with the 2004 names and no error', () => {
    const d = new StandaloneDriver('k', new FakeStorage());
    const calls: LmsCall[] = [];
    d.onCall = (c) => calls.push(c);
    d.initialize();
    d.setValue('cmi.location', 'x');
    d.getValue('cmi.location');
    d.terminate();
    expect(calls.map((c) => c.fn)).toEqual(['Initialize', 'SetValue', 'GetValue', 'Commit', 'Terminate']);
    expect(calls.every((c) => c.error === '0')).toBe(true);
  });
});

describe("ScormDriver: the page's launch reads, answered again to the app (src/boot.ts)", () => {
  it('answers each recorded read once from the record, with its error code, and asks the LMS for anything else', () => {
    const asked: string[] = [];
    const api = {
      Initialize: () => 'true',
      Terminate: () => 'true',
      GetValue: (e: string) => (asked.push(e), e === 'cmi.learner_name' ? 'Ceri Jones' : ''),
      SetValue: () => 'true',
      Commit: () => 'true',
      GetLastError: () => '403',
      GetErrorString: () => '',
      GetDiagnostic: () => '',
    };
    const driver = new ScormDriver({ version: '2004', api } as unknown as FoundApi);
    driver.record();
    driver.initialize();
    driver.getValue('cmi.learner_name');
    driver.getValue('cmi.suspend_data');
    driver.replay();
    const calls: LmsCall[] = [];
    driver.onCall = (c) => calls.push(c);
    expect(driver.initialize()).toBe(true);
    expect(driver.getValue('cmi.learner_name')).toBe('Ceri Jones');
    expect(driver.getValue('cmi.suspend_data')).toBe('');
    expect(driver.lastError()).toBe('403');
    expect(asked).toEqual(['cmi.learner_name', 'cmi.suspend_data']);
    expect(calls.map((c) => c.fn)).toEqual(['Initialize', 'GetValue', 'GetValue']);
    // Once only, and a write ends the replay.
    driver.getValue('cmi.learner_name');
    driver.setValue('cmi.exit', 'suspend');
    driver.getValue('cmi.suspend_data');
    expect(asked).toEqual(['cmi.learner_name', 'cmi.suspend_data', 'cmi.learner_name', 'cmi.suspend_data']);
  });
});
