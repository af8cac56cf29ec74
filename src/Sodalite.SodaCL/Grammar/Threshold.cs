// A threshold describes the BAD zone of a metric value (Soda's ThresholdCfg, spec/sodacl.md §1.4).
using System.Text.Json.Nodes;

namespace Sodalite.SodaCL.Grammar;

public sealed record Threshold(double? Gte, double? Gt, double? Lt, double? Lte, bool IsSplitZone)
{
    private bool HasBothBounds => (Gte is not null || Gt is not null) && (Lt is not null || Lte is not null);

    /// <summary>The inverse zone: an inline pass condition becomes the fail threshold.</summary>
    public Threshold Inverse() => new(Lt, Lte, Gte, Gt, HasBothBounds ? !IsSplitZone : IsSplitZone);

    public bool IsBad(double v)
    {
        bool lower = (Gte is null || v >= Gte) && (Gt is null || v > Gt);
        bool upper = (Lt is null || v < Lt) && (Lte is null || v <= Lte);
        return IsSplitZone ? lower || upper : lower && upper;
    }

    /// <summary>Soda's to_soda_cloud_diagnostics_json: only the bounds that are set, as floats.</summary>
    public JsonObject ToDiagnostics()
    {
        var o = new JsonObject();
        if (Gte is double a) o["greaterThanOrEqual"] = a;
        if (Gt is double b) o["greaterThan"] = b;
        if (Lt is double c) o["lessThan"] = c;
        if (Lte is double d) o["lessThanOrEqual"] = d;
        return o;
    }
}
