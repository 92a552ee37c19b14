namespace Pilgi.Imaging;

/// <summary>How a read field came out; picks the colour of its box on a review overlay.</summary>
public enum OverlayState
{
    Valid,
    NeedsReview,
    Invalid,
}
