namespace Sodalite.Results.Model;

/// <summary>
/// Diagnostics of a shape this model does not type (e.g. Soda's anomaly detection, or Soda Cloud's webhook check results):
/// the object as read, written back as it was.
/// </summary>
public sealed record OtherDiagnostics(ObjectValue Json) : CheckDiagnostics
{
    /// <summary>Its "value" member; null when absent.</summary>
    public override ResultValue? Value => Json["value"];
}
