using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;

namespace Certa.Infrastructure.Credentials;

/// <summary>
/// A certificate as an unsigned W3C Verifiable Credential 2.0 whose subject is a conformity attestation shaped
/// after the UN/CEFACT UNTP Digital Conformity Credential, in the terms of Certa's DCC context.
/// </summary>
public static class CertificateCredential
{
    public const string CredentialType = "DigitalConformityCredential";

    public static JsonObject Build(CertificateFacts facts, CredentialIssuer issuer, IReadOnlyList<CredentialStatusEntry> status)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(status);

        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(CredentialContexts.CredentialsV2, CredentialContexts.DccV1),
            ["id"] = CredentialId(facts.Number, facts.Version),
            ["type"] = new JsonArray("VerifiableCredential", CredentialType),
            ["issuer"] = new JsonObject { ["id"] = issuer.Did, ["name"] = LanguageMaps.ValueObjects(issuer.Name) },
            // A certificate is valid through its last day; UTC keeps the instant the same for every reader.
            ["validFrom"] = Instant(facts.IssuedOn, TimeOnly.MinValue),
            ["validUntil"] = Instant(facts.ValidUntil, new TimeOnly(23, 59, 59)),
            ["credentialSubject"] = Attestation(facts, issuer),
        };

        if (status.Count > 0)
        {
            credential["credentialStatus"] = new JsonArray([.. status.Select(StatusEntry)]);
        }

        return credential;
    }

    /// <summary>
    /// A name-based UUID (RFC 9562 version 8, from SHA-256) of the certificate number and version: re-building the
    /// same version gives the same id, and each version of a certificate is its own credential.
    /// </summary>
    public static string CredentialId(string number, int version)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"certa:certificate:{number}:{version.ToString(CultureInfo.InvariantCulture)}"));
        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0f) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80);
        return "urn:uuid:" + new Guid(bytes, bigEndian: true).ToString("D");
    }

    private static JsonObject Attestation(CertificateFacts facts, CredentialIssuer issuer)
    {
        var scope = new JsonObject
        {
            ["type"] = new JsonArray("ConformityScheme"),
            ["registeredId"] = facts.SchemeId,
            ["name"] = LanguageMaps.Map(facts.SchemeName),
        };
        if (facts.MarkName is { IsEmpty: false } mark)
        {
            scope["mark"] = LanguageMaps.Map(mark);
        }

        var subject = new JsonObject
        {
            ["type"] = new JsonArray("ConformityAttestation"),
            ["attestationType"] = "certification",
            ["certificateNumber"] = facts.Number,
            ["certificateVersion"] = facts.Version,
            ["assessor"] = new JsonObject
            {
                ["id"] = issuer.Did,
                ["type"] = new JsonArray("Party"),
                ["registeredId"] = facts.BodyId,
                ["name"] = LanguageMaps.Map(facts.BodyName),
            },
            ["issuedToParty"] = PartyNode(facts.HolderId, facts.HolderName, facts.HolderAddress),
            ["scope"] = scope,
            ["assessment"] = new JsonArray(Assessment(facts)),
            ["conformityCertificate"] = new JsonObject
            {
                ["type"] = new JsonArray("Link"),
                ["linkURL"] = facts.VerificationUrl,
                ["linkName"] = $"Certificate {facts.Number}",
                ["linkType"] = "text/html",
            },
        };
        if (facts.PredecessorNumber is { } predecessor)
        {
            subject["predecessorNumber"] = predecessor;
        }

        return subject;
    }

    private static JsonObject Assessment(CertificateFacts facts) => new()
    {
        ["type"] = new JsonArray("ConformityAssessment"),
        ["conformance"] = facts.Standards.All(s => Conforms(s.Result)),
        ["assessedProduct"] = new JsonArray(Product(facts)),
        ["assessedFacility"] = new JsonArray(Facility(facts.Factory)),
        ["assessedOrganisation"] = PartyNode(null, facts.Manufacturer.Name, facts.Manufacturer.Address),
        ["referenceStandard"] = new JsonArray([.. facts.Standards.Select(Standard)]),
    };

    private static JsonObject Product(CertificateFacts facts)
    {
        var product = facts.Product;
        var node = new JsonObject
        {
            ["type"] = new JsonArray("Product"),
            ["name"] = LanguageMaps.Map(product.Name),
            ["model"] = product.MainModel,
            ["seriesModel"] = new JsonArray([.. product.SeriesModels.Select(SeriesModel)]),
            ["productCategory"] = new JsonObject
            {
                ["type"] = new JsonArray("Classification"),
                ["code"] = facts.ProductTypeId,
                ["name"] = LanguageMaps.Map(facts.ProductTypeName),
            },
            ["producedByParty"] = PartyNode(null, facts.Manufacturer.Name, facts.Manufacturer.Address),
            ["producedAtFacility"] = Facility(facts.Factory),
        };
        if (!string.IsNullOrWhiteSpace(product.TradeMark))
        {
            node["tradeMark"] = product.TradeMark;
        }

        return node;
    }

    private static JsonObject SeriesModel(SeriesModel model) => new()
    {
        ["type"] = new JsonArray("SeriesModel"),
        ["model"] = model.Model,
        ["differences"] = model.Differences,
    };

    private static JsonObject Standard(CertifiedStandard standard)
    {
        var node = new JsonObject
        {
            ["type"] = new JsonArray("Standard"),
            ["code"] = standard.Number,
            ["result"] = standard.Result,
            ["conformance"] = Conforms(standard.Result),
        };
        if (standard.Title is { IsEmpty: false } title)
        {
            node["title"] = LanguageMaps.Map(title);
        }

        return node;
    }

    private static JsonObject Facility(Party factory) => PartyNode(null, factory.Name, factory.Address, "Facility");

    private static JsonObject PartyNode(string? registeredId, LocalizedText name, LocalizedText address, string type = "Party")
    {
        var node = new JsonObject { ["type"] = new JsonArray(type) };
        if (registeredId is not null)
        {
            node["registeredId"] = registeredId;
        }

        node["name"] = LanguageMaps.Map(name);
        if (!address.IsEmpty)
        {
            node["address"] = LanguageMaps.Map(address);
        }

        return node;
    }

    private static JsonObject StatusEntry(CredentialStatusEntry entry)
    {
        var node = new JsonObject
        {
            ["id"] = entry.Id,
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = entry.PurposeName,
            ["statusListIndex"] = entry.Index.ToString(CultureInfo.InvariantCulture),
            ["statusListCredential"] = entry.StatusListCredential,
        };
        if (entry.Purpose == StatusPurpose.Message)
        {
            node["statusSize"] = 1;
            node["statusMessage"] = new JsonArray([.. CredentialStatusEntry.Messages.Select(m => (JsonNode)new JsonObject { ["status"] = m.Status, ["message"] = m.Message })]);
        }

        return node;
    }

    // Results are recorded as free text by the lab ("Pass", "passed", "合格"); anything else is not conformance.
    private static bool Conforms(string result) =>
        result.StartsWith("pass", StringComparison.OrdinalIgnoreCase) || result.Trim() == "合格";

    private static string Instant(DateOnly date, TimeOnly time) =>
        Timestamps.Utc(new DateTimeOffset(date.ToDateTime(time), TimeSpan.Zero));
}
