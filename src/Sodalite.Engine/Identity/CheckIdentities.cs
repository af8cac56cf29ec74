// Check identities v1/v2/v3 (+ v4, the custom one) exactly as Soda Core computes them (spec §5.1).
using Sodalite.SodaCL.Model;

namespace Sodalite.Engine.Identity;

public sealed record CheckIdentities(string V1, string V2, string V3, string? V4)
{
    public static CheckIdentities For(CheckDefinition check, string dataSource)
    {
        var parts = new List<string> { check.Header, check.Line };
        if (check.IdentityYaml is not null) parts.Add(check.IdentityYaml);
        string v1 = Blake2.Hash([.. parts]);
        parts.Add(dataSource);
        string v2 = Blake2.Hash([.. parts]);
        parts.Add(Path.GetFileName(check.Location.FilePath));
        string v3 = Blake2.Hash([.. parts]);
        return new CheckIdentities(v1, v2, v3, check.CustomIdentity);
    }
}
