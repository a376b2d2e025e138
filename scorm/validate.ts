import { validateXML } from 'xmllint-wasm';
import { NAMESPACES, SCHEMA_VERSION, SCORM_TYPE_ATTR, schemaFiles, type ScormVersion } from './manifest';

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

/**
 * A schema with no namespace of its own that imports every namespace the manifest uses,
 * so libxml2 loads all of them (imscp alone would only know its own namespace).
 */
export function driverSchema(version: ScormVersion): string {
  const imports = NAMESPACES[version].map((n) => `  <xs:import namespace="${n.uri}" schemaLocation="${n.xsd}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">',
    ...imports,
    '</xs:schema>',
    '',
  ].join('\n');
}

/**
 * The XSD set as validated: identical to what ships, except that lax wildcards become strict.
 * imscp_v1p1.xsd (2004) accepts foreign elements and attributes with processContents="lax", which
 * skips any name that has no declaration, so a misspelt `imsss:sequencng` or `adlcp:scormtype`
 * would pass even with every namespace imported. Strict wildcards demand a declaration.
 */
function strictSchemas(version: ScormVersion): { fileName: string; contents: string }[] {
  const decoder = new TextDecoder();
  return schemaFiles(version).map((f) => ({
    fileName: f.path,
    contents: decoder.decode(f.content).replace(/processContents\s*=\s*(["'])lax\1/g, 'processContents="strict"'),
  }));
}

/** Validates a manifest strictly against the official XSDs plus checkMoodleRules; `files` enables the file-list checks. */
export async function validateManifest(
  xml: string,
  version: ScormVersion,
  files?: string[],
): Promise<ValidationResult> {
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
    schema: [{ fileName: 'frontline-driver.xsd', contents: driverSchema(version) }],
    preload: strictSchemas(version),
  });
  const xsdErrors = result.errors.map((e) =>
    e.loc ? `imsmanifest.xml:${e.loc.lineNumber}: ${e.message}` : e.rawMessage,
  );
  if (!result.valid && xsdErrors.length === 0) xsdErrors.push(result.rawOutput.trim() || 'XSD validation failed');
  const errors = [...xsdErrors, ...checkMoodleRules(xml, version, files)];
  return { valid: errors.length === 0, errors };
}

interface Tag {
  name: string;
  attrs: Record<string, string>;
  text: string;
  parent: number; // index into the tag list, -1 for the root
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (m, hex?: string, dec?: string, name?: string) =>
    hex || dec ? String.fromCodePoint(hex ? parseInt(hex, 16) : Number(dec)) : (named[name ?? ''] ?? m),
  );
}

/**
 * Reads elements by their literal (prefixed) names, the way Moodle's manifest parser does.
 * Enough for manifests; well-formedness itself is checked by libxml2 in validateManifest.
 */
function scanTags(xml: string): Tag[] {
  const src = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '');
  const tags: Tag[] = [];
  const stack: number[] = [];
  const re = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\/([A-Za-z_][\w.:-]*)\s*>/g;
  for (const m of src.matchAll(re)) {
    const [whole, name = '', attrText = '', selfClosing] = m;
    if (m[4]) {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
      attrs[a[1] ?? ''] = decodeEntities(a[2] ?? a[3] ?? '');
    const end = (m.index ?? 0) + whole.length;
    const next = src.indexOf('<', end);
    const text = selfClosing ? '' : decodeEntities(src.slice(end, next < 0 ? undefined : next));
    tags.push({ name, attrs, text, parent: stack.at(-1) ?? -1 });
    if (!selfClosing) stack.push(tags.length - 1);
  }
  return tags;
}

/** The manifest's tags, and a way to find a tag's children by name. */
interface Tags {
  tags: Tag[];
  children(parent: number, name: string): Tag[];
}

/** Checks what Moodle 4.5 enforces beyond the XSDs; `files` (every path in the zip) enables the file-list checks. */
export function checkMoodleRules(xml: string, version: ScormVersion, files?: string[]): string[] {
  const tags = scanTags(xml);
  const doc: Tags = { tags, children: (parent, name) => tags.filter((t) => t.parent === parent && t.name === name) };
  const rootIndex = tags.findIndex((t) => t.parent === -1);
  const root = tags[rootIndex];
  if (!root || root.name !== 'manifest')
    return [`root element must be <manifest>, found ${root ? `<${root.name}>` : 'none'}`];
  return [
    ...schemaErrors(doc, rootIndex, version),
    ...namespaceErrors(doc, root, version),
    ...itemErrors(doc, version),
    ...(files ? fileErrors(doc, root, version, files) : []),
  ];
}

/** The schema and its version, exactly (anything but the exact text silently becomes 1.2 in Moodle). */
function schemaErrors({ tags, children }: Tags, rootIndex: number, version: ScormVersion): string[] {
  const errors: string[] = [];
  const metadata = children(rootIndex, 'metadata')[0];
  const metaIndex = metadata ? tags.indexOf(metadata) : -2;
  const schema = children(metaIndex, 'schema')[0];
  const schemaversion = children(metaIndex, 'schemaversion')[0];
  if (schema?.text !== 'ADL SCORM')
    errors.push(`<metadata><schema> must be exactly "ADL SCORM", found ${JSON.stringify(schema?.text ?? null)}`);
  if (schemaversion?.text !== SCHEMA_VERSION[version]) {
    errors.push(
      `<metadata><schemaversion> must be exactly "${SCHEMA_VERSION[version]}", found ${JSON.stringify(schemaversion?.text ?? null)}`,
    );
  }
  return errors;
}

/** imscp is the default namespace; the others are bound only to their literal prefix. */
function namespaceErrors({ tags }: Tags, root: Tag, version: ScormVersion): string[] {
  const errors: string[] = [];
  const [imscp, ...prefixed] = NAMESPACES[version];
  if (!imscp) throw new Error(`no namespaces for SCORM ${version}`);
  if (root.attrs.xmlns !== imscp.uri)
    errors.push(`the default namespace must be ${imscp.uri}, found ${JSON.stringify(root.attrs.xmlns ?? null)}`);
  const declarations = tags.flatMap((t) =>
    Object.entries(t.attrs).filter(([k]) => k === 'xmlns' || k.startsWith('xmlns:')),
  );
  for (const ns of NAMESPACES[version]) {
    const expected = ns.prefix ? `xmlns:${ns.prefix}` : 'xmlns';
    for (const [name, uri] of declarations) {
      if (uri === ns.uri && name !== expected)
        errors.push(`namespace ${ns.uri} must be declared as ${expected}, found ${name}`);
      if (name === expected && uri !== ns.uri) errors.push(`${expected} must be ${ns.uri}, found ${uri}`);
    }
  }
  for (const ns of prefixed.filter((n) => n.prefix === 'adlcp' || n.prefix === 'imsss')) {
    if (root.attrs[`xmlns:${ns.prefix}`] !== ns.uri)
      errors.push(`<manifest> must declare xmlns:${ns.prefix}="${ns.uri}"`);
  }
  return errors;
}

/** Every resource an item launches is a SCO, and carries the pass mark. */
function itemErrors(doc: Tags, version: ScormVersion): string[] {
  const errors: string[] = [];
  const { tags } = doc;
  const resources = new Map(tags.filter((t) => t.name === 'resource').map((t) => [t.attrs.identifier, t]));
  const items = tags.map((t, i) => ({ t, i })).filter(({ t }) => t.name === 'item' && t.attrs.identifierref);
  if (items.length === 0) errors.push('no <item> launches a resource (identifierref)');
  const attr = SCORM_TYPE_ATTR[version];
  for (const { t: item, i } of items) {
    const ref = item.attrs.identifierref;
    const resource = resources.get(ref);
    if (!resource) errors.push(`item ${item.attrs.identifier} refers to missing resource ${ref}`);
    else if (resource.attrs[attr] !== 'sco') {
      const other = Object.keys(resource.attrs).find((k) => k.toLowerCase() === attr.toLowerCase() && k !== attr);
      errors.push(
        `resource ${ref} must have ${attr}="sco"${other ? ` (found ${other}, which is the wrong case for SCORM ${version})` : ''}`,
      );
    }
    errors.push(...(version === '1.2' ? masteryScoreErrors(doc, item, i) : passMeasureErrors(doc, item, i)));
  }
  return errors;
}

/** SCORM 1.2: the item's mastery score, 0 to 100. */
function masteryScoreErrors({ children }: Tags, item: Tag, i: number): string[] {
  const score = children(i, 'adlcp:masteryscore')[0];
  if (!score) return [`item ${item.attrs.identifier} has no <adlcp:masteryscore>`];
  if (!/^\d+(\.\d+)?$/.test(score.text) || Number(score.text) > 100)
    return [`adlcp:masteryscore must be a number 0..100, found "${score.text}"`];
  return [];
}

/** SCORM 2004: the primary objective's minimum measure, 0 to 1, satisfied by measure. */
function passMeasureErrors({ tags, children }: Tags, item: Tag, i: number): string[] {
  const seq = children(i, 'imsss:sequencing')[0];
  const objectives = seq ? children(tags.indexOf(seq), 'imsss:objectives')[0] : undefined;
  const primary = objectives ? children(tags.indexOf(objectives), 'imsss:primaryObjective')[0] : undefined;
  const measure = primary ? children(tags.indexOf(primary), 'imsss:minNormalizedMeasure')[0] : undefined;
  if (!measure)
    return [
      `item ${item.attrs.identifier} has no imsss:sequencing/imsss:objectives/imsss:primaryObjective/imsss:minNormalizedMeasure`,
    ];
  const errors: string[] = [];
  if (!/^\d+(\.\d+)?$/.test(measure.text) || Number(measure.text) > 1)
    errors.push(`imsss:minNormalizedMeasure must be a decimal 0..1 with a leading digit, found "${measure.text}"`);
  if (primary?.attrs.satisfiedByMeasure !== 'true')
    errors.push('imsss:primaryObjective must have satisfiedByMeasure="true"');
  return errors;
}

/** Every href exists in the package, and every content file is listed. */
function fileErrors({ tags }: Tags, root: Tag, version: ScormVersion, files: string[]): string[] {
  const errors: string[] = [];
  const present = new Set(files);
  const schemaNames = new Set(schemaFiles(version).map((f) => f.path));
  const hrefs = tags.flatMap((t) =>
    (t.name === 'file' || t.name === 'resource') && t.attrs.href !== undefined ? [t.attrs.href] : [],
  );
  for (const href of new Set(hrefs)) if (!present.has(href)) errors.push(`listed file ${href} is not in the package`);
  const listed = new Set(hrefs);
  for (const f of files) {
    if (f !== 'imsmanifest.xml' && !schemaNames.has(f) && !listed.has(f))
      errors.push(`package file ${f} is not listed as <file href> in the manifest`);
  }
  const locations = (root.attrs['xsi:schemaLocation'] ?? '')
    .trim()
    .split(/\s+/)
    .filter((_, k) => k % 2 === 1);
  for (const xsd of locations)
    if (!present.has(xsd)) errors.push(`xsi:schemaLocation names ${xsd}, which is not in the package`);
  return errors;
}
