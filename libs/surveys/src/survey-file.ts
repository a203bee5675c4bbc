import { QUESTION_TYPES, SURVEY_KINDS, type QuestionType, type SurveyKind } from './survey-enums.js';

/**
 * The survey file, as loaded by `npm run survey:load -- FILE` and `POST /surveys`, in the shape of the readiness
 * instrument file: checked by hand so that each problem names its JSON path (`questions[2].options: must not be empty`).
 */
export interface SurveyOption {
  code: string;
  label: string;
}

export interface SurveyQuestion {
  code: string;
  type: QuestionType;
  prompt: string;
  required: boolean;
  /** rating: a label for each of 1..5. */
  labels?: Record<string, string>;
  /** single, multi. */
  options?: SurveyOption[];
  /** number: the accepted range. */
  min?: number;
  max?: number;
}

export interface SurveyFile {
  kind: SurveyKind;
  version: number;
  title: string;
  intro?: string;
  /** case_closure: the rating question reported as overall satisfaction (and whose low answers alert the leads). */
  satisfactionQuestion?: string;
  questions: SurveyQuestion[];
}

export interface SurveyProblem {
  path: string;
  message: string;
}

export class SurveyFileError extends Error {
  constructor(readonly problems: SurveyProblem[]) {
    super(problems.map((p) => `${p.path || '(file)'}: ${p.message}`).join('\n'));
  }
}

const CODE = /^[a-z0-9][a-z0-9_]{0,59}$/;
const MAX_QUESTIONS = 30;
const MAX_OPTIONS = 20;
export const RATING_POINTS = ['1', '2', '3', '4', '5'] as const;
export const NUMBER_LIMIT = 1_000_000;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** Validates a parsed survey file; returns the typed survey or throws SurveyFileError listing every problem found. */
export function parseSurveyFile(input: unknown): SurveyFile {
  const problems: SurveyProblem[] = [];
  const fail = (path: string, message: string) => {
    if (problems.length < 50) problems.push({ path, message });
  };
  const known = (obj: Json, path: string, keys: string[]) => {
    for (const key of Object.keys(obj)) if (!keys.includes(key)) fail(join(path, key), 'is not a field of a survey file');
  };
  const text = (obj: Json, path: string, key: string, max: number, required = true): string | undefined => {
    const value = obj[key];
    const at = join(path, key);
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string') return void fail(at, 'must be a string');
    if (value.trim() === '') return void fail(at, 'must not be empty');
    if (value.length > max) return void fail(at, `must be at most ${max} characters`);
    if ([...value].some((c) => c < ' ' && c !== '\n' && c !== '\r' && c !== '\t'))
      return void fail(at, 'must not contain control characters');
    return value.trim();
  };
  const code = (obj: Json, path: string): string | undefined => {
    const value = text(obj, path, 'code', 60);
    if (value !== undefined && !CODE.test(value))
      return void fail(join(path, 'code'), 'must be lower-case letters, digits or _ (up to 60)');
    return value;
  };
  const integer = (obj: Json, path: string, key: string, min: number, max: number, required = true): number | undefined => {
    const value = obj[key];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) return void fail(join(path, key), 'must be a whole number');
    if (value < min || value > max) return void fail(join(path, key), `must be between ${min} and ${max}`);
    return value;
  };

  if (!isObject(input)) throw new SurveyFileError([{ path: '', message: 'must be a JSON object' }]);
  known(input, '', ['kind', 'version', 'title', 'intro', 'satisfactionQuestion', 'questions']);
  const kind = input.kind as SurveyKind;
  if (!(SURVEY_KINDS as readonly unknown[]).includes(kind)) fail('kind', `must be one of ${SURVEY_KINDS.join(', ')}`);
  const version = integer(input, '', 'version', 1, 1_000_000);
  const title = text(input, '', 'title', 200);
  const intro = text(input, '', 'intro', 2000, false);

  const questions: SurveyQuestion[] = [];
  const codes = new Set<string>();
  const rawQuestions = input.questions;
  if (!Array.isArray(rawQuestions) || rawQuestions.length === 0) fail('questions', 'must be a list of at least one question');
  else if (rawQuestions.length > MAX_QUESTIONS) fail('questions', `must have at most ${MAX_QUESTIONS} questions`);
  else
    rawQuestions.forEach((raw, qi) => {
      const qp = `questions[${qi}]`;
      if (!isObject(raw)) return fail(qp, 'must be an object');
      known(raw, qp, ['code', 'type', 'prompt', 'required', 'labels', 'options', 'min', 'max']);
      const questionCode = code(raw, qp);
      if (questionCode !== undefined) {
        if (codes.has(questionCode)) fail(`${qp}.code`, `repeats the question code "${questionCode}"`);
        codes.add(questionCode);
      }
      const type = raw.type as QuestionType;
      if (!(QUESTION_TYPES as readonly unknown[]).includes(type)) return fail(`${qp}.type`, `must be one of ${QUESTION_TYPES.join(', ')}`);
      const prompt = text(raw, qp, 'prompt', 500);
      if (raw.required !== undefined && typeof raw.required !== 'boolean') fail(`${qp}.required`, 'must be true or false');
      const allowed: Record<QuestionType, string[]> = {
        rating: ['labels'],
        single: ['options'],
        multi: ['options'],
        yes_no: [],
        number: ['min', 'max'],
        text: [],
      };
      for (const key of ['labels', 'options', 'min', 'max'])
        if (raw[key] !== undefined && !allowed[type].includes(key)) fail(join(qp, key), `is not used by a ${type} question`);
      const question: SurveyQuestion = { code: questionCode ?? '', type, prompt: prompt ?? '', required: raw.required !== false };
      if (type === 'rating') {
        if (!isObject(raw.labels)) fail(`${qp}.labels`, 'must be an object with a label for each of 1..5');
        else {
          const labels: Record<string, string> = {};
          for (const point of RATING_POINTS) {
            const label = text(raw.labels, `${qp}.labels`, point, 80);
            if (label !== undefined) labels[point] = label;
          }
          for (const key of Object.keys(raw.labels))
            if (!(RATING_POINTS as readonly string[]).includes(key)) fail(`${qp}.labels.${key}`, 'is not a rating of 1..5');
          question.labels = labels;
        }
      }
      if (type === 'single' || type === 'multi') {
        const options: SurveyOption[] = [];
        const seen = new Set<string>();
        if (!Array.isArray(raw.options) || raw.options.length < 2) fail(`${qp}.options`, 'must list at least two options');
        else if (raw.options.length > MAX_OPTIONS) fail(`${qp}.options`, `must have at most ${MAX_OPTIONS} options`);
        else
          raw.options.forEach((option, oi) => {
            const op = `${qp}.options[${oi}]`;
            if (!isObject(option)) return fail(op, 'must be an object {code, label}');
            known(option, op, ['code', 'label']);
            const optionCode = code(option, op);
            const label = text(option, op, 'label', 200);
            if (optionCode !== undefined && seen.has(optionCode)) return fail(`${op}.code`, `repeats the option code "${optionCode}"`);
            if (optionCode !== undefined) seen.add(optionCode);
            if (optionCode !== undefined && label !== undefined) options.push({ code: optionCode, label });
          });
        question.options = options;
      }
      if (type === 'number') {
        const min = integer(raw, qp, 'min', -NUMBER_LIMIT, NUMBER_LIMIT, false) ?? 0;
        const max = integer(raw, qp, 'max', -NUMBER_LIMIT, NUMBER_LIMIT, false) ?? NUMBER_LIMIT;
        if (max <= min) fail(`${qp}.max`, 'must be greater than min');
        Object.assign(question, { min, max });
      }
      questions.push(question);
    });

  let satisfactionQuestion: string | undefined;
  if (input.satisfactionQuestion !== undefined) {
    satisfactionQuestion = text(input, '', 'satisfactionQuestion', 60);
    const target = questions.find((q) => q.code === satisfactionQuestion);
    if (satisfactionQuestion !== undefined && target?.type !== 'rating')
      fail('satisfactionQuestion', 'must be the code of a rating question of this survey');
  } else if (kind === 'case_closure') fail('satisfactionQuestion', 'a closure survey names its overall satisfaction (rating) question');

  if (problems.length || version === undefined || title === undefined)
    throw new SurveyFileError(problems.length ? problems : [{ path: '', message: 'is incomplete' }]);
  return {
    kind,
    version,
    title,
    ...(intro ? { intro } : {}),
    ...(satisfactionQuestion ? { satisfactionQuestion } : {}),
    questions,
  };
}
