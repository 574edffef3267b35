using Certa.Domain.Common;
using Certa.Domain.Signing;

namespace Certa.Domain.Tests.Signing;

public sealed class SigningKeyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static SigningKey NewKey() => SigningKey.Create(Guid.NewGuid(), "cqc", "key-20261127-1", new byte[32], "ABCD", [1, 2, 3], T0);

    [Fact]
    public void Create_IsActive_AndRecordsTheFingerprint_NotThePrivateKey()
    {
        var key = NewKey();

        key.State.ShouldBe(SigningKeyState.Active);
        var created = key.PendingEvents().Single();
        created.Action.ShouldBe("signing_key.created");
        System.Text.Json.JsonSerializer.Serialize(created.Details).ShouldContain("ABCD");
        System.Text.Json.JsonSerializer.Serialize(key.AuditState()).ShouldNotContain("AQID");
    }

    [Fact]
    public void Create_WithAPublicKeyOfTheWrongSize_IsRefused() =>
        Should.Throw<DomainException>(() => SigningKey.Create(Guid.NewGuid(), "cqc", "k", new byte[31], "x", [1], T0)).Code.ShouldBe("public-key-invalid");

    [Fact]
    public void Retired_StillVouchesForWhatItSignedBefore_ButNotAfter()
    {
        var key = NewKey();
        key.Retire(T0.AddDays(10));

        key.ValidAt(T0.AddDays(5)).ShouldBeTrue();
        key.ValidAt(T0.AddDays(11)).ShouldBeFalse();
        key.ValidAt(T0.AddDays(-1)).ShouldBeFalse();
        Should.Throw<DomainException>(() => key.Retire(T0.AddDays(12))).Code.ShouldBe("key-not-active");
    }

    [Fact]
    public void Revoked_FromAPastMoment_InvalidatesWhatItSignedSinceThen_Only()
    {
        var key = NewKey();

        key.Revoke(T0.AddDays(3), "Private key leaked", T0.AddDays(7));

        key.State.ShouldBe(SigningKeyState.Revoked);
        key.ValidAt(T0.AddDays(2)).ShouldBeTrue();
        key.ValidAt(T0.AddDays(3)).ShouldBeFalse();
        key.ValidAt(T0.AddDays(5)).ShouldBeFalse();
        Should.Throw<DomainException>(() => key.Revoke(T0, "again", T0.AddDays(8))).Code.ShouldBe("key-revoked");
    }

    [Fact]
    public void Revoke_FromTheFuture_OrWithoutAReason_IsRefused()
    {
        var key = NewKey();

        Should.Throw<DomainException>(() => key.Revoke(T0.AddDays(2), "x", T0.AddDays(1))).Code.ShouldBe("revocation-in-future");
        Should.Throw<DomainException>(() => key.Revoke(T0, " ", T0.AddDays(1))).Code.ShouldBe("reason-required");
        key.State.ShouldBe(SigningKeyState.Active);
    }
}
