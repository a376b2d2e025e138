/**
 * Steps shared by the accessibility, Welsh and certificate tests: open a module's SCO page
 * on its own (no LMS: it runs standalone), run axe on it, answer in either language, move
 * with the keyboard alone, and the flagship module's paths in English and Welsh.
 *
 * Most steps take a `Scope`: the page itself (the SCO opened directly) or the player's
 * frame (`page.frameLocator('#sco')`), so the same steps work in both.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { en, type Strings } from '../../src/components/strings.js';
import { cy } from '../../src/components/strings-cy.js';
import { choiceName, escapeRegExp, interactions, type Interaction } from './helpers.js';
import { PROFILE_INTERACTION } from '../../src/core/profile.js';

export { en, cy, type Strings };

/** The page or the player's frame: both find elements the same way. */
export type Scope = Page | FrameLocator;

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Opens a module's SCO page directly (standalone: "Your progress is not being recorded"). */
export async function openSco(page: Page, module: string): Promise<void> {
  await page.goto(`/content/${module}/index.html`);
  await expect(page.locator('fl-course')).toBeAttached();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/**
 * Runs axe (WCAG 2.2 A and AA) on the page and fails with a readable list of the rules
 * broken and the elements (shadow roots included) that break them.
 */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  // Let Lit finish rendering and any arrival animation end, so colours are measured at rest.
  // A busy machine may start an animation a frame or two late: wait until none is running.
  // document.getAnimations() leaves out shadow roots in Chromium, so walk them.
  await page.evaluate(async () => {
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const animationsIn = (root: Document | ShadowRoot): Animation[] =>
      [...root.querySelectorAll('*')].flatMap((el) => [
        ...el.getAnimations(),
        ...(el.shadowRoot ? animationsIn(el.shadowRoot) : []),
      ]);
    for (let i = 0; i < 20; i++) {
      await frames();
      const running = animationsIn(document);
      if (running.length === 0) return;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  });
  // The SCO page has no frames, so axe's one-pass (legacy) mode checks all of it, and sooner.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  const readable = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n${v.nodes.map((n) => `    at ${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n')}`,
  );
  expect(readable, `axe violations on ${screen}`).toEqual([]);
}

/** The h1 on screen. */
export function h1(scope: Scope): Locator {
  return scope.getByRole('heading', { level: 1 });
}

/** The "Feedback" heading in the given language. */
export function feedbackIn(scope: Scope, t: Strings = en): Locator {
  return scope.getByRole('heading', { name: t.feedback, level: 2, exact: true });
}

/** Presses Start (or "Continue where you left off") in the given language. */
export async function startIn(scope: Scope, t: Strings = en): Promise<void> {
  const button = scope.getByRole('button', {
    name: new RegExp(`^(${escapeRegExp(t.start)}|${escapeRegExp(t.continueWhereLeft)})$`),
  });
  await button.click();
  await expect(button).toHaveCount(0);
}

/**
 * Answers the scenario on screen, in any language: one text picks that radio or selects the
 * button named by it (an action on a post or a plain button); several texts tick those
 * checkboxes. Then presses Submit and waits for the feedback.
 */
export async function answerIn(scope: Scope, choices: readonly string[], t: Strings = en): Promise<void> {
  if (choices.length !== 1) {
    for (const text of choices) await scope.getByRole('checkbox', { name: text, exact: true }).check();
  } else {
    const text = choices[0]!;
    const radio = scope.getByRole('radio', { name: text, exact: true });
    const button = scope.getByRole('button', { name: choiceName(text) });
    await expect(radio.or(button).first()).toBeVisible();
    if ((await radio.count()) > 0) await radio.check();
    else {
      await button.click();
      await expect(button).toHaveAttribute('aria-pressed', 'true');
    }
  }
  await scope.getByRole('button', { name: t.submit, exact: true }).click();
  await expect(feedbackIn(scope, t)).toBeVisible();
}

/** Presses "Continue" (or "See your results") in the given language. */
export async function continueIn(scope: Scope, t: Strings = en): Promise<void> {
  await scope
    .getByRole('button', { name: new RegExp(`^(${escapeRegExp(t.continue)}|${escapeRegExp(t.seeResults)})$`) })
    .click();
  await expect(feedbackIn(scope, t)).toHaveCount(0);
}

/** One step through a module: the scenario, and the choice(s) made on it. */
export interface Step {
  id: string;
  title: string;
  cyTitle: string;
  /** The text of the choice(s) to make, in English and in Welsh (several for a `select: many` scenario). */
  choices: string[];
  cyChoices: string[];
  /** The response the LMS is told: the choices' ids with `-` as `_`, `[,]`-separated. */
  response: string;
  /** The pattern of the best response. */
  pattern: string;
  /** A follow-up ("What happens next") rather than a numbered scenario. */
  followUp?: boolean;
}

/** The social-media-nhs module, in order, taking the best choice every time (15 screens, 2 follow-ups). */
export const FLAGSHIP_BEST: readonly Step[] = [
  {
    id: 'trending-complaint',
    title: 'A complaint that is trending',
    cyTitle: "Cwyn sy'n lledu ar-lein",
    choices: ['Stay off the post; tell comms and report the gap'],
    cyChoices: ["Cadw draw; rhoi gwybod i'r tîm cyfathrebu ac am y bwlch"],
    response: 'tell_comms',
    pattern: 'tell_comms',
  },
  {
    id: 'trending-complaint-comms',
    title: 'The communications team writes back',
    cyTitle: "Mae'r tîm cyfathrebu yn ateb",
    followUp: true,
    choices: ['Forward it to comms, and ask the matron to act before tonight'],
    cyChoices: ["Ei anfon at y tîm cyfathrebu; gofyn i'r fetron weithredu heno"],
    response: 'forward_and_report',
    pattern: 'forward_and_report',
  },
  {
    id: 'clinic-page',
    title: 'The clinic page you cannot open',
    cyTitle: 'Tudalen y clinig na allwch chi ei hagor',
    choices: ['Phone the clinic to check, then tell comms the page is out of date'],
    cyChoices: ["Ffonio'r clinig i wirio, yna dweud wrth y tîm cyfathrebu fod y dudalen wedi dyddio"],
    response: 'phone_and_tell_comms',
    pattern: 'phone_and_tell_comms',
  },
  {
    id: 'clinic-page-login',
    title: 'A login by email',
    cyTitle: 'Manylion mewngofnodi drwy e-bost',
    followUp: true,
    choices: ['Thank Marcus, but ask comms for your own access'],
    cyChoices: ["Diolch i Marcus, ond gofyn i'r tîm cyfathrebu am eich mynediad eich hun"],
    response: 'ask_for_access',
    pattern: 'ask_for_access',
  },
  {
    id: 'ward-selfie',
    title: 'A team photo on the ward',
    cyTitle: 'Llun tîm ar y ward',
    choices: ['Ask Dan to delete it now, then report it'],
    cyChoices: ['Gofyn i Dan ei ddileu nawr, yna rhoi gwybod amdano'],
    response: 'delete_and_report',
    pattern: 'delete_and_report',
  },
  {
    id: 'colleague-posts',
    title: "Scrolling through colleagues' posts",
    cyTitle: 'Sgrolio drwy bostiadau cydweithwyr',
    choices: ["Jess's post about Mrs Bell in Bay 3", "Ravi's post about a footballer in A&E", "Amy's post of an X-ray"],
    cyChoices: [
      'Postiad Jess am Mrs Bell ym Mae 3',
      'Postiad Ravi am bêl-droediwr yn yr Adran Achosion Brys',
      'Postiad Amy o belydr-X',
    ],
    response: 'jess_mrs_bell[,]ravi_footballer[,]amy_xray',
    pattern: 'jess_mrs_bell[,]ravi_footballer[,]amy_xray',
  },
  {
    id: 'friend-request',
    title: 'A friend request from a former patient',
    cyTitle: 'Cais ffrind gan gyn-glaf',
    choices: ['Decline, and point her to her GP or pharmacist'],
    cyChoices: ["Gwrthod, a'i chyfeirio at ei meddyg teulu neu ei fferyllydd"],
    response: 'decline_and_signpost',
    pattern: 'decline_and_signpost',
  },
  {
    id: 'after-shift-post',
    title: 'After a hard night',
    cyTitle: 'Ar ôl noson anodd',
    choices: ['Delete the draft and talk it through at debrief'],
    cyChoices: ["Dileu'r drafft a siarad am y peth mewn sesiwn ôl-drafod"],
    response: 'delete_and_debrief',
    pattern: 'delete_and_debrief',
  },
  {
    id: 'missed-observations',
    title: 'A concern that nobody acts on',
    cyTitle: 'Pryder nad oes neb yn gweithredu arno',
    choices: ["Raise it through your trust's speaking-up route"],
    cyChoices: ["Codi'r mater drwy drefn codi llais eich ymddiriedolaeth"],
    response: 'speak_up_route',
    pattern: 'speak_up_route',
  },
  {
    id: 'mortality-figures',
    title: 'Bad news in the official figures',
    cyTitle: 'Newyddion drwg yn y ffigurau swyddogol',
    choices: ['Quote it with a factual comment'],
    cyChoices: ['Ei ddyfynnu gyda sylw ffeithiol'],
    response: 'quote_factually',
    pattern: 'quote_factually',
  },
  {
    id: 'ward-group-chat',
    title: "The ward's group chat",
    cyTitle: 'Sgwrs grŵp y ward',
    choices: ['Go to Mrs Osei now; deal with the chat after'],
    cyChoices: ["Mynd at Mrs Osei nawr; delio â'r sgwrs wedyn"],
    response: 'see_patient_first',
    pattern: 'see_patient_first',
  },
  {
    id: 'fundraising-story',
    title: 'A patient offers her story',
    cyTitle: 'Claf yn cynnig ei stori',
    choices: ['Pass her offer on to the hospital charity team'],
    cyChoices: ['Trosglwyddo ei chynnig i dîm elusen yr ysbyty'],
    response: 'pass_to_charity',
    pattern: 'pass_to_charity',
  },
  {
    id: 'page-moderation',
    title: 'A diagnosis in the comments',
    cyTitle: 'Diagnosis yn y sylwadau',
    choices: ['Reply with an apology and a private way to get in touch'],
    cyChoices: ['Ateb gydag ymddiheuriad a ffordd breifat o gysylltu'],
    response: 'reply_general',
    pattern: 'reply_general',
  },
  {
    id: 'picket-line',
    title: 'A post from the picket line',
    cyTitle: "Postiad o'r llinell biced",
    choices: ['Swap your uniform photo, then post your view'],
    cyChoices: ['Newid llun eich gwisg, yna postio eich barn'],
    response: 'post_own_view',
    pattern: 'post_own_view',
  },
  {
    id: 'named-online',
    title: 'Named and threatened online',
    cyTitle: "Wedi'ch enwi a'ch bygwth ar-lein",
    choices: ['Screenshot the threats, then tell your manager and the police'],
    cyChoices: ["Tynnu sgrinlun o'r bygythiadau, yna dweud wrth eich rheolwr a'r heddlu"],
    response: 'screenshot_and_tell',
    pattern: 'screenshot_and_tell',
  },
];

/** What the LMS must be told for the flagship's best path, in either language (objectives left out). */
export const FLAGSHIP_INTERACTIONS: Omit<Interaction, 'objective'>[] = FLAGSHIP_BEST.map((s) => ({
  id: s.id,
  type: 'choice',
  response: s.response,
  pattern: s.pattern,
  result: 'correct',
}));

/** The SCORM 2004 interactions without their objectives, and each one's description. */
export function reported(cmi: Record<string, string>) {
  const found = interactions('2004', cmi);
  return {
    interactions: found.map(({ objective: _objective, ...rest }) => rest),
    // The decisions' slots: the learner's profile (written at the start) takes one too.
    descriptions: Object.keys(cmi)
      .filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k) && cmi[k] !== PROFILE_INTERACTION)
      .map((k) => Number(k.split('.')[2]))
      .sort((a, b) => a - b)
      .map((n) => cmi[`cmi.interactions.${n}.description`] ?? ''),
  };
}

/** Each description is the English "<title>: <question>" of the flagship's best path, whatever the learner's language. */
export function expectDescribedInEnglish(descriptions: readonly string[]): void {
  expect(descriptions.map((d, n) => (d.startsWith(`${FLAGSHIP_BEST[n]!.title}: `) ? 'English' : d))).toEqual(
    FLAGSHIP_BEST.map(() => 'English'),
  );
}

/**
 * The flagship's other branches, as far as the last follow-up: the choices that lead to
 * "The thread replies to you" and "Your manager asks to talk".
 */
export const FLAGSHIP_BRANCHES: readonly Step[] = [
  {
    ...FLAGSHIP_BEST[0]!,
    choices: ['Reply to Sian to say you were there and did your best'],
    cyChoices: ["Ateb Sian i ddweud eich bod chi yno a'ch bod wedi gwneud eich gorau"],
    response: 'reply_to_sian',
  },
  {
    id: 'trending-complaint-replies',
    title: 'The thread replies to you',
    cyTitle: "Mae'r edefyn yn troi atoch chi",
    followUp: true,
    choices: ['Delete your reply and own up to your manager'],
    cyChoices: ['Dileu eich ateb a chyfaddef wrth eich rheolwr'],
    response: 'delete_and_tell',
    pattern: 'delete_and_tell',
  },
  ...FLAGSHIP_BEST.slice(2, 8),
  {
    ...FLAGSHIP_BEST[8]!,
    choices: ['Post it, because the public deserves to know'],
    cyChoices: ['Ei bostio, gan fod y cyhoedd yn haeddu gwybod'],
    response: 'post_publicly',
  },
  {
    id: 'missed-observations-manager',
    title: 'Your manager asks to talk',
    cyTitle: 'Mae eich rheolwr eisiau siarad',
    followUp: true,
    choices: ['Take the post down, and go with your union rep'],
    cyChoices: ["Tynnu'r postiad i lawr, a mynd gyda'ch cynrychiolydd undeb"],
    response: 'take_down_and_meet',
    pattern: 'take_down_and_meet',
  },
];

/** The sample module's best path and the branch to its follow-up. */
export const SAMPLE_BEST: readonly Pick<Step, 'id' | 'title' | 'choices'>[] = [
  {
    id: 'ward-selfie',
    title: 'A selfie on the ward',
    choices: ['Ask Priya to delete it now and report it as an incident'],
  },
  {
    id: 'friend-request',
    title: 'A friend request from a former patient',
    choices: ['Decline, and suggest she asks her GP or pharmacist'],
  },
  {
    id: 'night-shift-post',
    title: 'A post after a hard shift',
    choices: ['Do not post it; talk it through at the team debrief'],
  },
];
export const SAMPLE_WORST: readonly Pick<Step, 'id' | 'title' | 'choices'>[] = [
  { id: 'ward-selfie', title: 'A selfie on the ward', choices: ['Leave it: it will only be up for a few minutes'] },
  {
    id: 'ward-selfie-manager',
    title: 'Your manager asks about the selfie',
    choices: ['Say you did not notice the patient board in the photo'],
  },
  {
    id: 'friend-request',
    title: 'A friend request from a former patient',
    choices: ['Accept and answer her question in a private message'],
  },
  {
    id: 'night-shift-post',
    title: 'A post after a hard shift',
    choices: ['Post it, but change the settings so only friends see it'],
  },
];

/* ---------- Keyboard ---------- */

/** What has focus, looking through shadow roots: enough to recognise a control. */
export interface FocusInfo {
  tag: string;
  type: string;
  id: string;
  /** The text inside (whitespace collapsed), or for an input its label's text. */
  text: string;
  checked: boolean;
  /** The class attribute. */
  cls: string;
  /** Whether focus is inside the document of `scope` at all (not in the player around it). */
  inside: boolean;
}

/** The element that really has focus in the scope's document. */
export async function focusInfo(scope: Scope): Promise<FocusInfo> {
  return scope.locator('html').evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const input = el instanceof HTMLInputElement ? el : null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      type: input?.type ?? '',
      id: el?.id ?? '',
      text: input ? squash(input.labels?.[0]?.textContent) : squash(el?.textContent),
      checked: input?.checked ?? false,
      cls: el?.getAttribute('class') ?? '',
      inside: document.hasFocus() && el !== null && el !== document.body,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, and returns it. Fails with
 * the list of everything focused on the way when it is not reached.
 */
export async function tabUntil(
  page: Page,
  scope: Scope,
  what: string,
  match: (f: FocusInfo) => boolean,
  options: { back?: boolean; max?: number } = {},
): Promise<FocusInfo> {
  const trail: string[] = [];
  for (let i = 0; i < (options.max ?? 60); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const f = await focusInfo(scope);
    if (f.inside && match(f)) return f;
    trail.push(f.inside ? `${f.tag}${f.type ? `[${f.type}]` : ''} "${f.text.slice(0, 60)}"` : '(outside the module)');
  }
  throw new Error(`Tab never reached ${what}; focus went to:\n  ${trail.join('\n  ')}`);
}

/** A button whose text is, or ends with, `text` (a choice button may show its verb or a tick first). */
export function isButton(text: string): (f: FocusInfo) => boolean {
  return (f) => f.tag === 'button' && f.text.endsWith(text);
}

/**
 * The styles that can show focus on the focused element, its label and the label's
 * ::before and ::after (NHS radios and checkboxes draw their focus ring there). The
 * element is remembered so the same one can be measured again after focus leaves.
 */
async function focusStyles(scope: Scope, remember: boolean): Promise<string> {
  return scope.locator('html').evaluate((_, keep) => {
    const w = window as unknown as { __flProbe?: Element };
    if (keep) {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      w.__flProbe = el ?? undefined;
    }
    const el = w.__flProbe;
    if (!el) return '';
    const props = [
      'outline-style',
      'outline-width',
      'outline-color',
      'box-shadow',
      'background-color',
      'color',
      'border-color',
      'text-decoration-line',
    ];
    const read = (e: Element, pseudo?: string) => {
      const s = getComputedStyle(e, pseudo);
      return props.map((p) => s.getPropertyValue(p)).join('|');
    };
    const parts = [read(el)];
    const label = el instanceof HTMLInputElement ? el.labels?.[0] : undefined;
    if (label) parts.push(read(label), read(label, '::before'), read(label, '::after'));
    return parts.join(' / ');
  }, remember);
}

/**
 * Asserts that the control now focused looks different from when it is not focused: the
 * measure is taken focused, then after Shift+Tab moves focus away, and Tab brings it back.
 */
export async function expectVisibleFocus(page: Page, scope: Scope, what: string): Promise<void> {
  const before = await focusInfo(scope);
  const focused = await focusStyles(scope, true);
  await page.keyboard.press('Shift+Tab');
  const unfocused = await focusStyles(scope, false);
  await page.keyboard.press('Tab');
  expect(await focusInfo(scope), `Tab returns to ${what}`).toEqual(before);
  expect(focused, `${what} shows where focus is (outline, box shadow, colours or underline change on focus)`).not.toBe(
    unfocused,
  );
}

/** Whether the document scrolls sideways (WCAG 1.4.10 Reflow), with what sticks out the furthest. */
export async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const elements: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        elements.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const width = root.clientWidth;
    const widest = elements
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter((x) => x.right > width + 1)
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map(
        (x) =>
          `${x.el.tagName.toLowerCase()}${x.el.className && typeof x.el.className === 'string' ? `.${x.el.className.trim().split(/\s+/).join('.')}` : ''} right=${Math.round(x.right)} "${(x.el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`,
      );
    return { scrollWidth: root.scrollWidth, clientWidth: width, widest };
  });
}

/** Asserts that the page does not scroll sideways. */
export async function expectNoHorizontalScroll(page: Page, screen: string): Promise<void> {
  const o = await horizontalOverflow(page);
  expect(
    o.scrollWidth,
    `${screen}: the page scrolls sideways (scrollWidth ${o.scrollWidth} > clientWidth ${o.clientWidth}); widest: ${o.widest.join('; ')}`,
  ).toBeLessThanOrEqual(o.clientWidth + 1);
}

/**
 * Text cut off by its box: visible elements that clip (overflow hidden or clip) content
 * wider than they are. Visually hidden text (1px boxes) is left out.
 */
export async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const elements: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        elements.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return elements
      .filter((el): el is HTMLElement => {
        if (!(el instanceof HTMLElement) || el.clientWidth <= 1 || !el.textContent?.trim()) return false;
        const s = getComputedStyle(el);
        if (s.visibility === 'hidden' || s.display === 'none') return false;
        const clips = ['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis';
        return clips && el.scrollWidth > el.clientWidth + 1;
      })
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}" (${el.scrollWidth} > ${el.clientWidth})`,
      );
  });
}

/** Buttons, radios and checkboxes on screen smaller than 24 by 24 CSS px (WCAG 2.2, 2.5.8). */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const elements: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        elements.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return elements
      .filter((el) =>
        el.matches('button, input[type=radio], input[type=checkbox], [role=button], [role=radio], [role=checkbox]'),
      )
      .map((el) => ({ el, box: el.getBoundingClientRect(), s: getComputedStyle(el) }))
      .filter(({ box, s }) => s.display !== 'none' && s.visibility !== 'hidden' && box.width * box.height > 0)
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[${el.type}]` : ''} "${((el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : el.textContent) ?? '').replace(/\s+/g, ' ').trim().slice(0, 50)}" ${box.width.toFixed(1)}x${box.height.toFixed(1)}`,
      );
  });
}

/** How many buttons, radios and checkboxes were measured (so a test knows it measured some). */
export async function countTargets(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const elements: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        elements.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const count = (sel: string) => elements.filter((el) => el.matches(sel)).length;
    return { button: count('button'), radio: count('input[type=radio]'), checkbox: count('input[type=checkbox]') };
  });
}
