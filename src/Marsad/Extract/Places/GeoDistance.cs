namespace Marsad.Extract.Places;

/// <summary>Great-circle distance on a sphere of the Earth's mean radius (haversine).</summary>
public static class GeoDistance
{
    private const double EarthRadiusKm = 6371.0;

    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180.0;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
    }

    public static double Km(Place a, Place b) => Km(a.Lat, a.Lon, b.Lat, b.Lon);
}
