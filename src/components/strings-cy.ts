/**
 * Every string the interface shows, in Welsh (Cymraeg).
 *
 * MACHINE-DRAFTED WELSH: a Welsh speaker must review this file before it is used with
 * learners. Keep the keys and function signatures the same as `en` in strings.ts.
 *
 * Mutations: personal and group names are always placed where Welsh grammar does not
 * mutate them (after the noun they own: "postiad Dawn Hughes", "cais Janine Ward"), or after
 * a colon.
 */
import type { Rating, Action, ComplianceStatus } from '../core/model.js';
import type { CodeTheme } from '../core/nmc-code.js';
import type { Strings } from './strings.js';

export const cy: Strings = {
  languageName: 'Cymraeg',
  switchTo: 'Cymraeg',
  switchLanguageLabel: 'Iaith',
  progress: 'Cynnydd',
  saving: "Wrthi'n cadw eich cynnydd…",
  saved: "Mae eich cynnydd wedi'i gadw",
  retrying: "Heb ei gadw eto – wrthi'n ailgeisio",
  unresponsive: "Nid yw eich system ddysgu yn ymateb: peidiwch â chau'r ffenestr hon eto",
  standaloneStatus: 'Mae eich cynnydd yn cael ei gadw yn y porwr hwn yn unig',
  trySavingAgain: 'Ceisio cadw eto',
  notRecordedTitle: 'Nid yw eich cynnydd yn cael ei gofnodi.',
  notRecordedText:
    "Ni ddaethpwyd o hyd i system ddysgu. Felly, dim ond yn y porwr hwn y caiff eich atebion eu cadw, ac ni fydd cofnod yn cael ei anfon eich bod wedi cwblhau'r modiwl.",
  browseTitle: 'Modd pori.',
  browseText: "Gallwch edrych o gwmpas, ond ni chaiff eich atebion na'ch sgôr eu cofnodi.",
  reviewTitle: 'Adolygu.',
  reviewText: "Rydych chi wedi gorffen y modiwl hwn. Dyma adolygiad o'ch canlyniad. Ni allwch chi newid eich atebion.",
  welcome: (name: string) => `Croeso, ${name}.`,
  updatedTitle: "Mae'r modiwl hwn wedi newid ers eich ymweliad diwethaf.",
  updatedKept: (kept: number) =>
    kept === 1 ? "Rydym wedi cadw 1 o'ch atebion." : `Rydym wedi cadw ${kept} o'ch atebion.`,
  updatedRedo: "Mae rhai o'r dewisiadau a ddewiswyd gennych wedi cael eu disodli. Atebwch y senarios hyn eto:",
  updatedRemoved: (removed: number) =>
    removed === 1
      ? "Roedd 1 o'ch atebion i senario sydd wedi'i dynnu o'r modiwl. Nid yw'n cyfrif at eich sgôr mwyach."
      : `Roedd ${removed} o'ch atebion i senarios sydd wedi'u tynnu o'r modiwl. Nid ydynt yn cyfrif at eich sgôr mwyach.`,
  objectivesHeading: "Beth fyddwch chi'n gallu ei wneud",
  profileNation: "Ble ydych chi'n gweithio?",
  profileGroup: 'Eich grŵp staff',
  profileHint:
    "Rydyn ni'n defnyddio hyn i ddangos y rheolau a'r bobl i gysylltu â nhw sy'n berthnasol i chi. Nid yw'n newid sut mae eich atebion yn cael eu marcio.",
  nations: {
    england: 'Lloegr',
    wales: 'Cymru',
    scotland: 'Yr Alban',
    'northern-ireland': 'Gogledd Iwerddon',
  },
  groups: {
    'nursing-midwifery': 'Nyrsio a bydwreigiaeth',
    medical: 'Meddygon',
    'allied-health': 'Proffesiynau perthynol i iechyd',
    pharmacy: 'Fferylliaeth',
    other: 'Staff eraill, er enghraifft gweinyddol, ystadau neu gymorth',
  },
  profileLine: (nation: string, group: string) => `${nation} · ${group}`,
  profileChange: 'Newid',
  profileChangeLabel: "Newid ble rydych chi'n gweithio a'ch grŵp staff",
  profileFormTitle: "Ble rydych chi'n gweithio a'ch grŵp staff",
  profileSave: 'Cadw',
  profileCancel: 'Canslo',
  profileSaved: "Wedi'i gadw. Mae eich atebion wedi'u cadw.",
  profileWhere: "Ble rydych chi'n gweithio",
  profileStaffGroup: 'Grŵp staff',
  speakUpRouteFor: (nation: string) => `Llwybr codi llais ar gyfer ${nation}`,
  speakUpRoutes: {
    england: 'Gwarcheidwad Rhyddid i Godi Llais eich sefydliad a pholisi cenedlaethol Codi Llais (Freedom to Speak Up)',
    wales: 'fframwaith Codi Llais yn Ddiogel (Speaking Up Safely)',
    scotland: "y Safonau Chwythu'r Chwiban Cenedlaethol (National Whistleblowing Standards)",
    'northern-ireland': "trefniadau chwythu'r chwiban eich sefydliad Iechyd a Gofal Cymdeithasol",
  },
  prescribedBodyFor: (nation: string) => `Corff y gallwch godi pryderon ag ef y tu allan i'ch cyflogwr: ${nation}`,
  prescribedBodies: {
    england: 'Comisiwn Ansawdd Gofal (CQC)',
    wales: 'Arolygiaeth Gofal Iechyd Cymru (AGIC)',
    scotland: 'Gwella Gofal Iechyd yr Alban (Healthcare Improvement Scotland)',
    'northern-ireland': 'Awdurdod Rheoleiddio a Gwella Ansawdd (RQIA)',
  },
  professionalCode: 'Eich cod proffesiynol',
  professionalCodes: {
    'nursing-midwifery': 'Cod yr NMC (Cyngor Nyrsio a Bydwreigiaeth)',
    medical: 'GMC, Arfer meddygol da (Good medical practice, y Cyngor Meddygol Cyffredinol)',
    'allied-health': 'Safonau ymddygiad, perfformiad a moeseg yr HCPC (Cyngor y Proffesiynau Iechyd a Gofal)',
    pharmacy: 'Safonau GPhC ar gyfer gweithwyr fferyllol proffesiynol (Cyngor Fferyllol Cyffredinol)',
    other: 'Polisïau eich cyflogwr (canllawiau NHS Employers); nid oes gan eich rôl reoleiddiwr proffesiynol',
  },
  certificateSources: 'Canllawiau ar gyfer eich grŵp staff a ddyfynnir yn y modiwl hwn',
  reflectiveIntroOther:
    "Mae myfyrio ar eich dysgu yn rhan o'ch DPP ac, i weithwyr proffesiynol cofrestredig, o ailddilysu neu adnewyddu. Gall y modiwl hwn fod yn destun myfyrdod. Atebwch y cwestiynau hyn:",
  reflectiveOwnCode:
    "Sut mae hyn yn berthnasol i'ch cod proffesiynol neu, os nad oes gennych un, i bolisïau eich cyflogwr?",
  facts: (minutes: number, passMark: number) =>
    `Mae'n cymryd tua ${minutes} ${minutes === 2 ? 'funud' : 'munud'}. Mae angen ${passMark}% arnoch i basio.`,
  start: 'Dechrau',
  continueWhereLeft: "Parhau o'r man lle gwnaethoch chi adael",
  scenarioOf: (n: number, total: number) => `Senario ${n} o ${total}`,
  whatHappensNext: "Beth sy'n digwydd nesaf",
  leftTitle: 'Rydych chi wedi gadael y modiwl',
  leftText: "Gallwch chi gau'r ffenestr hon nawr.",
  selectAll: "Dewiswch bob un sy'n berthnasol.",
  error: 'Gwall:',
  chooseAnswer: 'Dewiswch ateb',
  submit: "Cyflwyno'r ateb",
  yourChoice: 'Eich dewis',
  feedback: 'Adborth',
  yourAnswer: (rating: string) => `Eich ateb: ${rating}`,
  pickedItem: (text: string, correct: boolean) =>
    `Fe wnaethoch chi ddewis "${text}": ${correct ? 'cywir' : 'anghywir'}`,
  notPickedItem: (text: string, correct: boolean) =>
    `Wnaethoch chi ddim dewis "${text}": ${correct ? 'cywir' : 'anghywir'}`,
  bestWas: 'Y dewis gorau oedd:',
  or: 'neu',
  source: 'Ffynhonnell:',
  continue: 'Parhau',
  seeResults: 'Gweld eich canlyniadau',
  useButtons: "Mae rhai dewisiadau yn fotymau ar y post neu'r neges isod. Dewiswch un, yna cyflwynwch eich ateb.",
  otherOptions: 'Dewisiadau eraill:',
  selectAtLeastOne: 'Dewiswch o leiaf un post',
  ratings: { best: 'Y dewis gorau', acceptable: 'Rhannol gywir', wrong: "Nid dyma'r dewis gorau" } satisfies Record<
    Rating,
    string
  >,
  resultsTitle: 'Eich canlyniadau',
  passed: 'Rydych chi wedi pasio.',
  notPassed: "Nid ydych chi wedi pasio'r tro hwn.",
  passMarkIs: (mark: number) => `Y marc pasio yw ${mark}%.`,
  recordedPassed: "Mae eich system ddysgu wedi cofnodi eich bod wedi cwblhau'r modiwl hwn.",
  recordedResult: 'Mae eich system ddysgu wedi cofnodi eich canlyniad. Gallwch chi wneud y modiwl eto.',
  notSavedYet: "Nid yw eich system ddysgu wedi cadw eich canlyniad eto. Peidiwch â chau'r ffenestr hon.",
  browseResult: 'Modd pori: ni chafodd y canlyniad hwn ei gofnodi.',
  keptLocally: "Does dim system ddysgu wedi cofnodi'r canlyniad hwn: mae'n cael ei gadw yn y porwr hwn yn unig.",
  recordIncomplete:
    "Ni wnaeth eich system ddysgu dderbyn rhan o'ch canlyniad, felly efallai nad yw ei chofnod o'r modiwl hwn yn gyflawn. Mae eich atebion yn cael eu cadw yn y porwr hwn. Os nad yw eich canlyniad yn ymddangos, rhowch wybod i'ch tîm hyfforddi.",
  decisionsHeading: 'Eich penderfyniadau',
  youChose: 'Eich dewis:',
  allCorrect: 'Pob un yn gywir',
  partlyRight: (percent: number) => `Rhannol gywir: ${percent}%`,
  itemPicked: 'fe wnaethoch chi ei ddewis',
  itemNotPicked: 'wnaethoch chi ddim ei ddewis',
  correctMark: '(cywir)',
  notCorrectMark: '(anghywir)',
  finishExit: 'Gorffen a gadael',
  completedTitle: "Rydych chi wedi cwblhau'r modiwl hwn",
  /** result is one of recordedWords: "...eich bod wedi pasio'r modiwl '<title>'." */
  completedRecorded: (result: string, title: string) =>
    `Mae eich system ddysgu wedi cofnodi eich bod ${result}'r modiwl '${title}'.`,
  completedPlain: (title: string) => `Rydych chi wedi gorffen y modiwl '${title}'.`,
  recordedWords: { passed: 'wedi pasio', failed: 'heb basio', completed: 'wedi cwblhau' } as Record<string, string>,
  detailsUnavailable: 'Nid yw manylion pob penderfyniad ar gael ar y ddyfais hon.',
  certificateButton: 'Gweld eich tystysgrif',
  certificateTitle: 'Tystysgrif cwblhau',
  certificateFor: 'Mae hyn i dystio bod',
  certificateCompleted: "wedi cwblhau'r modiwl e-ddysgu",
  certificateVersion: (v: string) => `Fersiwn ${v}`,
  certificateDate: 'Dyddiad cwblhau',
  certificateScore: 'Sgôr',
  certificateTime: 'Amser a dreuliwyd',
  certificateObjectives: 'Amcanion dysgu',
  certificateCpd:
    "Ar gyfer eich cofnod DPP (ailddilysu'r NMC: cadwch hwn gyda'ch tystiolaeth o ddysgu cyfranogol neu unigol).",
  reflectionHeading: 'Eich myfyrio',
  reflectionHint:
    "Beth wnaethoch chi ei ddysgu, a sut bydd yn newid eich ymarfer? Mae hyn yn aros ar y ddyfais hon. Argraffwch ef gyda'ch tystysgrif.",
  print: 'Argraffu neu gadw fel PDF',
  backToResults: "Yn ôl i'ch canlyniadau",
  /** "dau funud": munud mutates after 2. */
  minutes: (n: number) => `${n} ${n === 2 ? 'funud' : 'munud'}`,
  tryAgainHeading: 'Sut i roi cynnig arall arni',
  tryAgainFinish: 'Pwyswch Gorffen a gadael.',
  tryAgainCloseReview: 'Caewch yr adolygiad hwn.',
  tryAgainLms:
    'Ar dudalen y modiwl hwn yn eich system ddysgu, dechreuwch ymgais newydd. Yn Moodle neu Totara, ticiwch Start a new attempt cyn i chi agor y modiwl.',
  tryAgainAsk: "Os na allwch ddod o hyd i ffordd o ddechrau eto, gofynnwch i'ch tîm hyfforddi.",
  tryAgainLocal: 'Ar eich tudalen ddysgu, dewiswch Take again ar gyfer y modiwl hwn.',
  tryAgainLocalLink: "Mynd i'ch tudalen ddysgu",
  tryAgainStandalone: "Agorwch y modiwl eto: mae'n dechrau ymgais newydd yn y porwr hwn.",
  objectiveResultsHeading: 'Eich canlyniadau fesul amcan',
  objectiveMet: (percent: number) => `${percent}%: rydych chi wedi cyflawni'r amcan hwn.`,
  objectiveNotMet: (percent: number) => `${percent}%: o dan y marc pasio. Edrychwch eto ar:`,
  reviewShow: (n: number) => `Dangos pob penderfyniad a'r rheswm (${n})`,
  reviewVerdicts: {
    best: "Cywir: dyma'r dewis gorau.",
    acceptable: 'Rhannol gywir: roedd dewis gwell.',
    wrong: "Anghywir: nid dyma'r dewis iawn.",
  } satisfies Record<Rating, string>,
  reviewBestChoice: 'Y dewis gorau:',
  reviewWhyBest: "Pam mai dyma'r gorau:",
  certificateCpdTime: 'Amser DPP',
  cpdIndividual: (time: string) => `${time} o ddysgu unigol`,
  certificateCode: "Adrannau Cod yr NMC sy'n cael eu cynnwys",
  codeSectionNames: {
    '5': 'Parchu preifatrwydd a chyfrinachedd',
    '5.1': 'Parchu hawl unigolyn i breifatrwydd',
    '14': "Bod yn agored ac yn onest pan fydd pethau'n mynd o chwith",
    '16': 'Gweithredu heb oedi ar risgiau i ddiogelwch',
    '16.1': "Codi pryderon am ddiogelwch neu ofal, a'u huwchgyfeirio",
    '20': 'Cynnal enw da eich proffesiwn',
    '20.2': 'Gweithredu gyda gonestrwydd ac uniondeb',
    '20.6': 'Cadw ffiniau proffesiynol clir',
    '20.10': 'Defnyddio pob math o gyfathrebu, gan gynnwys y cyfryngau cymdeithasol, yn gyfrifol',
  } as Record<string, string>,
  codeSection: (section: string, name: string) => (name ? `${section}: ${name}` : `Adran ${section}`),
  codeThemes: {
    people: 'Rhoi blaenoriaeth i bobl',
    practice: 'Ymarfer yn effeithiol',
    safety: 'Cadw diogelwch',
    trust: 'Hyrwyddo proffesiynoldeb ac ymddiriedaeth',
  } satisfies Record<CodeTheme, string>,
  cpdRecord:
    "Ar gyfer eich cofnod DPP: mae dysgu ar eich pen eich hun fel hyn yn cyfrif fel dysgu unigol, nid dysgu cyfranogol. Cadwch y dystysgrif hon gyda'ch tystiolaeth ailddilysu.",
  reflectiveHeading: 'Ar gyfer cyfrif myfyriol',
  reflectiveIntro:
    "Ar gyfer ailddilysu'r NMC rydych chi'n ysgrifennu pum cyfrif myfyriol. Gall y modiwl hwn fod yn destun un ohonyn nhw. Atebwch y cwestiynau hyn:",
  reflectivePrompts: (themes: string) => [
    'Beth oedd y dysgu, a beth oedd yn ei gynnwys?',
    'Beth wnaethoch chi ei ddysgu ohono?',
    'Sut wnaethoch chi newid neu wella eich ymarfer o ganlyniad?',
    `Sut mae hyn yn berthnasol i'r Cod?${themes ? ` Mae'r modiwl hwn yn ymwneud â'r themâu: ${themes}.` : ''}`,
  ],
  reflectionHere: "Mae eich atebion yn aros ar y ddyfais hon. Argraffwch nhw gyda'ch tystysgrif.",
  statementAbout: (title: string) => `Mae'r datganiad hwn yn ymwneud â'r modiwl e-ddysgu ${title}.`,
  statementUse:
    "Rydyn ni eisiau i gymaint o bobl â phosibl allu ei ddefnyddio. Dylech allu newid lliwiau, cyferbyniad a ffontiau yng ngosodiadau eich porwr neu'ch dyfais, chwyddo hyd at 400% heb i'r testun fynd oddi ar y sgrin, defnyddio'r modiwl gyda bysellfwrdd yn unig neu gyda darllenydd sgrin, a diffodd animeiddio gyda gosodiad symud llai eich dyfais.",
  statementComplianceHeading: 'Statws cydymffurfio',
  statementCompliance: {
    'fully-compliant':
      "Mae'r modiwl hwn yn cydymffurfio'n llawn â safon AA fersiwn 2.2 Canllawiau Hygyrchedd Cynnwys y We (WCAG).",
    'partially-compliant':
      "Mae'r modiwl hwn yn cydymffurfio'n rhannol â safon AA fersiwn 2.2 Canllawiau Hygyrchedd Cynnwys y We (WCAG), oherwydd y problemau a restrir o dan Problemau hysbys.",
    'not-compliant':
      "Nid yw'r modiwl hwn yn cydymffurfio â safon AA fersiwn 2.2 Canllawiau Hygyrchedd Cynnwys y We (WCAG). Mae'r problemau wedi'u rhestru o dan Problemau hysbys.",
  } satisfies Record<ComplianceStatus, string>,
  statementTestingHeading: "Sut rydyn ni'n profi'r modiwl hwn",
  statementTesting:
    "Mae pob sgrin yn cael ei gwirio gyda phrofion awtomatig (axe), ac mae'r modiwl cyfan yn cael ei gwblhau gyda bysellfwrdd yn unig, bob tro y caiff y modiwl ei adeiladu.",
  statementProblemsHeading: 'Problemau hysbys',
  statementProblems:
    "Mae'r postiadau cyfryngau cymdeithasol yn y senarios wedi'u dychmygu, felly nid yw eu dolenni a'u cyfrifon yn gwneud dim. Mae testun Cymraeg a ddrafftiwyd gan beiriant wedi'i nodi i siaradwyr Cymraeg ei adolygu. Nid yw pob sgrin wedi'i gwirio â llaw gyda phob darllenydd sgrin eto.",
  statementContactHeading: 'Rhoi gwybod am broblem neu ofyn am fformat arall',
  statementContact: "Os byddwch chi'n dod o hyd i broblem, neu angen y modiwl hwn mewn fformat arall, cysylltwch â:",
  statementContactDefault:
    "Os byddwch chi'n dod o hyd i broblem, neu angen y modiwl hwn mewn fformat arall, cysylltwch â'r tîm hyfforddi yn eich sefydliad. Gallan nhw ei drosglwyddo i'r bobl a ysgrifennodd y modiwl.",
  statementEmail: 'E-bost:',
  statementPhone: 'Ffôn:',
  statementEnforcementHeading: 'Y drefn orfodi',
  statementEnforcement:
    "Y Comisiwn Cydraddoldeb a Hawliau Dynol sy'n gorfodi Rheoliadau Hygyrchedd Cyrff Sector Cyhoeddus (Gwefannau ac Apiau Symudol) (Rhif 2) 2018. Os nad ydych chi'n fodlon â'r ffordd y mae eich sefydliad yn ateb eich cwyn, cysylltwch â'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS).",
  statementPreparedHeading: "Paratoi'r datganiad hwn",
  statementPrepared: (prepared: string, reviewed: string) =>
    `Cafodd y datganiad hwn ei baratoi ar ${prepared}. Cafodd ei adolygu ddiwethaf ar ${reviewed}.`,
  accessibilityLink: 'Datganiad hygyrchedd',
  accessibilityTitle: 'Datganiad hygyrchedd',
  back: 'Yn ôl',
  months: [
    'Ionawr',
    'Chwefror',
    'Mawrth',
    'Ebrill',
    'Mai',
    'Mehefin',
    'Gorffennaf',
    'Awst',
    'Medi',
    'Hydref',
    'Tachwedd',
    'Rhagfyr',
  ],
  loading: "Wrthi'n llwytho…",
  partNotLoaded: "Ni lwythodd y rhan hon o'r modiwl. Gwiriwch eich cysylltiad, yna rhowch gynnig arall arni.",
  tryAgain: 'Rhoi cynnig arall arni',
  statement: [
    [
      '',
      "Mae'r datganiad hwn yn ymwneud â'r modiwl e-ddysgu hwn. Rydyn ni eisiau i gymaint o bobl â phosibl allu ei ddefnyddio. Dylech allu newid lliwiau, cyferbyniad a ffontiau gyda gosodiadau eich porwr neu'ch dyfais, chwyddo hyd at 400% heb i'r testun ddiflannu oddi ar y sgrin, defnyddio'r modiwl gyda bysellfwrdd yn unig, ei ddefnyddio gyda darllenydd sgrin, a diffodd animeiddio gyda gosodiad symud llai eich dyfais.",
    ],
    [
      "Pa mor hygyrch yw'r modiwl hwn",
      "Rydyn ni'n gwirio pob sgrin gyda phrofion awtomatig (axe) ac yn cwblhau'r modiwl gyda bysellfwrdd yn unig bob tro y caiff ei adeiladu. Nod y modiwl yw bodloni Canllawiau Hygyrchedd Cynnwys y We (WCAG) fersiwn 2.2 ar lefel AA.",
    ],
    [
      'Problemau hysbys',
      "Mae'r negeseuon cyfryngau cymdeithasol yn y senarios wedi'u dyfeisio: nid yw eu dolenni na'u niferoedd yn gwneud dim. Mae testun Cymraeg a ddrafftiwyd gan beiriant wedi'i farcio i siaradwyr Cymraeg ei adolygu.",
    ],
    [
      'Rhoi gwybod am broblemau',
      "Os byddwch chi'n dod o hyd i broblem, neu os oes angen y modiwl hwn arnoch mewn fformat arall, cysylltwch â'r tîm hyfforddi yn eich sefydliad. Gallan nhw ei throsglwyddo i'r bobl a ysgrifennodd y modiwl.",
    ],
    [
      'Gorfodi',
      "Y Comisiwn Cydraddoldeb a Hawliau Dynol sy'n gyfrifol am orfodi Rheoliadau Hygyrchedd Cyrff Sector Cyhoeddus (Gwefannau a Chymwysiadau Symudol) (Rhif 2) 2018. Os nad ydych chi'n fodlon â sut mae eich sefydliad yn ymateb i'ch cwyn, cysylltwch â'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS).",
    ],
  ],
  actions: {
    reply: 'Ateb',
    repost: 'Ailbostio',
    quote: 'Dyfynnu',
    like: 'Hoffi',
    share: 'Rhannu',
    report: 'Rhoi gwybod',
    hide: 'Cuddio',
    delete: 'Dileu',
    screenshot: 'Tynnu sgrinlun',
    leave: 'Gadael',
    accept: 'Derbyn',
    decline: 'Gwrthod',
    open: 'Agor',
    forward: 'Anfon ymlaen',
  } satisfies Record<Action, string>,
  things: { post: 'postiad', group: 'grŵp', request: 'cais', message: 'neges' },
  you: 'Chi',
  /** An action button's name when its choice's words do not start with the verb it shows. */
  verbAndChoice: (verb: string, choice: string) => `${verb}: ${choice}`,
  actionsOn: (owner: string, thing: string) =>
    owner === 'Chi' ? `Camau ar gyfer eich ${thing}` : `Camau ar gyfer ${thing} ${owner}`,
  repliesTo: (owner: string) => (owner === 'Chi' ? "Atebion i'ch postiad" : `Atebion i bostiad ${owner}`),
  newPost: (author: string) => (author === 'Chi' ? 'eich postiad' : `${author} (postiwyd)`),
  commentsOn: (owner: string) => `Sylwadau ar bostiad ${owner}`,
  messagesIn: (group: string) => `Negeseuon y grŵp: ${group}`,
  posted: 'postiwyd',
  /** After a number Welsh uses the singular noun, whatever the number: "1 ateb", "268 ateb". */
  counts: {
    replies: () => 'ateb',
    reposts: () => 'ailbostiad',
    likes: () => 'hoffiad',
    shares: () => 'rhaniad',
    comments: () => 'sylw',
  },
  /** "3 awr yn ôl": the singular noun after a number, as with the counts. */
  ago: {
    m: (n: number) => `${n} munud yn ôl`,
    h: (n: number) => `${n} awr yn ôl`,
    d: (n: number) => `${n} diwrnod yn ôl`,
    w: (n: number) => `${n} wythnos yn ôl`,
  },
  enlargeImage: 'Dangos y llun yn ei faint llawn',
  close: 'Cau',
  pagePost: 'postiad ar dudalen',
  groupChat: 'sgwrs grŵp',
  members: (n: number, names: string) => `${n} aelod: ${names}`,
  friendRequestFrom: (name: string) => `Cais ffrind: ${name}`,
  mutualFriends: (n: number) => `${n} ffrind yn gyffredin`,
  email: 'E-bost',
  directMessage: 'Neges uniongyrchol',
  from: 'gan',
  to: 'At',
  subject: 'Pwnc',
  received: 'Derbyniwyd',
  newArrival: (what: string) => `Newydd: ${what}`,
  contentInEnglish: "Nid yw'r rhan hon wedi'i chyfieithu eto, felly mae'n cael ei dangos yn Saesneg.",
};
