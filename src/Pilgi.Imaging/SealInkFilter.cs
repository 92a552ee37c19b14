namespace Pilgi.Imaging;

/// <summary>
/// Decides which colour pixels are seal or stamp ink (red or orange) so page conversion can
/// whiten them: a red seal over a signature line must not read as handwriting. Blue and black
/// pen ink are never affected, because the rule needs red to clearly dominate both other channels.
/// </summary>
public sealed record SealInkFilter
{
    public static SealInkFilter Default { get; } = new();
    public static SealInkFilter Disabled { get; } = new() { Enabled = false };

    public bool Enabled { get; init; } = true;

    /// <summary>Red must exceed this value (dark reds are left alone: they may be pen ink in shadow).</summary>
    public int RedAbove { get; init; } = 110;

    /// <summary>Red must exceed green and blue each by more than this.</summary>
    public int RedLeadAbove { get; init; } = 50;

    /// <summary>Weaker red lead that marks a seal's smeared edge when seal ink is within <see cref="FringeRadius"/>.</summary>
    public int FringeLeadAbove { get; init; } = 15;

    public int FringeRadius { get; init; } = 2;

    public bool IsSealFringe(byte red, byte green, byte blue) =>
        Enabled && red - green > FringeLeadAbove && red - blue > FringeLeadAbove;

    public bool IsSealInk(byte red, byte green, byte blue) =>
        Enabled && red > RedAbove && red - green > RedLeadAbove && red - blue > RedLeadAbove;
}
