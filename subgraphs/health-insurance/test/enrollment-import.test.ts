import { enrollmentImport } from '../src/enrollment/enrollment.import.js';

const row = (over: Record<string, string> = {}) => ({
  id_number: '', year: '2020', scheme: 'RESIDENT_BASIC', premium: '250', subsidy: '180.5', critical_illness_cover: '是', supplementary_cover: '0', ...over,
});

test('a list row becomes an enrollment in fen', () => {
  expect(enrollmentImport.parse(row())).toEqual({ year: 2020, scheme: 'RESIDENT_BASIC', premium: 25000, subsidy: 18050, criticalIllnessCover: true, supplementaryCover: false });
  expect(enrollmentImport.staging.values(enrollmentImport.parse(row()) as never)).toEqual([2020, 'RESIDENT_BASIC', '250.00', '180.50', true, false]);
});

test.each([
  [{ scheme: 'COMMERCIAL' }, /scheme/],
  [{ premium: '-1' }, /negative/],
  [{ premium: '1.234' }, /two decimals/],
  [{ subsidy: '300' }, /exceed/],
  [{ year: '2013' }, /year/],
  [{ year: 'soon' }, /year/],
  [{ critical_illness_cover: 'maybe' }, /true or false/],
])('%j is refused', (over, message) => {
  expect(enrollmentImport.parse(row(over as Record<string, string>))).toMatch(message);
});
