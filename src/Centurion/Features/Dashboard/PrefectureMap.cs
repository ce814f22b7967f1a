using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Centurion.Features.Dashboard;

/// <summary>One prefecture as an SVG path, with a point to put its label on.</summary>
public sealed record MapShape(string Code, string NameZh, string Path, double LabelX, double LabelY);

/// <summary>
/// The prefecture boundaries as SVG paths: read once from the embedded GeoJSON, simplified (Douglas–Peucker) and projected
/// (equirectangular, scaled by the cosine of Sichuan's middle latitude). About 38,700 vertices become a few thousand.
/// </summary>
public static class PrefectureMap
{
    public const double Width = 800;
    public const double ToleranceDegrees = 0.02;
    private const double MiddleLatitude = 30.5;

    private static readonly Lazy<(IReadOnlyList<MapShape> Shapes, double Height, Func<(double, double), (double, double)> Project)> Map = new(Build);

    public static IReadOnlyList<MapShape> Shapes => Map.Value.Shapes;
    public static double Height => Map.Value.Height;

    /// <summary>A longitude and latitude in the map's coordinates, for points drawn over it (the ledgers' map of key places).</summary>
    public static (double X, double Y) Project(double longitude, double latitude) => Map.Value.Project((longitude, latitude));
    public static int VertexCount { get; private set; }

    private static (IReadOnlyList<MapShape>, double, Func<(double, double), (double, double)>) Build()
    {
        using var stream = typeof(PrefectureMap).Assembly.GetManifestResourceStream("Reference/sichuan-prefectures.geojson")!;
        using var doc = JsonDocument.Parse(stream);
        var features = new List<(string Code, string Name, List<List<(double X, double Y)>> Rings)>();
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var props = f.GetProperty("properties");
            var geometry = f.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [geometry.GetProperty("coordinates")]
                : geometry.GetProperty("coordinates").EnumerateArray().ToList();
            var rings = polygons.SelectMany(p => p.EnumerateArray())
                .Select(r => Simplify(r.EnumerateArray().Select(c => (c[0].GetDouble(), c[1].GetDouble())).ToList(), ToleranceDegrees))
                .Where(r => r.Count >= 4).ToList();
            features.Add((props.GetProperty("code").GetString()!, props.GetProperty("name_zh").GetString()!, rings));
        }
        var cos = Math.Cos(MiddleLatitude * Math.PI / 180);
        var all = features.SelectMany(f => f.Rings).SelectMany(r => r).ToList();
        double minX = all.Min(p => p.X) * cos, maxX = all.Max(p => p.X) * cos, minY = all.Min(p => p.Y), maxY = all.Max(p => p.Y);
        var scale = Width / (maxX - minX);
        (double, double) Project((double Lon, double Lat) p) => ((p.Lon * cos - minX) * scale, (maxY - p.Lat) * scale);

        VertexCount = all.Count;
        var shapes = features.Select(f =>
        {
            var path = new StringBuilder();
            foreach (var ring in f.Rings)
            {
                var projected = ring.Select(Project).ToList();
                path.Append('M').Append(string.Join('L', projected.Select(p => Format(p.Item1) + "," + Format(p.Item2)))).Append('Z');
            }
            var (lx, ly) = Centroid(f.Rings.MaxBy(Area)!.Select(Project).ToList());
            return new MapShape(f.Code, f.Name, path.ToString(), lx, ly);
        }).ToList();
        return (shapes, (maxY - minY) * scale, Project);
    }

    private static string Format(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Douglas–Peucker: keeps the points that lie farther than the tolerance from the line they would be dropped into.</summary>
    public static List<(double X, double Y)> Simplify(IReadOnlyList<(double X, double Y)> points, double tolerance)
    {
        if (points.Count < 3) return [.. points];
        var keep = new bool[points.Count];
        keep[0] = keep[^1] = true;
        var stack = new Stack<(int, int)>();
        stack.Push((0, points.Count - 1));
        while (stack.Count > 0)
        {
            var (first, last) = stack.Pop();
            var (index, distance) = (-1, 0.0);
            for (var i = first + 1; i < last; i++)
            {
                var d = DistanceToSegment(points[i], points[first], points[last]);
                if (d > distance) (index, distance) = (i, d);
            }
            if (index < 0 || distance <= tolerance) continue;
            keep[index] = true;
            stack.Push((first, index));
            stack.Push((index, last));
        }
        return [.. points.Where((_, i) => keep[i])];
    }

    private static double DistanceToSegment((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var lengthSquared = dx * dx + dy * dy;
        var t = lengthSquared == 0 ? 0 : Math.Clamp(((p.X - a.X) * dx + (p.Y - a.Y) * dy) / lengthSquared, 0, 1);
        var (x, y) = (a.X + t * dx - p.X, a.Y + t * dy - p.Y);
        return Math.Sqrt(x * x + y * y);
    }

    private static double Area(IReadOnlyList<(double X, double Y)> ring) =>
        Math.Abs(ring.Zip(ring.Skip(1).Append(ring[0]), (p, q) => p.X * q.Y - q.X * p.Y).Sum()) / 2;

    private static (double, double) Centroid(IReadOnlyList<(double X, double Y)> ring)
    {
        double a = 0, cx = 0, cy = 0;
        for (var i = 0; i < ring.Count; i++)
        {
            var (p, q) = (ring[i], ring[(i + 1) % ring.Count]);
            var cross = p.X * q.Y - q.X * p.Y;
            (a, cx, cy) = (a + cross, cx + (p.X + q.X) * cross, cy + (p.Y + q.Y) * cross);
        }
        return a == 0 ? (ring[0].X, ring[0].Y) : (cx / (3 * a), cy / (3 * a));
    }
}
