-- Service events and the host municipality's compensation. Nothing here holds personal data: an event is a point, an
-- agency, a transaction type, a channel and a time; prices and basic parts are money per period. Amounts are whole
-- cents (exact on both engines); periods are local dates, both ends inclusive (ValidUntil NULL = open-ended).

CREATE TABLE dbo.TransactionTypes (
    Id          NVARCHAR(40)        NOT NULL CONSTRAINT PK_TransactionTypes PRIMARY KEY,
    ProviderId  NVARCHAR(40)        NULL CONSTRAINT FK_TransactionTypes_Providers REFERENCES dbo.Providers (Id),
    NameFi      NVARCHAR(200)       NOT NULL,
    NameSv      NVARCHAR(200)       NOT NULL,
    NameEn      NVARCHAR(200)       NOT NULL,
    CreatedAt   DATETIMEOFFSET(3)   NOT NULL,
    UpdatedAt   DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_TransactionTypes_ProviderId ON dbo.TransactionTypes (ProviderId);

-- Completed bookings count under this common type (channel `appointment`); it can be priced like any other.
INSERT INTO dbo.TransactionTypes (Id, ProviderId, NameFi, NameSv, NameEn, CreatedAt, UpdatedAt)
VALUES (N'appointment', NULL, N'Ajanvarauksella asiointi', N'Besök med tidsbokning', N'Booked appointment',
        '2026-12-01T00:00:00+00:00', '2026-12-01T00:00:00+00:00');

-- A walk-in served by the point's adviser on an agency's behalf. RecordedById is the adviser's point/subject.
CREATE TABLE dbo.ServiceEvents (
    Id                  UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_ServiceEvents PRIMARY KEY,
    ServicePointId      NVARCHAR(40)        NOT NULL CONSTRAINT FK_ServiceEvents_ServicePoints REFERENCES dbo.ServicePoints (Id),
    ProviderId          NVARCHAR(40)        NOT NULL CONSTRAINT FK_ServiceEvents_Providers REFERENCES dbo.Providers (Id),
    ServiceId           UNIQUEIDENTIFIER    NULL CONSTRAINT FK_ServiceEvents_Services REFERENCES dbo.Services (Id),
    TransactionTypeId   NVARCHAR(40)        NOT NULL CONSTRAINT FK_ServiceEvents_TransactionTypes REFERENCES dbo.TransactionTypes (Id),
    Channel             NVARCHAR(20)        NOT NULL,
    OccurredAt          DATETIMEOFFSET(0)   NOT NULL,
    Language            NVARCHAR(8)         NULL,
    RecordedByKind      NVARCHAR(20)        NOT NULL,
    RecordedById        NVARCHAR(200)       NULL,
    RecordedAt          DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_ServiceEvents_ServicePoint ON dbo.ServiceEvents (ServicePointId, OccurredAt);
CREATE INDEX IX_ServiceEvents_Provider ON dbo.ServiceEvents (ProviderId, OccurredAt);
CREATE INDEX IX_ServiceEvents_OccurredAt ON dbo.ServiceEvents (OccurredAt)
    INCLUDE (ServicePointId, ProviderId, Channel, TransactionTypeId);

-- The audit record of a corrected (removed) event: the event as it was, who removed it and when. No foreign keys: the
-- record outlives what it names.
CREATE TABLE dbo.ServiceEventCorrections (
    EventId             UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_ServiceEventCorrections PRIMARY KEY,
    ServicePointId      NVARCHAR(40)        NOT NULL,
    ProviderId          NVARCHAR(40)        NOT NULL,
    ServiceId           UNIQUEIDENTIFIER    NULL,
    TransactionTypeId   NVARCHAR(40)        NOT NULL,
    Channel             NVARCHAR(20)        NOT NULL,
    OccurredAt          DATETIMEOFFSET(0)   NOT NULL,
    Language            NVARCHAR(8)         NULL,
    RecordedByKind      NVARCHAR(20)        NOT NULL,
    RecordedById        NVARCHAR(200)       NULL,
    RecordedAt          DATETIMEOFFSET(3)   NOT NULL,
    CorrectedByKind     NVARCHAR(20)        NOT NULL,
    CorrectedById       NVARCHAR(200)       NULL,
    CorrectedAt         DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_ServiceEventCorrections_ServicePoint ON dbo.ServiceEventCorrections (ServicePointId, OccurredAt);

-- A unit price of a transaction type for a period; ProviderId NULL = for every agency (an agency's own price wins).
CREATE TABLE dbo.TransactionPrices (
    Id                  UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_TransactionPrices PRIMARY KEY,
    TransactionTypeId   NVARCHAR(40)        NOT NULL CONSTRAINT FK_TransactionPrices_TransactionTypes REFERENCES dbo.TransactionTypes (Id),
    ProviderId          NVARCHAR(40)        NULL CONSTRAINT FK_TransactionPrices_Providers REFERENCES dbo.Providers (Id),
    ValidFrom           DATE                NOT NULL,
    ValidUntil          DATE                NULL,
    UnitPriceCents      BIGINT              NOT NULL CONSTRAINT CK_TransactionPrices_UnitPriceCents CHECK (UnitPriceCents >= 0),
    CreatedAt           DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_TransactionPrices_Type ON dbo.TransactionPrices (TransactionTypeId, ValidFrom);

-- What an agency pays the point's municipality per month (perusosa), for a period.
CREATE TABLE dbo.BasicParts (
    Id                  UNIQUEIDENTIFIER    NOT NULL CONSTRAINT PK_BasicParts PRIMARY KEY,
    ServicePointId      NVARCHAR(40)        NOT NULL CONSTRAINT FK_BasicParts_ServicePoints REFERENCES dbo.ServicePoints (Id),
    ProviderId          NVARCHAR(40)        NOT NULL CONSTRAINT FK_BasicParts_Providers REFERENCES dbo.Providers (Id),
    ValidFrom           DATE                NOT NULL,
    ValidUntil          DATE                NULL,
    MonthlyAmountCents  BIGINT              NOT NULL CONSTRAINT CK_BasicParts_MonthlyAmountCents CHECK (MonthlyAmountCents >= 0),
    CreatedAt           DATETIMEOFFSET(3)   NOT NULL
);
CREATE INDEX IX_BasicParts_ServicePoint ON dbo.BasicParts (ServicePointId, ProviderId, ValidFrom);
