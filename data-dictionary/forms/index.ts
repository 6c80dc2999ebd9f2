/**
 * Every form of the data dictionary, by static JSON import so the web bundle
 * (esbuild) and the server (tsx) read the same files. One line per form; the
 * order is the order of the codebook and the REDCap export. System forms
 * (request bodies of the staff API) live in `./system/` and are added below
 * by their owners. The baseline's `municipality` gets its choices from the
 * official municipality lists (baseline-form.ts).
 */
import type { Form } from '../types';
import screening from './screening.json';
import consent from './consent.json';
import referral from './referral.json';
import participantIdentity from './participant_identity.json';
import { baselineForm as baseline } from './baseline-form';
import eq5d5l from './eq5d5l.json';
import eq5d3l from './eq5d3l.json';
import gse from './gse.json';
import serviceUse from './service_use.json';
import processStatus from './process_status.json';
import employmentEpisode from './employment_episode.json';
import timeLog from './time_log.json';
import withdrawal from './withdrawal.json';
import fidelityReview from './fidelity_review.json';
import susStart from './sus_start.json';
import susEnd from './sus_end.json';
import systemLogin from './system/login.json';
import systemPasswordChange from './system/password_change.json';
import systemStaffUser from './system/staff_user.json';
import systemStaffUserUpdate from './system/staff_user_update.json';
import systemStaffUserSite from './system/staff_user_site.json';
import systemStaffPasswordReset from './system/staff_password_reset.json';
import systemSite from './system/site.json';
import systemSiteUpdate from './system/site_update.json';
import systemTotpConfirm from './system/totp_confirm.json';
import systemTotpPolicy from './system/totp_policy.json';
import systemTotpReset from './system/totp_reset.json';
import systemUnitCost from './system/unit_cost.json';

export const formFiles = [
  screening,
  consent,
  referral,
  participantIdentity,
  baseline,
  eq5d5l,
  eq5d3l,
  gse,
  serviceUse,
  processStatus,
  employmentEpisode,
  timeLog,
  withdrawal,
  fidelityReview,
  susStart,
  susEnd,
  systemLogin,
  systemPasswordChange,
  systemStaffUser,
  systemStaffUserUpdate,
  systemStaffUserSite,
  systemStaffPasswordReset,
  systemSite,
  systemSiteUpdate,
  systemTotpConfirm,
  systemTotpPolicy,
  systemTotpReset,
  systemUnitCost,
] as unknown as Form[];
