/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation RemoveMember($input: RemoveMemberInput!) {\n  removeMember(input: $input) {\n    id\n    members {\n      id\n      relationToHead\n    }\n  }\n}": typeof types.RemoveMemberDocument,
    "mutation RecordRenovation($input: RecordRenovationInput!) {\n  recordRenovation(input: $input) {\n    id\n    kind\n    status\n  }\n}": typeof types.RecordRenovationDocument,
    "query VillageHouseholds($code: ID!, $first: Int, $after: String, $status: PovertyStatus) {\n  region(code: $code) {\n    households(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        householdNumber\n        status\n        type\n        head {\n          name\n          maskedIdNumber\n        }\n      }\n    }\n  }\n}": typeof types.VillageHouseholdsDocument,
    "query Region($code: ID!) {\n  region(code: $code) {\n    code\n    name\n    level\n    isPovertyVillage\n    parent {\n      code\n      name\n    }\n    children {\n      code\n      name\n      level\n    }\n  }\n}": typeof types.RegionDocument,
    "mutation DecideStatusChange($id: ID!, $approve: Boolean!, $reason: String!) {\n  decideStatusChange(id: $id, approve: $approve, reason: $reason) {\n    id\n    step\n    household {\n      id\n      status\n      statusHistory {\n        status\n        effectiveDate\n        reason\n      }\n    }\n  }\n}": typeof types.DecideStatusChangeDocument,
    "mutation ProposeStatusChange($input: ProposeStatusChangeInput!) {\n  proposeStatusChange(input: $input) {\n    id\n    toStatus\n    step\n    noticeEndsOn\n  }\n}": typeof types.ProposeStatusChangeDocument,
    "mutation ReviewStatusChange($id: ID!, $approve: Boolean!, $reason: String!) {\n  reviewStatusChange(id: $id, approve: $approve, reason: $reason) {\n    id\n    step\n  }\n}": typeof types.ReviewStatusChangeDocument,
    "mutation RecordSchooling($input: RecordSchoolingInput!) {\n  recordSchooling(input: $input) {\n    year\n    stage\n    status\n  }\n}": typeof types.RecordSchoolingDocument,
    "mutation RecordEmployment($input: RecordEmploymentInput!) {\n  recordEmployment(input: $input) {\n    year\n    status\n    monthlyIncome\n  }\n}": typeof types.RecordEmploymentDocument,
    "query RegionFourZeros($code: ID!, $year: Int!) {\n  region(code: $code) {\n    code\n    name\n    fourZeros(year: $year) {\n      unsafeHousingHouseholds\n      highMedicalBurdenHouseholds\n      dropoutMembers\n      zeroEmploymentHouseholds\n    }\n    children {\n      code\n      name\n      fourZeros(year: $year) {\n        unsafeHousingHouseholds\n        dropoutMembers\n      }\n    }\n  }\n}": typeof types.RegionFourZerosDocument,
    "mutation AddMember($input: AddMemberInput!) {\n  addMember(input: $input) {\n    id\n    members {\n      id\n      name\n      relationToHead\n    }\n  }\n}": typeof types.AddMemberDocument,
    "mutation UpdateMember($input: UpdateMemberInput!) {\n  updateMember(input: $input) {\n    id\n    healthStatus\n    disabilityGrade\n    laborCapacity\n  }\n}": typeof types.UpdateMemberDocument,
    "query MemberByIdNumber($idNumber: String!) {\n  memberByIdNumber(idNumber: $idNumber) {\n    id\n    name\n    household {\n      id\n      householdNumber\n    }\n  }\n}": typeof types.MemberByIdNumberDocument,
    "mutation RecordGrant($input: RecordGrantInput!) {\n  recordGrant(input: $input) {\n    id\n    program\n    amount\n  }\n}": typeof types.RecordGrantDocument,
    "mutation RecordClaim($input: RecordClaimInput!) {\n  recordClaim(input: $input) {\n    id\n    totalCost\n    outOfPocket\n  }\n}": typeof types.RecordClaimDocument,
    "mutation ObjectToStatusChange($id: ID!, $objection: String!) {\n  objectToStatusChange(id: $id, objection: $objection) {\n    id\n    objections {\n      objection\n      recordedAt\n    }\n  }\n}": typeof types.ObjectToStatusChangeDocument,
    "query HouseholdCoverage($id: ID!, $year: Int!) {\n  household(id: $id) {\n    coverage(year: $year) {\n      batches {\n        batch\n        covered\n      }\n      gaps {\n        kind\n        member {\n          id\n        }\n      }\n      exitEligible\n    }\n  }\n}": typeof types.HouseholdCoverageDocument,
    "mutation ChangeHouseholdStatus($input: ChangeHouseholdStatusInput!) {\n  changeHouseholdStatus(input: $input) {\n    id\n    status\n    statusHistory {\n      status\n      effectiveDate\n      reason\n    }\n  }\n}": typeof types.ChangeHouseholdStatusDocument,
    "query StatusChanges($regionCode: ID!, $step: StatusChangeStep, $first: Int, $after: String) {\n  statusChanges(\n    regionCode: $regionCode\n    step: $step\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      household {\n        id\n        householdNumber\n      }\n      toStatus\n      step\n      noticeEndsOn\n      objections {\n        objection\n      }\n    }\n  }\n}": typeof types.StatusChangesDocument,
    "query HouseholdAsOf($id: ID!, $date: Date!) {\n  household(id: $id) {\n    asOf(date: $date) {\n      status\n      type\n      safeDrinkingWater\n      members {\n        id\n        name\n        relationToHead\n        laborCapacity\n      }\n    }\n  }\n}": typeof types.HouseholdAsOfDocument,
    "mutation RecordRelocation($input: RecordRelocationInput!) {\n  recordRelocation(input: $input) {\n    site\n    relocatedOn\n  }\n}": typeof types.RecordRelocationDocument,
    "mutation RecordIncome($input: RecordIncomeInput!, $year: Int!) {\n  recordIncome(input: $input) {\n    id\n    incomePerCapita(year: $year)\n  }\n}": typeof types.RecordIncomeDocument,
    "mutation RecordIndustrySupport($input: RecordIndustrySupportInput!) {\n  recordIndustrySupport(input: $input) {\n    id\n    kind\n    amount\n  }\n}": typeof types.RecordIndustrySupportDocument,
    "query HouseholdView($id: ID!, $year: Int!) {\n  household(id: $id) {\n    id\n    householdNumber\n    status\n    type\n    mainCause\n    otherCauses\n    safeDrinkingWater\n    incomePerCapita(year: $year)\n    village {\n      code\n      name\n      parent {\n        name\n      }\n    }\n    members {\n      id\n      name\n      maskedIdNumber\n      gender\n      birthDate\n      relationToHead\n      healthStatus\n      laborCapacity\n      insurance(year: $year) {\n        scheme\n        premium\n        subsidy\n        criticalIllnessCover\n      }\n      claims(year: $year) {\n        date\n        hospital\n        totalCost\n        outOfPocket\n        oneStop\n      }\n      schooling(year: $year) {\n        stage\n        school\n        status\n      }\n      grants(year: $year) {\n        program\n        amount\n        paidOn\n      }\n      employment(year: $year) {\n        status\n        monthsWorked\n        monthlyIncome\n      }\n    }\n    housing {\n      safe\n      latestAppraisal {\n        grade\n        appraisedOn\n      }\n      renovations {\n        kind\n        status\n        completedOn\n      }\n      relocation {\n        site\n        relocatedOn\n      }\n    }\n    medical(year: $year) {\n      totalCost\n      outOfPocket\n      outOfPocketShare\n      uninsuredMembers\n    }\n    industrySupport(year: $year) {\n      kind\n      amount\n    }\n    coverage(year: $year) {\n      batches {\n        batch\n        covered\n      }\n      gaps {\n        kind\n        member {\n          id\n          name\n        }\n        detail\n      }\n      exitEligible\n    }\n  }\n}": typeof types.HouseholdViewDocument,
    "query AuditLog($first: Int, $after: String, $subjectId: ID) {\n  auditLog(first: $first, after: $after, subjectId: $subjectId) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      at\n      actor\n      action\n      subjectId\n      outcome\n    }\n  }\n}": typeof types.AuditLogDocument,
    "mutation RegisterHousehold($input: RegisterHouseholdInput!) {\n  registerHousehold(input: $input) {\n    id\n    householdNumber\n    status\n    type\n    village {\n      code\n    }\n    members {\n      id\n      name\n      maskedIdNumber\n      gender\n      birthDate\n      relationToHead\n    }\n  }\n}": typeof types.RegisterHouseholdDocument,
    "mutation RegisterRegion($input: RegisterRegionInput!) {\n  registerRegion(input: $input) {\n    code\n    name\n    level\n    parent {\n      code\n    }\n    isPovertyVillage\n  }\n}": typeof types.RegisterRegionDocument,
    "mutation RevealIdNumber($memberId: ID!, $reason: String!) {\n  revealIdNumber(memberId: $memberId, reason: $reason)\n}": typeof types.RevealIdNumberDocument,
    "mutation RecordAppraisal($input: RecordAppraisalInput!) {\n  recordAppraisal(input: $input) {\n    grade\n    appraisedOn\n  }\n}": typeof types.RecordAppraisalDocument,
    "mutation EnrollInsurance($input: EnrollInsuranceInput!) {\n  enrollInsurance(input: $input) {\n    year\n    scheme\n    premium\n    subsidy\n  }\n}": typeof types.EnrollInsuranceDocument,
    "mutation UpdateHousehold($input: UpdateHouseholdInput!) {\n  updateHousehold(input: $input) {\n    id\n    type\n    mainCause\n    safeDrinkingWater\n    helper\n  }\n}": typeof types.UpdateHouseholdDocument,
};
const documents: Documents = {
    "mutation RemoveMember($input: RemoveMemberInput!) {\n  removeMember(input: $input) {\n    id\n    members {\n      id\n      relationToHead\n    }\n  }\n}": types.RemoveMemberDocument,
    "mutation RecordRenovation($input: RecordRenovationInput!) {\n  recordRenovation(input: $input) {\n    id\n    kind\n    status\n  }\n}": types.RecordRenovationDocument,
    "query VillageHouseholds($code: ID!, $first: Int, $after: String, $status: PovertyStatus) {\n  region(code: $code) {\n    households(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        householdNumber\n        status\n        type\n        head {\n          name\n          maskedIdNumber\n        }\n      }\n    }\n  }\n}": types.VillageHouseholdsDocument,
    "query Region($code: ID!) {\n  region(code: $code) {\n    code\n    name\n    level\n    isPovertyVillage\n    parent {\n      code\n      name\n    }\n    children {\n      code\n      name\n      level\n    }\n  }\n}": types.RegionDocument,
    "mutation DecideStatusChange($id: ID!, $approve: Boolean!, $reason: String!) {\n  decideStatusChange(id: $id, approve: $approve, reason: $reason) {\n    id\n    step\n    household {\n      id\n      status\n      statusHistory {\n        status\n        effectiveDate\n        reason\n      }\n    }\n  }\n}": types.DecideStatusChangeDocument,
    "mutation ProposeStatusChange($input: ProposeStatusChangeInput!) {\n  proposeStatusChange(input: $input) {\n    id\n    toStatus\n    step\n    noticeEndsOn\n  }\n}": types.ProposeStatusChangeDocument,
    "mutation ReviewStatusChange($id: ID!, $approve: Boolean!, $reason: String!) {\n  reviewStatusChange(id: $id, approve: $approve, reason: $reason) {\n    id\n    step\n  }\n}": types.ReviewStatusChangeDocument,
    "mutation RecordSchooling($input: RecordSchoolingInput!) {\n  recordSchooling(input: $input) {\n    year\n    stage\n    status\n  }\n}": types.RecordSchoolingDocument,
    "mutation RecordEmployment($input: RecordEmploymentInput!) {\n  recordEmployment(input: $input) {\n    year\n    status\n    monthlyIncome\n  }\n}": types.RecordEmploymentDocument,
    "query RegionFourZeros($code: ID!, $year: Int!) {\n  region(code: $code) {\n    code\n    name\n    fourZeros(year: $year) {\n      unsafeHousingHouseholds\n      highMedicalBurdenHouseholds\n      dropoutMembers\n      zeroEmploymentHouseholds\n    }\n    children {\n      code\n      name\n      fourZeros(year: $year) {\n        unsafeHousingHouseholds\n        dropoutMembers\n      }\n    }\n  }\n}": types.RegionFourZerosDocument,
    "mutation AddMember($input: AddMemberInput!) {\n  addMember(input: $input) {\n    id\n    members {\n      id\n      name\n      relationToHead\n    }\n  }\n}": types.AddMemberDocument,
    "mutation UpdateMember($input: UpdateMemberInput!) {\n  updateMember(input: $input) {\n    id\n    healthStatus\n    disabilityGrade\n    laborCapacity\n  }\n}": types.UpdateMemberDocument,
    "query MemberByIdNumber($idNumber: String!) {\n  memberByIdNumber(idNumber: $idNumber) {\n    id\n    name\n    household {\n      id\n      householdNumber\n    }\n  }\n}": types.MemberByIdNumberDocument,
    "mutation RecordGrant($input: RecordGrantInput!) {\n  recordGrant(input: $input) {\n    id\n    program\n    amount\n  }\n}": types.RecordGrantDocument,
    "mutation RecordClaim($input: RecordClaimInput!) {\n  recordClaim(input: $input) {\n    id\n    totalCost\n    outOfPocket\n  }\n}": types.RecordClaimDocument,
    "mutation ObjectToStatusChange($id: ID!, $objection: String!) {\n  objectToStatusChange(id: $id, objection: $objection) {\n    id\n    objections {\n      objection\n      recordedAt\n    }\n  }\n}": types.ObjectToStatusChangeDocument,
    "query HouseholdCoverage($id: ID!, $year: Int!) {\n  household(id: $id) {\n    coverage(year: $year) {\n      batches {\n        batch\n        covered\n      }\n      gaps {\n        kind\n        member {\n          id\n        }\n      }\n      exitEligible\n    }\n  }\n}": types.HouseholdCoverageDocument,
    "mutation ChangeHouseholdStatus($input: ChangeHouseholdStatusInput!) {\n  changeHouseholdStatus(input: $input) {\n    id\n    status\n    statusHistory {\n      status\n      effectiveDate\n      reason\n    }\n  }\n}": types.ChangeHouseholdStatusDocument,
    "query StatusChanges($regionCode: ID!, $step: StatusChangeStep, $first: Int, $after: String) {\n  statusChanges(\n    regionCode: $regionCode\n    step: $step\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      household {\n        id\n        householdNumber\n      }\n      toStatus\n      step\n      noticeEndsOn\n      objections {\n        objection\n      }\n    }\n  }\n}": types.StatusChangesDocument,
    "query HouseholdAsOf($id: ID!, $date: Date!) {\n  household(id: $id) {\n    asOf(date: $date) {\n      status\n      type\n      safeDrinkingWater\n      members {\n        id\n        name\n        relationToHead\n        laborCapacity\n      }\n    }\n  }\n}": types.HouseholdAsOfDocument,
    "mutation RecordRelocation($input: RecordRelocationInput!) {\n  recordRelocation(input: $input) {\n    site\n    relocatedOn\n  }\n}": types.RecordRelocationDocument,
    "mutation RecordIncome($input: RecordIncomeInput!, $year: Int!) {\n  recordIncome(input: $input) {\n    id\n    incomePerCapita(year: $year)\n  }\n}": types.RecordIncomeDocument,
    "mutation RecordIndustrySupport($input: RecordIndustrySupportInput!) {\n  recordIndustrySupport(input: $input) {\n    id\n    kind\n    amount\n  }\n}": types.RecordIndustrySupportDocument,
    "query HouseholdView($id: ID!, $year: Int!) {\n  household(id: $id) {\n    id\n    householdNumber\n    status\n    type\n    mainCause\n    otherCauses\n    safeDrinkingWater\n    incomePerCapita(year: $year)\n    village {\n      code\n      name\n      parent {\n        name\n      }\n    }\n    members {\n      id\n      name\n      maskedIdNumber\n      gender\n      birthDate\n      relationToHead\n      healthStatus\n      laborCapacity\n      insurance(year: $year) {\n        scheme\n        premium\n        subsidy\n        criticalIllnessCover\n      }\n      claims(year: $year) {\n        date\n        hospital\n        totalCost\n        outOfPocket\n        oneStop\n      }\n      schooling(year: $year) {\n        stage\n        school\n        status\n      }\n      grants(year: $year) {\n        program\n        amount\n        paidOn\n      }\n      employment(year: $year) {\n        status\n        monthsWorked\n        monthlyIncome\n      }\n    }\n    housing {\n      safe\n      latestAppraisal {\n        grade\n        appraisedOn\n      }\n      renovations {\n        kind\n        status\n        completedOn\n      }\n      relocation {\n        site\n        relocatedOn\n      }\n    }\n    medical(year: $year) {\n      totalCost\n      outOfPocket\n      outOfPocketShare\n      uninsuredMembers\n    }\n    industrySupport(year: $year) {\n      kind\n      amount\n    }\n    coverage(year: $year) {\n      batches {\n        batch\n        covered\n      }\n      gaps {\n        kind\n        member {\n          id\n          name\n        }\n        detail\n      }\n      exitEligible\n    }\n  }\n}": types.HouseholdViewDocument,
    "query AuditLog($first: Int, $after: String, $subjectId: ID) {\n  auditLog(first: $first, after: $after, subjectId: $subjectId) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      at\n      actor\n      action\n      subjectId\n      outcome\n    }\n  }\n}": types.AuditLogDocument,
    "mutation RegisterHousehold($input: RegisterHouseholdInput!) {\n  registerHousehold(input: $input) {\n    id\n    householdNumber\n    status\n    type\n    village {\n      code\n    }\n    members {\n      id\n      name\n      maskedIdNumber\n      gender\n      birthDate\n      relationToHead\n    }\n  }\n}": types.RegisterHouseholdDocument,
    "mutation RegisterRegion($input: RegisterRegionInput!) {\n  registerRegion(input: $input) {\n    code\n    name\n    level\n    parent {\n      code\n    }\n    isPovertyVillage\n  }\n}": types.RegisterRegionDocument,
    "mutation RevealIdNumber($memberId: ID!, $reason: String!) {\n  revealIdNumber(memberId: $memberId, reason: $reason)\n}": types.RevealIdNumberDocument,
    "mutation RecordAppraisal($input: RecordAppraisalInput!) {\n  recordAppraisal(input: $input) {\n    grade\n    appraisedOn\n  }\n}": types.RecordAppraisalDocument,
    "mutation EnrollInsurance($input: EnrollInsuranceInput!) {\n  enrollInsurance(input: $input) {\n    year\n    scheme\n    premium\n    subsidy\n  }\n}": types.EnrollInsuranceDocument,
    "mutation UpdateHousehold($input: UpdateHouseholdInput!) {\n  updateHousehold(input: $input) {\n    id\n    type\n    mainCause\n    safeDrinkingWater\n    helper\n  }\n}": types.UpdateHouseholdDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveMember($input: RemoveMemberInput!) {\n  removeMember(input: $input) {\n    id\n    members {\n      id\n      relationToHead\n    }\n  }\n}"): (typeof documents)["mutation RemoveMember($input: RemoveMemberInput!) {\n  removeMember(input: $input) {\n    id\n    members {\n      id\n      relationToHead\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordRenovation($input: RecordRenovationInput!) {\n  recordRenovation(input: $input) {\n    id\n    kind\n    status\n  }\n}"): (typeof documents)["mutation RecordRenovation($input: RecordRenovationInput!) {\n  recordRenovation(input: $input) {\n    id\n    kind\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VillageHouseholds($code: ID!, $first: Int, $after: String, $status: PovertyStatus) {\n  region(code: $code) {\n    households(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        householdNumber\n        status\n        type\n        head {\n          name\n          maskedIdNumber\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query VillageHouseholds($code: ID!, $first: Int, $after: String, $status: PovertyStatus) {\n  region(code: $code) {\n    households(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        householdNumber\n        status\n        type\n        head {\n          name\n          maskedIdNumber\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Region($code: ID!) {\n  region(code: $code) {\n    code\n    name\n    level\n    isPovertyVillage\n    parent {\n      code\n      name\n    }\n    children {\n      code\n      name\n      level\n    }\n  }\n}"): (typeof documents)["query Region($code: ID!) {\n  region(code: $code) {\n    code\n    name\n    level\n    isPovertyVillage\n    parent {\n      code\n      name\n    }\n    children {\n      code\n      name\n      level\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DecideStatusChange($id: ID!, $approve: Boolean!, $reason: String!) {\n  decideStatusChange(id: $id, approve: $approve, reason: $reason) {\n    id\n    step\n    household {\n      id\n      status\n      statusHistory {\n        status\n        effectiveDate\n        reason\n      }\n    }\n  }\n}"): (typeof documents)["mutation DecideStatusChange($id: ID!, $approve: Boolean!, $reason: String!) {\n  decideStatusChange(id: $id, approve: $approve, reason: $reason) {\n    id\n    step\n    household {\n      id\n      status\n      statusHistory {\n        status\n        effectiveDate\n        reason\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProposeStatusChange($input: ProposeStatusChangeInput!) {\n  proposeStatusChange(input: $input) {\n    id\n    toStatus\n    step\n    noticeEndsOn\n  }\n}"): (typeof documents)["mutation ProposeStatusChange($input: ProposeStatusChangeInput!) {\n  proposeStatusChange(input: $input) {\n    id\n    toStatus\n    step\n    noticeEndsOn\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReviewStatusChange($id: ID!, $approve: Boolean!, $reason: String!) {\n  reviewStatusChange(id: $id, approve: $approve, reason: $reason) {\n    id\n    step\n  }\n}"): (typeof documents)["mutation ReviewStatusChange($id: ID!, $approve: Boolean!, $reason: String!) {\n  reviewStatusChange(id: $id, approve: $approve, reason: $reason) {\n    id\n    step\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordSchooling($input: RecordSchoolingInput!) {\n  recordSchooling(input: $input) {\n    year\n    stage\n    status\n  }\n}"): (typeof documents)["mutation RecordSchooling($input: RecordSchoolingInput!) {\n  recordSchooling(input: $input) {\n    year\n    stage\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordEmployment($input: RecordEmploymentInput!) {\n  recordEmployment(input: $input) {\n    year\n    status\n    monthlyIncome\n  }\n}"): (typeof documents)["mutation RecordEmployment($input: RecordEmploymentInput!) {\n  recordEmployment(input: $input) {\n    year\n    status\n    monthlyIncome\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RegionFourZeros($code: ID!, $year: Int!) {\n  region(code: $code) {\n    code\n    name\n    fourZeros(year: $year) {\n      unsafeHousingHouseholds\n      highMedicalBurdenHouseholds\n      dropoutMembers\n      zeroEmploymentHouseholds\n    }\n    children {\n      code\n      name\n      fourZeros(year: $year) {\n        unsafeHousingHouseholds\n        dropoutMembers\n      }\n    }\n  }\n}"): (typeof documents)["query RegionFourZeros($code: ID!, $year: Int!) {\n  region(code: $code) {\n    code\n    name\n    fourZeros(year: $year) {\n      unsafeHousingHouseholds\n      highMedicalBurdenHouseholds\n      dropoutMembers\n      zeroEmploymentHouseholds\n    }\n    children {\n      code\n      name\n      fourZeros(year: $year) {\n        unsafeHousingHouseholds\n        dropoutMembers\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddMember($input: AddMemberInput!) {\n  addMember(input: $input) {\n    id\n    members {\n      id\n      name\n      relationToHead\n    }\n  }\n}"): (typeof documents)["mutation AddMember($input: AddMemberInput!) {\n  addMember(input: $input) {\n    id\n    members {\n      id\n      name\n      relationToHead\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateMember($input: UpdateMemberInput!) {\n  updateMember(input: $input) {\n    id\n    healthStatus\n    disabilityGrade\n    laborCapacity\n  }\n}"): (typeof documents)["mutation UpdateMember($input: UpdateMemberInput!) {\n  updateMember(input: $input) {\n    id\n    healthStatus\n    disabilityGrade\n    laborCapacity\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MemberByIdNumber($idNumber: String!) {\n  memberByIdNumber(idNumber: $idNumber) {\n    id\n    name\n    household {\n      id\n      householdNumber\n    }\n  }\n}"): (typeof documents)["query MemberByIdNumber($idNumber: String!) {\n  memberByIdNumber(idNumber: $idNumber) {\n    id\n    name\n    household {\n      id\n      householdNumber\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordGrant($input: RecordGrantInput!) {\n  recordGrant(input: $input) {\n    id\n    program\n    amount\n  }\n}"): (typeof documents)["mutation RecordGrant($input: RecordGrantInput!) {\n  recordGrant(input: $input) {\n    id\n    program\n    amount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordClaim($input: RecordClaimInput!) {\n  recordClaim(input: $input) {\n    id\n    totalCost\n    outOfPocket\n  }\n}"): (typeof documents)["mutation RecordClaim($input: RecordClaimInput!) {\n  recordClaim(input: $input) {\n    id\n    totalCost\n    outOfPocket\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ObjectToStatusChange($id: ID!, $objection: String!) {\n  objectToStatusChange(id: $id, objection: $objection) {\n    id\n    objections {\n      objection\n      recordedAt\n    }\n  }\n}"): (typeof documents)["mutation ObjectToStatusChange($id: ID!, $objection: String!) {\n  objectToStatusChange(id: $id, objection: $objection) {\n    id\n    objections {\n      objection\n      recordedAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HouseholdCoverage($id: ID!, $year: Int!) {\n  household(id: $id) {\n    coverage(year: $year) {\n      batches {\n        batch\n        covered\n      }\n      gaps {\n        kind\n        member {\n          id\n        }\n      }\n      exitEligible\n    }\n  }\n}"): (typeof documents)["query HouseholdCoverage($id: ID!, $year: Int!) {\n  household(id: $id) {\n    coverage(year: $year) {\n      batches {\n        batch\n        covered\n      }\n      gaps {\n        kind\n        member {\n          id\n        }\n      }\n      exitEligible\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangeHouseholdStatus($input: ChangeHouseholdStatusInput!) {\n  changeHouseholdStatus(input: $input) {\n    id\n    status\n    statusHistory {\n      status\n      effectiveDate\n      reason\n    }\n  }\n}"): (typeof documents)["mutation ChangeHouseholdStatus($input: ChangeHouseholdStatusInput!) {\n  changeHouseholdStatus(input: $input) {\n    id\n    status\n    statusHistory {\n      status\n      effectiveDate\n      reason\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatusChanges($regionCode: ID!, $step: StatusChangeStep, $first: Int, $after: String) {\n  statusChanges(\n    regionCode: $regionCode\n    step: $step\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      household {\n        id\n        householdNumber\n      }\n      toStatus\n      step\n      noticeEndsOn\n      objections {\n        objection\n      }\n    }\n  }\n}"): (typeof documents)["query StatusChanges($regionCode: ID!, $step: StatusChangeStep, $first: Int, $after: String) {\n  statusChanges(\n    regionCode: $regionCode\n    step: $step\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      household {\n        id\n        householdNumber\n      }\n      toStatus\n      step\n      noticeEndsOn\n      objections {\n        objection\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HouseholdAsOf($id: ID!, $date: Date!) {\n  household(id: $id) {\n    asOf(date: $date) {\n      status\n      type\n      safeDrinkingWater\n      members {\n        id\n        name\n        relationToHead\n        laborCapacity\n      }\n    }\n  }\n}"): (typeof documents)["query HouseholdAsOf($id: ID!, $date: Date!) {\n  household(id: $id) {\n    asOf(date: $date) {\n      status\n      type\n      safeDrinkingWater\n      members {\n        id\n        name\n        relationToHead\n        laborCapacity\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordRelocation($input: RecordRelocationInput!) {\n  recordRelocation(input: $input) {\n    site\n    relocatedOn\n  }\n}"): (typeof documents)["mutation RecordRelocation($input: RecordRelocationInput!) {\n  recordRelocation(input: $input) {\n    site\n    relocatedOn\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordIncome($input: RecordIncomeInput!, $year: Int!) {\n  recordIncome(input: $input) {\n    id\n    incomePerCapita(year: $year)\n  }\n}"): (typeof documents)["mutation RecordIncome($input: RecordIncomeInput!, $year: Int!) {\n  recordIncome(input: $input) {\n    id\n    incomePerCapita(year: $year)\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordIndustrySupport($input: RecordIndustrySupportInput!) {\n  recordIndustrySupport(input: $input) {\n    id\n    kind\n    amount\n  }\n}"): (typeof documents)["mutation RecordIndustrySupport($input: RecordIndustrySupportInput!) {\n  recordIndustrySupport(input: $input) {\n    id\n    kind\n    amount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HouseholdView($id: ID!, $year: Int!) {\n  household(id: $id) {\n    id\n    householdNumber\n    status\n    type\n    mainCause\n    otherCauses\n    safeDrinkingWater\n    incomePerCapita(year: $year)\n    village {\n      code\n      name\n      parent {\n        name\n      }\n    }\n    members {\n      id\n      name\n      maskedIdNumber\n      gender\n      birthDate\n      relationToHead\n      healthStatus\n      laborCapacity\n      insurance(year: $year) {\n        scheme\n        premium\n        subsidy\n        criticalIllnessCover\n      }\n      claims(year: $year) {\n        date\n        hospital\n        totalCost\n        outOfPocket\n        oneStop\n      }\n      schooling(year: $year) {\n        stage\n        school\n        status\n      }\n      grants(year: $year) {\n        program\n        amount\n        paidOn\n      }\n      employment(year: $year) {\n        status\n        monthsWorked\n        monthlyIncome\n      }\n    }\n    housing {\n      safe\n      latestAppraisal {\n        grade\n        appraisedOn\n      }\n      renovations {\n        kind\n        status\n        completedOn\n      }\n      relocation {\n        site\n        relocatedOn\n      }\n    }\n    medical(year: $year) {\n      totalCost\n      outOfPocket\n      outOfPocketShare\n      uninsuredMembers\n    }\n    industrySupport(year: $year) {\n      kind\n      amount\n    }\n    coverage(year: $year) {\n      batches {\n        batch\n        covered\n      }\n      gaps {\n        kind\n        member {\n          id\n          name\n        }\n        detail\n      }\n      exitEligible\n    }\n  }\n}"): (typeof documents)["query HouseholdView($id: ID!, $year: Int!) {\n  household(id: $id) {\n    id\n    householdNumber\n    status\n    type\n    mainCause\n    otherCauses\n    safeDrinkingWater\n    incomePerCapita(year: $year)\n    village {\n      code\n      name\n      parent {\n        name\n      }\n    }\n    members {\n      id\n      name\n      maskedIdNumber\n      gender\n      birthDate\n      relationToHead\n      healthStatus\n      laborCapacity\n      insurance(year: $year) {\n        scheme\n        premium\n        subsidy\n        criticalIllnessCover\n      }\n      claims(year: $year) {\n        date\n        hospital\n        totalCost\n        outOfPocket\n        oneStop\n      }\n      schooling(year: $year) {\n        stage\n        school\n        status\n      }\n      grants(year: $year) {\n        program\n        amount\n        paidOn\n      }\n      employment(year: $year) {\n        status\n        monthsWorked\n        monthlyIncome\n      }\n    }\n    housing {\n      safe\n      latestAppraisal {\n        grade\n        appraisedOn\n      }\n      renovations {\n        kind\n        status\n        completedOn\n      }\n      relocation {\n        site\n        relocatedOn\n      }\n    }\n    medical(year: $year) {\n      totalCost\n      outOfPocket\n      outOfPocketShare\n      uninsuredMembers\n    }\n    industrySupport(year: $year) {\n      kind\n      amount\n    }\n    coverage(year: $year) {\n      batches {\n        batch\n        covered\n      }\n      gaps {\n        kind\n        member {\n          id\n          name\n        }\n        detail\n      }\n      exitEligible\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditLog($first: Int, $after: String, $subjectId: ID) {\n  auditLog(first: $first, after: $after, subjectId: $subjectId) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      at\n      actor\n      action\n      subjectId\n      outcome\n    }\n  }\n}"): (typeof documents)["query AuditLog($first: Int, $after: String, $subjectId: ID) {\n  auditLog(first: $first, after: $after, subjectId: $subjectId) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      at\n      actor\n      action\n      subjectId\n      outcome\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterHousehold($input: RegisterHouseholdInput!) {\n  registerHousehold(input: $input) {\n    id\n    householdNumber\n    status\n    type\n    village {\n      code\n    }\n    members {\n      id\n      name\n      maskedIdNumber\n      gender\n      birthDate\n      relationToHead\n    }\n  }\n}"): (typeof documents)["mutation RegisterHousehold($input: RegisterHouseholdInput!) {\n  registerHousehold(input: $input) {\n    id\n    householdNumber\n    status\n    type\n    village {\n      code\n    }\n    members {\n      id\n      name\n      maskedIdNumber\n      gender\n      birthDate\n      relationToHead\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterRegion($input: RegisterRegionInput!) {\n  registerRegion(input: $input) {\n    code\n    name\n    level\n    parent {\n      code\n    }\n    isPovertyVillage\n  }\n}"): (typeof documents)["mutation RegisterRegion($input: RegisterRegionInput!) {\n  registerRegion(input: $input) {\n    code\n    name\n    level\n    parent {\n      code\n    }\n    isPovertyVillage\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevealIdNumber($memberId: ID!, $reason: String!) {\n  revealIdNumber(memberId: $memberId, reason: $reason)\n}"): (typeof documents)["mutation RevealIdNumber($memberId: ID!, $reason: String!) {\n  revealIdNumber(memberId: $memberId, reason: $reason)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordAppraisal($input: RecordAppraisalInput!) {\n  recordAppraisal(input: $input) {\n    grade\n    appraisedOn\n  }\n}"): (typeof documents)["mutation RecordAppraisal($input: RecordAppraisalInput!) {\n  recordAppraisal(input: $input) {\n    grade\n    appraisedOn\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EnrollInsurance($input: EnrollInsuranceInput!) {\n  enrollInsurance(input: $input) {\n    year\n    scheme\n    premium\n    subsidy\n  }\n}"): (typeof documents)["mutation EnrollInsurance($input: EnrollInsuranceInput!) {\n  enrollInsurance(input: $input) {\n    year\n    scheme\n    premium\n    subsidy\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateHousehold($input: UpdateHouseholdInput!) {\n  updateHousehold(input: $input) {\n    id\n    type\n    mainCause\n    safeDrinkingWater\n    helper\n  }\n}"): (typeof documents)["mutation UpdateHousehold($input: UpdateHouseholdInput!) {\n  updateHousehold(input: $input) {\n    id\n    type\n    mainCause\n    safeDrinkingWater\n    helper\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;