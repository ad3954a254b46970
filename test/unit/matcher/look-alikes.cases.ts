/**
 * Hard cases for the real knowledge pack: sentences full of words and names that look like the
 * dataset's (surnames that are common words, places that head other names, demonyms, typos of
 * other people's names, event words in other senses). Each row lists every link it must get and
 * nothing else, so any false link fails. Written for this project; shared by
 * `look-alikes.test.ts` and the threshold sweep of `npm run eval`.
 */

/** One hard case. */
export interface LookAlike {
  /** What the row is about. */
  name: string;
  text: string;
  /** Article date, `YYYY-MM-DD`. */
  date?: string;
  /** Every expected link, in order, as `surface → dataset id`. */
  want: string[];
}

export const LOOK_ALIKES: LookAlike[] = [
  // Surnames that are also common words.
  { name: 'price as a noun', text: 'Oil prices rose again as the price of gas hit a record.', want: [] },
  { name: 'Price opening a sentence', text: 'Price caps on crude were discussed in Brussels.', want: ['Brussels → brussels'] },
  { name: 'shouted PRICE', text: 'PRICE SHOCK: energy bills double', want: [] },
  { name: 'Sherman tank', text: 'The museum restored a Sherman tank from 1944.', want: [] },
  { name: 'Sherman Antitrust Act after Wendy Sherman', text: 'Wendy Sherman spoke first. Lawyers cited the Sherman Antitrust Act.', want: ['Wendy Sherman → wendy-sherman'] },
  { name: 'General Sherman', text: 'General William Tecumseh Sherman marched to the sea.', want: [] },
  { name: 'Sullivan County', text: 'Flooding hit Sullivan County overnight.', want: [] },
  { name: 'Ed Sullivan', text: 'The Beatles played The Ed Sullivan Show in 1964.', want: [] },
  { name: 'bare Sullivan with no story around it', text: 'Sullivan scored twice in the second half.', want: [] },
  { name: 'Austin, Texas', text: 'The festival returns to Austin this spring.', want: [] },
  { name: 'Johnson & Johnson', text: 'Johnson & Johnson recalled a batch of sunscreen.', want: [] },
  { name: 'Magic Johnson', text: 'Magic Johnson watched from courtside.', want: [] },
  // Surnames shared with well-known athletes link only with evidence.
  { name: 'Rubio the point guard', text: 'Rubio scored 20 points as the Cavaliers won.', want: [] },
  { name: 'Duda the midfielder', text: 'Duda scored in the second half for Verona.', want: [] },
  { name: 'Rubio after Secretary of State Marco Rubio', text: 'Secretary of State Marco Rubio flew to Riyadh. Rubio met Lavrov there.', date: '2025-02-18', want: ['Marco Rubio → marco-rubio', 'Riyadh → riyadh', 'Rubio → marco-rubio', 'Lavrov → sergey-lavrov'] },
  { name: 'Lena Horne', text: 'Lena Horne sang Stormy Weather.', want: [] },
  // The same words after a full mention of the person, which lets a bare surname link: the
  // phrases the dataset lists as not names (`not`) still must not.
  { name: 'Price rises after Ned Price', text: 'Ned Price spoke on Monday. Price rises have hit Europe.', want: ['Ned Price → ned-price', 'Europe → europe'] },
  { name: 'Price caps after Ned Price', text: 'Ned Price spoke on Monday. Price caps on Russian oil were discussed.', want: ['Ned Price → ned-price'] },
  { name: 'Sherman tank after Wendy Sherman', text: 'Wendy Sherman led the talks. The museum restored a Sherman tank.', want: ['Wendy Sherman → wendy-sherman'] },
  { name: 'Sherman tanks opening a sentence', text: 'Wendy Sherman led the talks. Sherman tanks rolled into the square.', want: ['Wendy Sherman → wendy-sherman'] },
  { name: 'Austin, Texas after Lloyd Austin', text: 'Lloyd Austin spoke. Austin, Texas hosted a festival.', want: ['Lloyd Austin → lloyd-austin'] },
  { name: 'Lloyd Austin right before Texas', text: 'Defense Secretary Lloyd Austin, Texas lawmakers said, will testify.', want: ['Lloyd Austin → lloyd-austin'] },
  { name: 'Johnson & Johnson after Boris Johnson', text: 'Boris Johnson said so. Johnson & Johnson made a vaccine.', want: ['Boris Johnson → boris-johnson'] },
  { name: 'chicken Kiev', text: 'She ordered chicken Kiev and a Moscow mule at the bar.', want: [] },
  { name: 'Moscow, Idaho', text: 'Moscow, Idaho is a college town.', want: [] },
  { name: 'Brussels sprouts', text: 'Serve with Brussels sprouts and French fries.', want: [] },
  { name: 'Paris, Texas and Berlin, New Hampshire', text: 'The museum in Paris, Texas, reopened; visitors came from Berlin, New Hampshire.', want: [] },
  { name: 'Odessa, Texas', text: 'A shooting in Odessa, Texas, left three dead.', want: [] },
  { name: 'London, Ontario and Vienna, Virginia', text: 'The plant in London, Ontario, will close, and so will the office in Vienna, Virginia.', want: [] },
  { name: 'the Kremlin of Kazan', text: 'The Kremlin of Kazan is a UNESCO site.', want: [] },
  { name: 'Paris and Berlin themselves', text: 'Paris and Berlin backed the plan; Odesa and Vienna welcomed it.', want: ['Paris → paris', 'Berlin → berlin', 'Odesa → odesa', 'Vienna → vienna'] },
  { name: 'Turkey, the bird, opening a sentence', text: 'Turkey is the centrepiece of the meal. Turkey prices rose 20 percent this year.', want: [] },
  { name: 'Turkey in a Title Case headline', text: 'How To Roast A Turkey For Thanksgiving Dinner', want: [] },
  { name: 'TURKEY in an all-caps headline', text: 'TURKEY SHORTAGE HITS STORES', want: [] },
  { name: 'Turkey as a list item', text: 'On the menu:\n• Turkey, stuffing and gravy', want: [] },
  { name: 'Turkey the country, mid-sentence', text: 'The talks in Turkey ended without a deal.', want: ['Turkey → turkey'] },
  { name: 'Turkey the country opening a sentence, with Ankara nearby', text: 'Turkey has closed the straits, officials in Ankara said.', want: ['Turkey → turkey', 'Ankara → ankara'] },
  { name: 'Turkey the country opening a sentence, a NATO member', text: 'Turkey, a NATO member, has closed the straits to warships.', want: ['Turkey → turkey', 'NATO → nato'] },
  { name: 'Turkey the country opening a sentence, named before', text: 'Ukraine asked Turkey to mediate. Turkey agreed.', want: ['Ukraine → ukraine', 'Turkey → turkey', 'Turkey → turkey'] },
  { name: 'Atlanta, Georgia beside NATO', text: 'Georgia wants to join NATO. The rally was in Atlanta, Georgia last week.', want: ['Georgia → georgia', 'NATO → nato'] },
  { name: 'Johannes Rau', text: 'Johannes Rau was president of Germany.', want: ['Germany → germany'] },
  // Surnames after a middle initial: someone else's unless first name and surname are the person's.
  {
    name: 'Laura K. Cooper at the Pentagon, not Yvette Cooper',
    text: 'Deputy Assistant Secretary of Defense Laura K. Cooper briefed the minister on Ukraine.',
    want: ['Ukraine → ukraine'],
  },
  { name: 'Scott K. Johnson, not Boris Johnson', text: 'Scott K. Johnson wrote about the British prime minister.', want: [] },
  { name: 'Vladimir V. Putin, in full with his initial', text: 'Vladimir V. Putin spoke on Tuesday.', want: ['Vladimir V. Putin → vladimir-putin'] },
  { name: 'Sergey V. Lavrov, in full with his initial', text: 'Sergey V. Lavrov met his counterpart.', want: ['Sergey V. Lavrov → sergey-lavrov'] },

  // Russian and Ukrainian sentences open with a capitalised preposition, noun or title before a name.
  { name: 'a Russian sentence opening with a preposition before a name', text: 'В Кремле ответили, что Путин готов к переговорам.', want: ['Кремле → moscow-kremlin', 'Путин → vladimir-putin'] },
  { name: 'a Russian sentence opening with a noun before a name', text: 'Встреча Путина и Байдена прошла онлайн.', want: ['Путина → vladimir-putin', 'Байдена → joe-biden'] },
  { name: 'a Ukrainian sentence opening with a noun before a name', text: 'Заява Зеленського пролунала вчора.', want: ['Зеленського → volodymyr-zelenskyy'] },
  { name: 'a Russian title before a name', text: 'Президент Путин заявил, что Кремль ждет ответа.', want: ['Путин → vladimir-putin', 'Кремль → moscow-kremlin'] },
  { name: 'rain, a jellyfish, a satellite and a memorial, in Russian', text: 'Дождь шёл весь день. Медуза обожгла ребёнка. Спутник вышел на орбиту. Мемориал открыли в парке.', want: [] },
  { name: 'a fuss, sums and an estuary, opening sentences', text: 'Буча началась из-за пустяка. Суми коштів зросли. Лиман замерз зимой.', want: [] },
  { name: 'TV Rain and Meduza named in guillemets', text: 'Материал опубликовала «Медуза», а телеканал «Дождь» его повторил.', want: ['Медуза → meduza', 'Дождь → tv-rain'] },
  { name: 'a vein, in Russian, opening a sentence', text: 'Вена на руке вздулась, и врач наложил повязку.', want: [] },
  { name: 'Vienna, in Russian, mid-sentence and beside the OSCE', text: 'Переговоры пройдут в Вене. Вена примет встречу ОБСЕ.', want: ['Вене → vienna', 'Вена → vienna', 'ОБСЕ → osce'] },
  {
    name: 'Russian case forms of the build-up',
    text: 'Макрона и Шольца ждут в Брюсселе: ситуацию в Донбассе и Крыму обсудят в Минске. Эрдогана ждут в Европе.',
    date: '2022-02-10',
    want: ['Макрона → emmanuel-macron', 'Шольца → olaf-scholz', 'Брюсселе → brussels', 'Донбассе → donbas', 'Крыму → crimea', 'Минске → minsk', 'Эрдогана → recep-tayyip-erdogan', 'Европе → europe'],
  },
  {
    name: 'Russian case forms of the talks',
    text: 'Встреча Блинкена и Лаврова в Женеве прошла в пятницу. Рябков заявил, что Столтенбергу и Киеву нечего ответить.',
    date: '2022-01-21',
    want: ['Блинкена → antony-blinken', 'Лаврова → sergey-lavrov', 'Женеве → geneva', 'Рябков → sergei-ryabkov', 'Столтенбергу → jens-stoltenberg', 'Киеву → kyiv'],
  },
  { name: 'a Ukrainian sentence opening with a preposition before a name', text: 'У Києві заявили, що переговори тривають.', want: ['Києві → kyiv'] },
  { name: 'a Russian proper name headed by an adjective', text: 'Казанский Кремль открыт для туристов.', want: [] },

  // Places and institutions heading longer names.
  { name: 'Washington Post, the newspaper as a whole', text: 'The Washington Post reported the leak.', want: ['The Washington Post → the-washington-post'] },
  { name: 'Washington Examiner', text: 'The Washington Examiner ran a column.', want: [] },
  { name: 'George Washington and the Delaware River', text: 'George Washington crossed the Delaware River in 1776.', want: [] },
  { name: 'Washington state', text: 'Wildfires spread across Washington state.', want: [] },
  { name: 'Washington Nationals', text: 'The Washington Nationals lost at home.', want: [] },
  { name: 'Kazan Kremlin', text: 'Tourists crowd the Kazan Kremlin in summer.', want: [] },
  { name: 'Georgia, the US state', text: 'Voters in Atlanta, Georgia, went to the polls.', want: [] },
  { name: 'Georgia Bulldogs', text: 'The Georgia Bulldogs won the title.', want: [] },
  { name: "Georgia O'Keeffe", text: "Georgia O'Keeffe painted the desert.", want: [] },
  { name: 'Kyiv Independent, the newspaper as a whole', text: 'The Kyiv Independent reported shelling overnight.', date: '2022-03-02', want: ['The Kyiv Independent → the-kyiv-independent'] },
  { name: 'Kyiv School of Economics', text: 'Economists at the Kyiv School of Economics tallied the damage.', date: '2022-03-02', want: [] },
  { name: 'Geneva Conventions', text: 'Rights groups cited the Geneva Conventions.', want: [] },
  { name: 'Eastern Europe, the region as a whole', text: 'Gas prices soared across Eastern Europe.', want: ['Eastern Europe → eastern-europe'] },
  { name: 'Europe Day', text: 'Brass bands marked Europe Day.', want: [] },
  { name: 'Russia Today, the channel as a whole', text: 'Russia Today was taken off the air.', want: ['Russia Today → rt'] },
  { name: 'Moscow State University', text: 'She studied at Moscow State University.', want: [] },
  { name: 'Minsk Group', text: 'The Minsk Group mediated over Nagorno-Karabakh.', want: [] },
  { name: 'Donbass Arena', text: 'The final was played at the Donbass Arena.', want: [] },
  { name: 'Europa League', text: 'The Europa League final drew a record crowd.', want: [] },
  { name: 'Hunter Biden', text: 'Hunter Biden sold paintings in New York.', want: [] },
  { name: 'West Virginia and Kanye West', text: 'Kanye West played a show in West Virginia.', want: [] },
  { name: 'the west as a direction', text: 'Storms moved west overnight.', want: [] },
  { name: 'Bank of America', text: 'Shares of Bank of America fell.', want: [] },

  // Word boundaries, demonyms and derived words.
  { name: 'demonyms', text: 'Russian and Ukrainian officials met Georgian and Belarusian envoys.', want: [] },
  { name: 'plural demonyms', text: 'Russians and Ukrainians share a long history.', want: [] },
  { name: 'derived words', text: 'Putinism, Kremlinology and Bidenomics are all buzzwords.', want: [] },
  { name: 'Crimean Tatars', text: 'Crimean Tatars marked the anniversary.', want: [] },
  { name: 'pronoun us', text: 'Tell us what you think and join us.', want: [] },
  { name: 'shouted US', text: 'CONTACT US | ABOUT US', want: [] },
  { name: 'Us Weekly', text: 'Us Weekly ran the story first.', want: [] },

  // Near misses that are other names or other words.
  { name: "Peskov's daughter", text: 'Kremlin spokesman Dmitry Peskov declined to comment. Elizaveta Peskova posted a photo.', want: ['Kremlin → moscow-kremlin', 'Dmitry Peskov → dmitry-peskov'] },
  { name: 'Zakharov, not Zakharova', text: 'Russian Foreign Ministry spokeswoman Maria Zakharova spoke. Andrei Zakharov, a journalist, disagreed.', want: ['Russian Foreign Ministry → russian-foreign-ministry', 'Maria Zakharova → maria-zakharova'] },
  { name: 'Osama, not Obama', text: 'Barack Obama spoke about Osama bin Laden.', want: ['Barack Obama → barack-obama'] },
  { name: 'Micron', text: 'Micron said memory prices would fall; French chipmakers agreed.', want: [] },
  { name: 'Merkle trees', text: 'Merkle trees secure the ledger.', want: [] },
  { name: 'French, not France', text: 'French and Greek leaders spoke.', want: [] },
  { name: 'Prime Minister', text: 'The Prime Minister told a State Department briefing nothing new.', want: ['State Department → us-state-department'] },
  { name: 'Prince Charles', text: 'Prince Charles opened the new wing.', want: [] },

  // Event words in other senses, and events before they happened.
  { name: 'call as a verb', text: 'Biden said he would call Putin next week.', date: '2021-12-29', want: ['Biden → joe-biden', 'Putin → vladimir-putin'] },
  { name: 'meeting as a verb', text: 'Biden and Putin are meeting virtually in December.', date: '2021-12-05', want: ['Biden → joe-biden', 'Putin → vladimir-putin'] },
  {
    name: 'talks next to a sentence about a meeting',
    text: 'Jake Sullivan said talks would go on. Jens Stoltenberg chaired the NATO-Russia Council in Brussels.',
    date: '2022-01-12',
    want: ['Jake Sullivan → jake-sullivan', 'Jens Stoltenberg → jens-stoltenberg', 'NATO-Russia Council → nato-russia-council', 'Brussels → brussels'],
  },
  { name: 'a private phone call', text: 'She got a phone call from her mother.', date: '2021-12-30', want: [] },
  { name: 'a family video call', text: 'We had a video call with the grandparents.', date: '2021-12-07', want: [] },
  { name: 'security guarantees elsewhere', text: 'The landlord sought security guarantees from every tenant.', date: '2021-12-20', want: [] },
  { name: 'a draft treaty on plastics', text: 'Delegates agreed a draft treaty on plastic waste.', date: '2021-12-20', want: [] },
  { name: 'a feared invasion before it happened', text: 'Officials warned of a Russian invasion of Ukraine.', date: '2022-01-20', want: ['Ukraine → ukraine'] },
  { name: 'the invasion, with Russia around it, after it began', text: 'Russian forces shelled Kyiv, two weeks into the invasion.', date: '2022-03-10', want: ['Kyiv → kyiv', 'the invasion → russian-invasion-of-ukraine'] },
  { name: 'the invasion of another country', text: 'The invasion of Iraq in 2003 was debated in Moscow.', date: '2023-03-20', want: ['Moscow → moscow'] },
  { name: 'the invasion with no Russia around it', text: 'American troops left Kabul two decades after the invasion.', date: '2022-03-10', want: [] },
  { name: 'the invasion before it happened', text: 'Fears of the invasion grew in Kyiv.', date: '2022-01-20', want: ['Kyiv → kyiv'] },
  { name: 'war in Ukraine before the invasion', text: 'Fears of war in Ukraine grew.', date: '2021-12-10', want: ['Ukraine → ukraine'] },
  { name: 'a further invasion, in an undated text', text: 'We will respond if Russia advances with a further invasion of Ukraine.', want: ['Russia → russia', 'Ukraine → ukraine'] },
  { name: 'a possible invasion from Belarus, after the invasion', text: 'Poland fears a possible Russian invasion from Belarus.', date: '2023-05-01', want: ['Poland → poland', 'Belarus → belarus'] },
  { name: 'an imminent large-scale invasion, undated', text: 'Officials said an imminent large-scale invasion of Ukraine was likely.', want: ['Ukraine → ukraine'] },
  { name: 'a full-scale invasion that happened', text: 'Russia launched a full-scale invasion of Ukraine in February 2022.', date: '2023-05-01', want: ['Russia → russia', 'full-scale invasion → russian-invasion-of-ukraine', 'Ukraine → ukraine'] },
  { name: 'Geneva talks not yet announced', text: 'Talks in Geneva on climate were cancelled.', date: '2021-11-01', want: ['Geneva → geneva'] },
  { name: 'crisis of another year', text: 'The 2008 financial crisis hit Ukraine hard.', date: '2009-03-01', want: ['Ukraine → ukraine'] },
  // Calls and meetings of other people in the month of the dataset's.
  { name: "another leader's video call in December", text: 'Zelenskiy held a video call with Scholz in December.', date: '2022-01-10', want: ['Zelenskiy → volodymyr-zelenskyy', 'Scholz → olaf-scholz'] },
  { name: "another leader's video call on Dec. 15", text: 'Zelenskiy held a video call with Scholz on Dec. 15.', date: '2022-01-10', want: ['Zelenskiy → volodymyr-zelenskyy', 'Scholz → olaf-scholz'] },
  { name: "a company's phone call in December", text: 'The company said its quarterly phone call with analysts in December went well.', date: '2022-01-10', want: [] },
];
