/**
 * A small, hand-written dataset for the matcher's tests, shaped like the real one
 * (`assets/dataset`) but independent of it, so the tests pin down the matcher's rules
 * rather than the data.
 */
import type { AliasSpec, EntitySpec } from '../../../extension/matcher/types';

type Row = [text: string, entity: string, match?: AliasSpec['match'], kase?: AliasSpec['case'], ambiguous?: boolean, common?: boolean];

const ROWS: Row[] = [
  ['Vladimir Putin', 'Vladimir_Putin'],
  ['Putin', 'Vladimir_Putin'],
  ['Joe Biden', 'Joe_Biden'],
  ['Biden', 'Joe_Biden', 'short'],
  ['Dmitry Peskov', 'Dmitry_Peskov'],
  ['Peskov', 'Dmitry_Peskov', 'short'],
  ['Ned Price', 'Ned_Price'],
  ['Price', 'Ned_Price', 'short'],
  ['Wendy Sherman', 'Wendy_Sherman'],
  ['Sherman', 'Wendy_Sherman', 'short'],
  ['Recep Tayyip Erdoğan', 'Recep_Tayyip_Erdoğan'],
  ['Erdoğan', 'Recep_Tayyip_Erdoğan'],
  ['Volodymyr Zelenskyy', 'Volodymyr_Zelenskyy'],
  ['Zelenskiy', 'Volodymyr_Zelenskyy'],
  ['Zelensky', 'Volodymyr_Zelenskyy'],
  ['Russia', 'Russia'],
  ['Russian Federation', 'Russia'],
  ['Ukraine', 'Ukraine'],
  ['NATO', 'NATO'],
  ['North Atlantic Treaty Organization', 'NATO'],
  ['NATO-Russia Council', 'NATO–Russia_Council'],
  ['U.S.', 'United_States'],
  ['US', 'United_States', 'full', 'exact'],
  ['United States', 'United_States'],
  ['OSCE', 'Organization_for_Security_and_Co-operation_in_Europe', 'full', 'exact'],
  ['Washington', 'Washington,_D.C.', 'full', 'proper', true],
  ['Kremlin', 'Moscow_Kremlin', 'full', 'proper', true],
  ['Moscow', 'Moscow'],
  ['Geneva', 'Geneva'],
  ['Georgia', 'Georgia_(country)'],
  ['Turkey', 'Turkey', 'full', 'proper', false, true],
  ['Georgia', 'Georgia_(U.S._state)'],
  ['Cold War', 'Cold_War'],
  ['Ukraine crisis', 'Prelude_to_the_Russian_invasion_of_Ukraine', 'full', 'any'],
  ['Ukraine crisis', 'Ukrainian_crisis', 'full', 'any'],
  ['invasion of Ukraine', 'Russian_invasion_of_Ukraine', 'full', 'any'],
  ['Geneva talks', 'event:US-Russia_Geneva_security_talks_January_2022', 'full', 'any'],
  ['security demands', 'event:Russia_December_2021_security_demands', 'full', 'any'],
  ['draft agreements', 'event:Russia_December_2021_security_demands', 'short', 'any'],
];

/** Aliases of the test dataset. */
export const ALIASES: AliasSpec[] = ROWS.map(([text, entity, match = 'full', kase = 'proper', ambiguous, common]) => ({
  text,
  entity,
  match,
  case: kase,
  ...(ambiguous ? { ambiguous } : {}),
  ...(common ? { common } : {}),
}));

const person = (id: string, context: string[] = []): EntitySpec => ({ id, type: 'person', context });
const place = (id: string): EntitySpec => ({ id, type: 'place', context: [] });
const org = (id: string): EntitySpec => ({ id, type: 'organization', context: [] });
const event = (id: string, dates: Pick<EntitySpec, 'start' | 'end' | 'announced'>, context: string[] = []): EntitySpec => ({
  id,
  type: 'event',
  context,
  ...dates,
});

/** Entities of the test dataset. */
export const ENTITIES: EntitySpec[] = [
  person('Vladimir_Putin'),
  person('Joe_Biden', ['president', 'White House']),
  person('Dmitry_Peskov', ['Kremlin', 'spokesman']),
  person('Ned_Price', ['State Department']),
  { ...person('Wendy_Sherman', ['Geneva', 'deputy secretary of state']), not: ['Sherman tank', 'Sherman tanks', 'Sherman, Texas'] },
  person('Recep_Tayyip_Erdoğan'),
  person('Volodymyr_Zelenskyy', ['Ukraine', 'Kyiv']),
  place('Russia'),
  place('Ukraine'),
  org('NATO'),
  org('NATO–Russia_Council'),
  place('United_States'),
  org('Organization_for_Security_and_Co-operation_in_Europe'),
  place('Washington,_D.C.'),
  place('Moscow_Kremlin'),
  place('Moscow'),
  place('Geneva'),
  { id: 'Georgia_(country)', type: 'place', context: ['Tbilisi', 'Caucasus'] },
  { id: 'Georgia_(U.S._state)', type: 'place', context: ['Atlanta'] },
  { id: 'Turkey', type: 'place', context: ['Ankara'] },
  event('Cold_War', { start: '1947', end: '1991-12' }),
  event('Prelude_to_the_Russian_invasion_of_Ukraine', { start: '2021-03', end: '2022-02-23' }),
  event('Ukrainian_crisis', { start: '2013-11-21', end: '2014-12' }),
  event('Russian_invasion_of_Ukraine', { start: '2022-02-24' }),
  event(
    'event:US-Russia_Geneva_security_talks_January_2022',
    { start: '2022-01-10', end: '2022-01-10', announced: '2021-12-27' },
    ['geneva', 'january', 'sherman'],
  ),
  event('event:Russia_December_2021_security_demands', { start: '2021-12-15', end: '2021-12-31' }, ['Moscow', 'NATO', 'december']),
];
