import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ScormVersion } from '../src/core/scorm-names.js';

export type { ScormVersion };

export interface ManifestInput {
  /** Module id, kebab-case, e.g. 'social-media-nhs'. */
  id: string;
  title: string;
  /** Module version, e.g. '1.0.0'. */
  version: string;
  /** Pass mark in per cent, 0..100. */
  passMark: number;
  language: string;
  /** Every file in the package relative to the zip root, '/' separators, including the launch file; not imsmanifest.xml or the XSDs. */
  files: string[];
  /** Launch file; defaults to 'index.html'. */
  launch?: string;
  description?: string;
}

/** A namespace the manifest declares: its literal prefix (null = default namespace) and the XSD at the zip root. */
export interface ScormNamespace {
  prefix: string | null;
  uri: string;
  xsd: string;
}

/** Namespaces per version, in the order they are declared; the first is the imscp default namespace. */
export const NAMESPACES: Record<ScormVersion, ScormNamespace[]> = {
  '1.2': [
    { prefix: null, uri: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2', xsd: 'imscp_rootv1p1p2.xsd' },
    { prefix: 'adlcp', uri: 'http://www.adlnet.org/xsd/adlcp_rootv1p2', xsd: 'adlcp_rootv1p2.xsd' },
  ],
  '2004': [
    { prefix: null, uri: 'http://www.imsglobal.org/xsd/imscp_v1p1', xsd: 'imscp_v1p1.xsd' },
    { prefix: 'adlcp', uri: 'http://www.adlnet.org/xsd/adlcp_v1p3', xsd: 'adlcp_v1p3.xsd' },
    { prefix: 'adlseq', uri: 'http://www.adlnet.org/xsd/adlseq_v1p3', xsd: 'adlseq_v1p3.xsd' },
    { prefix: 'adlnav', uri: 'http://www.adlnet.org/xsd/adlnav_v1p3', xsd: 'adlnav_v1p3.xsd' },
    { prefix: 'imsss', uri: 'http://www.imsglobal.org/xsd/imsss', xsd: 'imsss_v1p0.xsd' },
  ],
};

/** The exact `<schemaversion>` text Moodle recognises. */
export const SCHEMA_VERSION: Record<ScormVersion, string> = { '1.2': '1.2', '2004': '2004 4th Edition' };

/** The SCO attribute name: lower-case in adlcp_rootv1p2.xsd, camel-case in adlcp_v1p3.xsd. */
export const SCORM_TYPE_ATTR: Record<ScormVersion, string> = { '1.2': 'adlcp:scormtype', '2004': 'adlcp:scormType' };

const SCHEMA_DIRS: Record<ScormVersion, string> = { '1.2': 'scorm12edition', '2004': 'scorm20044thedition' };

/** Escapes text for XML element content and double-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** Formats a number as an XSD decimal with a leading digit and no exponent (0.8, 1, 0.75). */
export function formatDecimal(value: number, digits = 4): string {
  const fixed = value.toFixed(digits);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** Turns any text into an xs:ID (NCName): letters, digits, '-', '_', '.', starting with a letter. */
function toId(text: string): string {
  const id = text.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^[A-Za-z_]/.test(id) ? id : `fl-${id}`;
}

function checkPath(path: string): void {
  if (
    !path ||
    path.startsWith('/') ||
    path.includes('\\') ||
    path.split('/').some((p) => p === '' || p === '.' || p === '..')
  ) {
    throw new Error(`manifest: file path must be relative with '/' separators: ${JSON.stringify(path)}`);
  }
}

/** Builds imsmanifest.xml for the given SCORM version; throws on a bad pass mark, path or missing launch file. */
export function buildManifest(input: ManifestInput, version: ScormVersion): string {
  const launch = input.launch ?? 'index.html';
  if (!Number.isFinite(input.passMark) || input.passMark < 0 || input.passMark > 100) {
    throw new Error(`manifest: passMark must be 0..100, got ${input.passMark}`);
  }
  const files = [...new Set(input.files)].sort();
  files.forEach(checkPath);
  if (!files.includes(launch)) throw new Error(`manifest: launch file ${launch} is not in files`);

  const ns = NAMESPACES[version];
  const manifestId = toId(`${input.id}-${input.version}`);
  const orgId = toId(`org-${input.id}`);
  const itemId = toId(`item-${input.id}`);
  const resId = toId(`res-${input.id}`);
  const title = escapeXml(input.title);
  const xmlns = ns.map((n) => `${n.prefix ? `xmlns:${n.prefix}` : 'xmlns'}="${n.uri}"`);
  const schemaLocation = ns.map((n) => `${n.uri} ${n.xsd}`).join(' ');
  const mastery =
    version === '1.2'
      ? `        <adlcp:masteryscore>${formatDecimal(input.passMark, 2)}</adlcp:masteryscore>`
      : [
          '        <imsss:sequencing>',
          '          <imsss:objectives>',
          `            <imsss:primaryObjective objectiveID="${escapeXml(input.id)}-passed" satisfiedByMeasure="true">`,
          `              <imsss:minNormalizedMeasure>${formatDecimal(input.passMark / 100)}</imsss:minNormalizedMeasure>`,
          '            </imsss:primaryObjective>',
          '          </imsss:objectives>',
          // The SCO sets completion and success itself; the LMS must not assume them
          // (docs/DESIGN.md, "Why the module does what it does with an LMS").
          '          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>',
          '        </imsss:sequencing>',
        ].join('\n');
  // IMS CP has no description element and LOM is not in the shipped XSD set, so the description is a comment.
  const about = `${input.title} ${input.version} (${input.language})${input.description ? `: ${input.description}` : ''}`;

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- ${about.replace(/-{2,}/g, '-').replace(/-$/, '- ')} -->`,
    `<manifest identifier="${manifestId}" version="${escapeXml(input.version)}"`,
    ...xmlns.map((x) => `    ${x}`),
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    `    xsi:schemaLocation="${schemaLocation}">`,
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    `    <schemaversion>${SCHEMA_VERSION[version]}</schemaversion>`,
    '  </metadata>',
    `  <organizations default="${orgId}">`,
    `    <organization identifier="${orgId}">`,
    `      <title>${title}</title>`,
    `      <item identifier="${itemId}" identifierref="${resId}" isvisible="true">`,
    `        <title>${title}</title>`,
    mastery,
    '      </item>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    `    <resource identifier="${resId}" type="webcontent" ${SCORM_TYPE_ATTR[version]}="sco" href="${escapeXml(launch)}">`,
    ...files.map((f) => `      <file href="${escapeXml(f)}"/>`),
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}

/** Folder holding the official XSDs (and DTDs) for a version, kept in the repository (scorm/xsd/README.md). */
export function schemaDir(version: ScormVersion): string {
  return fileURLToPath(new URL(`./xsd/${SCHEMA_DIRS[version]}/`, import.meta.url));
}

/** The official XSDs (and DTDs) to put at the zip root, sorted by name. */
export function schemaFiles(version: ScormVersion): { path: string; content: Uint8Array }[] {
  const dir = schemaDir(version);
  return readdirSync(dir)
    .filter((f) => /\.(xsd|dtd)$/.test(f))
    .sort()
    .map((f) => ({ path: f, content: new Uint8Array(readFileSync(join(dir, f))) }));
}
