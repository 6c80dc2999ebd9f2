export { reportCharts, moneyUnitOf, planeWtp, FALLBACK_WTP, type ReportChart } from './report-charts';
export { ARM_LABELS, ARM_COLORS, moneyUnitLabel, type MoneyUnit } from './chart-style';
export { costCategoryLabel } from './prep-cost-breakdown';
