/**
 * Every route of the app. Pages are lazy, but for the portal's frame and home page (the landing
 * page, in the first chunk): the citizen portal and the staff console are separate chunks, so a
 * citizen never downloads the console and the first load stays small.
 *
 *   /                      portal home: procedure search, dossier lookup, common procedures
 *   /thu-tuc?q=            procedure catalogue search
 *   /thu-tuc/thay-doi      what changed in the catalogue (?thang=YYYY-MM, ?xem=12-thang)
 *   /thu-tuc/:code         one procedure: papers, fee, legal time, basis, steps
 *   /nop-ho-so/:code       online submission of a dossier for a procedure
 *   /tra-cuu, /tra-cuu/:code  dossier lookup (public status, rating)
 *   /ho-so-cua-toi, /ho-so-cua-toi/:code  the signed-in citizen's dossiers and their actions (e-ID)
 *   /tai-khoan/thong-bao   the signed-in citizen's notification channels (e-mail, SMS, Zalo; language)
 *   /xac-nhan/:code        the applicant confirms a dossier prepared for them (assisted filing)
 *   /xac-thuc/:id          verification of a signed document (the QR code printed on it)
 *   /phan-anh              feedback and petitions: send, look up (?xem=tra-cuu), published answers (?xem=da-tra-loi), mine (?xem=cua-toi)
 *   /phan-anh/:code        one feedback's status, its published answer, the sender's own view
 *   /danh-gia, /danh-gia/:code#<token>  the rating page of a rating QR code, full screen; the counter's kiosk
 *   /khao-sat#t=<token>    the applicant answers a satisfaction survey with the invitation's one-time token
 *   /console/dang-nhap     staff sign-in (?next= the console page to return to)
 *   /console               workspace (requires a session)
 *   /console/ho-so         dossier inbox          officer, specialist, leader
 *   /console/ho-so/:id     one dossier and its actions
 *   /console/tiep-nhan     counter intake         officer
 *   /console/nop-ho        assisted online filing officer, helper
 *   /console/bao-cao       reports dashboard      leader, manager
 *   /console/van-ban       document registers     officer, specialist, leader, manager
 *   /console/van-ban/den/moi, /console/van-ban/di/moi, /console/van-ban/:id  new incoming / outgoing, one document
 *   /console/phan-anh      feedback and petitions officer, specialist, leader, manager
 *   /console/phan-anh/moi, /console/phan-anh/:id  intake (counter, phone, letter, e-mail), one feedback and its steps
 *   /console/cai-cach      reform plans           officer, specialist, leader, manager, admin (each sees their units' tasks)
 *   /console/cai-cach/bao-cao, /console/cai-cach/:id, /console/cai-cach/nhiem-vu/:id  the report, one plan, one task
 *   /console/thong-bao     messages sent, resend  officer, specialist, leader, manager, admin
 *   /console/danh-gia      low ratings to handle  leader, manager
 *   /console/mau-thong-bao message templates      admin
 *   /console/quan-tri      administration         admin
 *   /console/khao-sat, /console/khao-sat/moi, /console/khao-sat/:id  satisfaction surveys  officer, leader, manager, admin
 *   /console/so-lieu-ngoai SIPAS and PAR Index     manager, leader, admin (entered by admin)
 *   anything else          404
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../shared/ui/NotFoundPage.tsx';
// The landing page and its frame are in the first chunk: split apart, they and the Mantine
// components they share with other pages came as some forty small requests after the entry.
import { PortalLayout } from '../portal/PortalLayout.tsx';
import { PortalHome } from '../portal/PortalHome.tsx';
import { PageLoader } from '../shared/ui/PageLoader.tsx';

/** `React.lazy` for a named export. */
function named<P extends object, K extends string>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const ProceduresPage = named(() => import('../portal/ProceduresPage.tsx'), 'ProceduresPage');
const DossierLookupPage = named(() => import('../portal/DossierLookupPage.tsx'), 'DossierLookupPage');
const ProcedurePage = named(() => import('../portal/ProcedurePage.tsx'), 'ProcedurePage');
const ProcedureChangesPage = named(() => import('../portal/ProcedureChangesPage.tsx'), 'ProcedureChangesPage');
const SubmissionPage = named(() => import('../portal/SubmissionPage.tsx'), 'SubmissionPage');
const MyDossiersPage = named(() => import('../portal/my-dossiers/MyDossiersPage.tsx'), 'MyDossiersPage');
const DataStorePage = named(() => import('../portal/data-store/DataStorePage.tsx'), 'DataStorePage');
const NotificationPreferencesPage = named(() => import('../portal/citizen/NotificationPreferencesPage.tsx'), 'NotificationPreferencesPage');
const VerificationPage = named(() => import('../portal/verification/VerificationPage.tsx'), 'VerificationPage');
const FeedbackPage = named(() => import('../portal/feedback/FeedbackPage.tsx'), 'FeedbackPage');
const FeedbackStatusPage = named(() => import('../portal/feedback/FeedbackStatusPage.tsx'), 'FeedbackStatusPage');
const RatingKioskPage = named(() => import('../portal/ratings/RatingKioskPage.tsx'), 'RatingKioskPage');
const SurveyAnswerPage = named(() => import('../portal/survey/SurveyAnswerPage.tsx'), 'SurveyAnswerPage');

const LoginPage = named(() => import('../console/LoginPage.tsx'), 'LoginPage');
const ConsoleLayout = named(() => import('../console/ConsoleLayout.tsx'), 'ConsoleLayout');
const ConsoleHome = named(() => import('../console/ConsoleHome.tsx'), 'ConsoleHome');
const InboxPage = named(() => import('../console/dossiers/InboxPage.tsx'), 'InboxPage');
const DossierPage = named(() => import('../console/dossiers/DossierPage.tsx'), 'DossierPage');
const IntakePage = named(() => import('../console/intake/IntakePage.tsx'), 'IntakePage');
const ConfirmPreparationPage = named(() => import('../portal/ConfirmPreparationPage.tsx'), 'ConfirmPreparationPage');
const ReportsPage = named(() => import('../console/reports/ReportsPage.tsx'), 'ReportsPage');
const AdminPage = named(() => import('../console/admin/AdminPage.tsx'), 'AdminPage');
const RegisterPage = named(() => import('../console/documents/RegisterPage.tsx'), 'RegisterPage');
const NewDocumentPage = named<{ direction: 'incoming' | 'outgoing' }, 'NewDocumentPage'>(() => import('../console/documents/NewDocumentPage.tsx'), 'NewDocumentPage');
const DocumentPage = named(() => import('../console/documents/DocumentPage.tsx'), 'DocumentPage');
const ReformPlansPage = named(() => import('../console/reform/ReformPlansPage.tsx'), 'ReformPlansPage');
const ReformPlanPage = named(() => import('../console/reform/ReformPlanPage.tsx'), 'ReformPlanPage');
const ReformTaskPage = named(() => import('../console/reform/ReformTaskPage.tsx'), 'ReformTaskPage');
const ReformReportPage = named(() => import('../console/reform/ReformReportPage.tsx'), 'ReformReportPage');
const NotificationsPage = named(() => import('../console/notifications/NotificationsPage.tsx'), 'NotificationsPage');
const TemplatesPage = named(() => import('../console/templates/TemplatesPage.tsx'), 'TemplatesPage');
const FeedbackListPage = named(() => import('../console/feedback/FeedbackListPage.tsx'), 'FeedbackListPage');
const FeedbackIntakePage = named(() => import('../console/feedback/FeedbackIntakePage.tsx'), 'FeedbackIntakePage');
const FeedbackDetailPage = named(() => import('../console/feedback/FeedbackDetailPage.tsx'), 'FeedbackDetailPage');
const RatingAlertsPage = named(() => import('../console/ratings/RatingAlertsPage.tsx'), 'RatingAlertsPage');
const SurveysPage = named(() => import('../console/surveys/SurveysPage.tsx'), 'SurveysPage');
const SurveyPage = named(() => import('../console/surveys/SurveyPage.tsx'), 'SurveyPage');
const ExternalFiguresPage = named(() => import('../console/surveys/ExternalFiguresPage.tsx'), 'ExternalFiguresPage');

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoader minHeight="100vh" />}>
      <Routes>
        <Route element={<PortalLayout />}>
          <Route index element={<PortalHome />} />
          <Route path="thu-tuc" element={<ProceduresPage />} />
          <Route path="thu-tuc/thay-doi" element={<ProcedureChangesPage />} />
          <Route path="thu-tuc/:code" element={<ProcedurePage />} />
          <Route path="nop-ho-so/:code" element={<SubmissionPage />} />
          <Route path="tra-cuu" element={<DossierLookupPage />} />
          <Route path="tra-cuu/:code" element={<DossierLookupPage />} />
          <Route path="ho-so-cua-toi" element={<MyDossiersPage />} />
          <Route path="ho-so-cua-toi/:code" element={<MyDossiersPage />} />
          <Route path="xac-nhan/:code" element={<ConfirmPreparationPage />} />
          <Route path="kho-du-lieu" element={<DataStorePage />} />
          <Route path="tai-khoan/thong-bao" element={<NotificationPreferencesPage />} />
          <Route path="xac-thuc/:id" element={<VerificationPage />} />
          <Route path="phan-anh" element={<FeedbackPage />} />
          <Route path="phan-anh/:code" element={<FeedbackStatusPage />} />
          <Route path="khao-sat" element={<SurveyAnswerPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        {/* Full screen, without the portal's frame: a kiosk at the counter, or the applicant's phone. */}
        <Route path="danh-gia" element={<RatingKioskPage />} />
        <Route path="danh-gia/:code" element={<RatingKioskPage />} />
        <Route path="console/dang-nhap" element={<LoginPage />} />
        <Route path="console" element={<ConsoleLayout />}>
          <Route index element={<ConsoleHome />} />
          <Route path="ho-so" element={<InboxPage />} />
          <Route path="ho-so/:id" element={<DossierPage />} />
          <Route path="tiep-nhan" element={<IntakePage />} />
          <Route path="nop-ho" element={<IntakePage mode="assisted" />} />
          <Route path="bao-cao" element={<ReportsPage />} />
          <Route path="van-ban" element={<RegisterPage />} />
          <Route path="van-ban/den/moi" element={<NewDocumentPage direction="incoming" />} />
          <Route path="van-ban/di/moi" element={<NewDocumentPage direction="outgoing" />} />
          <Route path="van-ban/:id" element={<DocumentPage />} />
          <Route path="phan-anh" element={<FeedbackListPage />} />
          <Route path="phan-anh/moi" element={<FeedbackIntakePage />} />
          <Route path="phan-anh/:id" element={<FeedbackDetailPage />} />
          <Route path="cai-cach" element={<ReformPlansPage />} />
          <Route path="cai-cach/bao-cao" element={<ReformReportPage />} />
          <Route path="cai-cach/nhiem-vu/:id" element={<ReformTaskPage />} />
          <Route path="cai-cach/:id" element={<ReformPlanPage />} />
          <Route path="thong-bao" element={<NotificationsPage />} />
          <Route path="danh-gia" element={<RatingAlertsPage />} />
          <Route path="mau-thong-bao" element={<TemplatesPage />} />
          <Route path="quan-tri" element={<AdminPage />} />
          <Route path="khao-sat" element={<SurveysPage />} />
          <Route path="khao-sat/moi" element={<SurveyPage />} />
          <Route path="khao-sat/:id" element={<SurveyPage />} />
          <Route path="so-lieu-ngoai" element={<ExternalFiguresPage />} />
          <Route path="*" element={<NotFoundPage homePath="/console" />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
