-- One row per background job that must run in one instance at a time (the window rebuild first; other jobs reuse
-- it). A runner holds the lease while ExpiresAt is ahead and renews it as it goes; a crashed runner's lease lapses.
-- Completed says what the job's last full run finished (the window rebuild: its horizon), so a start-up need not
-- redo it. SQL Server serialises runners with sp_getapplock instead and keeps only Completed here.
CREATE TABLE JobLeases (
    Name        TEXT    NOT NULL PRIMARY KEY,
    Owner       TEXT    NULL,
    ExpiresAt   TEXT    NOT NULL,
    Completed   TEXT    NULL
);
