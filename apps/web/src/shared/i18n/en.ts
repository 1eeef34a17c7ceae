import { citizenEn } from './parts/citizen.en.ts';
import { adminEn } from './parts/admin.en.ts';
import { dossierPageEn, homeCountsEn, inboxEn } from './parts/console.en.ts';
import { dossierEn, timeEn, uploadEn } from './parts/dossier.en.ts';
import { assistedEn } from './parts/assisted.en.ts';
import { eformEn } from './parts/eform.en.ts';
import { intakeEn } from './parts/intake.en.ts';
import { changesEn, feeScheduleEn, lookupEn, procedureEn, ratingEn, submitEn } from './parts/portal.en.ts';
import { reportsEn } from './parts/reports.en.ts';
import { reportReuseEn } from './parts/reportReuse.en.ts';
import { reportFeesEn } from './parts/reportFees.en.ts';
import { serviceIndexEn } from './parts/serviceIndex.en.ts';
import { myDocumentsEn } from './parts/myDocuments.en.ts';
import { dataStoreEn } from './parts/dataStore.en.ts';
import { verificationEn } from './parts/verification.en.ts';
import { documentsEn } from './parts/documents.en.ts';
import { notificationsEn } from './parts/notifications.en.ts';
import { feedbackEn } from './parts/feedback.en.ts';
import { ratingsEn } from './parts/ratings.en.ts';
import { reformEn } from './parts/reform.en.ts';
import { errorsEn } from './parts/errors.en.ts';
import type { vi } from './vi.ts';
import { myDossiersEn } from './parts/myDossiers.en.ts';
import { paymentsEn } from './parts/payments.en.ts';
import { feesEn } from './parts/fees.en.ts';
import { externalFiguresEn, surveysEn } from './parts/surveys.en.ts';

/** Every language has exactly the keys of the Vietnamese source; the compiler checks it. */
export type Translation = Widen<typeof vi>;
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/**
 * English UI strings. Catalogue data (procedure names, fields, agency names) stays Vietnamese:
 * it is official text. Numbers and dates keep the Vietnamese format (see `../format.ts`).
 */
export const en: Translation = {
  app: {
    name: 'Motcua',
    tagline: 'One-stop public services',
    pageTitle: '{{page}} — Motcua',
  },
  common: {
    search: 'Search',
    retry: 'Try again',
    loading: 'Loading…',
    backHome: 'Back to the home page',
    skipToContent: 'Skip to main content',
    requestId: 'Request ID: {{id}}',
    cancel: 'Cancel',
    clear: 'Clear',
    close: 'Close',
    pages: { previous: 'Previous page', next: 'Next page', first: 'First page', last: 'Last page', page: 'Page {{page}}' },
  },
  citizen: citizenEn,
  time: timeEn,
  assisted: assistedEn,
  upload: uploadEn,
  dossier: dossierEn,
  myDossiers: myDossiersEn,
  payments: paymentsEn,
  fees: feesEn,
  eform: eformEn,
  documents: documentsEn,
  notifications: notificationsEn,
  feedback: feedbackEn,
  ratings: ratingsEn,
  reform: reformEn,
  language: {
    label: 'Language',
    vi: 'Tiếng Việt',
    en: 'English',
    short: { vi: 'VI', en: 'EN' },
  },
  errors: errorsEn,
  notFound: {
    title: 'Page not found',
    body: 'The address you opened does not exist or has moved. Please check the link.',
  },
  portal: {
    title: 'One-stop public service portal',
    demoData: 'Demo data',
    staffSignIn: 'Staff sign-in',
    mainNav: 'Main navigation',
    nav: {
      home: 'Home',
      procedures: 'Administrative procedures',
      lookup: 'Track a dossier',
    },
    footer: {
      hours: 'Counter hours: Monday – Friday, 08:00–12:00 and 13:00–17:00 (except public holidays and Tết).',
      system: 'Motcua electronic one-stop system',
    },
    home: {
      title: 'Find procedures and track your dossier',
      subtitle: 'Required documents, processing times, fees and the status of your dossier in {{province}}.',
      searchLabel: 'Find an administrative procedure',
      searchPlaceholder: 'For example: khai sinh, chứng thực, xây dựng',
      searchHint: 'You can type with or without Vietnamese diacritics.',
      lookupLabel: 'Track a dossier',
      lookupPlaceholder: 'Dossier code from your receipt',
      lookupHint: 'The dossier code is printed on your receipt, e.g. 000.00.12.H40-250304-0007.',
      lookupButton: 'Track',
      commonTitle: 'Common procedures',
      changes: {
        title: 'New, amended and abolished procedures',
        body: 'See which procedures changed, month by month, before you prepare your papers.',
      },
      tasks: {
        birth: { title: 'Birth registration', body: 'For a newborn, at the commune People’s Committee.', query: 'khai sinh' },
        marriage: { title: 'Marriage registration', body: 'Documents to prepare and processing time.', query: 'kết hôn' },
        certify: { title: 'Certified copies', body: 'Certify copies of originals, signatures, contracts.', query: 'chứng thực' },
        residence: { title: 'Permanent residence', body: 'Register a citizen’s permanent residence.', query: 'thường trú' },
        business: { title: 'Household business', body: 'Register a household business or a company.', query: 'kinh doanh' },
        building: { title: 'Building permit', body: 'Building permit for a private house.', query: 'xây dựng' },
      },
    },
    procedures: {
      title: 'Administrative procedures',
      searchLabel: 'Find a procedure',
      resultCount_one: '{{formattedCount}} procedure',
      resultCount_other: '{{formattedCount}} procedures',
      resultFor: 'for “{{query}}”',
      empty: 'No procedure matches your search.',
      emptyHint: 'Try a shorter keyword, or type without diacritics.',
      unavailableTitle: 'The procedure catalogue is not available yet',
      unavailableBody: 'Searching the procedure catalogue is being rolled out. Please come back later or contact the one-stop counter.',
      errorTitle: 'Could not load the procedure catalogue',
      code: 'Procedure code',
      field: 'Field',
      level: 'Level',
      processingTime: 'Processing time',
      fee: 'Fees and charges',
      free: 'Free of charge',
      fullyOnline: 'Fully online',
      pagination: 'Pagination',
      changesLink: 'New, amended and abolished procedures',
      levels: {
        province: 'Province',
        department: 'Department',
        district: 'District',
        commune: 'Commune',
        police: 'Police',
      },
      filters: {
        label: 'Narrow the list of procedures',
        field: 'Field',
        allFields: 'All fields',
        level: 'Level',
        allLevels: 'All levels',
        agency: 'Implementing agency',
        allAgencies: 'All agencies',
        noAgency: 'No agency has this name',
        clear: 'Clear filters',
        emptyHint: 'Try removing a filter, or another keyword.',
      },
    },
    lookup: lookupEn,
    verify: verificationEn,
    procedure: procedureEn,
    fees: feeScheduleEn,
    submit: submitEn,
    rating: ratingEn,
    changes: changesEn,
  },
  dossierStatus: {
    draft: 'Awaiting completion',
    awaiting_confirmation: 'Awaiting the applicant’s confirmation',
    submitted: 'Awaiting reception',
    received: 'Received',
    processing: 'Being processed',
    supplement_requested: 'Awaiting supplement',
    paused: 'Paused',
    resolved: 'Result ready',
    returned: 'Result returned',
    refused: 'Not received',
    rejected: 'Refused',
    withdrawn: 'Withdrawn',
    discarded: 'Discarded (not confirmed)',
  },
  roles: {
    officer: 'Counter officer',
    specialist: 'Specialist',
    leader: 'Leader',
    manager: 'Manager',
    admin: 'System administrator',
    helper: 'Community digital helper',
  },
  console: {
    productName: 'Electronic one-stop',
    login: {
      title: 'Staff sign-in',
      subtitle: 'For civil servants who handle dossiers.',
      username: 'Username',
      password: 'Password',
      togglePassword: 'Show or hide the password',
      submit: 'Sign in',
      submitting: 'Signing in…',
      required: 'Please enter your {{field}}',
      backToPortal: 'Back to the public portal',
      failedTitle: 'Sign-in failed',
    },
    shell: {
      navLabel: 'Sections',
      openNav: 'Open menu',
      signOut: 'Sign out',
      signOutFailed: 'Could not sign out. Please try again.',
      portalLink: 'Public portal',
      checkingSession: 'Checking your session…',
      sessionCheckFailed: 'Could not check your session',
    },
    nav: {
      home: 'Workspace',
      inbox: 'Dossier inbox',
      intake: 'Intake',
      assisted: 'Assisted filing',
      reports: 'Reports',
      documents: 'Documents',
      feedback: 'Feedback',
      notifications: 'Notifications',
      ratings: 'Satisfaction ratings',
      reform: 'Administrative reform',
      templates: 'Message templates',
      admin: 'Administration',
      surveys: 'Satisfaction surveys',
      externalFigures: 'SIPAS, PAR Index',
    },
    home: {
      title: 'Workspace',
      greeting: 'Hello, {{name}}.',
      ...homeCountsEn,
      cards: {
        inbox: 'Dossiers you need to handle and those due soon.',
        intake: 'Receive dossiers at the counter or by post; print the receipt.',
        assisted: 'Prepare an online dossier for a citizen, who confirms it with a code or the e-ID.',
        reports: 'How dossiers are being resolved, per reporting period.',
        documents: 'Registers of outgoing and incoming documents; draft, approve, sign, issue.',
        feedback: 'Complaints and suggestions of citizens and businesses: receive, handle, answer.',
        notifications: 'E-mails, SMS and chat messages sent to citizens and staff; send a failed one again.',
        ratings: 'Citizens’ low ratings, criteria and comments; mark them put right.',
        reform: 'Administrative reform plans: tasks, progress, results, report.',
        templates: 'The wording of messages to citizens and staff, by kind and channel.',
        admin: 'Agencies, counters, working calendars, holiday schedules, staff accounts, audit trail.',
        surveys: 'Periodic satisfaction surveys: draw the sample, send the questionnaire, read the results.',
        externalFigures: 'SIPAS and PAR Index as the Ministry of Home Affairs publishes them each year.',
      },
      assignmentsTitle: 'Your assignments',
      role: 'Role',
      agency: 'Agency',
      agencyCode: 'Agency code',
      noAssignments: 'Your account has no role yet. Please contact the system administrator.',
    },
    inbox: inboxEn,
    dossier: dossierPageEn,
    intake: intakeEn,
    reports: reportsEn,
    admin: adminEn,
    forbidden: {
      title: 'Access denied',
      body: 'Your role does not give access to this feature. If you need it, please contact the system administrator.',
    },
  },
  dataStore: dataStoreEn,
  reportReuse: reportReuseEn,
  reportFees: reportFeesEn,
  serviceIndex: serviceIndexEn,
  myDocuments: myDocumentsEn,
  surveys: surveysEn,
  externalFigures: externalFiguresEn,
};
