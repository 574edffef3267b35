using System.Globalization;
using System.Net;
using Certa.Domain.Certificates;
using Certa.Infrastructure.Persistence;
using Certa.Testing;

namespace Certa.Integration.Tests.Web;

/// <summary>
/// The public <c>/verify</c> page on each way a certificate stops counting, in plain words in English and 中文: expired,
/// replaced by a renewal (with the way to the new one), withdrawn, cancelled, signed with a key revoked from before the
/// signature, and issued on a day its body was not designated. <see cref="VerifyPageTests"/> has the rest of the codes.
/// </summary>
[Collection("sqlite")]
public sealed class VerifyPageOutcomeTests(VerifyOutcomeFixture fixture) : IClassFixture<VerifyOutcomeFixture>
{
    private static string Today => Day(DateTime.UtcNow);

    /// <summary>
    /// Each reason under its title, in the reader's language and not also in the other one ({0} is the certificate's last
    /// valid day, {1} today).
    /// </summary>
    [Theory]
    [InlineData("en", "expired", "expired", "<strong>Expired</strong>: Its last valid day was {0}.", "有效期")]
    [InlineData("en", "superseded", "superseded",
        "<strong>Replaced by a renewal</strong>: Renewed on {1}: a new certificate replaces it, and products are checked against that one:", "换证")]
    [InlineData("en", "withdrawn", "withdrawn", "<strong>Withdrawn</strong>: Withdrawn by the certification body on {1}; it no longer certifies anything.", "撤销")]
    [InlineData("en", "cancelled", "cancelled", "<strong>Cancelled</strong>: Cancelled at the holder's request on {1}; it no longer certifies anything.", "注销")]
    [InlineData("en", "key-not-valid", "active",
        "<strong>Signing key not valid</strong>: The key that signed this certificate's credential was not valid when it signed, so the signature cannot be trusted.", "密钥")]
    [InlineData("en", "body-not-designated", "active",
        "<strong>Body not designated</strong>: The certification body was not designated for this product type on the day it issued the certificate.", "指定")]
    [InlineData("zh-CN", "expired", "expired", "<strong>已过期</strong>：有效期最后一天为 {0}。", "Its last valid day")]
    [InlineData("zh-CN", "superseded", "superseded", "<strong>已换发新证书</strong>：已于 {1} 换证，由新证书取代，请以新证书为准：", "a new certificate replaces it")]
    [InlineData("zh-CN", "withdrawn", "withdrawn", "<strong>已撤销</strong>：认证机构已于 {1} 撤销本证书，本证书不再证明任何产品。", "it no longer certifies anything")]
    [InlineData("zh-CN", "cancelled", "cancelled", "<strong>已注销</strong>：应持证人申请于 {1} 注销，本证书不再证明任何产品。", "at the holder's request")]
    [InlineData("zh-CN", "key-not-valid", "active", "<strong>签名密钥无效</strong>：签署本证书电子凭证的密钥在签署时无效，签名不可信。", "was not valid when it signed")]
    [InlineData("zh-CN", "body-not-designated", "active", "<strong>认证机构未获指定</strong>：认证机构在颁发本证书之日未获该产品类别的指定。",
        "was not designated for this product type")]
    public async Task EachReason_IsSaidInPlainWords_InTheReadersLanguage(string language, string code, string state, string reason, string otherLanguage)
    {
        var certificate = fixture.WithCode(code);

        var (status, html) = await fixture.App.GetPageAsync($"/verify/{certificate.Number}", language);

        status.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain($"id=\"verify-verdict\" data-state=\"{state}\" data-valid=\"false\" data-code=\"{code}\"");
        html.ShouldContain(string.Format(CultureInfo.InvariantCulture, reason, Day(certificate.ValidUntil), Today));
        html.ShouldNotContain(otherLanguage);
    }

    [Fact]
    public async Task ARenewedCertificate_LinksToTheNewOne_AskingTheSameQuestion_AndTheNewOneIsValid()
    {
        var renewal = fixture.Renewal.Number;

        var (_, html) = await fixture.App.GetPageAsync($"/verify/{fixture.Superseded.Number}?model=X14");
        var (_, newer) = await fixture.App.GetPageAsync($"/verify/{renewal}?model=X14");

        html.ShouldContain($"<a href=\"/verify/{renewal}?model=X14\" class=\"code\" id=\"verify-superseded-by\">{renewal}</a>");
        newer.ShouldContain("id=\"verify-verdict\" data-state=\"active\" data-valid=\"true\"");
        newer.ShouldContain($"id=\"verify-predecessor\">{fixture.Superseded.Number}</a>");
    }

    [Fact]
    public async Task AWithdrawalOrACancellation_SaysWhy()
    {
        foreach (var (certificate, reason) in new[]
        {
            (fixture.Withdrawn, VerifyOutcomeFixture.WithdrawalReason),
            (fixture.Cancelled, VerifyOutcomeFixture.CancellationReason),
        })
        {
            var (_, html) = await fixture.App.GetPageAsync($"/verify/{certificate.Number}");

            html.ShouldContain($"id=\"verify-reason\"><span class=\"muted\">Because: </span>{reason}</span>", customMessage: certificate.Number);
        }
    }

    [Fact]
    public async Task TheRevokedKeyAndTheLapsedDesignation_AreNamed_BeneathTheReason()
    {
        var (_, key) = await fixture.App.GetPageAsync($"/verify/{fixture.SignedWithRevokedKey.Number}");
        var (_, designation) = await fixture.App.GetPageAsync($"/verify/{fixture.Undesignated.Number}");

        key.ShouldContain($"with key {fixture.RevokedKeyId}, which its body revoked from");
        key.ShouldContain($"({VerifyOutcomeFixture.KeyRevocationReason}): the signature cannot be trusted.");
        var issued = fixture.Undesignated.IssuedOn;
        designation.ShouldContain($"on {Day(issued)}, the day it issued this certificate: its designation for ccc ended on {Day(issued.AddDays(-1))}.");
    }

    private static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// A demo Certa with one certificate for each way of not counting. Their order matters and is the order of time: the
/// expired one (issued 400 days ago for a year) and the undesignated one (issued on a day between two designations of CQC)
/// are signed back then with the body's first key; the next is signed with it today, and that key is then revoked from a
/// minute before, so everything after is signed with the new key.
/// </summary>
public sealed class VerifyOutcomeFixture : IAsyncLifetime
{
    public const string WithdrawalReason = "Factory audit found the safety-critical components changed";
    public const string CancellationReason = "Product line discontinued";
    public const string KeyRevocationReason = "Key copied from a stolen laptop";

    public CertaTestApp App { get; private set; } = null!;

    public Certificate Expired { get; private set; } = null!;

    public Certificate Undesignated { get; private set; } = null!;

    public Certificate SignedWithRevokedKey { get; private set; } = null!;

    public string RevokedKeyId { get; private set; } = null!;

    public Certificate Withdrawn { get; private set; } = null!;

    public Certificate Cancelled { get; private set; } = null!;

    public Certificate Superseded { get; private set; } = null!;

    public Certificate Renewal { get; private set; } = null!;

    public Certificate WithCode(string code) => code switch
    {
        "expired" => Expired,
        "superseded" => Superseded,
        "withdrawn" => Withdrawn,
        "cancelled" => Cancelled,
        "key-not-valid" => SignedWithRevokedKey,
        "body-not-designated" => Undesignated,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "no certificate of the fixture has that code"),
    };

    public async Task InitializeAsync()
    {
        App = await CertaTestApp.StartAsync(DatabaseProvider.Sqlite, demo: true);
        var now = DateTimeOffset.UtcNow;
        Expired = await CertificateSeed.IssueAsync(ClockedServices.At(App.Services, now.AddDays(-400)), years: 1);
        (await CertificateHistorySeed.ExpireDueAsync(App.Services)).ShouldBe(1);

        var undesignatedDay = DateOnly.FromDateTime(now.AddDays(-200).UtcDateTime);
        await RegistrySeed.DesignateAsync(App.Services, "cqc",
            $"ccc@..{undesignatedDay.AddDays(-1):yyyy-MM-dd}", $"ccc@{undesignatedDay.AddDays(1):yyyy-MM-dd}..", "cqc-mark", "gcc-gmark");
        Undesignated = await CertificateSeed.IssueAsync(ClockedServices.At(App.Services, now.AddDays(-200)));

        SignedWithRevokedKey = await CertificateSeed.IssueAsync(App.Services);
        RevokedKeyId = (await CertificateHistorySeed.RevokeSigningKeyAsync(App.Services, SignedWithRevokedKey, TimeSpan.FromMinutes(1), KeyRevocationReason)).KeyId;

        Withdrawn = await CertificateHistorySeed.WithdrawAsync(App.Services, await CertificateSeed.IssueAsync(App.Services), WithdrawalReason);
        Cancelled = await CertificateHistorySeed.CancelAsync(App.Services, await CertificateSeed.IssueAsync(App.Services), CancellationReason);
        Superseded = await CertificateSeed.IssueAsync(App.Services);
        Renewal = await CertificateHistorySeed.RenewAsync(App.Services, Superseded);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
