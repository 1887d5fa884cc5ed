import { type DocumentNode, Kind, visit } from 'graphql';

/**
 * Directives our gateway (@apollo/gateway 2.14, a Node gateway, not Apollo Router) cannot
 * execute. Composition accepts them and the gateway would then serve a supergraph whose promise
 * it does not keep: `@policy` would authorize nothing, a progressive `@override(label:)` would
 * never shift traffic, `@defer` would be answered all at once or refused at run time. So a
 * subgraph that uses one does not compose here.
 */
const WHY: Record<string, string> = {
  policy: '@policy needs Apollo Router\'s authorization plugin; declare access with @Authorized (the kit checks it in the subgraph)',
  override: 'a progressive @override (with `label`) needs Apollo Router\'s traffic shifting; use @override(from:) without a label to move the field outright',
  defer: '@defer needs incremental delivery, which the gateway does not implement; ask for the fields in a second operation',
};

/** Every use of such a directive in the subgraphs, one readable line each; empty when none. */
export function unsupportedDirectives(services: { name: string; typeDefs: DocumentNode }[]): string[] {
  const found: string[] = [];
  for (const { name, typeDefs } of services) {
    const where: string[] = [];
    visit(typeDefs, {
      enter(node) {
        if ('name' in node && node.name && 'kind' in node && node.kind !== Kind.DIRECTIVE) where.push(node.name.value);
        else where.push('');
      },
      leave() {
        where.pop();
      },
      Directive(node) {
        const directive = node.name.value;
        const at = where.filter(Boolean).join('.') || 'the schema';
        if (directive === 'policy' || directive === 'defer') found.push(`${name}: @${directive} on ${at}: ${WHY[directive]}`);
        if (directive === 'override' && node.arguments?.some((a) => a.name.value === 'label')) found.push(`${name}: @override(label:) on ${at}: ${WHY.override}`);
        if (directive === 'link') {
          const imports = node.arguments?.find((a) => a.name.value === 'import')?.value;
          const names = imports?.kind === Kind.LIST ? imports.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : [];
          for (const imported of names.filter((n) => n === '@policy' || n === '@defer')) found.push(`${name}: imports ${imported}: ${WHY[imported.slice(1)]}`);
        }
      },
      DirectiveDefinition(node) {
        if (node.name.value === 'policy' || node.name.value === 'defer') found.push(`${name}: defines @${node.name.value}: ${WHY[node.name.value]}`);
      },
    });
  }
  return found;
}
