namespace Ajanvaraus.Api.Tests.Infrastructure;

public static class RepositoryRoot
{
    // The folder holding Ajanvaraus.sln, found upwards from the test binaries.
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Ajanvaraus.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Ajanvaraus.sln not found above " + AppContext.BaseDirectory);
    }
}
