using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Api.Data;

/// <summary>
/// SQLite has no GUID, date or time types: these handlers write them as fixed-width text (so text order
/// is time order) and read them back, while SQL Server gets its native types.
/// </summary>
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

        // Dapper consults its built-in type map before handlers when it binds parameters, so without these
        // removals the handlers below only read: Microsoft.Data.Sqlite would store Guids as upper-case text and
        // instants with their own offset (text order no longer time order), and SQL Server would get TimeOnly as TIME.
        foreach (var type in new[] { typeof(Guid), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly) })
        {
            SqlMapper.RemoveTypeMap(type);
            SqlMapper.RemoveTypeMap(typeof(Nullable<>).MakeGenericType(type));
        }

        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new DateHandler());
        SqlMapper.AddTypeHandler(new TimeHandler());
    }

    public static string ToSqliteText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

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
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
            _ => throw new DataException($"Cannot read an instant from {value.GetType().Name}."),
        };
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
