/**
 * The words the proper-name guard (`proper-name.ts`) does not count as part of a name: sentence
 * openers, titles, calendar words and generic heads. Read by the compiler only, which ships them
 * folded in the pack (`CompiledLayout.nameWords`): word lists are the bulk of what the content
 * script would otherwise carry for the guard, and it is held to 50 KB gzipped. Written as news
 * prints them, lowercase; the compiler folds them as it folds aliases.
 */

/**
 * Capitalised only because they open a sentence: a name after them stands alone
 * (`The Kremlin said`, `Later Peskov added`). Function words and the adverbs news prose
 * opens with; lowercase.
 */
const SENTENCE_OPENERS = [
  'a', 'after', 'afterwards', 'again', 'against', 'also', 'although', 'among', 'an', 'and', 'as', 'at',
  'because', 'before', 'between', 'both', 'but', 'by', 'during', 'earlier', 'even', 'for', 'from',
  'here', 'how', 'however', 'i', 'if', 'in', 'including', 'indeed', 'instead', 'last', 'later', 'like',
  'meanwhile', 'neither', 'nor', 'now', 'of', 'on', 'only', 'or', 'over', 'perhaps', 'separately',
  'since', 'so', 'still', 'than', 'that', 'the', 'then', 'there', 'these', 'this', 'those', 'though',
  'to', 'today', 'tonight', 'under', 'unlike', 'until', 'what', 'when', 'where', 'whether', 'while',
  'who', 'why', 'with', 'without', 'yesterday', 'yet',
];

/**
 * Titles and roles written before a name (`President Biden`, `Spokesman Peskov`, `Mr Price`,
 * `Prime Minister Johnson`) or after a place or body (`Moscow Mayor`, `Kremlin Aide`,
 * `Pentagon Press Secretary`): they introduce the name rather than extend it. Abbreviations with a period (`Gen.`, `Sen.`) need no entry: the period breaks the glue.
 */
const TITLES = [
  'adviser', 'advisor', 'aide', 'admiral', 'ambassador', 'captain', 'chair', 'chairman', 'chairwoman', 'chancellor', 'chief',
  'colonel', 'commander', 'commissioner', 'dame', 'deputy', 'director', 'dr', 'envoy', 'general',
  'governor', 'judge', 'justice', 'king', 'lady', 'leader', 'lord', 'major', 'mayor', 'minister',
  'miss', 'mr', 'mrs', 'ms', 'patriarch', 'pope', 'premier', 'president', 'presidents', 'press', 'prime', 'prince',
  'princess', 'prof', 'professor', 'queen', 'rep', 'representative', 'secretary', 'sen', 'senator',
  'sir', 'speaker', 'spokesman', 'spokesperson', 'spokeswoman',
];

/**
 * The same for Russian and Ukrainian pages, whose aliases the pack carries: function words and
 * the nouns news sentences open with before a name in the genitive (`Встреча Путина и Байдена`,
 * `Заява Зеленського`), and titles (`Президент Путин`).
 */
const CYRILLIC_OPENERS = [
  'а', 'в', 'во', 'вот', 'вчера', 'даже', 'для', 'до', 'его', 'её', 'ещё', 'если', 'за', 'затем', 'и', 'их', 'к',
  'как', 'когда', 'кроме', 'между', 'но', 'о', 'об', 'однако', 'перед', 'по', 'позже', 'после', 'при', 'ранее', 'с',
  'сегодня', 'со', 'также', 'тем', 'теперь', 'тогда', 'только', 'у', 'уже', 'хотя', 'что', 'это',
  'визит', 'встреча', 'заявление', 'переговоры', 'позиция', 'разговор', 'речь', 'решение', 'слова',
  'але', 'вже', 'вчора', 'з', 'зі', 'із', 'і', 'коли', 'між', 'навіть', 'однак', 'пізніше', 'після', 'потім', 'про',
  'раніше', 'сьогодні', 'тепер', 'тоді', 'це', 'що', 'як',
  'візит', 'заява', 'зустріч', 'переговори', 'позиція', 'промова', 'розмова', 'рішення',
];
const CYRILLIC_TITLES = [
  'генерал', 'генсек', 'глава', 'господин', 'госсекретарь', 'губернатор', 'депутат', 'директор', 'канцлер',
  'командующий', 'лидер', 'министр', 'мэр', 'помощник', 'посол', 'представитель', 'председатель', 'президент',
  'премьер', 'секретарь', 'сенатор', 'советник', 'спикер',
  'голова', 'мер', 'міністр', 'пан', 'речник', 'секретар',
];

/** Datelines and AP style put days and months right after names (`in Moscow Tuesday`). */
const CALENDAR_WORDS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec',
];

/**
 * Generic heads some outlets capitalise after a name (`the Biden Administration`, `the Putin
 * Regime`): the annotation rules leave the head out and link the name.
 */
const GENERIC_HEADS = ['administration', 'government', 'regime', 'officials', 'authorities'];

/**
 * Capitalised words before a name that do not make it part of a longer one: sentence openers,
 * titles, calendar words. (`Today`, `Later` open sentences; after a name they are part of it:
 * `Russia Today`.) A function, not a constant, so that bundles which never call it, the
 * content script's among them, leave the lists out.
 */
export function wordsBeforeNames(): string[] {
  return [...SENTENCE_OPENERS, ...CYRILLIC_OPENERS, ...TITLES, ...CYRILLIC_TITLES, ...CALENDAR_WORDS];
}

/** Days and months as news writes them (folded): a context word among them says when, not who or what (`CompiledLayout.calendarNodes`). */
export function calendarWords(): string[] {
  return CALENDAR_WORDS;
}

/** Capitalised words after a name that do not make it part of a longer one: titles, calendar words, generic heads. */
export function wordsAfterNames(): string[] {
  return [...TITLES, ...CYRILLIC_TITLES, ...CALENDAR_WORDS, ...GENERIC_HEADS];
}
