namespace Sodalite.Hub.Endpoints;

/// <summary>A file registry, as GET /api/v2/registries lists it; the hub has one (id 1), which keeps its files in its database.</summary>
/// <param name="Id">The registry's id: the registry_id of asset uploads (QALITA's CLI takes the first registry's).</param>
/// <param name="Name">"hub".</param>
/// <param name="Type">"database": the files are stored in the hub's database.</param>
/// <param name="Url">Where its files are read: the hub's /api/v1/assets.</param>
public sealed record RegistryInfo(int Id, string Name, string Type, string Url);
