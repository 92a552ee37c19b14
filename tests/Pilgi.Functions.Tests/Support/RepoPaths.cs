namespace Pilgi.Functions.Tests.Support;

/// <summary>Committed files the tests read: host.json, the local settings sample, the models, the sample forms.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string HostJson => Path.Combine(Root, "host.json");
    public static string LocalSettingsSample => Path.Combine(Root, "local.settings.sample.json");
    public static string FunctionsReadme => Path.Combine(Root, "src", "Pilgi.Functions", "README.md");
    public static string Models => Path.Combine(Root, "models");
    public static string SampleTemplates => Path.Combine(Root, "samples", "forms", "templates");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
