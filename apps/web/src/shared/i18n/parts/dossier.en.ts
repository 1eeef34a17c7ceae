import type { Translation } from '../en.ts';

/** English: the vocabulary of dossiers shared by the portal and the console. */
export const timeEn: Translation['time'] = {
  // Short for the list's column; the labels around it say the time is working time.
  left: '{{duration}} left',
  overdue: '{{duration}} overdue',
  dueNow: 'due now',
  days_one: '{{count}} day',
  days_other: '{{count}} days',
  hours_one: '{{count}} hour',
  hours_other: '{{count}} hours',
  minutes_one: '{{count}} minute',
  minutes_other: '{{count}} minutes',
};

export const uploadEn: Translation['upload'] = {
  refusedType: 'Only PDF, JPEG or PNG files are accepted.',
  refusedSize: 'The file is larger than 10 MB.',
  remove: 'Remove file {{name}}',
  dismiss: 'Dismiss',
  progress: 'Uploading {{name}}: {{percent}}%',
};

export const dossierEn: Translation['dossier'] = {
  kinds: {
    original: 'Original',
    certified_copy: 'Certified copy',
    copy: 'Copy',
    electronic: 'Electronic copy',
  },
  channels: {
    counter: 'At the counter',
    postal: 'By post',
    online: 'Online',
  },
  delivery: {
    counter: 'Collect at the one-stop counter',
    post: 'By postal service',
    online: 'Electronic result, online',
  },
  deliveryShort: {
    counter: 'Counter',
    post: 'Post',
    online: 'Online',
  },
  applicantKinds: {
    citizen: 'Citizen',
    organization: 'Organization or business',
  },
  applicant: {
    kind: 'The applicant is a',
    name: 'Full name',
    orgName: 'Name of the organization or business',
    idNumber: 'Personal ID number (citizen ID card)',
    taxCode: 'Enterprise code / tax code',
    representative: 'Representative',
    phone: 'Phone number',
    email: 'Email',
    address: 'Address',
    required: 'Please fill this in.',
    idNumberInvalid: '6–20 digits or capital letters, no spaces.',
    phoneInvalid: 'Not a valid phone number (8–20 digits).',
    emailInvalid: 'Not a valid email address.',
  },
  supplement: {
    file: 'Supplement',
    sentOnline: 'Supplement sent online',
    files: 'Supplement papers',
  },
  due: {
    overdue: 'Overdue',
    soon: 'Due soon',
    stopped: 'Clock stopped',
    closed: 'Finished',
    notStarted: 'Not started',
  },
  clock: {
    not_started: 'Not counted yet (the dossier has not been received)',
    running: 'Counting',
    stopped: 'Clock stopped',
    closed: 'Finished',
  },
  resultClass: {
    ahead: 'Result ahead of time',
    on_time: 'Result on time',
    overdue: 'Result late',
  },
  formNumber: 'Form {{form}}',
  forms: {
    '01': 'Receipt and appointment for the result',
    '02': 'Request to supplement or complete the dossier',
    '03': 'Refusal to receive or process the dossier',
    '04': 'Apology and new appointment',
    '05': 'Notice of stopped processing',
    '06': 'Process control sheet',
    '07': 'Dossier tracking book',
  },
  formsShort: {
    '01': 'receipt',
    '02': 'supplement request',
    '03': 'refusal',
    '04': 'apology letter',
    '05': 'stop notice',
    '06': 'control sheet',
    '07': 'tracking book',
  },
};
