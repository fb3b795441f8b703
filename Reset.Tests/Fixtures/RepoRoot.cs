namespace Reset.Tests.Fixtures;

internal static class RepoRoot
{
    /// <summary>The folder holding reset-service.sln, found upwards from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "reset-service.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("reset-service.sln not found above " + AppContext.BaseDirectory);
    }
}
