// The contract every file in rules/ fulfils. Rules never walk ASTs: they read the linked model.
import type { CallRewrite, Level, RelatedLocation, SourceSpan } from '../core/findings.ts';
import type { ProjectModel } from './project-model.ts';

export type Precision = 'very-high' | 'high' | 'medium' | 'low';

export interface RuleExample {
  bad: string;
  good: string;
}

export interface RuleMeta {
  /** Public id, kebab-case; never renamed. */
  id: string;
  /** PascalCase name for SARIF `rule.name`. */
  name: string;
  shortDescription: string;
  fullDescription: string;
  /** Why it hurts in production and what to do, as plain text and Markdown. */
  help: { text: string; markdown: string };
  defaultLevel: Level;
  tags: string[];
  precision: Precision;
  /** Security rules (tag `security`): GitHub code scanning's severity score, a number from "0.0" to "10.0" as a
   *  string (SARIF `properties.security-severity`; 7.0 and above is high, 4.0 to 6.9 medium). */
  securitySeverity?: string;
  example?: RuleExample;
  /** Rules whose finding at the same location this rule's finding replaces: one defect, one finding (a
   *  never-released site of a pooled pool is pool-mixed-lifecycle, not also connection-not-released). A
   *  subsumed finding stays when this rule is turned off. */
  subsumes?: readonly string[];
}

export interface ReportInput {
  message: string;
  location: SourceSpan;
  related?: Omit<RelatedLocation, 'id'>[];
  /** Overrides the rule's default level for this finding. */
  level?: Level;
  /** A mechanical fix: SARIF `fixes`, `resty-lint --fix` and the editor's quick fix. */
  fix?: CallRewrite;
}

export type Report = (finding: ReportInput) => void;

export interface Rule {
  meta: RuleMeta;
  /** Engine-produced rules (syntax-error) have no check: the engine reports them directly. */
  check?: (model: ProjectModel, report: Report) => void;
}
