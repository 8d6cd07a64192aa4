-- A service's text for citizens (what to bring, how to prepare), beside the advisers' card: mail, the booking page,
-- the .ics and the public API show this one; the card stays for staff.
ALTER TABLE dbo.Services ADD InstructionsFi NVARCHAR(4000) NULL, InstructionsSv NVARCHAR(4000) NULL, InstructionsEn NVARCHAR(4000) NULL;
