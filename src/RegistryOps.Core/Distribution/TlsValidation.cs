using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace RegistryOps.Core.Distribution;

/// <summary>Server certificate checks for an endpoint: system trust, a private CA, or none.</summary>
internal static class TlsValidation
{
    /// <summary>Null means the platform's default validation.</summary>
    public static RemoteCertificateValidationCallback? For(RegistryEndpoint endpoint)
    {
        if (endpoint.SkipTlsVerify)
        {
            return (_, _, _, _) => true;
        }

        if (endpoint.CaFile is null)
        {
            return null;
        }

        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(endpoint.CaFile);
        if (authorities.Count == 0)
        {
            throw new RegistryException($"CA file {endpoint.CaFile} holds no PEM certificate");
        }

        return (_, certificate, _, errors) =>
        {
            // The name must still match; only the chain is judged against the private CA.
            if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
                || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            var leaf = certificate as X509Certificate2
                ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return chain.Build(leaf);
        };
    }
}
