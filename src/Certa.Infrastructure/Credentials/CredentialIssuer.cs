using Certa.Domain.Common;

namespace Certa.Infrastructure.Credentials;

/// <summary>The certification body as a credential issuer: its DID (did:web) and its name in English and Chinese.</summary>
public sealed record CredentialIssuer(string Did, LocalizedText Name);
