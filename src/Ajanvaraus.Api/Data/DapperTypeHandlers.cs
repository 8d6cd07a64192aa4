using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Api.Data;

// SQLite has no GUID, date or time types: these handlers write them as fixed-width text (so text order is time order)
// and read them back, while SQL Server gets its native types.
internal static class DapperTypeHandlers
{
    public const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    public const string DateFormat = "yyyy-MM-dd";
    public const string TimeFormat = "HH:mm";

    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        // Dapper binds types it knows (Guid, DateTimeOffset, ...) itself and would never call a handler for
        // them; without these removals SQLite would get its provider's default text, whose width and offset
        // vary, and text order would stop being time order.
        foreach (var type in new[] { typeof(Guid), typeof(Guid?), typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(DateOnly),
            typeof(DateOnly?), typeof(TimeOnly), typeof(TimeOnly?) })
        {
            SqlMapper.RemoveTypeMap(type);
        }

        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new DateHandler());
        SqlMapper.AddTypeHandler(new TimeHandler());
    }

    public static string ToSqliteText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    // An instant as SQLite hands it back (text): the fast fixed-width form, else the general parser.
    public static DateTimeOffset InstantFromText(string text) => Instants.Parse(text);

    private static readonly InstantHandler Instants = new();

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D");
            }
            else
            {
                parameter.DbType = DbType.Guid;
                parameter.Value = value;
            }
        }

        public override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            byte[] bytes => new Guid(bytes),
            _ => throw new DataException($"Cannot read a GUID from {value.GetType().Name}."),
        };
    }

    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = ToSqliteText(value);
            }
            else
            {
                parameter.DbType = DbType.DateTimeOffset;
                parameter.Value = value.ToUniversalTime();
            }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset instant => instant.ToUniversalTime(),
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            string text => ParseSqliteText(text) ?? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal).ToUniversalTime(),
            _ => throw new DataException($"Cannot read an instant from {value.GetType().Name}."),
        };

        // Search reads tens of thousands of instants per request: the fixed-width form we write is read by position,
        // several times faster than the general parser (which stays for anything else).
        private static DateTimeOffset? ParseSqliteText(string text)
        {
            if (text.Length != 28 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != '.' || text[27] != 'Z')
            {
                return null;
            }

            var span = text.AsSpan();
            if (!int.TryParse(span[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || !int.TryParse(span[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
                || !int.TryParse(span[8..10], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                || !int.TryParse(span[11..13], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
                || !int.TryParse(span[14..16], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
                || !int.TryParse(span[17..19], NumberStyles.None, CultureInfo.InvariantCulture, out var second)
                || !int.TryParse(span[20..27], NumberStyles.None, CultureInfo.InvariantCulture, out var fraction)
                || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 1, month)
                || hour > 23 || minute > 59 || second > 59 || year is < 1 or > 9999)
            {
                return null;
            }

            return new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction),
                TimeSpan.Zero);
        }
    }

    private sealed class DateHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString(DateFormat, CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.Date;
                parameter.Value = value.ToDateTime(TimeOnly.MinValue);
            }
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            string text => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture),
            _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
        };
    }

    // Local times of day are stored as 'HH:mm' text on both engines.
    private sealed class TimeHandler : SqlMapper.TypeHandler<TimeOnly>
    {
        public override void SetValue(IDbDataParameter parameter, TimeOnly value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString(TimeFormat, CultureInfo.InvariantCulture);
        }

        public override TimeOnly Parse(object value) => value switch
        {
            TimeOnly time => time,
            TimeSpan span => TimeOnly.FromTimeSpan(span),
            string text => TimeOnly.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture),
            _ => throw new DataException($"Cannot read a time of day from {value.GetType().Name}."),
        };
    }
}
