import { describe, expect, it } from 'vitest';
import { buildManifest, formatDecimal, schemaFiles, NAMESPACES, type ManifestInput } from '../../../scorm/manifest';

const input: ManifestInput = {
  id: 'social-media-nhs',
  title: 'Social media & the NHS',
  version: '1.0.0',
  passMark: 80,
  language: 'en-GB',
  files: ['index.html', 'assets/app.js', 'assets/app.css'],
};

describe('buildManifest', () => {
  it('writes a SCORM 1.2 manifest the way Moodle reads it', () => {
    const xml = buildManifest(input, '1.2');
    expect(xml).toContain('<schemaversion>1.2</schemaversion>');
    expect(xml).toContain('<schema>ADL SCORM</schema>');
    expect(xml).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
    expect(xml).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    expect(xml).toMatch(/<resource [^>]*adlcp:scormtype="sco"[^>]*href="index.html"/);
    expect(xml).not.toContain('scormType');
    expect(xml).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
    expect(xml).not.toContain('imsss:');
  });

  it('writes a SCORM 2004 4th Edition manifest with the pass mark as minNormalizedMeasure', () => {
    const xml = buildManifest(input, '2004');
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(xml).toContain('xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"');
    for (const p of ['adlcp', 'imsss', 'adlnav', 'adlseq']) expect(xml).toMatch(new RegExp(`xmlns:${p}="http`));
    expect(xml).toMatch(/<resource [^>]*adlcp:scormType="sco"/);
    expect(xml).toMatch(
      /<imsss:primaryObjective objectiveID="social-media-nhs-passed" satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>0\.8<\/imsss:minNormalizedMeasure>/,
    );
    expect(xml).not.toContain('masteryscore');
  });

  it('tells a 2004 LMS that the module sets completion and success itself, on the item it launches', () => {
    const xml = buildManifest(input, '2004');
    const item = xml.match(/<item identifier="item-social-media-nhs"[^>]*>([\s\S]*?)<\/item>/)?.[1] ?? '';
    const sequencing = item.match(/<imsss:sequencing>([\s\S]*?)<\/imsss:sequencing>/g) ?? [];
    expect(sequencing).toHaveLength(1);
    const block = sequencing[0]!;
    const controls = block.match(/<imsss:deliveryControls\b([^>]*)\/>/g) ?? [];
    expect(controls).toHaveLength(1);
    expect(controls[0]).toContain('completionSetByContent="true"');
    expect(controls[0]).toContain('objectiveSetByContent="true"');
    // Untracked delivery would keep the LMS from recording the attempt at all.
    expect(controls[0]).not.toMatch(/tracked="false"/);
    // imsss:sequencingType orders its children: objectives come before deliveryControls.
    expect(block.indexOf('<imsss:objectives>')).toBeLessThan(block.indexOf('<imsss:deliveryControls'));
    expect(xml.match(/<imsss:sequencing>/g)).toHaveLength(1);
  });

  it('gives a 1.2 LMS no sequencing block, only the mastery score', () => {
    const xml = buildManifest(input, '1.2');
    expect(xml).not.toMatch(/sequencing|deliveryControls|SetByContent/);
    const item = xml.match(/<item identifier="item-social-media-nhs"[^>]*>([\s\S]*?)<\/item>/)?.[1] ?? '';
    expect(item).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
  });

  it('names the module, its version and every file', () => {
    for (const v of ['1.2', '2004'] as const) {
      const xml = buildManifest(input, v);
      expect(xml).toContain('<manifest identifier="social-media-nhs-1.0.0" version="1.0.0"');
      expect(xml).toContain('<title>Social media &amp; the NHS</title>');
      expect(xml.match(/<file href="([^"]+)"\/>/g)).toEqual([
        '<file href="assets/app.css"/>',
        '<file href="assets/app.js"/>',
        '<file href="index.html"/>',
      ]);
      for (const ns of NAMESPACES[v]) expect(xml).toContain(`${ns.uri} ${ns.xsd}`);
    }
  });

  it('escapes XML in titles and keeps comments well formed', () => {
    const xml = buildManifest({ ...input, title: 'A <b> & "c" -- d', description: 'x--y-' }, '2004');
    expect(xml).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot; -- d</title>');
    const comment = xml.match(/<!--([\s\S]*?)-->/)?.[1] ?? '';
    expect(comment).not.toContain('--');
    expect(comment.endsWith('-')).toBe(false);
  });

  it('makes identifiers valid xs:IDs', () => {
    const xml = buildManifest({ ...input, id: '2024 intro', version: '2.0' }, '1.2');
    expect(xml).toContain('identifier="fl-2024_intro-2.0"');
    expect(xml).toContain('identifier="res-2024_intro"');
  });

  it('writes pass marks as decimals with a leading digit', () => {
    const measure = (passMark: number) =>
      buildManifest({ ...input, passMark }, '2004').match(/<imsss:minNormalizedMeasure>(.*)</)![1];
    expect(measure(50)).toBe('0.5');
    expect(measure(75)).toBe('0.75');
    expect(measure(7)).toBe('0.07');
    expect(measure(100)).toBe('1');
    expect(measure(0)).toBe('0');
    expect(formatDecimal(0.000001)).toBe('0');
    expect(buildManifest({ ...input, passMark: 66.5 }, '1.2')).toContain(
      '<adlcp:masteryscore>66.5</adlcp:masteryscore>',
    );
  });

  it('rejects a pass mark out of range, a missing launch file and bad paths', () => {
    expect(() => buildManifest({ ...input, passMark: 101 }, '1.2')).toThrow(/passMark/);
    expect(() => buildManifest({ ...input, passMark: Number.NaN }, '2004')).toThrow(/passMark/);
    expect(() => buildManifest({ ...input, launch: 'start.html' }, '1.2')).toThrow(/start\.html/);
    expect(() => buildManifest({ ...input, files: [...input.files, '../x.js'] }, '1.2')).toThrow(/\.\.\/x\.js/);
    expect(() => buildManifest({ ...input, files: [...input.files, 'a\\b.js'] }, '1.2')).toThrow(/relative/);
    expect(() => buildManifest({ ...input, files: [...input.files, '/abs.js'] }, '1.2')).toThrow(/relative/);
  });
});

describe('schemaFiles', () => {
  it('returns the official XSD set for each version, including every XSD the manifest names', () => {
    for (const v of ['1.2', '2004'] as const) {
      const files = schemaFiles(v);
      const names = files.map((f) => f.path);
      for (const ns of NAMESPACES[v]) expect(names).toContain(ns.xsd);
      for (const f of files.filter((f) => f.path.endsWith('.xsd')))
        expect(new TextDecoder().decode(f.content)).toMatch(/<xsd?:schema/);
    }
    expect(schemaFiles('1.2').map((f) => f.path)).toEqual([
      'adlcp_rootv1p2.xsd',
      'ims_xml.xsd',
      'imscp_rootv1p1p2.xsd',
      'imsmd_rootv1p2p1.xsd',
    ]);
    expect(schemaFiles('2004').map((f) => f.path)).toContain('XMLSchema.dtd');
    expect(
      new TextDecoder().decode(schemaFiles('1.2').find((f) => f.path === 'adlcp_rootv1p2.xsd')!.content),
    ).toContain('name="scormtype"');
  });
});
