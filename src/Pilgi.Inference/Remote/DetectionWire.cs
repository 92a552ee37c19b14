using Pilgi.Core.Geometry;
using Pilgi.Core.Registration;

namespace Pilgi.Inference.Remote;

/// <summary>Registrations and boxes to and from the detect call's JSON shapes.</summary>
public static class DetectionWire
{
    public static RegistrationData ToData(Registration registration)
    {
        var t = registration.ReferenceToScan;
        return new RegistrationData([t.A, t.B, t.C, t.D, t.E, t.F], registration.Score, registration.Inliers, registration.Patches,
            registration.RmsPixels);
    }

    public static Registration FromData(RegistrationData data)
    {
        if (data.ReferenceToScan is not { Count: 6 } t || t.Any(v => !double.IsFinite(v)))
            throw new FormatException("A registration's referenceToScan is 6 finite numbers.");
        return new Registration(new AffineTransform(t[0], t[1], t[2], t[3], t[4], t[5]), data.Score, data.Inliers, data.Patches, data.RmsPixels);
    }

    public static IReadOnlyList<double> FromBox(Box box) => [box.X, box.Y, box.W, box.H];

    public static Box ToBox(IReadOnlyList<double> box)
    {
        if (box is not { Count: 4 } || box.Any(v => !double.IsFinite(v)))
            throw new FormatException("A box is 4 finite numbers [x, y, w, h].");
        return new Box(box[0], box[1], box[2], box[3]);
    }
}
