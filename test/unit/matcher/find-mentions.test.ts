import { describe, expect, it } from 'vitest';
import { THRESHOLD, compileMatcher, findMentions, loadMatcher } from '../../../extension/matcher';
import { ALIASES, ENTITIES } from './fixture';

const matcher = loadMatcher(compileMatcher(ALIASES, ENTITIES));

interface Row {
  /** What the row pins down. */
  name: string;
  text: string;
  /** Expected mentions as `surface → entity`, in order; the surface checks the offsets too. */
  want: string[];
  date?: string;
  /** Entities already mentioned in full earlier on the page. */
  seen?: string[];
}

/** Runs one row and renders its mentions as `surface → entity`. */
function run(row: Pick<Row, 'text' | 'date' | 'seen'>): string[] {
  const seen = new Set(row.seen);
  return findMentions(row.text, matcher, { date: row.date, seen }).map(
    (m) => `${row.text.slice(m.start, m.end)} → ${m.entity}`,
  );
}

const ROWS: Row[] = [
  // Possessives: the name only, whatever the apostrophe.
  { name: "possessive with '", text: "Putin's demands", want: ['Putin → Vladimir_Putin'] },
  { name: 'possessive with ’', text: 'Putin’s demands', want: ['Putin → Vladimir_Putin'] },
  { name: 'possessive with ʼ', text: 'Putinʼs demands', want: ['Putin → Vladimir_Putin'] },
  { name: 'acronym possessive with ’', text: 'NATO’s eastern flank', want: ['NATO → NATO'] },

  // Diacritics, in the alias, in the text, or decomposed.
  { name: 'diacritic as in the alias', text: 'Erdoğan said', want: ['Erdoğan → Recep_Tayyip_Erdoğan'] },
  { name: 'diacritic dropped in the text', text: 'Erdogan said', want: ['Erdogan → Recep_Tayyip_Erdoğan'] },
  { name: 'decomposed diacritic stays inside the span', text: 'Erdog\u0306an said', want: ['Erdog\u0306an → Recep_Tayyip_Erdoğan'] },
  { name: 'all-caps with diacritic', text: 'ERDOĞAN VISITS', want: ['ERDOĞAN → Recep_Tayyip_Erdoğan'] },
  { name: 'soft hyphen inside a name', text: 'Zelen\u00ADskiy said', want: ['Zelen\u00ADskiy → Volodymyr_Zelenskyy'] },

  // Dashes and whitespace.
  { name: 'en dash in a name', text: 'the NATO–Russia Council met', want: ['NATO–Russia Council → NATO–Russia_Council'] },
  { name: 'non-breaking hyphen in a name', text: 'the NATO\u2011Russia Council', want: ['NATO\u2011Russia Council → NATO–Russia_Council'] },
  { name: 'line break inside a name', text: 'with Vladimir\nPutin today', want: ['Vladimir\nPutin → Vladimir_Putin'] },
  { name: 'CRLF and spaces inside a name', text: 'Vladimir \r\n  Putin', want: ['Vladimir \r\n  Putin → Vladimir_Putin'] },
  {
    name: 'no-break space inside a name',
    text: 'the North Atlantic\u00A0Treaty Organization',
    want: ['North Atlantic\u00A0Treaty Organization → NATO'],
  },

  // Hyphenated compounds link the name part.
  { name: 'name before -backed', text: 'Kremlin-backed rebels', want: ['Kremlin → Moscow_Kremlin'] },
  { name: 'abbreviation before -led', text: 'the U.S.-led alliance', want: ['U.S. → United_States'] },
  { name: 'name after pro-', text: 'a pro-Russia insurgency', want: ['Russia → Russia'] },
  { name: 'two names in a compound', text: 'U.S.-Russia talks', want: ['U.S. → United_States', 'Russia → Russia'] },

  // Word boundaries: letters and digits on either side block.
  { name: 'demonym', text: 'Russian troops', want: [] },
  { name: 'plural of an acronym', text: 'two NATOs', want: [] },
  { name: 'digit glued to a name', text: 'Russia2022 summit', want: [] },
  { name: 'abbreviation continuing', text: 'the U.S.A. team', want: [] },
  { name: 'hashtag and handle', text: '#Ukraine and @Putin', want: ['Ukraine → Ukraine', 'Putin → Vladimir_Putin'] },

  // Case policies.
  { name: 'proper: lowercase never', text: 'putin and russia', want: [] },
  { name: 'proper: lowercase price never, even with context', text: 'the price, the State Department said', want: [] },
  { name: 'proper: all-caps dateline', text: 'MOSCOW, January 28', want: ['MOSCOW → Moscow'] },
  { name: 'exact: US', text: 'US officials', want: ['US → United_States'] },
  { name: 'exact: pronoun us', text: 'told us and Us Weekly', want: [] },
  { name: 'exact: Osce is not OSCE', text: 'Osce or OSCE', want: ['OSCE → Organization_for_Security_and_Co-operation_in_Europe'] },
  { name: 'any: lowercase event phrase', text: 'its security demands', date: '2021-12-20', want: ['security demands → event:Russia_December_2021_security_demands'] },
  { name: 'any: title-case event phrase', text: 'Security Demands', date: '2021-12-20', want: ['Security Demands → event:Russia_December_2021_security_demands'] },
  { name: 'short: shouted single word does not count', text: 'PRICE, the State Department says', want: [] },

  // Short aliases need a full mention earlier, or a context word nearby.
  { name: 'short: no evidence', text: 'Peskov said so.', want: [] },
  { name: 'short: context word nearby', text: 'Kremlin spokesman Peskov said', want: ['Kremlin → Moscow_Kremlin', 'Peskov → Dmitry_Peskov'] },
  { name: 'short: multi-word context nearby', text: 'Price said, according to the State Department.', want: ['Price → Ned_Price'] },
  {
    name: 'short: context word beyond the window',
    text: 'Price said that one two three four five six seven eight nine ten eleven twelve thirteen State Department',
    want: [],
  },
  { name: 'short: full mention earlier in the text', text: 'Dmitry Peskov spoke. Later Peskov said', want: ['Dmitry Peskov → Dmitry_Peskov', 'Peskov → Dmitry_Peskov'] },
  { name: 'short: full mention later does not count', text: 'Peskov spoke. Dmitry Peskov said', want: ['Dmitry Peskov → Dmitry_Peskov'] },
  { name: 'short: seen from earlier on the page', text: 'Peskov said so.', seen: ['Dmitry_Peskov'], want: ['Peskov → Dmitry_Peskov'] },
  { name: 'short: after a title', text: 'President Biden spoke', seen: ['Joe_Biden'], want: ['Biden → Joe_Biden'] },
  { name: 'short: after an abbreviated title', text: 'as Mr. Peskov put it', seen: ['Dmitry_Peskov'], want: ['Peskov → Dmitry_Peskov'] },
  { name: 'short: short event alias, dated', text: 'draft agreements for NATO', date: '2021-12-20', want: ['draft agreements → event:Russia_December_2021_security_demands', 'NATO → NATO'] },
  { name: 'short: context alone plus unknown date falls below threshold', text: 'draft agreements for NATO', want: ['NATO → NATO'] },

  // Longest match wins.
  { name: 'longest: council over NATO and Russia', text: 'NATO-Russia Council', want: ['NATO-Russia Council → NATO–Russia_Council'] },
  { name: 'longest: full name over surname', text: 'Vladimir Putin', want: ['Vladimir Putin → Vladimir_Putin'] },
  { name: 'longest: Russian Federation', text: 'the Russian Federation', want: ['Russian Federation → Russia'] },
  { name: 'longest: event over the name inside it', text: 'the Ukraine crisis', date: '2022-01-05', want: ['Ukraine crisis → Prelude_to_the_Russian_invasion_of_Ukraine'] },

  // Longer proper names the dataset does not know.
  { name: 'glued: Washington Post', text: 'The Washington Post reported', want: [] },
  { name: 'glued: Sherman Antitrust Act', text: 'the Sherman Antitrust Act', seen: ['Wendy_Sherman'], want: [] },
  { name: 'glued: Kazan Kremlin', text: 'the Kazan Kremlin', want: [] },
  { name: 'glued: Hunter Biden', text: 'his son Hunter Biden', seen: ['Joe_Biden'], want: [] },
  { name: 'not glued: sentence-initial The', text: 'The Kremlin said', want: ['Kremlin → Moscow_Kremlin'] },
  { name: 'not glued: sentence-initial name', text: 'Washington has led the charge', want: ['Washington → Washington,_D.C.'] },
  { name: 'not glued: weekday after a name', text: 'in Washington Tuesday', want: ['Washington → Washington,_D.C.'] },
  { name: "not glued: possessive before", text: "Putin's Kremlin", want: ['Putin → Vladimir_Putin', 'Kremlin → Moscow_Kremlin'] },
  { name: 'not glued: title after', text: 'U.S. President Joe Biden', want: ['U.S. → United_States', 'Joe Biden → Joe_Biden'] },
  { name: 'not glued: punctuation between', text: 'Sherman, Antitrust', seen: ['Wendy_Sherman'], want: ['Sherman → Wendy_Sherman'] },

  // Phrases that are not names (`EntitySpec.not`): nothing inside one links, whatever the evidence.
  { name: 'not a name: Sherman tank after a full mention', text: 'a Sherman tank', seen: ['Wendy_Sherman'], want: [] },
  { name: 'not a name: in any case', text: 'SHERMAN TANKS rolled in', seen: ['Wendy_Sherman'], want: [] },
  { name: 'not a name: ending after the name', text: 'in Sherman, Texas today', seen: ['Wendy_Sherman'], want: [] },
  { name: 'not a name: a longer name overlapping it still links', text: 'Wendy Sherman, Texas officials said', want: ['Wendy Sherman → Wendy_Sherman'] },
  { name: 'not a name: only whole words', text: 'a Sherman tankard', seen: ['Wendy_Sherman'], want: ['Sherman → Wendy_Sherman'] },

  // The guard covers every single-word name, not only surnames.
  { name: 'glued: Geneva Conventions', text: 'the Geneva Conventions apply', want: [] },
  { name: 'glued: Russia Today', text: 'Russia Today was banned', want: [] },
  { name: 'glued: Moscow State University', text: 'at Moscow State University', want: [] },
  { name: 'not glued: generic head after a name', text: 'the Biden Administration said', seen: ['Joe_Biden'], want: ['Biden → Joe_Biden'] },
  { name: 'not glued: two dataset names side by side', text: 'a Biden Putin summit', seen: ['Joe_Biden'], want: ['Biden → Joe_Biden', 'Putin → Vladimir_Putin'] },
  { name: 'not glued: across a line break', text: 'support for Ukraine\n\nHis ministry', want: ['Ukraine → Ukraine'] },
  { name: 'not glued: Title Case headline', text: 'Biden, Putin Stress Diplomacy Ahead of Phone Call\nbody', want: ['Putin → Vladimir_Putin'] },
  { name: 'shouted: two-letter acronym beside capitals', text: 'CONTACT US | ABOUT US', want: [] },
  { name: 'shouted: longer acronym stays', text: 'NATO CHIEF WARNS', want: ['NATO → NATO'] },

  // An everyday word (`common`): its capital counts only where a capital is not required anyway.
  { name: 'common: mid-sentence', text: 'Talks in Turkey ended.', want: ['Turkey → Turkey'] },
  { name: 'common: first word of the text', text: 'Turkey is on the menu.', want: [] },
  { name: 'common: first word of a sentence', text: 'We ate well. Turkey was on the menu.', want: [] },
  { name: 'common: first word of a quoted sentence', text: 'She said: "Turkey was on the menu."', want: [] },
  { name: 'common: first word of a quoted sentence, typographic quotes', text: 'She said, “Turkey was on the menu.”', want: [] },
  { name: 'common: first word of a line', text: 'Menu\nTurkey with gravy', want: [] },
  { name: 'common: after a bullet', text: '• Turkey with gravy', want: [] },
  { name: 'common: a name in guillemets keeps its capital', text: 'Die Verhandlungen in «Turkey» dauerten.', want: ['Turkey → Turkey'] },
  { name: 'common: after an abbreviation, mid-sentence', text: 'The U.S. Turkey policy changed.', want: ['U.S. → United_States', 'Turkey → Turkey'] },
  { name: 'common: in all caps', text: 'TURKEY SHORTAGE', want: [] },
  { name: 'common: in a Title Case line', text: 'How To Roast A Turkey For Thanksgiving Dinner', want: [] },
  { name: 'common: first word, with a context word', text: 'Turkey, officials in Ankara said, will host the talks.', want: ['Turkey → Turkey'] },
  { name: 'common: first word, after a mention mid-sentence', text: 'Talks in Turkey ended. Turkey said more.', want: ['Turkey → Turkey', 'Turkey → Turkey'] },
  { name: 'common: first word, after a mention at a sentence start', text: 'Turkey, officials in Ankara said, will host the talks next week in a small city on the southern coast. Turkey said more.', want: ['Turkey → Turkey'] },

  // Events spoken of as what may happen are not the event.
  { name: 'event: a possible one', text: 'Officials warned of a possible invasion of Ukraine.', date: '2022-03-10', want: ['Ukraine → Ukraine'] },
  { name: 'event: a further one, undated', text: 'If Russia advances with a further invasion of Ukraine, sanctions follow.', want: ['Russia → Russia', 'Ukraine → Ukraine'] },
  { name: 'event: a hypothetical word three words back', text: 'Any possible large-scale invasion of Ukraine would fail.', date: '2022-03-10', want: ['Ukraine → Ukraine'] },
  { name: 'event: a hypothetical word before the article does not count', text: 'It is possible the invasion of Ukraine will last years.', date: '2022-03-10', want: ['invasion of Ukraine → Russian_invasion_of_Ukraine'] },
  { name: 'event: a hypothetical word before punctuation does not count', text: 'The possible outcome: invasion of Ukraine.', date: '2022-03-10', want: ['invasion of Ukraine → Russian_invasion_of_Ukraine'] },
  { name: 'event: the one that happened', text: 'Since the invasion of Ukraine, prices rose.', date: '2022-03-10', want: ['invasion of Ukraine → Russian_invasion_of_Ukraine'] },

  // Near misses: one edit from a name, with evidence.
  { name: 'near miss: exact name elsewhere and a context word', text: 'Volodymyr Zelenskyy spoke. In Kyiv, Zelenskyi added', want: ['Volodymyr Zelenskyy → Volodymyr_Zelenskyy', 'Zelenskyi → Volodymyr_Zelenskyy'] },
  { name: 'near miss: two context words', text: 'In Kyiv, Ukraine, Zelenskyi added', want: ['Ukraine → Ukraine', 'Zelenskyi → Volodymyr_Zelenskyy'] },
  { name: 'near miss: the exact name elsewhere is not enough', text: 'Volodymyr Zelenskyy spoke. Zelenskyi added', want: ['Volodymyr Zelenskyy → Volodymyr_Zelenskyy'] },
  { name: 'near miss of a full name, transposed letters', text: 'Vladimir Putin met Wendy Shermna in Geneva', seen: ['Wendy_Sherman'], want: ['Vladimir Putin → Vladimir_Putin', 'Wendy Shermna → Wendy_Sherman', 'Geneva → Geneva'] },
  { name: 'near miss without evidence: silent', text: 'Zelenskyi added', want: [] },
  { name: 'near miss: an added ending is another word', text: 'Dmitry Peskov spoke. Peskova posted', want: ['Dmitry Peskov → Dmitry_Peskov'] },
  { name: 'near miss: lowercase words are never names', text: 'Vladimir Putin and the zelenskyi', want: ['Vladimir Putin → Vladimir_Putin'] },

  // Events by sentence pattern: a head noun with two of the event's context words.
  {
    name: 'pattern: talks with Geneva and January',
    text: 'talks between the two rivals in Geneva in January',
    date: '2021-12-30',
    want: ['talks → event:US-Russia_Geneva_security_talks_January_2022', 'Geneva → Geneva'],
  },
  { name: 'pattern: one context word is not enough', text: 'talks in January', date: '2021-12-30', want: [] },
  { name: 'pattern: needs the article date', text: 'talks between the two rivals in Geneva in January', want: ['Geneva → Geneva'] },
  { name: 'pattern: cues in the next sentence do not count', text: 'He said talks would go on. Geneva hosts them in January.', date: '2021-12-30', want: ['Geneva → Geneva'] },
  { name: 'pattern: cues in the sentence before do not count', text: 'Geneva waits for January. "The talks matter," he said.', date: '2021-12-30', want: ['Geneva → Geneva'] },
  {
    name: 'pattern: an abbreviation or an initial ends no sentence',
    text: 'talks with Mr. Smith and the U.S. envoy in Geneva in January',
    date: '2021-12-30',
    want: ['talks → event:US-Russia_Geneva_security_talks_January_2022', 'U.S. → United_States', 'Geneva → Geneva'],
  },
  { name: 'short alias: a month alone says when, not what', text: 'the draft agreements published in December', date: '2022-01-10', want: [] },
  { name: 'short alias: a month beside another context word', text: 'the draft agreements Moscow published in December', date: '2022-01-10', want: ['draft agreements → event:Russia_December_2021_security_demands', 'Moscow → Moscow'] },
  { name: 'pattern: a month as news abbreviates it is its cue', text: 'talks in Geneva on Jan. 10', date: '2021-12-30', want: ['talks → event:US-Russia_Geneva_security_talks_January_2022', 'Geneva → Geneva'] },
  { name: 'pattern: a number and its period end a sentence', text: 'He said talks would go on until Dec. 7. Geneva hosts them in January.', date: '2021-12-30', want: ['Geneva → Geneva'] },
  { name: 'pattern: a verb is not an event', text: 'Sherman will talks in Geneva in January', date: '2021-12-30', seen: ['Wendy_Sherman'], want: ['Sherman → Wendy_Sherman', 'Geneva → Geneva'] },
  {
    name: 'pattern: only the first reference',
    text: 'The Geneva talks open. The talks in Geneva in January will be long.',
    date: '2021-12-30',
    want: ['Geneva talks → event:US-Russia_Geneva_security_talks_January_2022', 'Geneva → Geneva'],
  },

  // Surfaces shared by two entities: context decides, or silence.
  { name: 'shared: no evidence, silent', text: 'Georgia said', want: [] },
  { name: 'shared: context picks the country', text: 'Georgia, in the Caucasus', want: ['Georgia → Georgia_(country)'] },
  { name: 'shared: context picks the state', text: 'Atlanta, Georgia', want: ['Georgia → Georgia_(U.S._state)'] },

  // Event dates.
  { name: 'date: shared label, ongoing event wins', text: 'the Ukraine crisis', date: '2021-12-30', want: ['Ukraine crisis → Prelude_to_the_Russian_invasion_of_Ukraine'] },
  { name: 'date: shared label, only the 2014 crisis had begun', text: 'the Ukraine crisis', date: '2014-05-01', want: ['Ukraine crisis → Ukrainian_crisis'] },
  { name: 'date: shared label, no date, silent', text: 'the Ukraine crisis', want: ['Ukraine → Ukraine'] },
  { name: 'date: invasion before it began', text: 'a further invasion of Ukraine', date: '2021-12-30', want: ['Ukraine → Ukraine'] },
  { name: 'date: invasion after it began', text: 'the invasion of Ukraine', date: '2022-03-01', want: ['invasion of Ukraine → Russian_invasion_of_Ukraine'] },
  { name: 'date: announced event named ahead', text: 'the Geneva talks', date: '2021-12-30', want: ['Geneva talks → event:US-Russia_Geneva_security_talks_January_2022'] },
  { name: 'date: event not yet announced', text: 'the Geneva talks', date: '2021-12-01', want: ['Geneva → Geneva'] },
  { name: 'date: ended event named afterwards', text: 'a Cold War forum', date: '2021-12-30', want: ['Cold War → Cold_War'] },

  // UTF-16 offsets with astral characters before the mention.
  { name: 'offsets: flag emoji glued before', text: '🇺🇦Ukraine', want: ['Ukraine → Ukraine'] },
  { name: 'offsets: emoji and astral letters before', text: '🚀 𝒳 🇷🇺 — Vladimir Putin’s', want: ['Vladimir Putin → Vladimir_Putin'] },
];

describe('findMentions', () => {
  it.each(ROWS)('$name', (row) => {
    expect(run(row)).toEqual(row.want);
  });

  it('has a table of at least 40 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
  });
});

describe('findMentions offsets', () => {
  it.each([
    { text: '🇺🇦🚀 Putin', start: 7 },
    { text: '𝒳 Zelenskiy', start: 3 },
    { text: 'ab\u0301c Russia', start: 5 },
  ])('maps $text back to UTF-16 index $start', ({ text, start }) => {
    const [m] = findMentions(text, matcher);
    expect(m).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe(text.slice(start));
    expect(m!.start).toBe(start);
  });
});

describe('findMentions scores', () => {
  it.each([
    { text: 'Vladimir Putin', seen: [] as string[], date: undefined as string | undefined, entity: 'Vladimir_Putin', score: 1 },
    { text: 'Washington said', seen: [], date: undefined, entity: 'Washington,_D.C.', score: 0.9 },
    { text: 'Peskov said', seen: ['Dmitry_Peskov'], date: undefined, entity: 'Dmitry_Peskov', score: 0.9 },
    { text: 'Kremlin spokesman Peskov', seen: [], date: undefined, entity: 'Dmitry_Peskov', score: 0.75 },
    { text: 'security demands', seen: [], date: undefined, entity: 'event:Russia_December_2021_security_demands', score: 0.85 },
    { text: 'security demands', seen: [], date: '2021-12-20', entity: 'event:Russia_December_2021_security_demands', score: 1 },
  ])('$text scores $score for $entity', ({ text, seen, date, entity, score }) => {
    const found = findMentions(text, matcher, { date, seen: new Set(seen) }).find((m) => m.entity === entity);
    expect(found?.score).toBeCloseTo(score, 6);
  });

  it('never returns a mention below THRESHOLD', () => {
    const text = ROWS.map((r) => r.text).join('\n\n');
    for (const m of findMentions(text, matcher)) {
      expect(m.score).toBeGreaterThanOrEqual(THRESHOLD);
      expect(m.score).toBeLessThanOrEqual(1);
    }
  });
});

describe('findMentions output shape', () => {
  it('returns mentions sorted by start and non-overlapping', () => {
    const text = ROWS.map((r) => r.text).join(' ');
    const mentions = findMentions(text, matcher, { seen: new Set(['Dmitry_Peskov', 'Joe_Biden', 'Wendy_Sherman']) });
    expect(mentions.length).toBeGreaterThan(40);
    for (let i = 1; i < mentions.length; i++) expect(mentions[i]!.start).toBeGreaterThanOrEqual(mentions[i - 1]!.end);
  });

  it('returns nothing for empty or name-free text', () => {
    expect(findMentions('', matcher)).toEqual([]);
    expect(findMentions('   \n\t ', matcher)).toEqual([]);
    expect(findMentions('nothing to see here, move along', matcher)).toEqual([]);
  });
});

describe('findMentions seen across calls', () => {
  it('links a short alias in a later chunk after a full mention in an earlier one', () => {
    const seen = new Set<string>();
    expect(run({ text: 'Peskov said.' })).toEqual([]);
    findMentions('Kremlin spokesman Dmitry Peskov spoke first.', matcher, { seen });
    expect(seen.has('Dmitry_Peskov')).toBe(true);
    const later = findMentions('Then Peskov added more.', matcher, { seen });
    expect(later.map((m) => m.entity)).toEqual(['Dmitry_Peskov']);
  });

  it('reads ids the caller added between calls, and forgets them when the set is cleared', () => {
    const seen = new Set<string>();
    expect(findMentions('Then Peskov added more.', matcher, { seen })).toEqual([]);
    seen.add('Dmitry_Peskov');
    expect(findMentions('Then Peskov added more.', matcher, { seen }).map((m) => m.entity)).toEqual(['Dmitry_Peskov']);
    seen.clear();
    expect(findMentions('Then Peskov added more.', matcher, { seen })).toEqual([]);
  });

  it('keeps nothing from a call without a seen set', () => {
    expect(findMentions('Kremlin spokesman Dmitry Peskov spoke first.', matcher).map((m) => m.entity)).toContain('Dmitry_Peskov');
    expect(findMentions('Then Peskov added more.', matcher)).toEqual([]);
    expect(findMentions('Then Peskov added more.', matcher, { seen: new Set() })).toEqual([]);
  });

  it('does not record short mentions backed only by context', () => {
    const seen = new Set<string>();
    findMentions('Kremlin spokesman Peskov said', matcher, { seen });
    expect([...seen].sort()).toEqual(['Moscow_Kremlin']);
  });
});
