namespace Pilgi.Inference.Recognition;

/// <summary>
/// A crop made ready for the recogniser: scaled to the model's line height (<see cref="Width"/> pixels wide), then
/// padded with paper to <see cref="PaddedWidth"/>. <see cref="Pixels"/> is height x <see cref="PaddedWidth"/>, row-major.
/// Lines of the same padded width and <see cref="Reader"/> can share one run.
/// </summary>
/// <param name="Reader">Which of the release's models reads it: 0 the main model, i the i-th specialist
/// (<see cref="Models.ModelDescriptor.Specialists"/>).</param>
/// <param name="SecondLook">The same crop scaled to another width, which the line's reader reads again
/// (<see cref="SecondOpinions"/>); null for none.</param>
/// <param name="IsLook">A line's <see cref="SecondLook"/> made into a line of its own: decoded as the line itself is, so
/// that its reading can stand for the line's.</param>
/// <param name="ThirdLook">The crop scaled to a third width, read (in a second round) only where the line and its
/// second look read differently (<see cref="SecondOpinions.Disputes"/>); null for none.</param>
public sealed record PreparedLine(int Width, int PaddedWidth, float[] Pixels, string? Alphabet, int Reader = 0,
    PreparedLine? SecondLook = null, bool IsLook = false, PreparedLine? ThirdLook = null);
