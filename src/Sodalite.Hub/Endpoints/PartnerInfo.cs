namespace Sodalite.Hub.Endpoints;

/// <summary>QALITA's partner (organisation), as GET /api/v1/partners lists it: the hub is one organisation (id 1).</summary>
/// <param name="Id">1.</param>
/// <param name="Name">"Sodalite hub".</param>
public sealed record PartnerInfo(int Id, string Name);
