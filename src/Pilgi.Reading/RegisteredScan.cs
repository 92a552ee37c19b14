using Pilgi.Core.Registration;
using Pilgi.Inference.Detection;

namespace Pilgi.Reading;

/// <summary>The form a scan was read as and, per page in order, where the form lies on it.</summary>
public sealed record RegisteredScan(FormReference Form, IReadOnlyList<Registration> Registrations);
