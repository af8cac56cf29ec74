namespace Sodalite.Results.Dbt;

/// <summary>
/// A dbt artifact (manifest.json, run_results.json) that cannot be ingested: the message names the file, the field at fault
/// (<c>nodes["test.shop.not_null_orders_id"].depends_on.nodes</c>) and what to do.
/// </summary>
public sealed class DbtArtifactException(string message) : Exception(message);
