// Trusting a private certificate authority for HTTPS, as configured by ca_certificate.
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Sodalite.Engine.DataSources.ClickHouse;

/// <summary>HTTPS validation that also trusts a private certificate authority (a PEM file), beside the system's.</summary>
public static class PrivateCertificateAuthority
{
    public static RemoteCertificateValidationCallback Trusting(string pemFile)
    {
        var authority = X509Certificate2.CreateFromPem(File.ReadAllText(pemFile));
        return (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None) return true;
            // The name must still match; only the chain may end at the private authority.
            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var leaf = new X509Certificate2(certificate);
            return chain.Build(leaf);
        };
    }
}
