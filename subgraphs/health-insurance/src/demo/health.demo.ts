import { type Fen, fenToDecimal } from '@fupin/kit';
import { type DemoCalendar, demoCalendar, type Random, type RosterDemo, type RosterPerson } from '@fupin/kit/bulk';

export interface GeneratedEnrollment {
  year: number;
  scheme: 'RESIDENT_BASIC' | 'EMPLOYEE_BASIC';
  premium: Fen;
  subsidy: Fen;
  criticalIllnessCover: boolean;
  supplementaryCover: boolean;
}

export interface GeneratedClaim {
  id: string;
  date: string;
  hospital: string;
  kind: 'INPATIENT' | 'OUTPATIENT';
  totalCost: Fen;
  basicPaid: Fen;
  criticalIllnessPaid: Fen;
  supplementaryPaid: Fen;
  assistancePaid: Fen;
  oneStop: boolean;
}

export interface GeneratedHealth {
  enrollments: GeneratedEnrollment[];
  claims: GeneratedClaim[];
  contracts: { year: number; doctorTeam: string; signedOn: string }[];
}

// The individual part of the resident premium (元/人/年), roughly as it rose.
const RESIDENT_PREMIUM: Record<number, number> = { 2019: 250, 2020: 280, 2021: 320, 2022: 350, 2023: 380, 2024: 400, 2025: 400 };
const premiumOf = (year: number) => (RESIDENT_PREMIUM[year] ?? 400) * 100;

/**
 * One person's health records for the demo years: about 99% enrolled (the poor's premium
 * mostly paid by the government), claims for the sick and a few for the healthy, family
 * doctors for chronic illness; most households stay under the 10% out-of-pocket line.
 */
export function generateHealth(person: RosterPerson, r: Random, calendar: DemoCalendar): GeneratedHealth {
  const out: GeneratedHealth = { enrollments: [], claims: [], contracts: [] };
  const dibao = person.householdType !== 'GENERAL';
  const township = `${person.villageCode.slice(6, 9)}乡镇卫生院`;
  for (const year of calendar.years) {
    const insured = r.chance(0.99);
    let cover = { critical: false, supplementary: false };
    if (insured) {
      const employee = r.chance(0.03);
      const premium = employee ? r.int(1200, 2400) * 100 : premiumOf(year);
      cover = { critical: r.chance(0.98), supplementary: r.chance(0.7) };
      out.enrollments.push({
        year,
        scheme: employee ? 'EMPLOYEE_BASIC' : 'RESIDENT_BASIC',
        premium,
        // DIBAO and TEKUN are paid in full (资助参保); other poor households mostly in part.
        subsidy: employee ? 0 : dibao ? premium : Math.round((premium * r.int(50, 100)) / 100),
        criticalIllnessCover: cover.critical,
        supplementaryCover: cover.supplementary,
      });
    }
    const visits: ('INPATIENT' | 'OUTPATIENT')[] = [];
    if (person.healthStatus === 'SERIOUS_ILLNESS') for (let i = r.int(1, 3); i > 0; i--) visits.push('INPATIENT');
    if (person.healthStatus === 'CHRONIC_ILLNESS') {
      for (let i = r.int(1, 2); i > 0; i--) visits.push('OUTPATIENT');
      if (r.chance(0.3)) visits.push('INPATIENT');
    }
    if (person.healthStatus === 'DISABLED' && r.chance(0.4)) visits.push('OUTPATIENT');
    if (person.healthStatus === 'HEALTHY') {
      if (r.chance(0.06)) visits.push('OUTPATIENT');
      if (r.chance(0.02)) visits.push('INPATIENT');
    }
    for (const kind of visits) {
      const total = kind === 'INPATIENT' ? r.int(3_000, person.healthStatus === 'SERIOUS_ILLNESS' ? 120_000 : 25_000) * 100 + r.int(0, 99) : r.int(80, 2_000) * 100 + r.int(0, 99);
      // Out of pocket: mostly a few percent; a share of bills leave more (and so the burden).
      const share = !insured ? r.int(60, 100) : r.chance(0.85) ? r.int(2, 9) : r.int(10, 30);
      const paid = total - Math.round((total * share) / 100);
      const part = (applies: boolean, lo: number, hi: number) => (applies ? Math.round((paid * r.int(lo, hi)) / 100) : 0);
      const critical = part(insured && cover.critical && kind === 'INPATIENT' && total > 1_000_000, 10, 25);
      const supplementary = part(insured && cover.supplementary && kind === 'INPATIENT', 3, 10);
      // Medical assistance for DIBAO and TEKUN, and for some others.
      const assistance = insured ? part(dibao || r.chance(0.2), 3, 12) : dibao ? paid : 0;
      // Basic insurance pays the rest of what is paid; nothing when not insured.
      const basic = insured ? paid - critical - supplementary - assistance : 0;
      const days = calendar.days.get(year)!;
      out.claims.push({
        id: calendar.nextId(),
        date: days[r.int(0, days.length - 1)]!,
        hospital: kind === 'INPATIENT' && r.chance(0.5) ? `县人民医院` : township,
        kind,
        totalCost: total,
        basicPaid: basic,
        criticalIllnessPaid: critical,
        supplementaryPaid: supplementary,
        assistancePaid: assistance,
        oneStop: r.chance(0.85),
      });
    }
    if (person.healthStatus !== 'HEALTHY' && r.chance(0.95)) {
      out.contracts.push({ year, doctorTeam: `${township}家庭医生团队`, signedOn: `${year}-01-${String(r.int(2, 28)).padStart(2, '0')}` });
    }
  }
  return out;
}

/** The health department's demo records, made for each person on the roster. */
export const healthDemo: RosterDemo<DemoCalendar> = {
  tables: {
    insurance_enrollment: ['member_id', 'year', 'scheme', 'premium', 'subsidy', 'critical_illness_cover', 'supplementary_cover'],
    medical_claim: ['id', 'member_id', 'date', 'hospital', 'kind', 'total_cost', 'basic_paid', 'critical_illness_paid', 'supplementary_paid', 'assistance_paid', 'one_stop'],
    family_doctor_contract: ['member_id', 'year', 'doctor_team', 'signed_on'],
  },
  start: (seed) => demoCalendar(seed),
  member(person, r, calendar) {
    const h = generateHealth(person, r, calendar);
    const id = person.memberId;
    return {
      insurance_enrollment: h.enrollments.map((e) => [id, e.year, e.scheme, fenToDecimal(e.premium), fenToDecimal(e.subsidy), e.criticalIllnessCover, e.supplementaryCover]),
      medical_claim: h.claims.map((c) => [c.id, id, c.date, c.hospital, c.kind, ...[c.totalCost, c.basicPaid, c.criticalIllnessPaid, c.supplementaryPaid, c.assistancePaid].map(fenToDecimal), c.oneStop]),
      family_doctor_contract: h.contracts.map((c) => [id, c.year, c.doctorTeam, c.signedOn]),
    };
  },
};
