namespace IdentityContainment.Detection.SignIns;

/// <summary>Distance along the earth's surface between two coordinates (the haversine formula on a sphere).</summary>
public static class GreatCircle
{
    /// <summary>The mean earth radius; the sphere is within 0.5 % of the ellipsoid, far below IP-geolocation error.</summary>
    public const double EarthRadiusKilometres = 6371.0;

    public static double Kilometres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        double phi1 = Radians(latitude1);
        double phi2 = Radians(latitude2);
        double halfDeltaPhi = Radians(latitude2 - latitude1) / 2;
        double halfDeltaLambda = Radians(longitude2 - longitude1) / 2;
        double h = (Math.Sin(halfDeltaPhi) * Math.Sin(halfDeltaPhi)) + (Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(halfDeltaLambda) * Math.Sin(halfDeltaLambda));

        // Rounding can push h a hair above 1 for antipodal points; asin would then be NaN.
        return 2 * EarthRadiusKilometres * Math.Asin(Math.Sqrt(Math.Min(1.0, h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180.0;
}
