import { EnvError, subgraphSettings } from '@fupin/kit';
import { villageExitOf } from '../src/four-zeros/village-exit.js';
import { households } from '../src/index.js';
import type { RegistrySettings } from '../src/settings.js';

// The village exit rule (贫困村出列) on its edges, with the western areas from configuration.
const settings = (env: NodeJS.ProcessEnv = {}) => subgraphSettings(households, env) as RegistrySettings;
const figures = (poorPeople: number, ruralPopulation: number | null, liftedPeople: number, registeredPeople: number) => ({
  code: 'x', households: 1, poorPeople, ruralPopulation, liftedPeople, registeredPeople,
});

test('the western areas by default: the twelve provinces of 西部大开发, and 恩施 and 湘西 (each with everything below it)', () => {
  const s = settings();
  const limit = (code: string) => villageExitOf(code, figures(0, 100, 1, 1), s).incidenceLimit;
  expect(limit('520302101201')).toBe(0.03); // 遵义, Guizhou
  expect(limit('422801001001')).toBe(0.03); // 恩施, Hubei
  expect(limit('433101001001')).toBe(0.03); // 湘西, Hunan
  expect(limit('420115101201')).toBe(0.02); // 江夏, Hubei
  expect(limit('230882101201')).toBe(0.02); // 富锦, Heilongjiang
});

test('the list is configuration: another list replaces it; a code that is not a region code stops the start', () => {
  const s = settings({ FUPIN_WESTERN_AREAS: '230882000000' });
  expect(villageExitOf('230882101201', figures(0, 100, 1, 1), s).incidenceLimit).toBe(0.03);
  expect(villageExitOf('520302101201', figures(0, 100, 1, 1), s).incidenceLimit).toBe(0.02);
  expect(() => settings({ FUPIN_WESTERN_AREAS: '52,610000000000' })).toThrow(EnvError);
  expect(() => settings({ FUPIN_WESTERN_AREAS: '52,610000000000' })).toThrow(/FUPIN_WESTERN_AREAS/);
});

test('incidence strictly below the limit, the lifted share at least the required one', () => {
  const s = settings();
  const east = '420115101201';
  // 2 poor of 100 is 2%: not below 2%; 1.99% is.
  expect(villageExitOf(east, figures(2, 100, 98, 100), s).eligible).toBe(false);
  expect(villageExitOf(east, figures(199, 10_000, 98, 100), s).eligible).toBe(true);
  // 97.99% lifted is short of 98%.
  expect(villageExitOf(east, figures(0, 100, 9799, 10_000), s).eligible).toBe(false);
  // No rural population: never eligible.
  expect(villageExitOf(east, figures(0, null, 1, 1), s)).toMatchObject({ eligible: false, povertyIncidence: null });
});
