export { renderReportHtml, REPORT_TITLE, TRIAL_QUESTION } from './render-report-html';
export { icerStatement, EFFECT_UNITS } from './icer-statement';
export { escapeHtml } from './escape-html';
export { formatMoney, formatNumber, formatEffect, formatPercent } from './format';
export { inlineSvg } from './inline-svg';
export { REPORT_LANGS, REPORT_TEXTS, isReportLang, type ReportLang, type ReportTexts } from './report-texts';
