namespace Ajanvaraus.Api.Data;

internal static class DataExtensions
{
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        // Before any query: SQLite hands back text that Dapper would not turn into Guid or DateTimeOffset.
        DapperTypeHandlers.Register();
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Db>();
        services.AddSingleton<SchemaMigrator>();
        services.AddExceptionHandler<TransientDatabaseErrorHandler>();
        return services;
    }
}
