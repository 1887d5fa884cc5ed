import { Batch, GapKind, type UnavailableReason } from '@fupin/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Member } from '../member/member.type.js';

/** Where a part of a household's coverage comes from. */
export enum CoverageSource {
  REGISTRY = 'REGISTRY',
  HEALTH_INSURANCE = 'HEALTH_INSURANCE',
  EDUCATION_AID = 'EDUCATION_AID',
  HOUSING_REPAIR = 'HOUSING_REPAIR',
  EMPLOYMENT = 'EMPLOYMENT',
}

registerEnumType(Batch, { name: 'Batch', description: 'The five batches (五个一批): routes out of poverty' });
registerEnumType(GapKind, { name: 'GapKind', description: 'A gap against the exit standard (两不愁三保障 + safe water)' });
registerEnumType(CoverageSource, { name: 'CoverageSource', description: 'The registry or the department whose data decides a part of coverage: whom to call' });

@ObjectType('CoverageBatch', { description: 'Whether a batch reaches the household in the year, and by whose data' })
export class CoverageBatch {
  @Field(() => Batch)
  batch!: Batch;

  @Field(() => Boolean, { nullable: true, description: 'Null when a source that could cover it was not consulted and none other does' })
  covered!: boolean | null;

  @Field(() => [CoverageSource], { description: 'The sources that cover it (empty when not covered)' })
  coveredBy!: CoverageSource[];

  @Field(() => [CoverageSource], { description: 'The sources whose data decides it' })
  sources!: CoverageSource[];
}

@ObjectType('CoverageGap', { description: 'A gap against the exit standard in the year: one per household-level gap, one per member for member-level gaps' })
export class CoverageGap {
  @Field(() => GapKind)
  kind!: GapKind;

  @Field(() => Member, { nullable: true, description: 'The member a member-level gap is about' })
  member!: { id: string } | null;

  @Field()
  detail!: string;

  @Field(() => CoverageSource, { description: 'Whose data shows it: whom to call' })
  source!: CoverageSource;

  @Field(() => DateTimeResolver, { nullable: true, description: "When that source's records about the household last changed" })
  asOf!: Date | null;
}

@ObjectType('CoverageConsulted', { description: 'A source asked for its part: when its records about the household last changed, or why it could not answer' })
export class CoverageConsulted {
  @Field(() => CoverageSource)
  source!: CoverageSource;

  @Field({ description: 'False when it could not be consulted: its gaps are unknown, not absent' })
  consulted!: boolean;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When its records about the household last changed; null when it holds none or was not consulted' })
  asOf!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it could not be consulted (down, slow, its roster behind)' })
  unavailableReason!: string | null;

  /** Not in the schema: for the DEPARTMENT_UNAVAILABLE error that goes with the answer (absent when consulted). */
  unavailable?: { department: string; reason: UnavailableReason };
}

@ObjectType('ExitEvidenceValue', { description: 'A value a gap rule read when the exit was judged, as its source held it then' })
export class ExitEvidenceValue {
  @Field(() => GapKind, { description: 'The rule that read it' })
  rule!: GapKind;

  /** Stored as the id; the member resolves through the registry. */
  memberId!: string | null;

  @Field({ description: 'What it is: incomePerCapita, povertyLine, insuranceScheme, medicalTotalCost, medicalOutOfPocket, outOfPocketShare, schoolingStatus, school, appraisalGrade, appraisedOn, renovation, relocatedOn, safeDrinkingWater' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'The value as text; null when there was no record (NONE for an enrollment or schooling record that did not exist)' })
  value!: string | null;

  @Field(() => CoverageSource, { description: 'Whose data it is' })
  source!: CoverageSource;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the record holding it was last written; null when there was none, or for a setting (the line)' })
  asOf!: string | Date | null;
}

@ObjectType('ExitEvidence', { description: 'What an exit was granted on: each batch, no gap, and each source consulted with its as-of' })
export class ExitEvidence {
  @Field(() => Int, { description: 'The year assessed' })
  year!: number;

  @Field(() => DateTimeResolver)
  assessedAt!: Date;

  @Field(() => [CoverageBatch])
  batches!: CoverageBatch[];

  @Field(() => [CoverageConsulted])
  consulted!: CoverageConsulted[];

  /** Absent in evidence kept before the values were (read as none). */
  values?: ExitEvidenceValue[];
}

@ObjectType('HouseholdCoverage', { description: "A household's five-batches coverage and its gaps against the exit standard for a year, computed now from each department's own data" })
export class HouseholdCoverage {
  @Field(() => Int)
  year!: number;

  @Field(() => [CoverageBatch])
  batches!: CoverageBatch[];

  @Field(() => [CoverageGap], { description: 'Every gap found by the sources consulted' })
  gaps!: CoverageGap[];

  @Field({ description: 'True exactly when every source was consulted and none found a gap other than ZERO_EMPLOYMENT (shown, but not blocking exit)' })
  exitEligible!: boolean;

  @Field(() => [CoverageConsulted], { description: 'Each source, consulted or not' })
  consulted!: CoverageConsulted[];

  @Field(() => DateTimeResolver, { description: 'When this was computed' })
  assessedAt!: Date;

  /** Not in the schema: the values the rules read, only when an exit is judged. */
  evidence?: ExitEvidenceValue[];
}
