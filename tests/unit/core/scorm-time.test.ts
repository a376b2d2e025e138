import { describe, expect, it } from 'vitest';
import { SCORM_VERSIONS } from '../../../src/core/scorm-names.js';
import { formatSpan, parseDuration2004, parseSpan, parseTimespan12 } from '../../../src/core/scorm-time.js';
import { checkValue } from '../../../scorm/strict.js';

describe('SCORM time spans, read and written in one place', () => {
  it("reads each version's span in milliseconds", () => {
    expect(parseTimespan12('01:02:03.5')).toBe(3_723_500);
    expect(parseTimespan12('0000:00:00')).toBe(0);
    expect(parseDuration2004('PT1H2M3.5S')).toBe(3_723_500);
    expect(parseDuration2004('P1DT1S')).toBe(86_401_000);
    expect(parseDuration2004('PT0H0M0S')).toBe(0);
    expect(parseSpan('00:00:12.34')).toBe(12_340);
    expect(parseSpan('PT12.34S')).toBe(12_340);
  });

  it('reads no week, no empty duration, and nothing the strict checker refuses', () => {
    for (const bad of ['P1W', 'P', 'PT', 'P1DT', 'PT1.234S', '1 minute', '', '1:02:03'])
      expect(parseSpan(bad), bad).toBeNull();
    for (const value of ['P1W', 'PT', 'PT1.234S'])
      expect(checkValue('2004', 'cmi.session_time', value), value).not.toBeNull();
  });

  it.each(SCORM_VERSIONS)('SCORM %s: what it writes, the checker accepts and it reads back', (version) => {
    const element = version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time';
    for (const ms of [0, 10, 12_340, 60_000, 3_723_500, 90_000_000]) {
      const span = formatSpan(version, ms);
      expect(checkValue(version, element, span), span).toBeNull();
      expect(parseSpan(span), span).toBe(ms);
    }
  });
});
