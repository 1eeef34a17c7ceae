/**
 * Every route of the app. Pages are lazy: the citizen portal and the staff console are separate
 * chunks, so a citizen never downloads the console and the first load stays small.
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
 *   /console/dang-nhap     staff sign-in (?next= the console page to return to)
 *   /console               workspace (requires a session)
 *   /console/ho-so         dossier inbox          officer, specialist, leader
 *   /console/ho-so/:id     one dossier and its actions
 *   /console/tiep-nhan     counter intake         officer
 *   /console/nop-ho        assisted online filing officer, helper
 *   /console/bao-cao       reports dashboard      leader, manager
 *   /console/van-ban       document registers     officer, specialist, leader, manager
 *   /console/van-ban/den/moi, /console/van-ban/di/moi, /console/van-ban/:id  new incoming / outgoing, one document
 *   /console/thong-bao     messages sent, resend  officer, specialist, leader, manager, admin
 *   /console/mau-thong-bao message templates      admin
 *   /console/quan-tri      administration         admin
 *   anything else          404
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../shared/ui/NotFoundPage.tsx';
import { PageLoader } from '../shared/ui/PageLoader.tsx';

/** `React.lazy` for a named export. */
function named<P extends object, K extends string>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const PortalLayout = named(() => import('../portal/PortalLayout.tsx'), 'PortalLayout');
const PortalHome = named(() => import('../portal/PortalHome.tsx'), 'PortalHome');
const ProceduresPage = named(() => import('../portal/ProceduresPage.tsx'), 'ProceduresPage');
const DossierLookupPage = named(() => import('../portal/DossierLookupPage.tsx'), 'DossierLookupPage');
const ProcedurePage = named(() => import('../portal/ProcedurePage.tsx'), 'ProcedurePage');
const ProcedureChangesPage = named(() => import('../portal/ProcedureChangesPage.tsx'), 'ProcedureChangesPage');
const SubmissionPage = named(() => import('../portal/SubmissionPage.tsx'), 'SubmissionPage');
const MyDossiersPage = named(() => import('../portal/my-dossiers/MyDossiersPage.tsx'), 'MyDossiersPage');
const DataStorePage = named(() => import('../portal/data-store/DataStorePage.tsx'), 'DataStorePage');
const NotificationPreferencesPage = named(() => import('../portal/citizen/NotificationPreferencesPage.tsx'), 'NotificationPreferencesPage');
const VerificationPage = named(() => import('../portal/verification/VerificationPage.tsx'), 'VerificationPage');

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
const NotificationsPage = named(() => import('../console/notifications/NotificationsPage.tsx'), 'NotificationsPage');
const TemplatesPage = named(() => import('../console/templates/TemplatesPage.tsx'), 'TemplatesPage');

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
          <Route path="*" element={<NotFoundPage />} />
        </Route>
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
          <Route path="thong-bao" element={<NotificationsPage />} />
          <Route path="mau-thong-bao" element={<TemplatesPage />} />
          <Route path="quan-tri" element={<AdminPage />} />
          <Route path="*" element={<NotFoundPage homePath="/console" />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
