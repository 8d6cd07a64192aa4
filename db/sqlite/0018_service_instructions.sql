-- A service's text for citizens (what to bring, how to prepare), beside the advisers' card: mail, the booking page,
-- the .ics and the public API show this one; the card stays for staff.
ALTER TABLE Services ADD COLUMN InstructionsFi TEXT NULL;
ALTER TABLE Services ADD COLUMN InstructionsSv TEXT NULL;
ALTER TABLE Services ADD COLUMN InstructionsEn TEXT NULL;
