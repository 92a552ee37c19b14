namespace Pilgi.TestSupport;

/// <summary>Committed files the tests read: the sample forms, the models, host.json and the settings sample, infra/.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleForms => Path.Combine(Root, "samples", "forms");
    public static string SampleTemplates => Path.Combine(SampleForms, "templates");
    public static string SampleScans => Path.Combine(SampleForms, "scans");
    public static string Models => Path.Combine(Root, "models");

    public static string HostJson => Path.Combine(Root, "host.json");
    public static string LocalSettingsSample => Path.Combine(Root, "local.settings.sample.json");

    public static string Infra => Path.Combine(Root, "infra");
    public static string Names => Path.Combine(Infra, "names.json");
    public static IEnumerable<string> BicepFiles => Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories);

    /// <summary>The sample scan of a layout: <c>samples/forms/scans/&lt;layout&gt;-0001.jpg</c>.</summary>
    public static string SampleScan(string layout) => Path.Combine(SampleScans, $"{layout}-0001.jpg");

    /// <summary>The layouts of the sample scans (<c>&lt;layout&gt;-NNNN.jpg</c>), in order.</summary>
    public static IReadOnlyList<string> Layouts { get; } = Directory.GetFiles(SampleScans, "*.jpg")
        .Select(f => Path.GetFileNameWithoutExtension(f)[..Path.GetFileNameWithoutExtension(f).LastIndexOf('-')])
        .Order(StringComparer.Ordinal).ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
