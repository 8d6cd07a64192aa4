-- Service events and the host municipality's compensation. Nothing here holds personal data: an event is a point, an
-- agency, a transaction type, a channel and a time; prices and basic parts are money per period. Amounts are whole
-- cents (exact on both engines); periods are local dates, both ends inclusive (ValidUntil NULL = open-ended).

CREATE TABLE TransactionTypes (
    Id          TEXT    NOT NULL PRIMARY KEY,
    ProviderId  TEXT    NULL REFERENCES Providers (Id),
    NameFi      TEXT    NOT NULL,
    NameSv      TEXT    NOT NULL,
    NameEn      TEXT    NOT NULL,
    CreatedAt   TEXT    NOT NULL,
    UpdatedAt   TEXT    NOT NULL
);
CREATE INDEX IX_TransactionTypes_ProviderId ON TransactionTypes (ProviderId);

-- Completed bookings count under this common type (channel `appointment`); it can be priced like any other.
INSERT INTO TransactionTypes (Id, ProviderId, NameFi, NameSv, NameEn, CreatedAt, UpdatedAt)
VALUES ('appointment', NULL, 'Ajanvarauksella asiointi', 'Besök med tidsbokning', 'Booked appointment',
        '2026-12-01T00:00:00.0000000Z', '2026-12-01T00:00:00.0000000Z');

-- A walk-in served by the point's adviser on an agency's behalf. RecordedById is the adviser's point/subject.
CREATE TABLE ServiceEvents (
    Id                  TEXT    NOT NULL PRIMARY KEY,
    ServicePointId      TEXT    NOT NULL REFERENCES ServicePoints (Id),
    ProviderId          TEXT    NOT NULL REFERENCES Providers (Id),
    ServiceId           TEXT    NULL REFERENCES Services (Id),
    TransactionTypeId   TEXT    NOT NULL REFERENCES TransactionTypes (Id),
    Channel             TEXT    NOT NULL,
    OccurredAt          TEXT    NOT NULL,
    Language            TEXT    NULL,
    RecordedByKind      TEXT    NOT NULL,
    RecordedById        TEXT    NULL,
    RecordedAt          TEXT    NOT NULL
);
CREATE INDEX IX_ServiceEvents_ServicePoint ON ServiceEvents (ServicePointId, OccurredAt);
CREATE INDEX IX_ServiceEvents_Provider ON ServiceEvents (ProviderId, OccurredAt);
CREATE INDEX IX_ServiceEvents_OccurredAt ON ServiceEvents (OccurredAt, ServicePointId, ProviderId, Channel, TransactionTypeId);

-- The audit record of a corrected (removed) event: the event as it was, who removed it and when. No foreign keys: the
-- record outlives what it names.
CREATE TABLE ServiceEventCorrections (
    EventId             TEXT    NOT NULL PRIMARY KEY,
    ServicePointId      TEXT    NOT NULL,
    ProviderId          TEXT    NOT NULL,
    ServiceId           TEXT    NULL,
    TransactionTypeId   TEXT    NOT NULL,
    Channel             TEXT    NOT NULL,
    OccurredAt          TEXT    NOT NULL,
    Language            TEXT    NULL,
    RecordedByKind      TEXT    NOT NULL,
    RecordedById        TEXT    NULL,
    RecordedAt          TEXT    NOT NULL,
    CorrectedByKind     TEXT    NOT NULL,
    CorrectedById       TEXT    NULL,
    CorrectedAt         TEXT    NOT NULL
);
CREATE INDEX IX_ServiceEventCorrections_ServicePoint ON ServiceEventCorrections (ServicePointId, OccurredAt);

-- A unit price of a transaction type for a period; ProviderId NULL = for every agency (an agency's own price wins).
CREATE TABLE TransactionPrices (
    Id                  TEXT    NOT NULL PRIMARY KEY,
    TransactionTypeId   TEXT    NOT NULL REFERENCES TransactionTypes (Id),
    ProviderId          TEXT    NULL REFERENCES Providers (Id),
    ValidFrom           TEXT    NOT NULL,
    ValidUntil          TEXT    NULL,
    UnitPriceCents      INTEGER NOT NULL CHECK (UnitPriceCents >= 0),
    CreatedAt           TEXT    NOT NULL
);
CREATE INDEX IX_TransactionPrices_Type ON TransactionPrices (TransactionTypeId, ValidFrom);

-- What an agency pays the point's municipality per month (perusosa), for a period.
CREATE TABLE BasicParts (
    Id                  TEXT    NOT NULL PRIMARY KEY,
    ServicePointId      TEXT    NOT NULL REFERENCES ServicePoints (Id),
    ProviderId          TEXT    NOT NULL REFERENCES Providers (Id),
    ValidFrom           TEXT    NOT NULL,
    ValidUntil          TEXT    NULL,
    MonthlyAmountCents  INTEGER NOT NULL CHECK (MonthlyAmountCents >= 0),
    CreatedAt           TEXT    NOT NULL
);
CREATE INDEX IX_BasicParts_ServicePoint ON BasicParts (ServicePointId, ProviderId, ValidFrom);
