namespace Pilgi.Imaging;

/// <summary>
/// One character's cell in the <see cref="GlyphAtlas"/> image (<see cref="X"/>, <see cref="Y"/>,
/// <see cref="Width"/>, <see cref="Height"/>), where to put that cell relative to the pen at the
/// top of the text line (<see cref="OffsetX"/>, <see cref="OffsetY"/>), and how far the pen moves.
/// </summary>
public readonly record struct Glyph(int X, int Y, int Width, int Height, int OffsetX, int OffsetY, int Advance);
