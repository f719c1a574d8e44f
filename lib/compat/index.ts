export { CompatChecks, REPORT_JSON, REPORT_MARKDOWN } from './compat-checks';
export { Finding, FindingLevel, PlanCheckRef } from './finding';
export { RuleDescription, RuleCatalog } from './rule-catalog';
