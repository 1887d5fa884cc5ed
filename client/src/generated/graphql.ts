/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A member joins a registered household (birth, marriage, other) on a date */
export type AddMemberInput = {
  /** The day the member joined; not in the future, not before the household was identified */
  effectiveDate: string;
  householdId: string | number;
  member: MemberInput;
  reason: JoinReason;
};

/** House safety grade: A and B safe, C partly dangerous, D dangerous */
export type AppraisalGrade =
  | 'A'
  | 'B'
  | 'C'
  | 'D';

/** The five batches (五个一批): routes out of poverty */
export type Batch =
  | 'ECOLOGICAL_COMPENSATION'
  | 'EDUCATION'
  | 'PRODUCTION'
  | 'RELOCATION'
  | 'SOCIAL_SECURITY';

export type ChangeHouseholdStatusInput = {
  effectiveDate: string;
  householdId: string | number;
  reason: string;
  status: PovertyStatus;
};

export type ClaimKind =
  | 'INPATIENT'
  | 'OUTPATIENT';

/** Where and how a person worked in a year; every status but UNEMPLOYED counts as employed */
export type EmploymentStatus =
  | 'ECOLOGICAL_RANGER'
  | 'IN_COUNTY'
  | 'IN_PROVINCE'
  | 'LOCAL'
  | 'OUT_OF_PROVINCE'
  | 'PUBLIC_WELFARE_POST'
  | 'SELF_EMPLOYED'
  | 'UNEMPLOYED'
  | 'WORKSHOP';

export type EnrollInsuranceInput = {
  criticalIllnessCover?: boolean;
  memberId: string | number;
  premium: number | string;
  scheme: InsuranceScheme;
  /** Government-paid part of the premium; at most the premium */
  subsidy: number | string;
  supplementaryCover?: boolean;
  year: number;
};

/** A gap against the exit standard (两不愁三保障 + safe water) */
export type GapKind =
  | 'DROPOUT'
  | 'HIGH_MEDICAL_BURDEN'
  | 'INCOME_BELOW_LINE'
  | 'UNINSURED_MEMBER'
  | 'UNSAFE_HOUSING'
  | 'UNSAFE_WATER'
  | 'ZERO_EMPLOYMENT';

export type Gender =
  | 'FEMALE'
  | 'MALE';

/** Education aid programme */
export type GrantProgram =
  | 'NATIONAL_GRANT'
  | 'PRESCHOOL_AID'
  | 'RAIN_DEW'
  | 'STUDENT_LOAN'
  | 'TWO_EXEMPTIONS_ONE_SUBSIDY';

export type HealthStatus =
  | 'CHRONIC_ILLNESS'
  | 'DISABLED'
  | 'HEALTHY'
  | 'SERIOUS_ILLNESS';

/** 一般贫困户 / 低保贫困户 / 特困供养 */
export type HouseholdType =
  | 'DIBAO'
  | 'GENERAL'
  | 'TEKUN';

/** Kind of industry support (产业帮扶), the production batch */
export type IndustrySupportKind =
  | 'COOPERATIVE_SHARE'
  | 'CROPS'
  | 'LIVESTOCK'
  | 'MICROCREDIT'
  | 'OTHER'
  | 'SOLAR_DIVIDEND'
  | 'WORKSHOP';

/** Basic medical insurance scheme */
export type InsuranceScheme =
  | 'EMPLOYEE_BASIC'
  | 'RESIDENT_BASIC';

/** Why a member joined after the household was identified */
export type JoinReason =
  | 'BIRTH'
  | 'MARRIAGE'
  | 'OTHER';

export type LaborCapacity =
  | 'LOST'
  | 'NONE'
  | 'ORDINARY'
  | 'SKILLED'
  | 'WEAK';

/** Why a member left the household */
export type LeaveReason =
  | 'DEATH'
  | 'MARRIAGE_OUT'
  | 'MOVED_AWAY'
  | 'OTHER';

export type MemberInput = {
  disabilityGrade?: number | null | undefined;
  healthStatus: HealthStatus;
  /** Resident ID number (18 characters); gender and birth date are read from it */
  idNumber: string;
  laborCapacity: LaborCapacity;
  name: string;
  relationToHead: Relation;
};

/** 致贫原因 */
export type PovertyCause =
  | 'DISABILITY'
  | 'DISASTER'
  | 'ILLNESS'
  | 'LACK_OF_FUNDS'
  | 'LACK_OF_LABOR'
  | 'LACK_OF_LAND'
  | 'LACK_OF_MOTIVATION'
  | 'LACK_OF_SKILLS'
  | 'LACK_OF_WATER'
  | 'MARRIAGE'
  | 'OTHER'
  | 'POOR_TRANSPORT'
  | 'SCHOOLING';

/** 未脱贫 / 已脱贫 / 返贫 / 监测户 / 清退 */
export type PovertyStatus =
  | 'LIFTED'
  | 'MONITORED'
  | 'POOR'
  | 'RELAPSED'
  | 'REMOVED';

export type ProposeStatusChangeInput = {
  /** The day the change takes effect once approved */
  effectiveDate: string;
  householdId: string | number;
  reason: string;
  /** LIFTED (exit, from POOR or RELAPSED), RELAPSED, REMOVED (清退, the error named in the reason), or POOR for an at-risk household */
  toStatus: PovertyStatus;
};

export type RecordAppraisalInput = {
  /** Not in the future, not before 2014 */
  appraisedOn: string;
  /** 1 to 100 characters */
  appraiser: string;
  grade: AppraisalGrade;
  householdId: string | number;
};

export type RecordClaimInput = {
  assistancePaid?: number | string;
  basicPaid?: number | string;
  criticalIllnessPaid?: number | string;
  /** Date of the treatment (discharge for inpatients); not in the future */
  date: string;
  hospital: string;
  kind: ClaimKind;
  memberId: string | number;
  oneStop?: boolean;
  supplementaryPaid?: number | string;
  totalCost: number | string;
};

export type RecordEmploymentInput = {
  /** 1 to 100 characters when given */
  employer?: string | null | undefined;
  memberId: string | number;
  /** Average monthly income from the work: not negative, at most two decimals */
  monthlyIncome: number | string;
  /** 0 to 12; 0 when UNEMPLOYED */
  monthsWorked: number;
  status: EmploymentStatus;
  /** Recorded again for the year, it replaces; the member is at least 16 on 31 December of it */
  year: number;
};

export type RecordGrantInput = {
  /** More than zero, at most two decimals */
  amount: number | string;
  memberId: string | number;
  /** The day it was paid; not in the future, not before 2014 */
  paidOn: string;
  program: GrantProgram;
};

export type RecordIncomeInput = {
  householdId: string | number;
  /** Per-capita net income (人均纯收入) in yuan */
  incomePerCapita: number | string;
  year: number;
};

export type RecordIndustrySupportInput = {
  /** Not negative, at most two decimals */
  amount: number | string;
  /** Which cooperative, station or project: 1 to 200 characters when given */
  description?: string | null | undefined;
  householdId: string | number;
  kind: IndustrySupportKind;
  /** The year the measure is for; measures accumulate */
  year: number;
};

export type RecordRelocationInput = {
  householdId: string | number;
  /** Not in the future, not before 2014 */
  relocatedOn: string;
  /** 1 to 100 characters */
  site: string;
};

export type RecordRenovationInput = {
  /** Required for COMPLETED and ACCEPTED, not before startedOn; not in the future */
  completedOn?: string | null | undefined;
  householdId: string | number;
  kind: RenovationKind;
  /** Required from IN_PROGRESS on, not for PLANNED; not in the future */
  startedOn?: string | null | undefined;
  status?: RenovationStatus;
  /** Not negative, at most two decimals */
  subsidy: number | string;
};

export type RecordSchoolingInput = {
  memberId: string | number;
  /** 1 to 100 characters */
  school: string;
  /** Must be possible at the age the member has on 31 August of the year */
  stage: SchoolStage;
  status: SchoolStatus;
  /** The school year starting in September of this year; recorded again for the year, it replaces */
  year: number;
};

export type RegionLevel =
  | 'CITY'
  | 'COUNTY'
  | 'PROVINCE'
  | 'TOWNSHIP'
  | 'VILLAGE';

export type RegisterHouseholdInput = {
  helper?: string | null | undefined;
  householdNumber: string;
  identifiedYear: number;
  /** POOR (the default), or MONITORED for an at-risk household (边缘户) that was never poor */
  initialStatus?: PovertyStatus | null | undefined;
  mainCause: PovertyCause;
  members: Array<MemberInput>;
  otherCauses?: Array<PovertyCause>;
  safeDrinkingWater: boolean;
  type: HouseholdType;
  villageCode: string;
};

export type RegisterRegionInput = {
  /** 12 digits; level and parent are derived from it */
  code: string;
  isPovertyVillage?: boolean;
  name: string;
  povertyVillageExitYear?: number | null | undefined;
};

/** Relation to the head of household */
export type Relation =
  | 'CHILD'
  | 'CHILD_IN_LAW'
  | 'GRANDCHILD'
  | 'GRANDPARENT'
  | 'HEAD'
  | 'OTHER'
  | 'PARENT'
  | 'PARENT_IN_LAW'
  | 'SIBLING'
  | 'SPOUSE';

/** A member leaves the household (death, marriage out, moved away, other) on a date; the row stays, for the years they counted in */
export type RemoveMemberInput = {
  /** The day the member left: they do not count at the end of it */
  effectiveDate: string;
  memberId: string | number;
  /** When the HEAD leaves while others stay: the member who becomes head */
  newHeadId?: string | number | null | undefined;
  reason: LeaveReason;
};

/** Repair and reinforce (修缮加固) or demolish and rebuild (拆除重建) */
export type RenovationKind =
  | 'REBUILD'
  | 'REPAIR';

/** PLANNED → IN_PROGRESS → COMPLETED → ACCEPTED, forward only */
export type RenovationStatus =
  | 'ACCEPTED'
  | 'COMPLETED'
  | 'IN_PROGRESS'
  | 'PLANNED';

/** Stage of schooling */
export type SchoolStage =
  | 'JUNIOR_SECONDARY'
  | 'PRESCHOOL'
  | 'PRIMARY'
  | 'SENIOR_SECONDARY'
  | 'TERTIARY'
  | 'VOCATIONAL';

/** Standing in the school year; every status but DROPPED_OUT counts as in school */
export type SchoolStatus =
  | 'DROPPED_OUT'
  | 'ENROLLED'
  | 'GRADUATED'
  | 'HOME_TAUGHT'
  | 'SUSPENDED';

/** 公示 / 乡镇审核 / 县级审定 / 批准 / 退回 / 撤回 */
export type StatusChangeStep =
  | 'APPROVED'
  | 'COUNTY'
  | 'NOTICE'
  | 'REJECTED'
  | 'TOWNSHIP'
  | 'WITHDRAWN';

/** A dated change of a household's type, causes, safe water or helper; fields left out stay */
export type UpdateHouseholdInput = {
  effectiveDate: string;
  /** 帮扶责任人; an empty string clears it */
  helper?: string | null | undefined;
  householdId: string | number;
  mainCause?: PovertyCause | null | undefined;
  otherCauses?: Array<PovertyCause> | null | undefined;
  reason: string;
  safeDrinkingWater?: boolean | null | undefined;
  type?: HouseholdType | null | undefined;
};

/** A dated change of a member's health, disability grade or labor capacity */
export type UpdateMemberInput = {
  /** 1-4, only for a DISABLED member; a member no longer DISABLED loses the grade */
  disabilityGrade?: number | null | undefined;
  effectiveDate: string;
  healthStatus?: HealthStatus | null | undefined;
  laborCapacity?: LaborCapacity | null | undefined;
  memberId: string | number;
  reason: string;
};

export type RemoveMemberMutationVariables = Exact<{
  input: RemoveMemberInput;
}>;


export type RemoveMemberMutation = { removeMember: { id: string, members: Array<{ id: string, relationToHead: Relation }> } };

export type RecordRenovationMutationVariables = Exact<{
  input: RecordRenovationInput;
}>;


export type RecordRenovationMutation = { recordRenovation: { id: string, kind: RenovationKind, status: RenovationStatus } };

export type VillageHouseholdsQueryVariables = Exact<{
  code: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: PovertyStatus | null | undefined;
}>;


export type VillageHouseholdsQuery = { region: { households: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, householdNumber: string, status: PovertyStatus, type: HouseholdType, head: { name: string, maskedIdNumber: string } | null }> } } | null };

export type RegionQueryVariables = Exact<{
  code: string | number;
}>;


export type RegionQuery = { region: { code: string, name: string, level: RegionLevel, isPovertyVillage: boolean, parent: { code: string, name: string } | null, children: Array<{ code: string, name: string, level: RegionLevel }> } | null };

export type DecideStatusChangeMutationVariables = Exact<{
  id: string | number;
  approve: boolean;
  reason: string;
}>;


export type DecideStatusChangeMutation = { decideStatusChange: { id: string, step: StatusChangeStep, household: { id: string, status: PovertyStatus, statusHistory: Array<{ status: PovertyStatus, effectiveDate: string, reason: string }> | null } | null } };

export type ProposeStatusChangeMutationVariables = Exact<{
  input: ProposeStatusChangeInput;
}>;


export type ProposeStatusChangeMutation = { proposeStatusChange: { id: string, toStatus: PovertyStatus, step: StatusChangeStep, noticeEndsOn: string | null } };

export type ReviewStatusChangeMutationVariables = Exact<{
  id: string | number;
  approve: boolean;
  reason: string;
}>;


export type ReviewStatusChangeMutation = { reviewStatusChange: { id: string, step: StatusChangeStep } };

export type RecordSchoolingMutationVariables = Exact<{
  input: RecordSchoolingInput;
}>;


export type RecordSchoolingMutation = { recordSchooling: { year: number, stage: SchoolStage, status: SchoolStatus } };

export type RecordEmploymentMutationVariables = Exact<{
  input: RecordEmploymentInput;
}>;


export type RecordEmploymentMutation = { recordEmployment: { year: number, status: EmploymentStatus, monthlyIncome: number } };

export type RegionFourZerosQueryVariables = Exact<{
  code: string | number;
  year: number;
}>;


export type RegionFourZerosQuery = { region: { code: string, name: string, fourZeros: { unsafeHousingHouseholds: number | null, highMedicalBurdenHouseholds: number | null, dropoutMembers: number | null, zeroEmploymentHouseholds: number | null } | null, children: Array<{ code: string, name: string, fourZeros: { unsafeHousingHouseholds: number | null, dropoutMembers: number | null } | null }> } | null };

export type AddMemberMutationVariables = Exact<{
  input: AddMemberInput;
}>;


export type AddMemberMutation = { addMember: { id: string, members: Array<{ id: string, name: string, relationToHead: Relation }> } };

export type UpdateMemberMutationVariables = Exact<{
  input: UpdateMemberInput;
}>;


export type UpdateMemberMutation = { updateMember: { id: string, healthStatus: HealthStatus | null, disabilityGrade: number | null, laborCapacity: LaborCapacity | null } };

export type MemberByIdNumberQueryVariables = Exact<{
  idNumber: string;
}>;


export type MemberByIdNumberQuery = { memberByIdNumber: { id: string, name: string, household: { id: string, householdNumber: string } } | null };

export type RecordGrantMutationVariables = Exact<{
  input: RecordGrantInput;
}>;


export type RecordGrantMutation = { recordGrant: { id: string, program: GrantProgram, amount: number } };

export type RecordClaimMutationVariables = Exact<{
  input: RecordClaimInput;
}>;


export type RecordClaimMutation = { recordClaim: { id: string, totalCost: number, outOfPocket: number } };

export type ObjectToStatusChangeMutationVariables = Exact<{
  id: string | number;
  objection: string;
}>;


export type ObjectToStatusChangeMutation = { objectToStatusChange: { id: string, objections: Array<{ objection: string, recordedAt: string }> } };

export type HouseholdCoverageQueryVariables = Exact<{
  id: string | number;
  year: number;
}>;


export type HouseholdCoverageQuery = { household: { coverage: { exitEligible: boolean, batches: Array<{ batch: Batch, covered: boolean | null }>, gaps: Array<{ kind: GapKind, member: { id: string } | null }> } | null } | null };

export type ChangeHouseholdStatusMutationVariables = Exact<{
  input: ChangeHouseholdStatusInput;
}>;


export type ChangeHouseholdStatusMutation = { changeHouseholdStatus: { id: string, status: PovertyStatus, statusHistory: Array<{ status: PovertyStatus, effectiveDate: string, reason: string }> | null } };

export type StatusChangesQueryVariables = Exact<{
  regionCode: string | number;
  step?: StatusChangeStep | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StatusChangesQuery = { statusChanges: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, toStatus: PovertyStatus, step: StatusChangeStep, noticeEndsOn: string | null, household: { id: string, householdNumber: string } | null, objections: Array<{ objection: string }> }> } };

export type HouseholdAsOfQueryVariables = Exact<{
  id: string | number;
  date: string;
}>;


export type HouseholdAsOfQuery = { household: { asOf: { status: PovertyStatus, type: HouseholdType, safeDrinkingWater: boolean, members: Array<{ id: string, name: string, relationToHead: Relation, laborCapacity: LaborCapacity | null }> } | null } | null };

export type RecordRelocationMutationVariables = Exact<{
  input: RecordRelocationInput;
}>;


export type RecordRelocationMutation = { recordRelocation: { site: string, relocatedOn: string } };

export type RecordIncomeMutationVariables = Exact<{
  input: RecordIncomeInput;
  year: number;
}>;


export type RecordIncomeMutation = { recordIncome: { id: string, incomePerCapita: number | null } };

export type RecordIndustrySupportMutationVariables = Exact<{
  input: RecordIndustrySupportInput;
}>;


export type RecordIndustrySupportMutation = { recordIndustrySupport: { id: string, kind: IndustrySupportKind, amount: number } };

export type HouseholdViewQueryVariables = Exact<{
  id: string | number;
  year: number;
}>;


export type HouseholdViewQuery = { household: { id: string, householdNumber: string, status: PovertyStatus, type: HouseholdType, mainCause: PovertyCause | null, otherCauses: Array<PovertyCause> | null, safeDrinkingWater: boolean, incomePerCapita: number | null, village: { code: string, name: string, parent: { name: string } | null }, members: Array<{ id: string, name: string, maskedIdNumber: string, gender: Gender, birthDate: string, relationToHead: Relation, healthStatus: HealthStatus | null, laborCapacity: LaborCapacity | null, insurance: { scheme: InsuranceScheme, premium: number, subsidy: number, criticalIllnessCover: boolean } | null, claims: Array<{ date: string, hospital: string, totalCost: number, outOfPocket: number, oneStop: boolean }> | null, schooling: { stage: SchoolStage, school: string, status: SchoolStatus } | null, grants: Array<{ program: GrantProgram, amount: number, paidOn: string }> | null, employment: { status: EmploymentStatus, monthsWorked: number, monthlyIncome: number } | null }>, housing: { safe: boolean, latestAppraisal: { grade: AppraisalGrade, appraisedOn: string } | null, renovations: Array<{ kind: RenovationKind, status: RenovationStatus, completedOn: string | null }>, relocation: { site: string, relocatedOn: string } | null } | null, medical: { totalCost: number, outOfPocket: number, outOfPocketShare: number, uninsuredMembers: number } | null, industrySupport: Array<{ kind: IndustrySupportKind, amount: number }> | null, coverage: { exitEligible: boolean, batches: Array<{ batch: Batch, covered: boolean | null }>, gaps: Array<{ kind: GapKind, detail: string, member: { id: string, name: string } | null }> } | null } | null };

export type AuditLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  subjectId?: string | number | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ at: string, actor: string, action: string, subjectId: string | null, outcome: string }> } };

export type RegisterHouseholdMutationVariables = Exact<{
  input: RegisterHouseholdInput;
}>;


export type RegisterHouseholdMutation = { registerHousehold: { id: string, householdNumber: string, status: PovertyStatus, type: HouseholdType, village: { code: string }, members: Array<{ id: string, name: string, maskedIdNumber: string, gender: Gender, birthDate: string, relationToHead: Relation }> } };

export type RegisterRegionMutationVariables = Exact<{
  input: RegisterRegionInput;
}>;


export type RegisterRegionMutation = { registerRegion: { code: string, name: string, level: RegionLevel, isPovertyVillage: boolean, parent: { code: string } | null } };

export type RevealIdNumberMutationVariables = Exact<{
  memberId: string | number;
  reason: string;
}>;


export type RevealIdNumberMutation = { revealIdNumber: string };

export type RecordAppraisalMutationVariables = Exact<{
  input: RecordAppraisalInput;
}>;


export type RecordAppraisalMutation = { recordAppraisal: { grade: AppraisalGrade, appraisedOn: string } };

export type EnrollInsuranceMutationVariables = Exact<{
  input: EnrollInsuranceInput;
}>;


export type EnrollInsuranceMutation = { enrollInsurance: { year: number, scheme: InsuranceScheme, premium: number, subsidy: number } };

export type UpdateHouseholdMutationVariables = Exact<{
  input: UpdateHouseholdInput;
}>;


export type UpdateHouseholdMutation = { updateHousehold: { id: string, type: HouseholdType, mainCause: PovertyCause | null, safeDrinkingWater: boolean, helper: string | null } };


export const RemoveMemberDocument = {"__meta__":{"hash":"sha256:b1d266f7d7fe9074398950cfa948d137a5bb4c7c3e03e9d06a49f54c7be8dbe5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"relationToHead"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const RecordRenovationDocument = {"__meta__":{"hash":"sha256:7f23534a368c725eac8d8c809206d873659adde8b70034389227d469abc4a0f4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordRenovation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordRenovationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordRenovation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RecordRenovationMutation, RecordRenovationMutationVariables>;
export const VillageHouseholdsDocument = {"__meta__":{"hash":"sha256:fe2f122cd76daa60fb59867ce7c67407448119c234f230933b1d31c3956e154b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VillageHouseholds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PovertyStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"households"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"head"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maskedIdNumber"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<VillageHouseholdsQuery, VillageHouseholdsQueryVariables>;
export const RegionDocument = {"__meta__":{"hash":"sha256:a2a92d9d09067e576c1132c2dc861512a4bad84905ecc9ecd6dd478e83ff8002"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Region"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"isPovertyVillage"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]} as unknown as DocumentNode<RegionQuery, RegionQueryVariables>;
export const DecideStatusChangeDocument = {"__meta__":{"hash":"sha256:dd864ec9c2d3b1800025e9bcae3c4f3d1d2b576e8df094dd301bb48fb3e5c68b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideStatusChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"approve"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideStatusChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"approve"},"value":{"kind":"Variable","name":{"kind":"Name","value":"approve"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveDate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DecideStatusChangeMutation, DecideStatusChangeMutationVariables>;
export const ProposeStatusChangeDocument = {"__meta__":{"hash":"sha256:715f8aee02beb9ab0b2e9c949697f2b63ba6b7d1d06a51df97a348346c61052e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProposeStatusChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProposeStatusChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposeStatusChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"noticeEndsOn"}}]}}]}}]} as unknown as DocumentNode<ProposeStatusChangeMutation, ProposeStatusChangeMutationVariables>;
export const ReviewStatusChangeDocument = {"__meta__":{"hash":"sha256:ac7ca04591dcac88f2c2b3c36e0afa9dc3c21fc4669b8a518e9695fb417427c2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewStatusChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"approve"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewStatusChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"approve"},"value":{"kind":"Variable","name":{"kind":"Name","value":"approve"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"step"}}]}}]}}]} as unknown as DocumentNode<ReviewStatusChangeMutation, ReviewStatusChangeMutationVariables>;
export const RecordSchoolingDocument = {"__meta__":{"hash":"sha256:942b1d3f0b0920d0acb3df1f044dd71266433d77628fd3a4a7e5011acd9394b7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordSchooling"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSchoolingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordSchooling"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RecordSchoolingMutation, RecordSchoolingMutationVariables>;
export const RecordEmploymentDocument = {"__meta__":{"hash":"sha256:e8eddcf5667202c3740b684a593d7583b898049101d1868261e1d2030bd5dcf3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordEmployment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordEmploymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordEmployment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyIncome"}}]}}]}}]} as unknown as DocumentNode<RecordEmploymentMutation, RecordEmploymentMutationVariables>;
export const RegionFourZerosDocument = {"__meta__":{"hash":"sha256:eca55cc1677b944cce0e536a4888a203e6560533a5462e456a8d773aa53eebeb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionFourZeros"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fourZeros"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unsafeHousingHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"highMedicalBurdenHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"dropoutMembers"}},{"kind":"Field","name":{"kind":"Name","value":"zeroEmploymentHouseholds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fourZeros"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unsafeHousingHouseholds"}},{"kind":"Field","name":{"kind":"Name","value":"dropoutMembers"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegionFourZerosQuery, RegionFourZerosQueryVariables>;
export const AddMemberDocument = {"__meta__":{"hash":"sha256:5af7139d05104bef25fcb0a6656315ea31cef6ae9e6979c8ab21d75295daf2af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"relationToHead"}}]}}]}}]}}]} as unknown as DocumentNode<AddMemberMutation, AddMemberMutationVariables>;
export const UpdateMemberDocument = {"__meta__":{"hash":"sha256:1f41540b6983bbd290f038faf6056c599e46a0631f7ba7c2551a1e49b2a28883"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"healthStatus"}},{"kind":"Field","name":{"kind":"Name","value":"disabilityGrade"}},{"kind":"Field","name":{"kind":"Name","value":"laborCapacity"}}]}}]}}]} as unknown as DocumentNode<UpdateMemberMutation, UpdateMemberMutationVariables>;
export const MemberByIdNumberDocument = {"__meta__":{"hash":"sha256:0005595aa1b0cb156edcf596dead9b32c2d08b250c491182618a0a1b83dff389"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MemberByIdNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberByIdNumber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"idNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdNumber"}}]}}]}}]}}]} as unknown as DocumentNode<MemberByIdNumberQuery, MemberByIdNumberQueryVariables>;
export const RecordGrantDocument = {"__meta__":{"hash":"sha256:78ad95439b14154c57e02b18634f39afa7d32fd23327b5acbaf87c03beed7f07"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordGrant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordGrantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordGrant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"program"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]} as unknown as DocumentNode<RecordGrantMutation, RecordGrantMutationVariables>;
export const RecordClaimDocument = {"__meta__":{"hash":"sha256:045fd6bbf7f8c8926e107e19742d4e683fa968761818a2c03ae89f9e3784dda2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordClaim"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordClaimInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordClaim"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"totalCost"}},{"kind":"Field","name":{"kind":"Name","value":"outOfPocket"}}]}}]}}]} as unknown as DocumentNode<RecordClaimMutation, RecordClaimMutationVariables>;
export const ObjectToStatusChangeDocument = {"__meta__":{"hash":"sha256:ad824d7b161830d7862e3a73a2e5d96a228008a526d183a8c95dfe341d442d1a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ObjectToStatusChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"objection"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"objectToStatusChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"objection"},"value":{"kind":"Variable","name":{"kind":"Name","value":"objection"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"objections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"objection"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ObjectToStatusChangeMutation, ObjectToStatusChangeMutationVariables>;
export const HouseholdCoverageDocument = {"__meta__":{"hash":"sha256:ff5aca68ba791e1f846560b3507dec475d2fe2a5377601984f24dd354346d97d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HouseholdCoverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"household"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"batches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"batch"}},{"kind":"Field","name":{"kind":"Name","value":"covered"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gaps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"exitEligible"}}]}}]}}]}}]} as unknown as DocumentNode<HouseholdCoverageQuery, HouseholdCoverageQueryVariables>;
export const ChangeHouseholdStatusDocument = {"__meta__":{"hash":"sha256:5d8b912ed743687102744fd9c8351f5003287ef0a3f2fed591f13b7d9f0f8268"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeHouseholdStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeHouseholdStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeHouseholdStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveDate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<ChangeHouseholdStatusMutation, ChangeHouseholdStatusMutationVariables>;
export const StatusChangesDocument = {"__meta__":{"hash":"sha256:254349227723643eb5f2f7ba3b6ba6c798a73ebff8a10a434ca7edcc93f3d8e4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatusChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StatusChangeStep"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statusChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"noticeEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"objections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"objection"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StatusChangesQuery, StatusChangesQueryVariables>;
export const HouseholdAsOfDocument = {"__meta__":{"hash":"sha256:eca2904f92e915656d5e7206392e63e41ad5396c9629e81c568fe161c2a4097c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HouseholdAsOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"household"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"safeDrinkingWater"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"relationToHead"}},{"kind":"Field","name":{"kind":"Name","value":"laborCapacity"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HouseholdAsOfQuery, HouseholdAsOfQueryVariables>;
export const RecordRelocationDocument = {"__meta__":{"hash":"sha256:ecdbae64f157e620fa63e4f6a333cda1ae08bb303d8be45a9bf7255c6a947515"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordRelocation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordRelocationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordRelocation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site"}},{"kind":"Field","name":{"kind":"Name","value":"relocatedOn"}}]}}]}}]} as unknown as DocumentNode<RecordRelocationMutation, RecordRelocationMutationVariables>;
export const RecordIncomeDocument = {"__meta__":{"hash":"sha256:c052dcc6e0f61bf2a0a41ec0a90f1bfb876ae115fb7130a9dcc8708a087eb137"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordIncome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordIncomeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordIncome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incomePerCapita"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}]}]}}]}}]} as unknown as DocumentNode<RecordIncomeMutation, RecordIncomeMutationVariables>;
export const RecordIndustrySupportDocument = {"__meta__":{"hash":"sha256:2975597f26e1f999ec2d39210486de7e08792fc291197993ad8435b234669095"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordIndustrySupport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordIndustrySupportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordIndustrySupport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]} as unknown as DocumentNode<RecordIndustrySupportMutation, RecordIndustrySupportMutationVariables>;
export const HouseholdViewDocument = {"__meta__":{"hash":"sha256:79375705bc114da890e4163757516d83f998595dc4f131b20e86fb33c677ff2e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HouseholdView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"household"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"mainCause"}},{"kind":"Field","name":{"kind":"Name","value":"otherCauses"}},{"kind":"Field","name":{"kind":"Name","value":"safeDrinkingWater"}},{"kind":"Field","name":{"kind":"Name","value":"incomePerCapita"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}]},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maskedIdNumber"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"relationToHead"}},{"kind":"Field","name":{"kind":"Name","value":"healthStatus"}},{"kind":"Field","name":{"kind":"Name","value":"laborCapacity"}},{"kind":"Field","name":{"kind":"Name","value":"insurance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheme"}},{"kind":"Field","name":{"kind":"Name","value":"premium"}},{"kind":"Field","name":{"kind":"Name","value":"subsidy"}},{"kind":"Field","name":{"kind":"Name","value":"criticalIllnessCover"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claims"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"hospital"}},{"kind":"Field","name":{"kind":"Name","value":"totalCost"}},{"kind":"Field","name":{"kind":"Name","value":"outOfPocket"}},{"kind":"Field","name":{"kind":"Name","value":"oneStop"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schooling"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"school"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"program"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"paidOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"monthsWorked"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyIncome"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"housing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"safe"}},{"kind":"Field","name":{"kind":"Name","value":"latestAppraisal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"appraisedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"renovations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relocation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site"}},{"kind":"Field","name":{"kind":"Name","value":"relocatedOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"medical"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCost"}},{"kind":"Field","name":{"kind":"Name","value":"outOfPocket"}},{"kind":"Field","name":{"kind":"Name","value":"outOfPocketShare"}},{"kind":"Field","name":{"kind":"Name","value":"uninsuredMembers"}}]}},{"kind":"Field","name":{"kind":"Name","value":"industrySupport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"batches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"batch"}},{"kind":"Field","name":{"kind":"Name","value":"covered"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gaps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"exitEligible"}}]}}]}}]}}]} as unknown as DocumentNode<HouseholdViewQuery, HouseholdViewQueryVariables>;
export const AuditLogDocument = {"__meta__":{"hash":"sha256:3551c70e652c3366698d86559470a8f70f2bd637b9937781a5b10a0dfc6429ea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const RegisterHouseholdDocument = {"__meta__":{"hash":"sha256:cb5f723990a9851a38a6816a050b2668007b3efe3e71212c0c3e688d1b9ee272"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterHousehold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterHouseholdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerHousehold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maskedIdNumber"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"relationToHead"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterHouseholdMutation, RegisterHouseholdMutationVariables>;
export const RegisterRegionDocument = {"__meta__":{"hash":"sha256:aeebe900073f73f578c1b04685abf3325a08dfe7b1cfcbb937360ebde2708d8a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterRegion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterRegionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerRegion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isPovertyVillage"}}]}}]}}]} as unknown as DocumentNode<RegisterRegionMutation, RegisterRegionMutationVariables>;
export const RevealIdNumberDocument = {"__meta__":{"hash":"sha256:ddf4a2387099345b57b8b420cb72ddb456b61f543af37605976913c3b045064c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevealIdNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"memberId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revealIdNumber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"memberId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"memberId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}]}]}}]} as unknown as DocumentNode<RevealIdNumberMutation, RevealIdNumberMutationVariables>;
export const RecordAppraisalDocument = {"__meta__":{"hash":"sha256:d94039cd0ca2fab5c9d382d22d52ca0e023334dedd2204eab64649057735bac0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordAppraisal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordAppraisalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordAppraisal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"appraisedOn"}}]}}]}}]} as unknown as DocumentNode<RecordAppraisalMutation, RecordAppraisalMutationVariables>;
export const EnrollInsuranceDocument = {"__meta__":{"hash":"sha256:8e18783805230ba8b4df4eed564eb25c5f0c6d49681e6921c0d26119d84b1b44"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollInsurance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollInsuranceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollInsurance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"scheme"}},{"kind":"Field","name":{"kind":"Name","value":"premium"}},{"kind":"Field","name":{"kind":"Name","value":"subsidy"}}]}}]}}]} as unknown as DocumentNode<EnrollInsuranceMutation, EnrollInsuranceMutationVariables>;
export const UpdateHouseholdDocument = {"__meta__":{"hash":"sha256:28c343e66a4592df775d7ef9f66a2bbe4f463acfbc32d519d7418fe423601802"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateHousehold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateHouseholdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateHousehold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"mainCause"}},{"kind":"Field","name":{"kind":"Name","value":"safeDrinkingWater"}},{"kind":"Field","name":{"kind":"Name","value":"helper"}}]}}]}}]} as unknown as DocumentNode<UpdateHouseholdMutation, UpdateHouseholdMutationVariables>;