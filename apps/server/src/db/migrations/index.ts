/**
 * Forward-only migrations, applied in name order. Each stays within PostgreSQL 15 features so the
 * same file runs on the server and on PGlite. Never edit a migration that has landed: add one.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_catalogue.ts';
import * as m0003 from './0003_calendar_and_offices.ts';
import * as m0004 from './0004_dossiers.ts';
import * as m0005 from './0005_report_aggregates.ts';
import * as m0006 from './0006_import_speed.ts';
import * as m0007 from './0007_dossier_ids_by_default.ts';
import * as m0008 from './0008_report_triggers_single_pass.ts';
import * as m0011 from './0011_sign_in_throttle_and_change_notices.ts';
import * as m0012 from './0012_dossier_overdue_from.ts';
import * as m0013 from './0013_legacy_codes_and_rating_proofs.ts';
import * as m0014 from './0014_report_open_appointments.ts';
import * as m0015 from './0015_report_stopped_clock.ts';
import * as m0016 from './0016_citizen_accounts.ts';
import * as m0017 from './0017_citizen_dossiers.ts';
import * as m0020 from './0020_assisted_filing.ts';
import * as m0019 from './0019_citizen_data_store.ts';
import * as m0021 from './0021_citizen_sign_ins.ts';
import * as m0018 from './0018_declaration_eforms.ts';
import * as m0022 from './0022_signing_keys.ts';
import * as m0023 from './0023_signed_documents.ts';
import * as m0024 from './0024_document_office.ts';
import * as m0025 from './0025_register_forms.ts';
import * as m0026 from './0026_notifications.ts';
import * as m0032 from './0032_notification_receipts.ts';
import * as m0027 from './0027_request_rate_limits.ts';
import * as m0033 from './0033_payments.ts';
import * as m0035 from './0035_fee_receipts.ts';
import * as m0040 from './0040_feedback.ts';
import * as m0046 from './0046_session_change_notices.ts';
import * as m0041 from './0041_feedback_handling.ts';
import * as m0042 from './0042_rating_criteria_and_alerts.ts';
import * as m0043 from './0043_surveys.ts';
import * as m0044 from './0044_service_index.ts';
import * as m0045 from './0045_reform_plans.ts';
import * as m0047 from './0047_apology_covering_index.ts';
import * as m0048 from './0048_catalogue_search_terms.ts';
import * as m0049 from './0049_procedure_catalogue_details.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_catalogue': m0002,
  '0003_calendar_and_offices': m0003,
  '0004_dossiers': m0004,
  '0005_report_aggregates': m0005,
  '0006_import_speed': m0006,
  '0007_dossier_ids_by_default': m0007,
  '0008_report_triggers_single_pass': m0008,
  '0011_sign_in_throttle_and_change_notices': m0011,
  '0012_dossier_overdue_from': m0012,
  '0013_legacy_codes_and_rating_proofs': m0013,
  '0014_report_open_appointments': m0014,
  '0015_report_stopped_clock': m0015,
  '0016_citizen_accounts': m0016,
  '0017_citizen_dossiers': m0017,
  '0020_assisted_filing': m0020,
  '0019_citizen_data_store': m0019,
  '0021_citizen_sign_ins': m0021,
  '0018_declaration_eforms': m0018,
  '0022_signing_keys': m0022,
  '0023_signed_documents': m0023,
  '0024_document_office': m0024,
  '0025_register_forms': m0025,
  '0026_notifications': m0026,
  '0032_notification_receipts': m0032,
  '0027_request_rate_limits': m0027,
  '0033_payments': m0033,
  '0035_fee_receipts': m0035,
  '0040_feedback': m0040,
  '0046_session_change_notices': m0046,
  '0041_feedback_handling': m0041,
  '0042_rating_criteria_and_alerts': m0042,
  '0043_surveys': m0043,
  '0044_service_index': m0044,
  '0045_reform_plans': m0045,
  '0047_apology_covering_index': m0047,
  '0048_catalogue_search_terms': m0048,
  '0049_procedure_catalogue_details': m0049,
};
