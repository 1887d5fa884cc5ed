import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Arg, Authorized, buildSchema, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ANY_ROLE, authChecker, devSigningKey, permissionMatrix, signToken, tokenVerifier } from '../src/index.js';

// The permission snapshot is what the code declares: every root field, every field with a
// role rule, every personal-data field, with its roles sorted.
@ObjectType('PermTestPerson')
class Person {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Authorized('CASEWORKER', 'ADMIN')
  @Field({ nullable: true })
  health!: string;
}

@Resolver(() => Person)
class PersonResolver {
  @Query(() => Person, { nullable: true })
  permTestPerson(@Arg('id', () => ID) id: string): Person {
    return { id, name: 'n', health: 'h' };
  }

  @Authorized('AUDITOR', 'ADMIN')
  @Query(() => [Person])
  permTestPeople(): Person[] {
    return [];
  }

  @Authorized('DEPARTMENT_OFFICER:HEALTH_INSURANCE', 'ADMIN')
  @Mutation(() => Person)
  permTestRecord(@Arg('id', () => ID) id: string): Person {
    return { id, name: 'n', health: 'h' };
  }

  @Authorized('COUNTY_OFFICER', 'ADMIN')
  @FieldResolver(() => String, { nullable: true })
  income(@Root() p: Person): string {
    return p.id;
  }
}

test('roots, role rules and personal data, roles sorted; names outside this schema left out', async () => {
  const schema = await buildSchema({ resolvers: [PersonResolver], validate: false, authChecker });
  expect(permissionMatrix(schema, ['PermTestPerson.name', 'PermTestPerson.nowhere', 'Elsewhere.field'])).toEqual({
    'Mutation.permTestRecord': ['ADMIN', 'DEPARTMENT_OFFICER:HEALTH_INSURANCE'],
    'PermTestPerson.health': ['ADMIN', 'CASEWORKER'],
    'PermTestPerson.income': ['ADMIN', 'COUNTY_OFFICER'],
    'PermTestPerson.name': [ANY_ROLE],
    'Query.permTestPeople': ['ADMIN', 'AUDITOR'],
    'Query.permTestPerson': [ANY_ROLE],
  });
  expect(Object.keys(permissionMatrix(schema, []))).toEqual(['Mutation.permTestRecord', 'PermTestPerson.health', 'PermTestPerson.income', 'Query.permTestPeople', 'Query.permTestPerson']);
});

test('development keys: made once in the data folder, private parts readable by the owner only', async () => {
  const dir = join(await mkdtemp(join(tmpdir(), 'fupin-keys-')), 'keys');
  try {
    const first = await devSigningKey(dir);
    expect(existsSync(join(dir, 'jwt-private.json'))).toBe(true);
    expect(first.jwksPath).toBe(join(dir, 'jwks.json'));
    expect((await stat(join(dir, 'jwt-private.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const again = await devSigningKey(dir);
    expect(again.key.kid).toBe(first.key.kid);
    expect(again.key.privateJwk).toEqual(first.key.privateJwk);
    expect(JSON.parse(await readFile(first.jwksPath, 'utf8'))).toEqual(first.key.jwks);
    expect(first.key.jwks.keys[0]).toMatchObject({ kid: first.key.kid, alg: 'ES256', use: 'sig' });
    expect(first.key.jwks.keys[0]!.d).toBeUndefined();
    const verify = await tokenVerifier(first.jwksPath);
    expect(await verify(await signToken(again.key, { subject: 's', role: 'AUDITOR', regionCode: '420115000000' }))).toEqual({ subject: 's', role: 'AUDITOR', regionCode: '420115000000' });
  } finally {
    await rm(join(dir, '..'), { recursive: true, force: true });
  }
});
