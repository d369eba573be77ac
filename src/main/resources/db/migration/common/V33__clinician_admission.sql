-- Whether verified clinicians may join a community fully (WELCOME), join to read only
-- (READ_ONLY) or not join (NOT_ADMITTED). Chosen by its owners; welcoming unless they choose
-- otherwise, so communities made before the choice existed keep admitting clinicians.
ALTER TABLE communities ADD COLUMN clinicians TEXT NOT NULL DEFAULT 'WELCOME';
