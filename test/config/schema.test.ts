// schema/resty-lint.schema.json: the editor-facing description of the config file. Checked against the rule
// registry, the client profiles and the loader's own key lists so it cannot go stale, and against the fixture
// configs so it agrees with the loader on what is valid.
//
// When a rule or client is added, refresh the generated parts (rule ids, their descriptions, client enum) with:
//   UPDATE_CONFIG_SCHEMA=1 npx vitest run test/config/schema.test.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.ts';
import { CLIENT_PROFILES } from '../../src/clients/profiles.ts';
import {
  CONFIG_KEYS,
  DEFAULT_LUA52_COMPAT,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_WRAPPER_ARGUMENT,
  DEFAULT_WRAPPER_CLIENT,
  RULE_LEVEL_SETTINGS,
  WRAPPER_KEYS,
  WRAPPER_KINDS,
} from '../../src/config/config.ts';
import { REPO_ROOT } from '../support/sarif-validate.ts';

// ajv is CommonJS (`module.exports = Ajv; exports.default = Ajv`): take `.default` (see test/support/sarif-validate.ts).
const Ajv = AjvModule.default;

type Json = Record<string, any>;

const SCHEMA_PATH = join(REPO_ROOT, 'schema/resty-lint.schema.json');
let schemaText = readFileSync(SCHEMA_PATH, 'utf8');
const schema = JSON.parse(schemaText) as Json;
const wrapper = schema.definitions.wrapper as Json;

/** The parts of the schema that mirror the registry, as they must read. */
function generatedRules(): Json {
  return {
    enum: RULES.map((r) => r.meta.id),
    properties: Object.fromEntries(
      RULES.map((r) => [
        r.meta.id,
        {
          type: 'string',
          enum: [...RULE_LEVEL_SETTINGS],
          description: `${r.meta.shortDescription} (default: ${r.meta.defaultLevel}). off disables the rule; note, warning and error set the level of its findings.`,
        },
      ]),
    ),
  };
}
const clientModules = CLIENT_PROFILES.map((p) => p.module);

if (process.env.UPDATE_CONFIG_SCHEMA) {
  const g = generatedRules();
  schema.properties.rules.propertyNames.enum = g.enum;
  schema.properties.rules.properties = g.properties;
  wrapper.properties.client.enum = clientModules;
  const updated = `${JSON.stringify(schema, null, 2)}\n`;
  if (updated !== schemaText) writeFileSync(SCHEMA_PATH, updated);
  schemaText = updated;
}

const STALE = 'schema/resty-lint.schema.json is stale: run UPDATE_CONFIG_SCHEMA=1 npx vitest run test/config/schema.test.ts';

function readFixture(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  return path.endsWith('.json') ? JSON.parse(text) : (parseYaml(text) ?? {});
}

function validator() {
  // strict: unknown keywords or loose schema constructs are errors, so the schema stays portable to editors.
  const ajv = new Ajv({ strict: true, allErrors: true });
  return ajv.compile(schema);
}

describe('config JSON schema', () => {
  it('is a draft-07 schema with an $id, a title and no extra keys anywhere', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toMatch(/^https:\/\/.*\/schema\/resty-lint\.schema\.json$/);
    expect(schema.title).toBeTruthy();
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.rules.additionalProperties).toBe(false);
    expect(wrapper.additionalProperties).toBe(false);
    expect(schemaText).toBe(`${JSON.stringify(schema, null, 2)}\n`);
  });

  it('describes every property', () => {
    const missing: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Json;
      if (n.properties && !at.endsWith('/if') && !at.endsWith('/then') && !at.endsWith('/else')) {
        for (const [key, prop] of Object.entries(n.properties as Json)) {
          if (typeof prop !== 'object' || !(prop as Json).description) missing.push(`${at}/properties/${key}`);
        }
      }
      for (const [key, child] of Object.entries(n)) walk(child, `${at}/${key}`);
    };
    walk(schema, '#');
    expect(missing).toEqual([]);
  });

  it('lists exactly the registry rule ids, with their descriptions and default levels', () => {
    const g = generatedRules();
    expect(schema.properties.rules.propertyNames.enum, STALE).toEqual(g.enum);
    expect(schema.properties.rules.properties, STALE).toEqual(g.properties);
  });

  it('lists exactly the client profile modules', () => {
    expect(wrapper.properties.client.enum, STALE).toEqual(clientModules);
  });

  it('has the loader keys, kinds and defaults', () => {
    expect(Object.keys(schema.properties)).toEqual([...CONFIG_KEYS]);
    expect(Object.keys(wrapper.properties)).toEqual([...WRAPPER_KEYS]);
    expect(wrapper.required).toEqual(['module', 'function', 'kind']);
    expect(wrapper.properties.kind.enum).toEqual([...WRAPPER_KINDS]);
    expect(schema.properties.maxFileBytes.default).toBe(DEFAULT_MAX_FILE_BYTES);
    expect(schema.properties.lua52Compat.default).toBe(DEFAULT_LUA52_COMPAT);
    expect(wrapper.properties.client.default).toBe(DEFAULT_WRAPPER_CLIENT);
    expect(wrapper.properties.argument.default).toBe(DEFAULT_WRAPPER_ARGUMENT);
  });

  const validate = validator();

  for (const name of readdirSync(join(REPO_ROOT, 'fixtures/config/valid')).sort()) {
    it(`accepts valid/${name}`, () => {
      const ok = validate(readFixture(join(REPO_ROOT, 'fixtures/config/valid', name)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  // Invalid fixtures the schema cannot judge: syntax errors (no data to validate) and what JSON Schema cannot
  // express. The schema must accept the latter, so this list stays exact.
  const SCHEMA_BLIND = new Set(['wrapper-duplicate.yaml']);
  for (const name of readdirSync(join(REPO_ROOT, 'fixtures/config/invalid')).sort()) {
    if (name.startsWith('syntax-')) continue;
    const data = readFixture(join(REPO_ROOT, 'fixtures/config/invalid', name));
    if (SCHEMA_BLIND.has(name)) {
      it(`accepts invalid/${name} (only the loader rejects it)`, () => expect(validate(data)).toBe(true));
    } else {
      it(`rejects invalid/${name}`, () => expect(validate(data)).toBe(false));
    }
  }
});
