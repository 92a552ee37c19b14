namespace Pilgi.Imaging;

/// <summary>
/// One page as the file header declares it, before any decoding. <see cref="DataInsideFile"/> is
/// false when a TIFF strip or tile points past the end of the file (a cut-off upload).
/// </summary>
internal readonly record struct DeclaredPage(PageSize Size, bool DataInsideFile);
