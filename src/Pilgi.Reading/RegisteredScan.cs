using Pilgi.Core.Registration;
using Pilgi.Imaging.Pages;
using Pilgi.Inference.Detection;

namespace Pilgi.Reading;

/// <summary>
/// The form a scan was read as and, per page in order, where the form lies on it and the page it lies on (a
/// photographed sheet may have been straightened again to fit the form; a scan's page is as it was).
/// </summary>
public sealed record RegisteredScan(FormReference Form, IReadOnlyList<Registration> Registrations, IReadOnlyList<FoundPage> Pages);
