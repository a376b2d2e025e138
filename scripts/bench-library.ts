/**
 * The benchmark's generated library: 20 modules of 25 scenarios each, written as trainers
 * write them (AUTHORING.md), and a build of every module in a content root other than the
 * project's, done the way scripts/build.ts does it.
 *
 * `tsx scripts/bench-library.ts <contentRoot> <outDir>` builds every module under
 * <contentRoot>/modules into <outDir> and prints one JSON line of timings.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LibraryShape {
  modules: number;
  scenariosPerModule: number;
}

export const LIBRARY: LibraryShape = { modules: 20, scenariosPerModule: 25 };

const PEOPLE = [
  'Sian Morris',
  'Gary Pike',
  'Mel Ashton',
  'Ravi Shah',
  'Hannah Price',
  'Kofi Mensah',
  'Amy Clarke',
  'Jess Lowe',
  'Tom Evans',
  'Bethan Lloyd',
];
const PLACES = [
  'the acute medical unit',
  "the children's ward",
  'the emergency department',
  'the stroke unit',
  'a GP surgery',
  'the community nursing team',
  'the maternity unit',
  'outpatients',
];
const TOPICS = [
  "a patient's complaint",
  'a photo taken at work',
  "a colleague's post",
  'a message from a former patient',
  'a story in the local news',
  'a fundraising page',
  'a post about staffing',
  'a group chat at work',
];

const pad = (n: number) => String(n).padStart(2, '0');
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
const handle = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, '_');

function feedback(n: number, good: boolean): string {
  const first = good
    ? 'This is the best choice. It keeps patient information private and uses the route your trust has set up for this.'
    : 'This could share information that is not yours to share, even if you mean well and leave out names.';
  return (
    `${first} People who know where you work may read what you post as the trust speaking, so take care.\n\n` +
    `Ask your manager or the communications team if you are unsure. They deal with situations like number ${n} every week, and they would rather hear from you early.`
  );
}

/** Adds one choice, with its rating, source and feedback, to the scenario's choices. */
type AddChoice = (text: string, cid: string, rating: string, extra?: string[], good?: boolean) => void;

/** One scenario file. Kinds rotate: plain choices, actions on a post, a feed (select many). */
function scenario(
  moduleIndex: number,
  index: number,
  id: string,
  objective: string,
  opts: { branchTo?: string; followUp?: boolean },
): string {
  const seed = moduleIndex * 31 + index;
  const kind = opts.followUp ? 'plain' : index % 7 === 3 ? 'feed' : index % 3 === 1 ? 'post' : 'plain';
  const person = pick(PEOPLE, seed);
  const place = pick(PLACES, seed);
  const topic = pick(TOPICS, seed);
  const front = [
    `---`,
    `id: ${id}`,
    `title: ${opts.followUp ? 'What happens next' : 'Situation'} ${moduleIndex + 1}.${index + 1}, ${topic}`,
    `objective: ${objective}`,
  ];
  if (kind === 'feed') front.push('select: many');
  front.push('review-by: 2027-11-30', '---', '');
  const lines = [
    ...front,
    '## Situation',
    '',
    `You work in ${place} at Northshire General Hospital. On your day off you see ${topic} on social media. ${person} has shared it, and people are starting to reply.`,
    '',
  ];
  const choices: string[] = [];
  const choice: AddChoice = (text, cid, rating, extra = [], good = rating === 'best') => {
    choices.push(
      `### ${text}`,
      '',
      `- id: ${cid}`,
      ...extra,
      `- rating: ${rating}`,
      '- source: NMC Code, section 5; NHS Employers, HR and social media in the NHS (2013)',
      '',
      feedback(seed, good),
      '',
    );
  };
  if (kind === 'feed') lines.push(...feedScenario(seed, choice));
  else if (kind === 'post') lines.push(...postScenario(seed, person, choice, opts.branchTo));
  else lines.push(...plainScenario(choice, opts.branchTo));
  return [...lines, ...choices].join('\n');
}

/** Four posts, every other one breaching confidentiality: pick them all. */
function feedScenario(seed: number, choice: AddChoice): string[] {
  const lines: string[] = [];
  for (let p = 0; p < 4; p++) {
    const author = pick(PEOPLE, seed + p);
    lines.push(
      '```post',
      `id: post-${p + 1}`,
      `author: ${author}`,
      `handle: ${handle(author)}`,
      `time: ${p + 1}h`,
      'text: |',
      p % 2 === 0
        ? `  Lovely to see the patient in bed ${p + 2} up and about today. Made my shift!`
        : '  Twelve hours and one cold cup of tea. Off to bed now.',
      `likes: ${10 + p * 7}`,
      '```',
      '',
    );
  }
  lines.push('## Question', '', 'Pick every post that breaches patient confidentiality.', '', '## Choices', '');
  for (let p = 0; p < 4; p++)
    choice(`The post by ${pick(PEOPLE, seed + p)}`, `item-${p + 1}`, p % 2 === 0 ? 'best' : 'wrong', [
      `- target: post-${p + 1}`,
    ]);
  return lines;
}

/** A complaint posted about the hospital, with a thread, and actions on it. */
function postScenario(seed: number, person: string, choice: AddChoice, branchTo?: string): string[] {
  const lines = [
    // Text about the post comes before it: a post with the answer buttons is the last thing read.
    'You were on shift that night and you remember the patient.',
    '',
    '```post',
    'id: the-post',
    `author: ${person}`,
    `handle: ${handle(person)}`,
    'time: 2h',
    'text: |',
    `  Waited hours at Northshire General last night. Nobody came.`,
    '  Is this what the NHS has come to?',
    'replies: 40',
    'reposts: 120',
    'likes: 300',
    'thread:',
    `  - author: ${pick(PEOPLE, seed + 3)}`,
    `    handle: ${handle(pick(PEOPLE, seed + 3))}`,
    '    time: 1h',
    '    text: Same thing happened to my mum.',
    '```',
    '',
    '## Question',
    '',
    'What do you do?',
    '',
    '## Choices',
    '',
  ];
  choice('Reply to say you were there and did your best', 'reply-to-post', 'wrong', [
    '- action: reply',
    '- target: the-post',
    ...(branchTo ? [`- next: ${branchTo}`] : []),
  ]);
  choice('Repost it with a comment about staffing', 'repost-it', 'wrong', ['- action: repost', '- target: the-post']);
  choice('Do not engage online; tell the communications team', 'tell-comms', 'best');
  return lines;
}

/** Three plain choices: best, acceptable and wrong. */
function plainScenario(choice: AddChoice, branchTo?: string): string[] {
  choice('Do not post anything; talk to your manager', 'talk-to-manager', 'best');
  choice('Post a reply that leaves out names', 'reply-without-names', 'acceptable', [], false);
  choice('Share it with a comment of your own', 'share-it', 'wrong', branchTo ? [`- next: ${branchTo}`] : []);
  return ['## Question', '', 'What do you do?', '', '## Choices', ''];
}

/** Writes modules/ and content/ for the library under `root` (emptied first). Returns the module ids. */
export function generateLibrary(root: string, shape: LibraryShape = LIBRARY): string[] {
  rmSync(root, { recursive: true, force: true });
  const ids: string[] = [];
  const objectives = ['confidentiality', 'boundaries', 'raising-concerns'];
  for (let m = 0; m < shape.modules; m++) {
    const id = `library-${pad(m + 1)}`;
    ids.push(id);
    const moduleDir = join(root, 'modules', id);
    const contentDir = join(root, 'content', id);
    mkdirSync(moduleDir, { recursive: true });
    mkdirSync(contentDir, { recursive: true });
    // Two follow-ups reached by branches, the rest on the main path.
    const followUps = 2;
    const main = shape.scenariosPerModule - followUps;
    const mainIds = Array.from({ length: main }, (_, i) => `situation-${pad(i + 1)}`);
    mainIds.forEach((sid, i) => {
      const branchTo = i === 1 ? 'follow-up-01' : i === 5 ? 'follow-up-02' : undefined;
      writeFileSync(join(contentDir, `${sid}.md`), scenario(m, i, sid, pick(objectives, i), { branchTo }));
    });
    for (let f = 0; f < followUps; f++) {
      const sid = `follow-up-${pad(f + 1)}`;
      writeFileSync(join(contentDir, `${sid}.md`), scenario(m, main + f, sid, pick(objectives, f), { followUp: true }));
    }
    writeFileSync(
      join(moduleDir, 'module.yaml'),
      [
        `id: ${id}`,
        `title: Generated library module ${m + 1}`,
        'version: 1.0.0',
        'language: en-GB',
        'pass-mark: 80',
        'estimated-minutes: 30',
        'review-by: 2027-11-30',
        `collection: ${id}`,
        'objectives:',
        ...objectives.flatMap((o) => [`  - id: ${o}`, `    title: Objective ${o.replace(/-/g, ' ')}`]),
        'scenarios:',
        ...mainIds.map((sid) => `  - ${sid}`),
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(moduleDir, 'introduction.md'),
      `This generated module has ${shape.scenariosPerModule} short scenarios. For each one, choose what you would do.\n`,
    );
    writeFileSync(
      join(moduleDir, 'summary.md'),
      '## Key points\n\n- Keep patient information private online.\n- Ask before you post.\n',
    );
  }
  return ids;
}

/**
 * Builds every module under contentRoot/modules into outDir, as scripts/build.ts does: the
 * content check of every module, one app bundle, then each module's folder and its two packages.
 */
async function buildLibrary(contentRoot: string, outDir: string) {
  const started = performance.now();
  const projectRoot = fileURLToPath(new URL('..', import.meta.url));
  const { build } = await import('vite');
  const { listModules, loadCourse } = await import('../src/compiler/course.js');
  const { frontlineViteConfig } = await import('../src/compiler/vite-config.js');
  const { writeModuleFolder } = await import('../src/compiler/module-folder.js');
  const packaging = (await import('../scorm/package.js')) as typeof import('../scorm/package.js') & {
    planPackage?: (o: Parameters<typeof import('../scorm/package.js').writePackage>[0]) => Promise<unknown>;
    writePackages?: (plans: unknown[]) => Promise<unknown>;
  };
  const imported = performance.now();
  const ids = listModules(contentRoot);
  const loaded = ids.map((id) => loadCourse(contentRoot, id));
  const checked = performance.now();
  const appDir = join(outDir, '.app');
  const config = frontlineViteConfig(projectRoot);
  await build({ ...config, logLevel: 'silent', build: { ...config.build, outDir: appDir } });
  const bundled = performance.now();
  let scenarios = 0;
  let foldersMs = 0;
  let packageMs = 0;
  // Where the project validates every manifest in one go (planPackage + writePackages), do the same.
  const plans: unknown[] = [];
  for (const [i, id] of ids.entries()) {
    const result = loaded[i]!;
    const { course } = result;
    scenarios += course.scenarios.length;
    const t = performance.now();
    const dir = join(outDir, id);
    writeModuleFolder(appDir, dir, result);
    const t2 = performance.now();
    foldersMs += t2 - t;
    const options = (['1.2', '2004'] as const).map((version) => ({
      dir,
      outFile: join(outDir, `${id}-scorm${version === '1.2' ? '12' : '2004'}.zip`),
      version,
      input: {
        id: course.id,
        title: course.title,
        version: course.version,
        passMark: course.passMark,
        language: course.language,
      },
    }));
    if (packaging.planPackage && packaging.writePackages)
      for (const o of options) plans.push(await packaging.planPackage(o));
    // As scripts/build.ts does: a module's two packages at once, each manifest in its own worker.
    else await Promise.all(options.map((o) => packaging.writePackage(o)));
    packageMs += performance.now() - t2;
  }
  if (plans.length) {
    const t = performance.now();
    await packaging.writePackages!(plans);
    packageMs += performance.now() - t;
  }
  const done = performance.now();
  const cpu = process.cpuUsage();
  console.log(
    JSON.stringify({
      modules: ids.length,
      scenarios,
      importMs: Math.round(imported - started),
      checkMs: Math.round(checked - imported),
      appBundleMs: Math.round(bundled - checked),
      foldersMs: Math.round(foldersMs),
      packageMs: Math.round(packageMs),
      totalMs: Math.round(done - started),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      batchedValidation: plans.length > 0,
    }),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [contentRoot, outDir] = process.argv.slice(2);
  if (!contentRoot || !outDir) {
    console.error('usage: tsx scripts/bench-library.ts <contentRoot> <outDir>');
    process.exit(2);
  }
  await buildLibrary(resolve(contentRoot), resolve(outDir));
}
