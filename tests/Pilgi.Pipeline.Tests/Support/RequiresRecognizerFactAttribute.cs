namespace Pilgi.Pipeline.Tests.Support;

/// <summary>A fact that is skipped while the recogniser (<c>models/recognizer/pilgi-rec.json</c>) is not there.</summary>
public sealed class RequiresRecognizerFactAttribute : FactAttribute
{
    public static string DescriptorPath => Path.Combine(RepoPaths.Models, "recognizer", "pilgi-rec.json");

    public RequiresRecognizerFactAttribute()
    {
        if (!File.Exists(DescriptorPath)) Skip = $"No recogniser at {DescriptorPath} (it is trained by models/training).";
    }
}
