/**
 * Every string the interface shows, in English. Other languages (strings-cy.ts) give the
 * same keys; the type makes a missing one a compile error.
 */
import type { Action, ComplianceStatus, Rating } from '../core/model.js';
import type { CodeTheme } from '../core/nmc-code.js';
import type { Group, Nation } from '../core/profile.js';

export const en = {
  languageName: 'English',
  /** The label of the button that switches to this language, written in this language. */
  switchTo: 'English',
  switchLanguageLabel: 'Language',
  progress: 'Progress',
  saving: 'Saving your progress…',
  saved: 'Progress saved',
  retrying: 'Not saved yet, retrying',
  unresponsive: 'Your learning system is not responding: do not close this window yet',
  standaloneStatus: 'Progress kept in this browser only',
  trySavingAgain: 'Try saving again',
  notRecordedTitle: 'Your progress is not being recorded.',
  notRecordedText:
    'No learning system was found, so your answers are kept in this browser only and your completion will not be reported.',
  browseTitle: 'Browse mode.',
  browseText: 'You can look around, but your answers and score are not recorded.',
  reviewTitle: 'Review.',
  reviewText: 'You have finished this module. This is a read-only review of your result.',
  welcome: (name: string) => `Welcome, ${name}.`,
  updatedTitle: 'This module has changed since your last visit.',
  updatedKept: (kept: number) => (kept === 1 ? 'We kept 1 of your answers.' : `We kept ${kept} of your answers.`),
  updatedRedo: 'Some choices you picked have been replaced. Please answer these scenarios again:',
  updatedRemoved: (removed: number) =>
    removed === 1
      ? '1 of your answers was to a scenario that has been taken out of the module. It no longer counts towards your score.'
      : `${removed} of your answers were to scenarios that have been taken out of the module. They no longer count towards your score.`,
  objectivesHeading: 'What you will be able to do',
  profileNation: 'Where do you work?',
  profileGroup: 'Your staff group',
  profileHint:
    'We use this to show the rules and the people to contact that apply to you. It does not change how your answers are marked.',
  nations: {
    england: 'England',
    wales: 'Wales',
    scotland: 'Scotland',
    'northern-ireland': 'Northern Ireland',
  } satisfies Record<Nation, string> as Record<Nation, string>,
  groups: {
    'nursing-midwifery': 'Nursing and midwifery',
    medical: 'Doctors',
    'allied-health': 'Allied health professions',
    pharmacy: 'Pharmacy',
    other: 'Other staff, for example admin, estates or support',
  } satisfies Record<Group, string> as Record<Group, string>,
  /** The line in the bar: "Wales · Nursing and midwifery". */
  profileLine: (nation: string, group: string) => `${nation} · ${group}`,
  profileChange: 'Change',
  profileChangeLabel: 'Change where you work and your staff group',
  profileFormTitle: 'Where you work and your staff group',
  profileSave: 'Save',
  profileCancel: 'Cancel',
  profileSaved: 'Saved. Your answers are kept.',
  /** What follows from the profile, on the results and the certificate. */
  profileWhere: 'Where you work',
  profileStaffGroup: 'Staff group',
  speakUpRouteFor: (nation: string) => `Speak Up route for ${nation}`,
  speakUpRoutes: {
    england: "your organisation's Freedom to Speak Up Guardian and the national Speak Up policy",
    wales: 'the Speaking Up Safely framework',
    scotland: 'the National Whistleblowing Standards',
    'northern-ireland': "your Health and Social Care organisation's whistleblowing arrangements",
  } satisfies Record<Nation, string> as Record<Nation, string>,
  prescribedBodyFor: (nation: string) => `Body you can raise concerns with outside your employer in ${nation}`,
  prescribedBodies: {
    england: 'Care Quality Commission (CQC)',
    wales: 'Healthcare Inspectorate Wales (HIW)',
    scotland: 'Healthcare Improvement Scotland (HIS)',
    'northern-ireland': 'Regulation and Quality Improvement Authority (RQIA)',
  } satisfies Record<Nation, string> as Record<Nation, string>,
  professionalCode: 'Your professional code',
  professionalCodes: {
    'nursing-midwifery': 'NMC Code (Nursing and Midwifery Council)',
    medical: 'GMC, Good medical practice (General Medical Council)',
    'allied-health': 'HCPC Standards of conduct, performance and ethics (Health and Care Professions Council)',
    pharmacy: 'GPhC Standards for pharmacy professionals (General Pharmaceutical Council)',
    other: "Your employer's policies (NHS Employers guidance); your role has no professional regulator",
  } satisfies Record<Group, string> as Record<Group, string>,
  certificateSources: 'Guidance for your staff group cited in this module',
  /** The reflective account for staff other than nurses and midwives (no NMC revalidation). */
  reflectiveIntroOther:
    'Reflecting on your learning is part of your CPD and, for registered professionals, of revalidation or renewal. This module can be the subject of a reflection. Answer these questions:',
  reflectiveOwnCode:
    "How is this relevant to your professional code or, if you have none, to your employer's policies?",
  facts: (minutes: number, passMark: number) => `It takes about ${minutes} minutes. You need ${passMark}% to pass.`,
  start: 'Start',
  continueWhereLeft: 'Continue where you left off',
  scenarioOf: (n: number, total: number) => `Scenario ${n} of ${total}`,
  whatHappensNext: 'What happens next',
  leftTitle: 'You have left the module',
  leftText: 'You can now close this window.',
  unstartedTitle: 'Your progress cannot be saved',
  unstartedText:
    'Your learning system did not start a session for this module, so nothing you do here would be recorded. Close this window, then open the module again from your learning system. Progress you saved before is kept.',
  unstartedCode: (code: string) => `The learning system gave error ${code}.`,
  selectAll: 'Select all that apply.',
  error: 'Error:',
  chooseAnswer: 'Choose an answer',
  submit: 'Submit answer',
  yourChoice: 'Your choice',
  feedback: 'Feedback',
  yourAnswer: (rating: string) => `Your answer: ${rating}`,
  pickedItem: (text: string, correct: boolean) => `You picked "${text}": ${correct ? 'correct' : 'not correct'}`,
  notPickedItem: (text: string, correct: boolean) =>
    `You did not pick "${text}": ${correct ? 'correct' : 'not correct'}`,
  bestWas: 'The best choice was:',
  or: 'or',
  source: 'Source:',
  continue: 'Continue',
  seeResults: 'See your results',
  useButtons: 'Some options are buttons on the post or message below. Choose one, then submit your answer.',
  otherOptions: 'Other options:',
  selectAtLeastOne: 'Select at least one post',
  ratings: { best: 'Best choice', acceptable: 'Partly right', wrong: 'Not the best choice' } satisfies Record<
    Rating,
    string
  >,
  resultsTitle: 'Your results',
  passed: 'You passed.',
  notPassed: 'You did not pass this time.',
  passMarkIs: (mark: number) => `The pass mark is ${mark}%.`,
  recordedPassed: 'Your learning system has recorded that you completed this module.',
  recordedResult: 'Your learning system has recorded your result. You can take the module again.',
  notSavedYet: 'Your result has not been saved by your learning system yet. Do not close this window.',
  browseResult: 'Browse mode: this result was not recorded.',
  keptLocally: 'No learning system recorded this result: it is kept in this browser only.',
  /** Shown when the learning system refused part of the result (LmsSession's recordincomplete event). */
  recordIncomplete:
    'Your learning system did not accept part of your result, so its record of this module may be incomplete. Your answers are kept in this browser. If your result does not show, tell your training team.',
  decisionsHeading: 'Your decisions',
  youChose: 'You chose:',
  allCorrect: 'All correct',
  partlyRight: (percent: number) => `Partly right: ${percent}%`,
  itemPicked: 'you picked it',
  itemNotPicked: 'you did not pick it',
  correctMark: '(correct)',
  notCorrectMark: '(not correct)',
  finishExit: 'Finish and exit',
  completedTitle: 'You have completed this module',
  completedRecorded: (result: string, title: string) =>
    `Your learning system has recorded that you ${result} ${title}.`,
  completedPlain: (title: string) => `You have finished ${title}.`,
  recordedWords: { passed: 'passed', failed: 'did not pass', completed: 'completed' } as Record<string, string>,
  detailsUnavailable: 'The details of each decision are not available on this device.',
  certificateButton: 'View your certificate',
  certificateTitle: 'Certificate of completion',
  certificateFor: 'This is to certify that',
  certificateCompleted: 'has completed the e-learning module',
  certificateVersion: (v: string) => `Version ${v}`,
  certificateDate: 'Date completed',
  certificateScore: 'Score',
  certificateTime: 'Time spent',
  certificateObjectives: 'Learning objectives',
  certificateCpd:
    'For your CPD record (NMC revalidation: keep this with your evidence of participatory or individual learning).',
  reflectionHeading: 'Your reflection',
  reflectionHint:
    'What did you learn, and how will it change your practice? This stays on this device; print it with your certificate.',
  print: 'Print or save as PDF',
  backToResults: 'Back to your results',
  minutes: (n: number) => `${n} ${n === 1 ? 'minute' : 'minutes'}`,
  /* Results: how to try again, results by objective, the decision review. */
  tryAgainHeading: 'How to try again',
  tryAgainFinish: 'Press Finish and exit.',
  tryAgainCloseReview: 'Close this review.',
  tryAgainLms:
    "On this module's page in your learning system, start a new attempt. In Moodle or Totara, tick Start a new attempt before you open the module.",
  tryAgainAsk: 'If you cannot find a way to start again, ask your training team.',
  tryAgainLocal: 'On your learning page, choose Take again for this module.',
  tryAgainLocalLink: 'Go to your learning page',
  tryAgainStandalone: 'Open the module again: it starts a new attempt in this browser.',
  objectiveResultsHeading: 'Your results by objective',
  objectiveMet: (percent: number) => `${percent}%: you met this objective.`,
  objectiveNotMet: (percent: number) => `${percent}%: below the pass mark. Look again at:`,
  reviewShow: (n: number) => `Show each decision and why (${n})`,
  reviewVerdicts: {
    best: 'Right: this was the best choice.',
    acceptable: 'Partly right: there was a better choice.',
    wrong: 'Wrong: this was not the right choice.',
  } satisfies Record<Rating, string>,
  reviewBestChoice: 'The best choice:',
  reviewWhyBest: 'Why it is best:',
  /* Certificate: CPD and NMC revalidation. */
  certificateCpdTime: 'CPD time',
  cpdIndividual: (time: string) => `${time} of individual learning`,
  certificateCode: 'NMC Code sections covered',
  /** Short names of the NMC Code's sections that modules cite; a section not listed shows under its parent's name. */
  codeSectionNames: {
    '5': 'Respecting privacy and confidentiality',
    '5.1': "Respecting a person's right to privacy",
    '14': 'Being open and candid when things go wrong',
    '16': 'Acting without delay on risks to safety',
    '16.1': 'Raising and escalating concerns about safety or care',
    '20': 'Upholding the reputation of your profession',
    '20.2': 'Acting with honesty and integrity',
    '20.6': 'Keeping clear professional boundaries',
    '20.10': 'Using all forms of communication, including social media, responsibly',
  } as Record<string, string>,
  codeSection: (section: string, name: string) => (name ? `${section}: ${name}` : `Section ${section}`),
  codeThemes: {
    people: 'Prioritise people',
    practice: 'Practise effectively',
    safety: 'Preserve safety',
    trust: 'Promote professionalism and trust',
  } satisfies Record<CodeTheme, string>,
  cpdRecord:
    'For your CPD record: learning on your own like this counts as individual learning, not participatory learning. Keep this certificate with your revalidation evidence.',
  reflectiveHeading: 'For a reflective account',
  reflectiveIntro:
    'For NMC revalidation you write five reflective accounts. This module can be the subject of one. Answer these questions:',
  reflectivePrompts: (themes: string) => [
    'What was the learning, and what did it cover?',
    'What did you learn from it?',
    'How did you change or improve your practice as a result?',
    `How is this relevant to the Code?${themes ? ` This module relates to the themes: ${themes}.` : ''}`,
  ],
  reflectionHere: 'Your answers stay on this device. Print them with your certificate.',
  /* The accessibility statement. */
  statementAbout: (title: string) => `This statement covers the e-learning module ${title}.`,
  statementUse:
    "We want as many people as possible to be able to use it. You should be able to change colours, contrast and fonts in your browser or device settings, zoom in up to 400% without text going off the screen, use the module with a keyboard alone or with a screen reader, and turn off animation with your device's reduced motion setting.",
  statementComplianceHeading: 'Compliance status',
  statementCompliance: {
    'fully-compliant':
      'This module is fully compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard.',
    'partially-compliant':
      'This module is partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard, because of the problems listed under Known problems.',
    'not-compliant':
      'This module is not compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard. The problems are listed under Known problems.',
  } satisfies Record<ComplianceStatus, string>,
  statementTestingHeading: 'How we test this module',
  statementTesting:
    'Every screen is checked with automated tests (axe), and the whole module is completed with a keyboard alone, each time the module is built.',
  statementProblemsHeading: 'Known problems',
  statementProblems:
    'The social media posts in the scenarios are made up, so their links and counts do nothing. Welsh text drafted by a machine is marked for review by Welsh speakers. Not every screen has yet been checked by hand with every screen reader.',
  statementContactHeading: 'Reporting a problem or asking for another format',
  statementContact: 'If you find a problem, or need this module in another format, contact:',
  statementContactDefault:
    'If you find a problem, or need this module in another format, contact the training team in your organisation. They can pass it on to the people who wrote the module.',
  statementEmail: 'Email:',
  statementPhone: 'Phone:',
  statementEnforcementHeading: 'Enforcement procedure',
  statementEnforcement:
    'The Equality and Human Rights Commission enforces the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how your organisation answers your complaint, contact the Equality Advisory and Support Service (EASS).',
  statementPreparedHeading: 'Preparation of this statement',
  statementPrepared: (prepared: string, reviewed: string) =>
    `This statement was prepared on ${prepared}. It was last reviewed on ${reviewed}.`,
  accessibilityLink: 'Accessibility statement',
  accessibilityTitle: 'Accessibility statement',
  back: 'Back',
  /** Month names for dates (browsers lack Welsh date formats, so dates are written from these). */
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  loading: 'Loading…',
  partNotLoaded: 'This part of the module did not load. Check your connection, then try again.',
  tryAgain: 'Try again',
  actions: {
    reply: 'Reply',
    repost: 'Repost',
    quote: 'Quote',
    like: 'Like',
    share: 'Share',
    report: 'Report',
    hide: 'Hide',
    delete: 'Delete',
    screenshot: 'Screenshot',
    leave: 'Leave',
    accept: 'Accept',
    decline: 'Decline',
    open: 'Open',
    forward: 'Forward',
  } satisfies Record<Action, string>,
  things: { post: 'post', group: 'group', request: 'request', message: 'message' },
  /** How the learner is named as the author of their own post or message in content. */
  you: 'You',
  /** An action button's name when its choice's words do not start with the verb it shows. */
  verbAndChoice: (verb: string, choice: string) => `${verb}: ${choice}`,
  actionsOn: (owner: string, thing: string) =>
    owner === 'You' ? `Actions on your ${thing}` : `Actions on ${owner}'s ${thing}`,
  repliesTo: (owner: string) => (owner === 'You' ? 'Replies to your post' : `Replies to ${owner}`),
  /** A post arriving, for the announcement: "Dawn Hughes (posted)", or "your post". */
  newPost: (author: string) => (author === 'You' ? 'your post' : `${author} (posted)`),
  commentsOn: (owner: string) => `Comments on ${owner}'s post`,
  messagesIn: (group: string) => `Messages in ${group}`,
  posted: 'posted',
  /** Counts under a post, with the noun agreeing with the number. */
  counts: {
    replies: (n: number): string => (n === 1 ? 'reply' : 'replies'),
    reposts: (n: number): string => (n === 1 ? 'repost' : 'reposts'),
    likes: (n: number): string => (n === 1 ? 'like' : 'likes'),
    shares: (n: number): string => (n === 1 ? 'share' : 'shares'),
    comments: (n: number): string => (n === 1 ? 'comment' : 'comments'),
  },
  /** A post's age as social sites write it ("3h"), said in full: "3 hours ago". */
  ago: {
    m: (n: number) => `${n} ${n === 1 ? 'minute' : 'minutes'} ago`,
    h: (n: number) => `${n} ${n === 1 ? 'hour' : 'hours'} ago`,
    d: (n: number) => `${n} ${n === 1 ? 'day' : 'days'} ago`,
    w: (n: number) => `${n} ${n === 1 ? 'week' : 'weeks'} ago`,
  },
  enlargeImage: 'Show the image full size',
  close: 'Close',
  pagePost: 'page post',
  groupChat: 'group chat',
  members: (n: number, names: string) => `${n} ${n === 1 ? 'member' : 'members'}: ${names}`,
  friendRequestFrom: (name: string) => `Friend request from ${name}`,
  mutualFriends: (n: number) => `${n} mutual ${n === 1 ? 'friend' : 'friends'}`,
  email: 'Email',
  directMessage: 'Direct message',
  from: 'from',
  to: 'To',
  subject: 'Subject',
  received: 'Received',
  newArrival: (what: string) => `New: ${what}`,
  contentInEnglish: 'This part has not been translated yet, so it is shown in English.',
};

export type Strings = typeof en;
