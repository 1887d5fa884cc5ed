import { BadUserInputError, type PersonalDataCipher, readIdNumber, requireText } from '@fupin/kit';
import { Gender, HealthStatus, type LaborCapacity, Relation } from './member.enums.js';
import type { MemberInput } from './member.input.js';

/** A member's row as validated from its input, ID number sealed: what registration and AddMember write. */
export interface MemberFacts {
  name: string;
  idNumberEncrypted: string;
  idNumberIndex: string;
  idNumberMasked: string;
  gender: Gender;
  birthDate: string;
  relationToHead: Relation;
  healthStatus: HealthStatus;
  disabilityGrade: number | null;
  laborCapacity: LaborCapacity;
}

/** A disability grade (1-4) is given only for a DISABLED member. */
export function checkDisabilityGrade(healthStatus: HealthStatus, grade: number | null, field: string): void {
  if (grade !== null && (healthStatus !== HealthStatus.DISABLED || !Number.isInteger(grade) || grade < 1 || grade > 4)) {
    throw new BadUserInputError(`${field}.disabilityGrade is 1 to 4 and only for a DISABLED member`, { field: `${field}.disabilityGrade` });
  }
}

/**
 * One member's input checked as registration checks it: the ID number (check character, birth
 * date not impossible nor after `today`), the name, the disability grade; gender and birth date
 * read from the number. `field` names the input in refusals (`members[2]`, `member`).
 */
export function readMemberInput(m: MemberInput, field: string, today: string, pii: PersonalDataCipher): MemberFacts {
  const facts = readIdNumber(m.idNumber, today);
  if (typeof facts === 'string') throw new BadUserInputError(`${field}.idNumber ${facts}`, { field: `${field}.idNumber` });
  const grade = m.disabilityGrade ?? null;
  checkDisabilityGrade(m.healthStatus, grade, field);
  return {
    name: requireText(m.name, `${field}.name`, 50),
    ...pii.seal(facts.idNumber),
    gender: Gender[facts.gender],
    birthDate: facts.birthDate,
    relationToHead: m.relationToHead,
    healthStatus: m.healthStatus,
    disabilityGrade: grade,
    laborCapacity: m.laborCapacity,
  };
}

/**
 * The household's relations among the members present: exactly one HEAD, at most one SPOUSE.
 * Registration checks its list; upkeep checks the members as they will be after the change.
 */
export function checkRelations(members: readonly { relationToHead: Relation }[], field = 'members'): void {
  const heads = members.filter((m) => m.relationToHead === Relation.HEAD).length;
  if (heads !== 1) throw new BadUserInputError(`a household has exactly one HEAD (got ${heads})`, { field });
  const spouses = members.filter((m) => m.relationToHead === Relation.SPOUSE).length;
  if (spouses > 1) throw new BadUserInputError(`a household has at most one SPOUSE (got ${spouses})`, { field });
}

/** No person twice in one list (`field[i]` names the second). */
export function checkDistinctPeople(members: readonly { idNumberIndex: string }[], field = 'members'): void {
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (seen.has(m.idNumberIndex)) throw new BadUserInputError(`${field}[${i}].idNumber appears twice in this household`, { field: `${field}[${i}].idNumber` });
    seen.add(m.idNumberIndex);
  });
}
