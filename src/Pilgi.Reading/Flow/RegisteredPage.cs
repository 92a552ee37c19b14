using Pilgi.Core.Raster;
using Pilgi.Core.Registration;

namespace Pilgi.Reading.Flow;

/// <summary>One decoded page (1-based <paramref name="Page"/>) and where the form lies on it.</summary>
public sealed record RegisteredPage(int Page, GrayImage Image, Registration Registration);
