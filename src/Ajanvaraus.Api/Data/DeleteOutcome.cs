namespace Ajanvaraus.Api.Data;

internal enum DeleteOutcome
{
    Deleted,
    NotFound,
    InUse,
}
