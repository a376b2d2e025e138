import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { buildManifest, schemaFiles, type ManifestInput, type ScormVersion } from './manifest';
import { validateManifest } from './validate';

export interface WritePackageOptions {
  /** A built folder containing the launch file (index.html) and its assets. */
  dir: string;
  /** The .zip to write; parent folders are created. */
  outFile: string;
  input: Omit<ManifestInput, 'files'>;
  version: ScormVersion;
}

/** What the manifest needs from a compiled course. */
export function manifestInputOf(course: Omit<ManifestInput, 'files'>): Omit<ManifestInput, 'files'> {
  const { id, title, version, passMark, language } = course;
  return { id, title, version, passMark, language };
}

const MANIFEST = 'imsmanifest.xml';
// A fixed timestamp (local time, as zip stores it) so the same input gives the same bytes.
const FIXED_MTIME = new Date(2000, 0, 1);

/** Every file under dir as sorted '/'-separated relative paths. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, path)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

/** Builds, validates and zips a SCORM package from a built folder; throws (and leaves no zip at outFile) if the manifest is invalid. */
export async function writePackage(opts: WritePackageOptions): Promise<{ bytes: number; files: string[] }> {
  const schemas = schemaFiles(opts.version);
  const generated = new Set([MANIFEST, ...schemas.map((s) => s.path)]);
  // A stale manifest or XSD copy in the build folder is replaced by ours, never listed as content.
  const content = (await listFiles(opts.dir)).filter((f) => !generated.has(f));
  const manifest = buildManifest({ ...opts.input, files: content }, opts.version);
  const files = [MANIFEST, ...schemas.map((s) => s.path), ...content];

  const result = await validateManifest(manifest, opts.version, files);
  if (!result.valid) {
    await rm(opts.outFile, { force: true });
    throw new Error(
      `SCORM ${opts.version} manifest for ${opts.input.id} is invalid; no package written:\n  ${result.errors.join('\n  ')}`,
    );
  }

  const entries: Zippable = { [MANIFEST]: new TextEncoder().encode(manifest) };
  for (const s of schemas) entries[s.path] = s.content;
  for (const f of content) entries[f] = new Uint8Array(await readFile(join(opts.dir, f)));
  const zip = zipSync(entries, { level: 9, mtime: FIXED_MTIME });

  await mkdir(dirname(opts.outFile), { recursive: true });
  await writeFile(opts.outFile, zip);
  return { bytes: zip.byteLength, files };
}

/** Reads a zip into a map of entry path to bytes, in archive order. */
export async function readZipEntries(file: string): Promise<Map<string, Uint8Array>> {
  return new Map(Object.entries(unzipSync(new Uint8Array(await readFile(file)))));
}
