import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { schemaFiles, type ManifestInput } from '../../../scorm/manifest';
import { listFiles, readZipEntries, writePackage } from '../../../scorm/package';
import { checkMoodleRules } from '../../../scorm/validate';

const input: Omit<ManifestInput, 'files'> = {
  id: 'social-media-nhs',
  title: 'Social media and the NHS',
  version: '1.0.0',
  passMark: 80,
  language: 'en-GB',
};
const content = ['assets/app.js', 'assets/img/ward selfie.png', 'assets/style.css', 'index.html'];
let tmp: string;
let site: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-scorm-'));
  site = join(tmp, 'site');
  for (const f of content) {
    await mkdir(join(site, f, '..'), { recursive: true });
    await writeFile(join(site, f), `content of ${f}`);
  }
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('listFiles', () => {
  it('lists nested files with / separators, sorted', async () => {
    expect(await listFiles(site)).toEqual(content);
  });
});

describe.each(['1.2', '2004'] as const)('writePackage (SCORM %s)', (version) => {
  const outFile = () => join(tmp, 'dist', version, `social-media-nhs-${version}.zip`);

  it('writes a zip with imsmanifest.xml and the XSDs at the root and every file listed', async () => {
    const result = await writePackage({ dir: site, outFile: outFile(), input, version });
    const entries = await readZipEntries(outFile());
    const names = [...entries.keys()];
    const xsds = schemaFiles(version).map((f) => f.path);

    expect(result.bytes).toBe((await stat(outFile())).size);
    expect(result.files).toEqual(names);
    expect(names[0]).toBe('imsmanifest.xml');
    expect(names).toEqual(['imsmanifest.xml', ...xsds, ...content]);
    for (const x of xsds) expect(entries.get(x)).toEqual(schemaFiles(version).find((f) => f.path === x)!.content);
    expect(new TextDecoder().decode(entries.get('assets/app.js'))).toBe('content of assets/app.js');

    const manifest = new TextDecoder().decode(entries.get('imsmanifest.xml'));
    const hrefs = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(content);
    expect(checkMoodleRules(manifest, version, names)).toEqual([]);
  });

  it('is deterministic: the same input gives the same bytes, whatever the clock says', async () => {
    const again = join(tmp, 'again', `${version}.zip`);
    await writePackage({ dir: site, outFile: outFile(), input, version });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(2031, 5, 15, 12, 0, 0));
      await writePackage({ dir: site, outFile: again, input, version });
    } finally {
      vi.useRealTimers();
    }
    expect(await readFile(again)).toEqual(await readFile(outFile()));
  });

  it('refuses to write when the manifest is invalid, and leaves no zip behind', async () => {
    const bad = join(tmp, 'bad', `${version}.zip`);
    await mkdir(join(bad, '..'), { recursive: true });
    await writeFile(bad, 'stale package from an earlier build');
    // A control character cannot appear in XML 1.0, so libxml2 rejects the document.
    await expect(
      writePackage({ dir: site, outFile: bad, input: { ...input, title: 'Bad \u0001 title' }, version }),
    ).rejects.toThrow(/manifest for social-media-nhs is invalid; no package written:\n {2}imsmanifest\.xml:\d+/);
    expect(existsSync(bad)).toBe(false);
  });

  it('refuses a folder without the launch file', async () => {
    const empty = join(tmp, `empty-${version}`);
    await mkdir(join(empty, 'assets'), { recursive: true });
    await writeFile(join(empty, 'assets', 'a.js'), '');
    const out = join(tmp, 'none', `${version}.zip`);
    await expect(writePackage({ dir: empty, outFile: out, input, version })).rejects.toThrow(/index\.html/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('writePackage', () => {
  it('reports the XSD error for a 1.2 version attribute longer than the schema allows', async () => {
    const out = join(tmp, 'long', 'x.zip');
    const long = { ...input, version: '1.0.0-release-candidate-12' };
    await expect(writePackage({ dir: site, outFile: out, input: long, version: '1.2' })).rejects.toThrow(
      /version.*(maxLength|length)/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('replaces a stale imsmanifest.xml and XSD in the build folder instead of listing them', async () => {
    const dir = join(tmp, 'stale');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.html'), '<!doctype html>');
    await writeFile(join(dir, 'imsmanifest.xml'), '<old/>');
    await writeFile(join(dir, 'imscp_v1p1.xsd'), 'old');
    const out = join(tmp, 'stale.zip');
    await writePackage({ dir, outFile: out, input, version: '2004' });
    const entries = await readZipEntries(out);
    const manifest = new TextDecoder().decode(entries.get('imsmanifest.xml'));
    expect(manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect([...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1])).toEqual(['index.html']);
    expect(new TextDecoder().decode(entries.get('imscp_v1p1.xsd'))).toContain('imscp_v1p1');
  });
});
