using Certa.Domain.Common;

namespace Certa.Requirements.Model;

/// <summary>A target market (ISO 3166 code) and the group it belongs to, e.g. SA in GCC.</summary>
public sealed record MarketDefinition(string Id, LocalizedText Name, string? Group, Provenance Provenance);
