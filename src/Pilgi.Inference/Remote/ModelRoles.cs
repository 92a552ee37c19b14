namespace Pilgi.Inference.Remote;

/// <summary>The keys of the models a health report lists.</summary>
public static class ModelRoles
{
    public const string Recognizer = "recognizer";
    public const string Detector = "detector";
}
