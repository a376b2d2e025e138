import { describe, expect, it } from 'vitest';
import { buildManifest, schemaFiles, type ManifestInput, type ScormVersion } from '../../../scorm/manifest';
import { checkMoodleRules, driverSchema, validateManifest } from '../../../scorm/validate';

const input: ManifestInput = {
  id: 'social-media-nhs',
  title: 'Social media & the NHS',
  version: '1.0.0',
  passMark: 80,
  language: 'en-GB',
  files: ['index.html', 'assets/app.js'],
};
const m12 = buildManifest(input, '1.2');
const m2004 = buildManifest(input, '2004');
const manifest = (v: ScormVersion) => (v === '1.2' ? m12 : m2004);
/** Every path in the zip writePackage would make for `input`. */
const packageFiles = (v: ScormVersion) => ['imsmanifest.xml', ...schemaFiles(v).map((f) => f.path), ...input.files];

/** Replaces exactly one occurrence, so a test never silently edits nothing. */
function edit(xml: string, from: string | RegExp, to: string): string {
  const count = xml.split(from).length - 1;
  if (count < 1) throw new Error(`test edit: ${from} not found`);
  return xml.replace(from, to);
}

describe('validateManifest (strict XSD)', () => {
  it.each(['1.2', '2004'] as const)('accepts the generated SCORM %s manifest', async (v) => {
    expect(await validateManifest(manifest(v), v, packageFiles(v))).toEqual({ valid: true, errors: [] });
  });

  it('imports every namespace the manifest uses in the driver schema', () => {
    expect(driverSchema('2004').match(/<xs:import /g)).toHaveLength(5);
    expect(driverSchema('2004')).toContain(
      'namespace="http://www.imsglobal.org/xsd/imsss" schemaLocation="imsss_v1p0.xsd"',
    );
    expect(driverSchema('1.2')).toContain('schemaLocation="adlcp_rootv1p2.xsd"');
  });

  it('rejects a misspelt imsss element inside the sequencing, naming it and its line', async () => {
    const bad = m2004.replaceAll('minNormalizedMeasure', 'minNormalisedMeasure');
    const r = await validateManifest(bad, '2004');
    expect(r.valid).toBe(false);
    expect(r.errors.join('\n')).toMatch(/imsmanifest\.xml:\d+: .*minNormalisedMeasure.*not expected/);
  });

  // These names sit in imscp's foreign-element wildcards, which the official 2004 XSD processes laxly.
  it.each([
    [
      'a misspelt top-level imsss element',
      '<imsss:sequencing>',
      '<imsss:sequencng>',
      '</imsss:sequencing>',
      '</imsss:sequencng>',
      /sequencng/,
    ],
    ['the 1.2 attribute name in a 2004 manifest', 'adlcp:scormType=', 'adlcp:scormtype=', '', '', /scormtype/],
    ['a misspelt adlcp attribute', 'adlcp:scormType=', 'adlcp:scromType=', '', '', /scromType/],
  ])('rejects %s (SCORM 2004)', async (_name, from1, to1, from2, to2, message) => {
    let bad = edit(m2004, from1, to1);
    if (from2) bad = edit(bad, from2, to2);
    const r = await validateManifest(bad, '2004');
    expect(r.valid).toBe(false);
    expect(r.errors.join('\n')).toMatch(message);
  });

  it.each([
    [
      'a misspelt adlcp element',
      '<adlcp:masteryscore>80</adlcp:masteryscore>',
      '<adlcp:masterscore>80</adlcp:masterscore>',
      /masterscore/,
    ],
    ['the 2004 attribute name in a 1.2 manifest', 'adlcp:scormtype=', 'adlcp:scormType=', /scormType/],
    ['a version attribute over 20 characters', 'version="1.0.0"', 'version="1.0.0-release-candidate-12"', /version/],
  ])('rejects %s (SCORM 1.2)', async (_name, from, to, message) => {
    const r = await validateManifest(edit(m12, from, to), '1.2');
    expect(r.valid).toBe(false);
    expect(r.errors.join('\n')).toMatch(message);
  });

  it('rejects a pass mark outside the XSD range and a bad attribute value', async () => {
    const r = await validateManifest(edit(m2004, '>0.8<', '>1.8<'), '2004');
    expect(r.valid).toBe(false);
    expect(r.errors.join('\n')).toMatch(/1\.8/);
    const r2 = await validateManifest(edit(m2004, 'satisfiedByMeasure="true"', 'satisfiedByMeasure="yes"'), '2004');
    expect(r2.errors.join('\n')).toMatch(/satisfiedByMeasure/);
  });

  it('rejects XML that is not well formed', async () => {
    const r = await validateManifest(edit(m12, '</organizations>', ''), '1.2');
    expect(r.valid).toBe(false);
    expect(r.errors.length).toBeGreaterThan(0);
  });

  it('reports a wrong schemaversion, which the XSDs allow, through the Moodle rules', async () => {
    const r = await validateManifest(edit(m2004, '2004 4th Edition', 'CAM 1.3'), '2004');
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual(['<metadata><schemaversion> must be exactly "2004 4th Edition", found "CAM 1.3"']);
  });
});

describe('checkMoodleRules', () => {
  it.each(['1.2', '2004'] as const)('passes the generated SCORM %s manifest with its file list', (v) => {
    expect(checkMoodleRules(manifest(v), v, packageFiles(v))).toEqual([]);
  });

  it('catches a wrong or padded schemaversion, and a wrong schema', () => {
    expect(checkMoodleRules(edit(m12, '<schemaversion>1.2<', '<schemaversion>1.3<'), '1.2')).toEqual([
      '<metadata><schemaversion> must be exactly "1.2", found "1.3"',
    ]);
    expect(checkMoodleRules(edit(m2004, '>2004 4th Edition<', '> 2004 4th Edition <'), '2004')[0]).toMatch(
      /schemaversion/,
    );
    expect(checkMoodleRules(m12, '2004').join('\n')).toMatch(
      /schemaversion> must be exactly "2004 4th Edition", found "1.2"/,
    );
    expect(checkMoodleRules(edit(m12, 'ADL SCORM', 'IMS Content'), '1.2')).toEqual([
      '<metadata><schema> must be exactly "ADL SCORM", found "IMS Content"',
    ]);
  });

  it('catches another prefix for adlcp (xmlns:foo), though it is namespace-equivalent', async () => {
    const foo = m12.replaceAll('adlcp:', 'foo:').replace('xmlns:adlcp=', 'xmlns:foo=');
    expect((await validateManifest(foo, '1.2')).errors.some((e) => /Schemas validity error/.test(e))).toBe(false);
    const errors = checkMoodleRules(foo, '1.2');
    expect(errors).toContain(
      'namespace http://www.adlnet.org/xsd/adlcp_rootv1p2 must be declared as xmlns:adlcp, found xmlns:foo',
    );
    expect(errors.join('\n')).toMatch(/must have adlcp:scormtype="sco"/);
    expect(errors.join('\n')).toMatch(/no <adlcp:masteryscore>/);
  });

  it('catches imsss as a default namespace and the wrong adlcp namespace for the version', () => {
    const defaultNs = edit(
      m2004,
      /<imsss:sequencing>[\s\S]*<\/imsss:sequencing>/,
      '<sequencing xmlns="http://www.imsglobal.org/xsd/imsss"><objectives><primaryObjective objectiveID="p" satisfiedByMeasure="true"><minNormalizedMeasure>0.8</minNormalizedMeasure></primaryObjective></objectives></sequencing>',
    );
    expect(checkMoodleRules(defaultNs, '2004').join('\n')).toMatch(
      /http:\/\/www.imsglobal.org\/xsd\/imsss must be declared as xmlns:imsss, found xmlns/,
    );
    const wrongNs = edit(m12, 'adlcp_rootv1p2"', 'adlcp_v1p3"');
    expect(checkMoodleRules(wrongNs, '1.2').join('\n')).toMatch(
      /xmlns:adlcp must be http:\/\/www.adlnet.org\/xsd\/adlcp_rootv1p2, found http:\/\/www.adlnet.org\/xsd\/adlcp_v1p3/,
    );
  });

  it('catches a missing or wrong scormType on the SCO resource', () => {
    expect(checkMoodleRules(edit(m2004, ' adlcp:scormType="sco"', ''), '2004')).toEqual([
      'resource res-social-media-nhs must have adlcp:scormType="sco"',
    ]);
    expect(checkMoodleRules(edit(m2004, 'adlcp:scormType="sco"', 'adlcp:scormType="asset"'), '2004')).toHaveLength(1);
    expect(checkMoodleRules(edit(m12, 'adlcp:scormtype=', 'adlcp:scormType='), '1.2')).toEqual([
      'resource res-social-media-nhs must have adlcp:scormtype="sco" (found adlcp:scormType, which is the wrong case for SCORM 1.2)',
    ]);
  });

  it('catches a listed file missing from the package, an unlisted file and a missing XSD', () => {
    expect(
      checkMoodleRules(
        m12,
        '1.2',
        packageFiles('1.2').filter((f) => f !== 'assets/app.js'),
      ),
    ).toEqual(['listed file assets/app.js is not in the package']);
    expect(checkMoodleRules(m2004, '2004', [...packageFiles('2004'), 'assets/extra.png'])).toEqual([
      'package file assets/extra.png is not listed as <file href> in the manifest',
    ]);
    expect(
      checkMoodleRules(
        m2004,
        '2004',
        packageFiles('2004').filter((f) => f !== 'imsss_v1p0.xsd'),
      ),
    ).toEqual(['xsi:schemaLocation names imsss_v1p0.xsd, which is not in the package']);
    const launch = edit(m12, 'href="index.html">', 'href="start.html">');
    expect(checkMoodleRules(launch, '1.2', packageFiles('1.2'))).toEqual([
      'listed file start.html is not in the package',
    ]);
  });

  it('compares file names after XML unescaping', async () => {
    const files = ['index.html', 'assets/tom&jerry.js'];
    const xml = buildManifest({ ...input, files }, '2004');
    expect(xml).toContain('href="assets/tom&amp;jerry.js"');
    const all = ['imsmanifest.xml', ...schemaFiles('2004').map((f) => f.path), ...files];
    expect(checkMoodleRules(xml, '2004', all)).toEqual([]);
    expect(await validateManifest(xml, '2004', all)).toEqual({ valid: true, errors: [] });
  });

  it('catches an absent or out-of-range masteryscore (1.2)', () => {
    expect(checkMoodleRules(edit(m12, /\s*<adlcp:masteryscore>80<\/adlcp:masteryscore>/, ''), '1.2')).toEqual([
      'item item-social-media-nhs has no <adlcp:masteryscore>',
    ]);
    expect(checkMoodleRules(edit(m12, '>80<', '>180<'), '1.2')).toEqual([
      'adlcp:masteryscore must be a number 0..100, found "180"',
    ]);
    expect(checkMoodleRules(edit(m12, '>80<', '>-1<'), '1.2')).toHaveLength(1);
  });

  it('catches an absent or badly written minNormalizedMeasure (2004)', () => {
    const noSeq = edit(m2004, /\s*<imsss:sequencing>[\s\S]*<\/imsss:sequencing>/, '');
    expect(checkMoodleRules(noSeq, '2004')[0]).toMatch(/has no imsss:sequencing\/.*minNormalizedMeasure/);
    expect(checkMoodleRules(edit(m2004, '>0.8<', '>.8<'), '2004')).toEqual([
      'imsss:minNormalizedMeasure must be a decimal 0..1 with a leading digit, found ".8"',
    ]);
    expect(checkMoodleRules(edit(m2004, '>0.8<', '>1.5<'), '2004')).toHaveLength(1);
    expect(checkMoodleRules(edit(m2004, ' satisfiedByMeasure="true"', ''), '2004')).toEqual([
      'imsss:primaryObjective must have satisfiedByMeasure="true"',
    ]);
  });
});
