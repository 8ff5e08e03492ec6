-- Members' questions (issue 10): when the answer is due, and which quarter's report answered it, so the indicator's
-- row in that report, and the indicator's page, can say "answered in this report". Both blank on older questions.
alter table committee_question add column due_on date;
alter table committee_question add column closed_in_period_code text;
