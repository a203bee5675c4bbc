import { GOAL_AREAS, type GoalArea } from '@ta/cases';

/**
 * The instrument file (docs/ARCHITECTURE.md §Domain), as loaded by `npm run instrument:load -- FILE` and `POST /instruments`. Checked by
 * hand rather than by class-validator so that every problem names its JSON path the way a person editing the file
 * reads it: `sections[2].items[0].levels: scores must cover 1..3`.
 */
export interface InstrumentLevel {
  score: number;
  label: string;
  example?: string;
}

export interface InstrumentItem {
  code: string;
  statement: string;
  levels: InstrumentLevel[];
}

export interface FeedbackBand {
  minScore: number;
  text: string;
}

export interface InstrumentSection {
  code: string;
  title: string;
  goalArea: GoalArea;
  feedback: FeedbackBand[];
  items: InstrumentItem[];
}

export interface InstrumentFile {
  code: string;
  version: number;
  title: string;
  description?: string;
  scale: { min: number; max: number; labels: Record<string, string> };
  sections: InstrumentSection[];
}

export interface InstrumentProblem {
  path: string;
  message: string;
}

export class InstrumentFileError extends Error {
  constructor(readonly problems: InstrumentProblem[]) {
    super(problems.map((p) => `${p.path || '(file)'}: ${p.message}`).join('\n'));
  }
}

const CODE = /^[a-z0-9][a-z0-9_.-]{0,59}$/;
const MAX_SECTIONS = 20;
const MAX_ITEMS = 200;
const MAX_SCALE_POINTS = 11;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** Validates a parsed instrument file; returns the typed instrument or throws InstrumentFileError listing every problem found. */
export function parseInstrumentFile(input: unknown): InstrumentFile {
  const problems: InstrumentProblem[] = [];
  const fail = (path: string, message: string) => {
    if (problems.length < 50) problems.push({ path, message });
  };

  const known = (obj: Json, path: string, keys: string[]) => {
    for (const key of Object.keys(obj)) if (!keys.includes(key)) fail(join(path, key), 'is not a field of an instrument file');
  };
  const text = (obj: Json, path: string, key: string, max: number, required = true): string | undefined => {
    const value = obj[key];
    const at = join(path, key);
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string') return void fail(at, 'must be a string');
    if (required && value.trim() === '') return void fail(at, 'must not be empty');
    if (value.length > max) return void fail(at, `must be at most ${max} characters`);
    if ([...value].some((c) => c < ' ' && c !== '\n' && c !== '\r' && c !== '\t'))
      return void fail(at, 'must not contain control characters');
    return value.trim();
  };
  const code = (obj: Json, path: string, key = 'code'): string | undefined => {
    const value = text(obj, path, key, 60);
    if (value !== undefined && !CODE.test(value))
      return void fail(join(path, key), 'must be lower-case letters, digits, _ . or - (up to 60)');
    return value;
  };
  const integer = (obj: Json, path: string, key: string, min: number, max: number): number | undefined => {
    const value = obj[key];
    if (typeof value !== 'number' || !Number.isInteger(value)) return void fail(join(path, key), 'must be a whole number');
    if (value < min || value > max) return void fail(join(path, key), `must be between ${min} and ${max}`);
    return value;
  };
  const list = (obj: Json, path: string, key: string, max: number): unknown[] => {
    const value = obj[key];
    const at = join(path, key);
    if (!Array.isArray(value)) return (fail(at, 'must be a list'), []);
    if (value.length === 0) return (fail(at, 'must not be empty'), []);
    if (value.length > max) return (fail(at, `must have at most ${max} entries`), []);
    return value;
  };

  if (!isObject(input)) throw new InstrumentFileError([{ path: '', message: 'must be a JSON object' }]);
  known(input, '', ['code', 'version', 'title', 'description', 'scale', 'sections']);
  const instrumentCode = code(input, '');
  const version = integer(input, '', 'version', 1, 1_000_000);
  const title = text(input, '', 'title', 200);
  const description = text(input, '', 'description', 4000, false);

  let min = NaN;
  let max = NaN;
  const labels: Record<string, string> = {};
  if (!isObject(input.scale)) fail('scale', 'must be an object {min, max, labels}');
  else {
    known(input.scale, 'scale', ['min', 'max', 'labels']);
    const lo = integer(input.scale, 'scale', 'min', 0, 100);
    const hi = integer(input.scale, 'scale', 'max', 0, 100);
    if (lo !== undefined && hi !== undefined) {
      if (hi <= lo) fail('scale.max', 'must be greater than scale.min');
      else if (hi - lo + 1 > MAX_SCALE_POINTS) fail('scale', `must have at most ${MAX_SCALE_POINTS} points`);
      else [min, max] = [lo, hi];
    }
    if (!isObject(input.scale.labels)) fail('scale.labels', 'must be an object with a label for each score');
    else if (Number.isFinite(min)) {
      for (let s = min; s <= max; s++) {
        const label = text(input.scale.labels, 'scale.labels', String(s), 80);
        if (label !== undefined) labels[String(s)] = label;
      }
      for (const key of Object.keys(input.scale.labels))
        if (!(Number(key) >= min && Number(key) <= max && String(Number(key)) === key))
          fail(`scale.labels.${key}`, `is not a score of ${min}..${max}`);
    }
  }
  const scaleKnown = Number.isFinite(min);
  const inScale = (value: number) => !scaleKnown || (value >= min && value <= max);

  const sections: InstrumentSection[] = [];
  const sectionCodes = new Set<string>();
  const itemCodes = new Set<string>();
  let itemCount = 0;
  list(input, '', 'sections', MAX_SECTIONS).forEach((raw, si) => {
    const sp = `sections[${si}]`;
    if (!isObject(raw)) return fail(sp, 'must be an object');
    known(raw, sp, ['code', 'title', 'goalArea', 'feedback', 'items']);
    const sectionCode = code(raw, sp);
    if (sectionCode !== undefined) {
      if (sectionCodes.has(sectionCode)) fail(`${sp}.code`, `repeats the section code "${sectionCode}"`);
      sectionCodes.add(sectionCode);
    }
    const sectionTitle = text(raw, sp, 'title', 200);
    const goalArea = raw.goalArea;
    if (!(GOAL_AREAS as readonly unknown[]).includes(goalArea)) fail(`${sp}.goalArea`, `must be one of ${GOAL_AREAS.join(', ')}`);

    const feedback: FeedbackBand[] = [];
    list(raw, sp, 'feedback', 10).forEach((band, bi) => {
      const bp = `${sp}.feedback[${bi}]`;
      if (!isObject(band)) return fail(bp, 'must be an object {minScore, text}');
      known(band, bp, ['minScore', 'text']);
      const minScore = band.minScore;
      const bandText = text(band, bp, 'text', 2000);
      if (typeof minScore !== 'number' || !Number.isFinite(minScore)) return fail(`${bp}.minScore`, 'must be a number');
      if (!inScale(minScore)) return fail(`${bp}.minScore`, `must be within the scale ${min}..${max}`);
      const previous = feedback[feedback.length - 1];
      if (previous && minScore <= previous.minScore) return fail(`${bp}.minScore`, 'bands must go up: each minScore above the one before');
      if (bandText !== undefined) feedback.push({ minScore, text: bandText });
    });
    if (scaleKnown && feedback[0] !== undefined && feedback[0].minScore !== min)
      fail(`${sp}.feedback[0].minScore`, `must be ${min}, the bottom of the scale, so that every score has feedback`);

    const items: InstrumentItem[] = [];
    list(raw, sp, 'items', MAX_ITEMS).forEach((item, ii) => {
      const ip = `${sp}.items[${ii}]`;
      itemCount++;
      if (!isObject(item)) return fail(ip, 'must be an object');
      known(item, ip, ['code', 'statement', 'levels']);
      const itemCode = code(item, ip);
      if (itemCode !== undefined) {
        if (itemCodes.has(itemCode)) fail(`${ip}.code`, `repeats the item code "${itemCode}" (item codes are unique in an instrument)`);
        itemCodes.add(itemCode);
      }
      const statement = text(item, ip, 'statement', 1000);
      const levels: InstrumentLevel[] = [];
      const seen = new Set<number>();
      list(item, ip, 'levels', MAX_SCALE_POINTS).forEach((level, li) => {
        const lp = `${ip}.levels[${li}]`;
        if (!isObject(level)) return fail(lp, 'must be an object {score, label, example?}');
        known(level, lp, ['score', 'label', 'example']);
        const score = integer(level, lp, 'score', 0, 100);
        const label = text(level, lp, 'label', 200);
        const example = text(level, lp, 'example', 1000, false);
        if (score === undefined) return;
        if (!inScale(score)) return fail(`${lp}.score`, `must be within the scale ${min}..${max}`);
        if (seen.has(score)) return fail(`${lp}.score`, `repeats the score ${score}`);
        seen.add(score);
        if (label !== undefined) levels.push({ score, label, ...(example ? { example } : {}) });
      });
      if (scaleKnown && Array.isArray(item.levels) && item.levels.length && seen.size !== max - min + 1)
        fail(`${ip}.levels`, `scores must cover ${min}..${max}`);
      if (itemCode !== undefined && statement !== undefined)
        items.push({ code: itemCode, statement, levels: levels.sort((a, b) => a.score - b.score) });
    });
    if (sectionCode !== undefined && sectionTitle !== undefined)
      sections.push({ code: sectionCode, title: sectionTitle, goalArea: goalArea as GoalArea, feedback, items });
  });
  if (itemCount > MAX_ITEMS) fail('sections', `must hold at most ${MAX_ITEMS} items in all`);

  if (problems.length || instrumentCode === undefined || version === undefined || title === undefined)
    throw new InstrumentFileError(problems.length ? problems : [{ path: '', message: 'is incomplete' }]);
  return { code: instrumentCode, version, title, ...(description ? { description } : {}), scale: { min, max, labels }, sections };
}
