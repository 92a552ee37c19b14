namespace Pilgi.Infra.Tests.Support;

/// <summary>The committed files these tests read: infra/ and host.json.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");
    public static string Names => Path.Combine(Infra, "names.json");
    public static string HostJson => Path.Combine(Root, "host.json");

    public static IEnumerable<string> BicepFiles => Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
