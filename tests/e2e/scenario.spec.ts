/**
 * The scenario screen as a learner meets it: a choice is selected (and can be changed) before
 * Submit answer records it; what happens next is shown before the feedback; errors, names,
 * reading order and live-region announcements. Both SCORM versions where the LMS is told.
 */
import {
  VERSIONS,
  expect,
  expectCleanLog,
  feedbackHeading,
  heading,
  interactions,
  launch,
  readCmi,
  start,
  test,
} from './helpers.js';
import { MODULE, flagship, focused, lmsId, pageOf, tabUntil } from './flagship-helpers.js';

const course = flagship();
/** The first flagship scenario whose choices include actions on a post and plain buttons. */
const ACTIONS = course.scenarios.find(
  (s) => course.order[0] === s.id && s.choices.some((c) => c.action) && s.choices.some((c) => !c.action),
)!;

for (const version of VERSIONS) {
  test(`a choice is selected, changed by keyboard, and recorded only on Submit answer, SCORM ${version}`, async ({
    page,
  }) => {
    expect(ACTIONS, 'the flagship starts with a scenario that has actions and plain choices').toBeDefined();
    const frame = await launch(page, { module: MODULE, version });
    await start(frame);
    await expect(heading(frame)).toHaveText(ACTIONS.title);
    const action = ACTIONS.choices.find((c) => c.action)!;
    const plain = ACTIONS.choices.find((c) => !c.action)!;
    const first = frame.getByRole('button', { name: action.text, exact: true });
    const second = frame.getByRole('button', { name: plain.text, exact: true });
    await expect(first).toHaveAttribute('aria-pressed', 'false');

    await tabUntil(frame, (f) => f.tag === 'button' && f.text.endsWith(action.text));
    await pageOf(frame).keyboard.press('Enter');
    await expect(first).toHaveAttribute('aria-pressed', 'true');
    // Focus stays on the button pressed; nothing is recorded yet.
    expect((await focused(frame)).text).toContain(action.text);
    await tabUntil(frame, (f) => f.tag === 'button' && f.text.endsWith(plain.text));
    await pageOf(frame).keyboard.press('Space');
    await expect(second).toHaveAttribute('aria-pressed', 'true');
    await expect(first).toHaveAttribute('aria-pressed', 'false');
    await expect(feedbackHeading(frame)).toHaveCount(0);
    expect(interactions(version, await readCmi(page)), 'nothing recorded before Submit').toEqual([]);

    await tabUntil(frame, (f) => f.tag === 'button' && f.text === 'Submit answer');
    await pageOf(frame).keyboard.press('Enter');
    await expect(feedbackHeading(frame)).toBeFocused();
    expect(interactions(version, await readCmi(page)).map((x) => [x.id, x.response])).toEqual([
      [ACTIONS.id, lmsId(plain.id)],
    ]);
    await expect(second).toBeDisabled();
    await expect(second).toHaveAttribute('aria-pressed', 'true');
    await expect(frame.getByText('Your choice', { exact: true })).toHaveCount(1);
    await expectCleanLog(page, version);
  });

  test(`what happens next is shown after Submit and before the feedback, focus on it, SCORM ${version}`, async ({
    page,
  }) => {
    const frame = await launch(page, { version });
    await start(frame);
    await frame.getByRole('radio', { name: 'Ask Priya to crop the board out of the photo' }).check();
    // Before Submit there is no consequence on the page.
    await expect(frame.getByRole('heading', { name: 'What happens next', level: 2 })).toHaveCount(0);
    await frame.getByRole('button', { name: 'Submit answer' }).click();

    const next = frame.getByRole('heading', { name: 'What happens next', level: 2 });
    await expect(next).toBeFocused();
    const message = frame.getByRole('article', { name: /^Direct message from Priya Shah/ });
    await expect(message).toContainText('Two people had already shared the first one');
    await expect(feedbackHeading(frame)).toBeVisible();
    // The consequence comes before the feedback, in reading order.
    const order = await frame.locator('fl-scenario').evaluate((el) => {
      const root = el.shadowRoot!;
      const a = root.querySelector('#consequence-heading')!;
      const b = root.querySelector('#feedback-heading')!;
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? 'consequence first' : 'feedback first';
    });
    expect(order).toBe('consequence first');
    expect(interactions(version, await readCmi(page)).map((x) => x.response)).toEqual(['crop_photo']);
    await expectCleanLog(page, version);
  });
}
