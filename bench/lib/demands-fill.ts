import { WORDS_PER_ITEM, keyWordsOf, wordsOf } from '../../server/src/modules/demands/demand-words.ts';
import { newTrackingCode } from '../../server/src/platform/public/tracking-code.ts';
import type { DemandFixture } from './dataset.ts';
import * as D from './demand-vocab.ts';
import type { GenDept, Org } from './org.ts';
import { uuidAt, type Rng } from './prng.ts';
import type { Sink, Value, Writer } from './sink.ts';
import * as V from './vocab.ts';

const DAY = 86_400_000;
const YEARS = 3;
/** Ids handed to the similar-lookup scenario. */
const SAMPLE = 2_000;
/** Incidents still being reported: a repeat report is about one of the last this many. */
const RECENT = 3_000;
/** Share of items that report an incident someone already reported (the same problem at the same place). */
const REPEAT = 0.3;
/** Share of items about one of the few incidents that everyone nearby reports (a burst water main, a week of night works). */
const HOT = 0.01;
const HOT_INCIDENTS = 5;
/** Items between changes of the hot incidents. */
const HOT_SPAN = 20_000;

const COLUMNS = [
  'id',
  'code',
  'kind',
  'channel',
  'solicitation_id',
  'title',
  'body',
  'address',
  'lat',
  'long',
  'submitter_name_sealed',
  'phone_sealed',
  'email_sealed',
  'suggested_category',
  'suggested_department_id',
  'category',
  'department_id',
  'urgent',
  'status',
  'merged_into_id',
  'sent_back_count',
  'reopened_count',
  'reply',
  'replied_at',
  'replied_by_person_id',
  'closed_at',
  'rating',
  'rating_comment',
  'rated_at',
  'hidden_reason',
  'hidden_at',
  'created_at',
  'updated_at',
  'version',
] as const;
type Row = Record<(typeof COLUMNS)[number], Value>;

/**
 * The app's `keyWordsOf` over title and body, with jieba's work kept per part of the text. jieba
 * cuts a text in blocks at every character that is not a letter, digit or Han and segments each
 * block alone; the parts (title, opening, the problem's clauses, a detail, the closing) meet at
 * such characters, so the words of the text are the words of its parts in order — and parts repeat
 * where whole texts do not. A text with more words than the app keeps goes to `keyWordsOf` itself
 * (its TF-IDF choice reads the whole text). generate.test.ts checks the result against
 * `keyWordsOf` for every item of the small scale.
 */
function keyWordsCached() {
  const known = new Map<string, string[]>();
  return (title: string, parts: string[]): string[] => {
    const seen = new Set<string>();
    for (const part of [title, ...parts]) {
      let words = known.get(part);
      if (!words) {
        if (known.size >= 500_000) known.clear(); // a bound on memory; the common parts come back at once
        known.set(part, (words = wordsOf(part)));
      }
      for (const w of words) seen.add(w);
    }
    return seen.size <= WORDS_PER_ITEM ? [...seen] : keyWordsOf(`${title}\n${parts.join('')}`);
  };
}

/**
 * Each item's words, in one row: on SQLite a temporary view's trigger unpacks them into
 * `demand_words` in the writer thread (one statement an item instead of one a word: most of the load
 * is these rows); PostgreSQL takes them as rows of its multi-row inserts.
 */
async function wordsWriter(sink: Sink, after: Writer[]) {
  if (sink.engine === 'postgres') {
    const rows = sink.table('demand_words', ['demand_id', 'word'], after);
    return {
      writer: rows,
      async push(id: string, words: string[]) {
        for (const w of words) await rows.push([id, w]);
      },
    };
  }
  await sink.run('CREATE TEMP VIEW demand_words_packed (demand_id, words) AS SELECT NULL, NULL');
  await sink.run(
    'CREATE TEMP TRIGGER demand_words_unpack INSTEAD OF INSERT ON demand_words_packed BEGIN INSERT INTO demand_words (demand_id, word) SELECT NEW.demand_id, value FROM json_each(NEW.words); END',
  );
  const packed = sink.table('demand_words_packed', ['demand_id', 'words'], after);
  return { writer: packed, push: (id: string, words: string[]) => packed.push([id, JSON.stringify(words)]) };
}

/** `clauses`: the sentence's first clause, then the others each with the comma before it */
type Problem = { topic: D.Topic; short: string; clauses: string[] };
type Place = { town: GenDept; village: string; spots: string[] };
type Incident = { problem: Problem; place: Place; spot: string; detail: string; first: { id: string; open: boolean } | null };

const PROBLEMS: Problem[] = D.TOPICS.flatMap((topic) =>
  topic.problems.split('|').map((p) => {
    const [short, sentence] = p.split('：') as [string, string];
    const [first, ...rest] = sentence.split('，');
    return { topic, short, clauses: [first!, ...rest.map((c) => `，${c}`)] };
  }),
);

/**
 * Each town of the org with its villages and communities (the org's own, topped up with more of
 * the same kind of name), and in each some compounds, roads and landmarks: the places residents
 * name. The finer the rarer: a village's name is in thousands of items, a compound's building in a handful.
 */
function placesOf(rng: Rng, org: Org): Place[] {
  const name = () => rng.pick(V.PLACE_FIRST) + rng.pick(V.PLACE_SECOND);
  const towns = org.departments.filter((d) => d.type === 'town');
  const places: Place[] = [];
  for (const town of towns.length ? towns : [org.root]) {
    const villages = new Set(town.children.filter((c) => c.type === 'village').map((c) => c.name));
    while (villages.size < 30) villages.add(name() + rng.pick(V.VILLAGE_SUFFIX));
    for (const village of villages) {
      const spots = [
        ...Array.from({ length: 5 }, () => name() + rng.pick(D.COMPOUNDS)),
        ...Array.from({ length: 3 }, () => name() + rng.pick(D.ROADS)),
        ...Array.from({ length: 3 }, () => name() + rng.pick(D.LANDMARKS)),
      ];
      places.push({ town, village, spots });
    }
  }
  return places;
}

/** Where exactly: a building of a compound, a house number or a crossing, a landmark's gate — or the village alone. */
function spotOf(rng: Rng, place: Place): string {
  const spot = rng.pick(place.spots);
  if (D.COMPOUNDS.some((c) => spot.endsWith(c)))
    return rng.chance(0.6) ? `${spot}${rng.between(1, 40)}${rng.chance(0.5) ? '栋' : '号楼'}` : spot;
  if (D.ROADS.some((r) => spot.endsWith(r)))
    return rng.chance(0.5) ? `${spot}${rng.between(1, 300)}号` : `${spot}与${rng.pick(place.spots.filter((s) => s !== spot))}交叉口`;
  return spot + rng.pick(['门口', '附近', '', '旁边']);
}

/** What makes one report unlike any other: a date, a person, a shop, a number plate (each a rare word). */
function detailOf(rng: Rng): string {
  const surname = rng.pick(V.SURNAMES);
  switch (rng.int(8)) {
    case 0:
      return `${rng.between(1, 12)}月${rng.between(1, 28)}日晚上又出现了`;
    case 1:
      return `联系过物业的${surname}经理，没有下文`;
    case 2:
      return `附近${surname}记${rng.pick(D.SHOPS)}的老板也知道`;
    case 3: {
      const alnum = Array.from({ length: 5 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'[rng.int(34)]).join('');
      return `车牌${rng.pick(D.PLATE_REGIONS)}${'ABCDEFGH'[rng.int(8)]}${alnum}的车经常停在这里`;
    }
    default:
      return '';
  }
}

/**
 * One resident's words about an incident: their own title, opening, how long, how they close. The
 * body's parts each start after, or with, a punctuation mark (see keyWordsCached).
 */
function textOf(rng: Rng, inc: Incident): { title: string; parts: string[]; address: string } {
  const { town, village } = inc.place;
  const full = `${town.name}${village}${inc.spot}`;
  const said = rng.pick([full, `${village}${inc.spot}`, `${village}${inc.spot}`, village]);
  const title = rng
    .pick(D.TITLES)
    .replace('{p}', rng.chance(0.7) ? village : said)
    .replace('{s}', inc.problem.short);
  const duration = rng.pick(D.DURATIONS);
  const closing = rng.pick(D.CLOSINGS);
  const tail = duration ? `${duration}，${closing || '请尽快处理。'}` : closing;
  const detail = inc.detail && rng.chance(0.8) ? `，${inc.detail}` : '';
  // people put the same problem in fewer or more words: the first clause always, each other one mostly
  const [first, ...rest] = inc.problem.clauses;
  const told = [first!, ...rest.filter(() => rng.chance(0.75))];
  const parts = [rng.pick(D.OPENINGS).replace('{p}', said), ...told, detail, `。${tail}`];
  return { title, parts, address: full };
}

type Status = 'received' | 'accepted' | 'dispatched' | 'handling' | 'replied' | 'closed' | 'rejected';
const byAge: [number, Status[], number[]][] = [
  [45, ['closed', 'replied', 'handling', 'dispatched'], [94, 2, 2.5, 1.5]],
  [15, ['closed', 'replied', 'handling', 'dispatched'], [60, 15, 17, 8]],
  [3, ['closed', 'replied', 'handling', 'dispatched', 'accepted'], [20, 15, 35, 20, 10]],
  [0, ['received', 'accepted', 'dispatched', 'handling'], [35, 25, 25, 15]],
];
/** Where an item of this age stands in the loop: most of the old ones closed, the new ones on their way. */
function statusOf(rng: Rng, ageDays: number): Status {
  if (rng.chance(0.025)) return 'rejected';
  const [, states, weights] = byAge.find(([days]) => ageDays > days) ?? byAge.at(-1)!;
  return states[rng.weighted(weights)]!;
}
const VERSION: Record<Status, number> = { received: 1, accepted: 2, rejected: 2, dispatched: 3, handling: 4, replied: 5, closed: 6 };
const CHANNELS = ['web', 'phone', 'email', 'letter', 'open311'];
const CHANNEL_WEIGHTS = [55, 25, 8, 7, 5];

/**
 * 群众诉求 for the similar-item lookup (issue #14): `count` items over the three years before
 * `asOfMs`, more each year, ids sortable by their own time as the app's are. A third report an
 * incident already reported — the same problem at the same place, in the reporter's own words —
 * and a few incidents at a time are reported by dozens; some of those reports were merged into
 * the first. Statuses by age, departments from the org (the town for local matters, else the
 * bureau that handles the topic). `demand_words` holds each item's words as the app indexes them:
 * its own `keyWordsOf` over title and body. No audit records or history lines: the lookup reads
 * neither, and a million `demand.receive` records would be most of the log.
 */
export async function fillDemands(input: {
  sink: Sink;
  rng: Rng;
  org: Org;
  count: number;
  asOfMs: number;
  log: (line: string) => void;
}): Promise<DemandFixture> {
  const { sink, rng, org, count, asOfMs } = input;
  const started = Date.now();
  const restore = [await sink.deferIndexes('demands'), await sink.deferIndexes('demand_words')];
  const demands = sink.table('demands', [...COLUMNS]);
  const words = await wordsWriter(sink, [demands]);
  const places = placesOf(rng.fork('places'), org);
  const bureaus = new Map(org.departments.filter((d) => d.type === 'bureau').map((d) => [d.name, d]));
  const replier = (deptId: string) => org.peopleByDept.get(deptId)?.find((p) => p.status !== 'left')?.id ?? null;
  const ids = rng.fork('ids');
  const codeRng = rng.fork('codes');
  const codeBytes = (n: number) => Uint8Array.from({ length: n }, () => codeRng.int(256));

  const newIncident = (): Incident => {
    const place = rng.pick(places);
    return { problem: rng.pick(PROBLEMS), place, spot: rng.chance(0.8) ? spotOf(rng, place) : '', detail: detailOf(rng), first: null };
  };
  const keyWords = keyWordsCached();
  const recent: Incident[] = [];
  let recentNext = 0;
  let hot: Incident[] = [];
  const sample: string[] = [];
  const step = Math.max(1, Math.floor(count / SAMPLE));
  let wordRows = 0;

  const from = asOfMs - YEARS * 365 * DAY;
  for (let i = 0; i < count; i++) {
    // twice as many a day at the end as at the start: the inverse of a linearly growing density
    const q = (i + 0.5) / count;
    const created = Math.floor(from + (asOfMs - from) * (Math.sqrt(1 + 3 * q) - 1));
    const ageDays = (asOfMs - created) / DAY;
    if (i % HOT_SPAN === 0) hot = Array.from({ length: HOT_INCIDENTS }, newIncident);
    const x = rng.float();
    const inc = x < HOT ? rng.pick(hot) : x < HOT + REPEAT && recent.length ? rng.pick(recent) : newIncident();
    if (!inc.first) recent[recentNext++ % RECENT] = inc;
    const id = uuidAt(ids, created);
    const { title, parts, address } = textOf(rng, inc);
    const body = parts.join('');
    const merged = inc.first?.open && rng.chance(0.12) ? inc.first.id : null;
    const status: Status = merged ? (ageDays < 1 ? 'received' : 'accepted') : statusOf(rng, ageDays);
    inc.first ??= { id, open: status !== 'rejected' };

    const topic = inc.problem.topic;
    const responsible = rng.chance(0.65) ? inc.place.town : (bureaus.get(topic.bureau) ?? inc.place.town);
    const withDept = status === 'dispatched' || status === 'handling' || status === 'replied' || status === 'closed';
    const at = (days: number) => new Date(Math.min(created + days * DAY, created + ageDays * 0.95 * DAY)).toISOString();
    const repliedAt = status === 'replied' || status === 'closed' ? at(rng.between(3, 20)) : null;
    const closedAt = status === 'closed' ? at(rng.between(24, 30)) : null;
    const rated = status === 'closed' && rng.chance(0.7);
    const sentBack = withDept && rng.chance(0.05) ? 1 : 0;
    const row: Row = {
      id,
      code: newTrackingCode(codeBytes),
      kind: rng.chance(0.1) ? 'suggestion' : 'demand',
      channel: CHANNELS[rng.weighted(CHANNEL_WEIGHTS)]!,
      solicitation_id: null,
      title,
      body,
      address: rng.chance(0.4) ? address : null,
      lat: null,
      long: null,
      submitter_name_sealed: null,
      phone_sealed: null,
      email_sealed: null,
      suggested_category: rng.chance(0.9) ? topic.category : null,
      suggested_department_id: rng.chance(0.7) ? responsible.id : null,
      category: status === 'received' ? null : topic.category,
      department_id: withDept ? responsible.id : null,
      urgent: rng.chance(0.03) ? 1 : 0,
      status,
      merged_into_id: merged,
      sent_back_count: sentBack,
      reopened_count: status === 'closed' && rng.chance(0.02) ? 1 : 0,
      reply: repliedAt ? rng.pick(D.REPLIES) : null,
      replied_at: repliedAt,
      replied_by_person_id: repliedAt ? replier(responsible.id) : null,
      closed_at: closedAt,
      rating: rated ? 1 + rng.weighted([3, 4, 8, 25, 60]) : null,
      rating_comment: null,
      rated_at: rated ? closedAt : null,
      hidden_reason: null,
      hidden_at: null,
      created_at: new Date(created).toISOString(),
      updated_at: closedAt ?? repliedAt ?? (status === 'received' ? new Date(created).toISOString() : at(2)),
      version: VERSION[status] + (merged ? 1 : 0) + 2 * sentBack,
    };
    await demands.push(COLUMNS.map((c) => row[c]));
    const itemWords = keyWords(title, parts);
    await words.push(id, itemWords);
    wordRows += itemWords.length;
    if (i % step === step - 1 && sample.length < SAMPLE) sample.push(id);
    if (i > 0 && i % 200_000 === 0) input.log(`    demands: ${i} …`);
  }
  await demands.flush();
  await words.writer.flush();
  await sink.checkpoint();
  input.log(`  demands: ${count} items, ${wordRows} word rows; rebuilding their indexes`);
  for (const r of restore) await r();
  input.log(`  demands: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { count, wordRows, sample };
}
