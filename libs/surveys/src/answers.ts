import { fieldError } from '@ta/common';
import type { SurveyFile } from './survey-file.js';

export interface AnswerInput {
  questionCode: string;
  number?: number;
  choices?: string[];
  text?: string;
}

/** One answer as stored: a rating or number, the chosen option codes (yes/no as `yes`/`no`), or text. */
export interface StoredAnswer {
  code: string;
  number: number | null;
  choices: string[] | null;
  text: string | null;
}

/**
 * Checks answers against the survey the link was sent with; every problem is a 400 naming the field
 * (`answers[1].choices: "maybe" is not an option`). Unanswered optional questions are simply absent.
 */
export function checkSurveyAnswers(survey: SurveyFile, answers: AnswerInput[]): StoredAnswer[] {
  const seen = new Set<string>();
  const stored = answers.map((answer, i): StoredAnswer => {
    const at = `answers[${i}]`;
    const question = survey.questions.find((q) => q.code === answer.questionCode);
    if (!question) throw fieldError(`${at}.questionCode`, 'is not a question of this survey');
    if (seen.has(question.code)) throw fieldError(`${at}.questionCode`, 'is answered twice');
    seen.add(question.code);
    const only = (field: 'number' | 'choices' | 'text') => {
      for (const other of ['number', 'choices', 'text'] as const)
        if (other !== field && answer[other] !== undefined)
          throw fieldError(`${at}.${other}`, `is not how a ${question.type} question is answered`);
      if (answer[field] === undefined) throw fieldError(`${at}.${field}`, 'is required for this question');
    };
    const base = { code: question.code, number: null, choices: null, text: null };
    switch (question.type) {
      case 'rating':
      case 'number': {
        only('number');
        const value = answer.number as number;
        const [min, max] = question.type === 'rating' ? [1, 5] : [question.min ?? 0, question.max ?? 0];
        if (!Number.isInteger(value) || value < min || value > max)
          throw fieldError(`${at}.number`, `must be a whole number from ${min} to ${max}`);
        return { ...base, number: value };
      }
      case 'single':
      case 'multi':
      case 'yes_no': {
        only('choices');
        const choices = answer.choices as string[];
        const codes = question.type === 'yes_no' ? ['yes', 'no'] : (question.options ?? []).map((o) => o.code);
        const bad = choices.find((c) => !codes.includes(c));
        if (bad !== undefined) throw fieldError(`${at}.choices`, `"${bad}" is not an option of this question`);
        if (new Set(choices).size !== choices.length) throw fieldError(`${at}.choices`, 'must not repeat an option');
        if (choices.length === 0) throw fieldError(`${at}.choices`, 'must choose at least one option');
        if (question.type !== 'multi' && choices.length > 1) throw fieldError(`${at}.choices`, 'must choose one option');
        return { ...base, choices };
      }
      case 'text': {
        only('text');
        const value = (answer.text as string).trim();
        if (!value) throw fieldError(`${at}.text`, 'must not be empty (leave the question out instead)');
        return { ...base, text: value };
      }
    }
  });
  const missing = survey.questions.filter((q) => q.required && !seen.has(q.code));
  if (missing.length)
    throw fieldError(
      'answers',
      `${missing.length} required question${missing.length === 1 ? ' is' : 's are'} not answered: ${missing.map((q) => q.code).join(', ')}`,
    );
  return stored;
}
