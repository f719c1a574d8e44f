export { CompatChecks, REPORT_JSON, REPORT_MARKDOWN } from './compat-checks';
export { Finding, FindingLevel, PlanCheckRef } from './finding';
export { RuleDescription, RuleCatalog } from './rule-catalog';
export { ImageLineage, SourceImageFacts } from './lineage';
export { CompatReport, ICompatReportWriter } from './report/report-writer';
export { ConsoleReportWriter, JsonReportWriter, MarkdownReportWriter } from './report/writers';
