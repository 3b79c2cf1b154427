// Test-only SARIF checks: the OASIS JSON schema (via Ajv, draft-04) and the SARIF Multitool's rule sets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv';

// ajv-draft-04 is CommonJS (`module.exports = Ajv; exports.default = Ajv`): under NodeNext the default import
// types as the module namespace, so take `.default`, which is the class whichever interop the loader applied.
const Ajv = AjvModule.default;

/** The repository root, found from this file's location (test/support/). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The OASIS SARIF 2.1.0 schema (Errata 01, draft-04), vendored unchanged next to this file; see README.md here.
 *  The copy @microsoft/sarif-multitool-linux ships (sarif-2.1.0.json) is Microsoft's draft 2020-12 variant, not
 *  this one, and exists only on Linux installs. */
export const SARIF_SCHEMA_PATH = fileURLToPath(new URL('./sarif-schema-2.1.0.json', import.meta.url));
const MULTITOOL = join(REPO_ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');

let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (!compiled) {
    // validateFormats:false: ajv-formats isn't installed, and the schema's formats (uri, date-time...) add
    // little over its structural checks. unicodeRegExp:false: some SARIF schema patterns aren't valid `u` regexes.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
    compiled = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as object);
  }
  return compiled as ValidateFunction;
}

/** Schema errors as `instancePath: message`; empty when the log is valid. */
export function validateSarifSchema(log: unknown): string[] {
  const validate = schemaValidator();
  if (validate(log)) return [];
  return (validate.errors ?? []).map(describe);
}

function describe(e: ErrorObject): string {
  const params = e.keyword === 'enum' || e.keyword === 'additionalProperties' ? ` ${JSON.stringify(e.params)}` : '';
  return `${e.instancePath || '/'}: ${e.message ?? e.keyword}${params}`;
}

/** Parses SARIF text and throws, listing every schema error, unless it is valid. */
export function assertValidSarif(text: string): void {
  const errors = validateSarifSchema(JSON.parse(text));
  if (errors.length > 0) throw new Error(`SARIF log is not schema-valid:\n  ${errors.join('\n  ')}`);
}

interface MultitoolMessage {
  text?: string;
  id?: string;
  arguments?: string[];
}
interface MultitoolResult {
  ruleId?: string;
  ruleIndex?: number;
  level?: string;
  message: MultitoolMessage;
  locations?: { physicalLocation?: { region?: { startLine?: number; startColumn?: number } } }[];
}
interface MultitoolRule {
  id: string;
  messageStrings?: Record<string, { text: string }>;
  defaultConfiguration?: { level?: string };
}
interface MultitoolLog {
  runs: {
    results?: MultitoolResult[];
    tool: { driver: { rules?: MultitoolRule[] } };
    invocations?: { executionSuccessful?: boolean; toolExecutionNotifications?: { level?: string; message: MultitoolMessage }[] }[];
  }[];
}

/** Rules whose findings depend on the machine, not the log. */
const IGNORED_RULES = new Set([
  // SARIF2006 (UrisShouldBeReachable) GETs `$schema` and every helpUri over HTTP; offline it reports a failure
  // that says nothing about the log. (It is a note by default, so `--level Error;Warning` hides it anyway.)
  'SARIF2006',
]);

/** Runs `Sarif.Multitool validate` with the `Sarif;Gh` rule kinds at Error and Warning level and returns its
 *  findings as `RULEID (line,col): message`. The tool exits 0 even when it finds errors, so its output log is
 *  read instead of the exit code. The binary is called directly, without a shell: the npm wrapper runs it
 *  through one, which would split the `;` lists. */
export function runSarifMultitool(sarifPath: string): { errors: string[]; warnings: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'resty-lint-multitool-'));
  const out = join(dir, 'validation.sarif');
  try {
    execFileSync(
      MULTITOOL,
      ['validate', sarifPath, '-o', out, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning'],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } },
    );
    const log = JSON.parse(readFileSync(out, 'utf8')) as MultitoolLog;
    const errors: string[] = [];
    const warnings: string[] = [];
    for (const run of log.runs) {
      const rules = run.tool.driver.rules ?? [];
      for (const r of run.results ?? []) {
        if (r.ruleId && IGNORED_RULES.has(r.ruleId)) continue;
        const rule = r.ruleIndex !== undefined ? rules[r.ruleIndex] : rules.find((x) => x.id === r.ruleId);
        // A result without `level` takes its rule's default, and SARIF's default of defaults is "warning".
        const level = r.level ?? rule?.defaultConfiguration?.level ?? 'warning';
        const region = r.locations?.[0]?.physicalLocation?.region;
        const where = region?.startLine ? ` (${region.startLine},${region.startColumn ?? 1})` : '';
        const line = `${r.ruleId ?? '?'}${where}: ${messageText(r.message, rule)}`;
        if (level === 'error') errors.push(line);
        else if (level === 'warning') warnings.push(line);
      }
      for (const inv of run.invocations ?? []) {
        if (inv.executionSuccessful === false) errors.push('multitool: execution was not successful');
        for (const n of inv.toolExecutionNotifications ?? []) {
          const line = `multitool: ${messageText(n.message, undefined)}`;
          if (n.level === 'error') errors.push(line);
          else if (n.level === undefined || n.level === 'warning') warnings.push(line);
        }
      }
    }
    return { errors, warnings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The multitool writes `{id, arguments}` messages; expand them with the rule's messageStrings. */
function messageText(m: MultitoolMessage, rule: MultitoolRule | undefined): string {
  if (m.text !== undefined) return m.text;
  const template = m.id !== undefined ? rule?.messageStrings?.[m.id]?.text : undefined;
  if (template === undefined) return `${m.id ?? '(no message)'} ${JSON.stringify(m.arguments ?? [])}`;
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => m.arguments?.[Number(i)] ?? whole);
}
