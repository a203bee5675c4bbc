import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Satisfaction and outcome surveys (libs/surveys): versioned survey definitions, one tokenized invitation per case and
 * kind, the answers, and the addresses that opted out. Ships version 1 of the two default surveys, in the center's
 * voice; admins load later versions with POST /surveys or `npm run survey:load`.
 */
export class Surveys1765400000000 implements MigrationInterface {
  name = 'Surveys1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "surveys" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "kind" varchar(20) NOT NULL CHECK ("kind" IN ('case_closure', 'outcome_check')),
        "version" integer NOT NULL CHECK ("version" > 0),
        "title" varchar(200) NOT NULL,
        "definition" jsonb NOT NULL,
        "loaded_by" uuid REFERENCES "users"("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "surveys_kind_version_key" UNIQUE ("kind", "version")
      )`);
    await q.query(`
      CREATE TABLE "survey_invitations" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
        "kind" varchar(20) NOT NULL,
        "survey_id" uuid NOT NULL REFERENCES "surveys"("id"),
        "contact_id" uuid REFERENCES "contacts"("id") ON DELETE SET NULL,
        "recipient_name" varchar(200) NOT NULL,
        "recipient_email" varchar(320) NOT NULL,
        "token_hash" char(64) NOT NULL UNIQUE,
        "status" varchar(20) NOT NULL DEFAULT 'sent' CHECK ("status" IN ('sent', 'answered')),
        "expires_at" timestamptz NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "answered_at" timestamptz,
        CONSTRAINT "survey_invitations_case_kind_key" UNIQUE ("case_id", "kind")
      )`);
    await q.query(`CREATE INDEX "survey_invitations_answered_idx" ON "survey_invitations" ("answered_at") WHERE "status" = 'answered'`);
    await q.query(`CREATE INDEX "survey_invitations_created_idx" ON "survey_invitations" ("created_at")`);
    await q.query(`
      CREATE TABLE "survey_answers" (
        "invitation_id" uuid NOT NULL REFERENCES "survey_invitations"("id") ON DELETE CASCADE,
        "question_code" varchar(60) NOT NULL,
        "number_value" numeric,
        "choice_values" text[],
        "text_value" varchar(4000),
        PRIMARY KEY ("invitation_id", "question_code")
      )`);
    await q.query(`
      CREATE TABLE "survey_opt_outs" (
        "email" varchar(320) PRIMARY KEY CHECK ("email" = lower("email")),
        "invitation_id" uuid REFERENCES "survey_invitations"("id") ON DELETE SET NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    for (const survey of DEFAULT_SURVEYS)
      await q.query(`INSERT INTO "surveys" ("kind", "version", "title", "definition") VALUES ($1, $2, $3, $4)`, [
        survey.kind,
        survey.version,
        survey.title,
        JSON.stringify(survey),
      ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "survey_opt_outs"`);
    await q.query(`DROP TABLE "survey_answers"`);
    await q.query(`DROP TABLE "survey_invitations"`);
    await q.query(`DROP TABLE "surveys"`);
  }
}

const SATISFACTION = { '1': 'Very dissatisfied', '2': 'Dissatisfied', '3': 'Neither', '4': 'Satisfied', '5': 'Very satisfied' };
const USEFULNESS = { '1': 'Not useful', '2': 'A little useful', '3': 'Somewhat useful', '4': 'Very useful', '5': 'Extremely useful' };

/** Version 1 of each default survey, as the survey file format (libs/surveys/src/survey-file.ts) reads it. */
const DEFAULT_SURVEYS = [
  {
    kind: 'case_closure',
    version: 1,
    title: 'How did we do?',
    intro: 'Five short questions about the support your program received from us. It takes about two minutes.',
    satisfactionQuestion: 'overall',
    questions: [
      {
        code: 'overall',
        type: 'rating',
        prompt: 'Overall, how satisfied are you with the support your program received?',
        required: true,
        labels: SATISFACTION,
      },
      {
        code: 'useful',
        type: 'rating',
        prompt: 'How useful was what we worked on for your program’s day-to-day work?',
        required: true,
        labels: USEFULNESS,
      },
      {
        code: 'recommend',
        type: 'yes_no',
        prompt: 'Would you suggest us to another program that is thinking about hiring peer staff?',
        required: true,
      },
      {
        code: 'helped_most',
        type: 'multi',
        prompt: 'What helped most? Choose any that apply.',
        required: false,
        options: [
          { code: 'sessions', label: 'Talking things through with a consultant' },
          { code: 'materials', label: 'Templates, samples and written guides' },
          { code: 'training', label: 'Trainings and webinars' },
          { code: 'action_plan', label: 'Working from a written action plan' },
          { code: 'connections', label: 'Being put in touch with other programs' },
          { code: 'other', label: 'Something else' },
        ],
      },
      {
        code: 'comments',
        type: 'text',
        prompt: 'Anything else you would like us to know: what worked, what did not, what we could do better?',
        required: false,
      },
    ],
  },
  {
    kind: 'outcome_check',
    version: 1,
    title: 'What has changed since we worked together?',
    intro: 'A few months have passed since we closed your request. Four questions help us learn what lasted.',
    questions: [
      {
        code: 'changed',
        type: 'text',
        prompt: 'What has changed for your program since we worked together?',
        required: true,
      },
      {
        code: 'peers_hired',
        type: 'number',
        prompt: 'How many peer staff has your program hired since then?',
        required: true,
        min: 0,
        max: 500,
      },
      {
        code: 'peers_left',
        type: 'number',
        prompt: 'How many peer staff have left your program in that time?',
        required: true,
        min: 0,
        max: 500,
      },
      {
        code: 'plan_in_use',
        type: 'single',
        prompt: 'Is the action plan we made together still in use?',
        required: true,
        options: [
          { code: 'yes', label: 'Yes, we still work from it' },
          { code: 'partly', label: 'Partly' },
          { code: 'no', label: 'No' },
          { code: 'no_plan', label: 'We did not make one' },
        ],
      },
    ],
  },
];
