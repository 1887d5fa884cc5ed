import { type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

export const ANY_ROLE = 'any role (jurisdiction applies)';

/**
 * Who may reach each root field, each field with a role rule, and each personal-data field,
 * as the code declares it (`@Authorized`). Committed as a snapshot, so a change to it shows
 * up in review as a permission change.
 */
export function permissionMatrix(schema: GraphQLSchema, personalData: readonly string[]): Record<string, string[]> {
  const storage = getMetadataStorage();
  const rules = new Map<string, string[]>();
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql keys its metadata by class
  const named = (target: Function, fieldName: string) => storage.authorizedFields.find((a) => a.target === target && a.fieldName === fieldName)?.roles as string[] | undefined;
  for (const [root, list] of [['Query', storage.queries], ['Mutation', storage.mutations]] as const) {
    for (const r of list) {
      const roles = named(r.target, r.methodName);
      if (roles) rules.set(`${root}.${r.schemaName}`, roles);
    }
  }
  for (const f of storage.fieldResolvers) {
    const roles = named(f.target, f.methodName);
    const type = f.getObjectType?.();
    const typeName = type && storage.objectTypes.find((o) => o.target === type)?.name;
    if (roles && typeName) rules.set(`${typeName}.${f.schemaName}`, roles);
  }
  for (const o of storage.objectTypes) {
    for (const field of o.fields ?? []) {
      const roles = named(o.target, field.name);
      if (roles) rules.set(`${o.name}.${field.schemaName}`, roles);
    }
  }
  const out: Record<string, string[]> = {};
  const add = (key: string) => {
    const [type, field] = key.split('.') as [string, string];
    const t = schema.getType(type);
    if (!t || !isObjectType(t) || !t.getFields()[field]) return; // not in this schema
    out[key] = [...(rules.get(key) ?? [ANY_ROLE])].sort();
  };
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.keys(root?.getFields() ?? {})) if (!field.startsWith('_')) add(`${root!.name}.${field}`);
  }
  for (const key of [...rules.keys(), ...personalData]) add(key);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The role rules `@Authorized` sets on a mutation, one list per resolver that declares it
 * (an empty list: any role); none found: no list at all. Read where a mutation's answer is
 * given without running it (a replayed idempotent answer).
 */
export function mutationRules(field: string): string[][] {
  const storage = getMetadataStorage();
  return storage.mutations
    .filter((m) => m.schemaName === field)
    .map((m) => [...((storage.authorizedFields.find((a) => a.target === m.target && a.fieldName === m.methodName)?.roles as string[] | undefined) ?? [])]);
}
