namespace Pilgi.InferenceServer.Tests.Support;

/// <summary>Committed files the tests read: the sample forms and the models.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleForms => Path.Combine(Root, "samples", "forms");
    public static string SampleTemplates => Path.Combine(SampleForms, "templates");
    public static string SampleScans => Path.Combine(SampleForms, "scans");
    public static string Models => Path.Combine(Root, "models");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
