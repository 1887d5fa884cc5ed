import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import federation from '@apollo/federation-internals';
import {
  buildSchema,
  type DocumentNode,
  getNamedType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  TypeInfo,
  typeFromAST,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';

// CommonJS: named imports are not visible to ESM.
const { Supergraph } = federation;

/** An operation some client sends: the contract's, or one of a released client's manifests. */
export interface CheckedOperation {
  name: string;
  /** Where it comes from, for the report: `contract`, `client 0.1.0`. */
  source: string;
  document: DocumentNode;
}

export interface CheckedChange {
  level: 'BREAKING' | 'DANGEROUS' | 'SAFE';
  message: string;
  /** Schema coordinate of the change (`Region.name`, `RegisterHouseholdInput.note`). */
  path?: string;
  /** Operations that use what changed, `Name (source)`. */
  operations: string[];
}

export interface SchemaCheckResult {
  ok: boolean;
  changes: CheckedChange[];
  /** Operations that do not validate against the new schema, with GraphQL's reasons. */
  invalid: { operation: string; errors: string[] }[];
  report: string;
}

/** What clients see: the API schema of a supergraph, or the schema itself when the SDL is not a supergraph. */
export function apiSchemaOf(sdl: string): GraphQLSchema {
  return /@link\(url: "https:\/\/specs\.apollo\.dev\/join\//.test(sdl) ? Supergraph.build(sdl).apiSchema().toGraphQLJSSchema() : buildSchema(sdl);
}

/**
 * Schema coordinates an operation depends on: `Type.field` and `Type.field.arg` it selects or
 * passes, and every input type (with its fields) and enum type it sends or reads, so a change
 * deep in an input (a field made required) is traced to the operations that send it.
 */
export function coordinatesUsed(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const seen = new Set<string>();
  const addType = (type: GraphQLNamedType | null | undefined) => {
    if (!type || seen.has(type.name)) return;
    seen.add(type.name);
    if (isEnumType(type)) used.add(type.name);
    if (isInputObjectType(type)) {
      used.add(type.name);
      for (const field of Object.values(type.getFields())) {
        used.add(`${type.name}.${field.name}`);
        addType(getNamedType(field.type));
      }
    }
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        used.add(`${parent.name}.${field.name}`);
        addType(getNamedType(field.type));
      },
      Argument() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const arg = typeInfo.getArgument();
        if (!parent || !field || !arg) return;
        used.add(`${parent.name}.${field.name}.${arg.name}`);
        addType(getNamedType(arg.type));
      },
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        if (type) addType(getNamedType(type));
      },
    }),
  );
  return used;
}

const LEVEL: Record<CriticalityLevel, CheckedChange['level']> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
  [CriticalityLevel.NonBreaking]: 'SAFE',
};

/** A change at `path` touches what an operation uses: the same coordinate, one inside it, or one it is inside of. */
const touches = (path: string, used: Set<string>) => {
  if (used.has(path)) return true;
  for (const u of used) if (path.startsWith(`${u}.`) || u.startsWith(`${path}.`)) return true;
  return false;
};

/**
 * Compares the schema clients see today (`before`) with the one a change would serve (`after`),
 * supergraph or plain SDL, and checks every operation clients send against it. Fails on any
 * breaking change (for some client somewhere, even if no listed operation uses it: a removed
 * or retyped field, an input's nullability tightened, an enum value removed, a required argument
 * added) and on any listed operation that no longer validates; the report names the operations
 * each change hits. Additive changes pass, summed up.
 */
export async function checkSchema(before: string, after: string, operations: CheckedOperation[]): Promise<SchemaCheckResult> {
  const [old, next] = [apiSchemaOf(before), apiSchemaOf(after)];
  const uses = operations.map((op) => ({ label: `${op.name} (${op.source})`, used: coordinatesUsed(old, op.document) }));
  const changes: CheckedChange[] = (await diff(old, next)).map((c: Change) => ({
    level: LEVEL[c.criticality.level],
    message: c.message,
    ...(c.path ? { path: c.path } : {}),
    operations: c.path ? uses.filter((u) => touches(c.path!, u.used)).map((u) => u.label) : [],
  }));
  const invalid = operations.flatMap((op) => {
    const errors = validate(next, op.document).map((e) => e.message);
    return errors.length ? [{ operation: `${op.name} (${op.source})`, errors }] : [];
  });
  const ok = invalid.length === 0 && !changes.some((c) => c.level === 'BREAKING');
  return { ok, changes, invalid, report: reportOf(ok, changes, invalid, operations.length) };
}

function reportOf(ok: boolean, changes: CheckedChange[], invalid: SchemaCheckResult['invalid'], checked: number): string {
  const count = (level: CheckedChange['level']) => changes.filter((c) => c.level === level).length;
  const lines = [
    `schema check: ${ok ? 'PASSED' : 'FAILED'} — ${count('BREAKING')} breaking, ${count('DANGEROUS')} dangerous, ${count('SAFE')} safe change(s); ${checked} operation(s) checked, ${invalid.length} no longer valid`,
  ];
  for (const level of ['BREAKING', 'DANGEROUS', 'SAFE'] as const) {
    for (const c of changes.filter((x) => x.level === level)) {
      lines.push(`  ${level.padEnd(9)} ${c.message}${c.path ? ` [${c.path}]` : ''}`);
      if (c.operations.length) lines.push(`            used by: ${c.operations.join(', ')}`);
      else if (level === 'BREAKING') lines.push('            used by no listed operation, but breaking for any client that uses it');
    }
  }
  if (invalid.length) {
    lines.push('operations that no longer validate against the new schema:');
    for (const i of invalid) lines.push(`  ${i.operation}: ${i.errors.join('; ')}`);
  }
  if (!changes.length && !invalid.length) lines.push('  no change to the API schema; every operation validates');
  return lines.join('\n');
}
