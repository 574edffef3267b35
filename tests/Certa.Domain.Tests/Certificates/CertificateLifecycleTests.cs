using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;

namespace Certa.Domain.Tests.Certificates;

public sealed class CertificateLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static Certificate Active(int years = 5)
    {
        var content = new CertificateContent("ccc", "cqc", "demo-laptop-maker", new LocalizedText("Maker Co.", "制造商"), new LocalizedText("1 Road", "一路1号"),
            new Party(new LocalizedText("Maker Co."), new LocalizedText("1 Road")), new Party(new LocalizedText("Factory"), new LocalizedText("2 Road")),
            "ccc.0902", ProductDetails.Of(new LocalizedText("Laptop"), "X14", [new SeriesModel("X14 Pro", "Battery")], "Example"),
            ["GB 4943.1-2022", "GB/T 9254.1-2021"]);
        var certificate = Certificate.IssueRegistered(Guid.NewGuid(), "2026010902000001", content, years, T0, 7, "test");
        certificate.ClearEvents();
        return certificate;
    }

    private static string LastEvent(Certificate c) => c.PendingEvents()[^1].Action;

    [Fact]
    public void Issue_StartsActive_AtVersionOne_WithItsFirstHistoryEntry()
    {
        var c = Active();

        c.State.ShouldBe(CertificateState.Active);
        c.Version.ShouldBe(1);
        c.StatusListIndex.ShouldBe(7);
        c.StatusHistory.ShouldHaveSingleItem().State.ShouldBe(CertificateState.Active);
        c.Versions.ShouldHaveSingleItem().Models.ShouldBe(["X14", "X14 Pro"]);
    }

    [Fact]
    public void Suspend_ThenRestore_BeforeTheDeadline_IsActiveAgain_WithBothInTheHistory()
    {
        var c = Active();

        c.Suspend("Factory failed follow-up", new DateOnly(2027, 2, 1), T0.AddDays(1));
        c.State.ShouldBe(CertificateState.Suspended);
        c.SuspendedUntil.ShouldBe(new DateOnly(2027, 2, 1));
        LastEvent(c).ShouldBe("certificate.suspended");

        c.Restore("Corrective actions verified", T0.AddDays(30));
        c.State.ShouldBe(CertificateState.Active);
        c.SuspendedUntil.ShouldBeNull();
        LastEvent(c).ShouldBe("certificate.restored");
        c.StatusHistory.Select(s => s.State).ShouldBe([CertificateState.Active, CertificateState.Suspended, CertificateState.Active]);
    }

    [Fact]
    public void Restore_AfterTheDeadline_IsRefused_WithTheDeadlineInTheReason()
    {
        var c = Active();
        c.Suspend("Failed follow-up", new DateOnly(2027, 1, 1), T0);

        var e = Should.Throw<DomainException>(() => c.Restore(null, new DateTimeOffset(2027, 1, 2, 0, 0, 0, TimeSpan.Zero)));

        e.Code.ShouldBe("suspension-deadline-passed");
        e.Message.ShouldContain("2027-01-01");
        c.State.ShouldBe(CertificateState.Suspended);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Suspend_WithoutAReason_IsRefused_AndChangesNothing(string reason)
    {
        var c = Active();

        Should.Throw<DomainException>(() => c.Suspend(reason, new DateOnly(2027, 2, 1), T0)).Code.ShouldBe("reason-required");

        c.State.ShouldBe(CertificateState.Active);
        c.PendingEvents().ShouldBeEmpty();
        c.StatusHistory.Count.ShouldBe(1);
    }

    [Fact]
    public void Suspend_WithADeadlineInThePast_OrBeyondValidity_IsRefused()
    {
        var c = Active(1);

        Should.Throw<DomainException>(() => c.Suspend("x", new DateOnly(2026, 11, 27), T0)).Code.ShouldBe("deadline-invalid");
        Should.Throw<DomainException>(() => c.Suspend("x", new DateOnly(2028, 1, 1), T0)).Code.ShouldBe("deadline-invalid");
    }

    [Fact]
    public void Withdrawn_IsFinal_EveryOtherOperationIsRefused_NamingTheState()
    {
        var c = Active();
        c.Withdraw("False documents", T0);

        var errors = new Action[]
        {
            () => c.Suspend("x", new DateOnly(2027, 1, 1), T0),
            () => c.Restore("x", T0),
            () => c.Withdraw("x", T0),
            () => c.Cancel("x", T0),
            () => c.Renew(Guid.NewGuid(), "2", 5, T0, 8),
            () => c.ChangeHolder(new LocalizedText("New"), new LocalizedText("Addr"), "x", T0),
            () => c.ExtendModels([new SeriesModel("X15", "New")], "x", T0),
        }.Select(a => Should.Throw<DomainException>(a)).ToList();

        errors.ShouldAllBe(e => e.Code == "certificate-withdrawn");
        errors[0].Message.ShouldContain("2026010902000001 is withdrawn");
    }

    [Fact]
    public void Cancel_FromSuspended_IsAllowed()
    {
        var c = Active();
        c.Suspend("x", new DateOnly(2027, 1, 1), T0);

        c.Cancel("Product discontinued", T0.AddDays(2));

        c.State.ShouldBe(CertificateState.Cancelled);
        c.StateReason.ShouldBe("Product discontinued");
    }

    [Fact]
    public void Expire_OnlyAfterTheLastValidDay()
    {
        var c = Active(1);
        var lastDay = new DateTimeOffset(2027, 11, 26, 23, 0, 0, TimeSpan.Zero);

        Should.Throw<DomainException>(() => c.Expire(lastDay)).Code.ShouldBe("not-yet-expired");
        c.Expire(lastDay.AddHours(2));

        c.State.ShouldBe(CertificateState.Expired);
        LastEvent(c).ShouldBe("certificate.expired");
    }

    [Fact]
    public void StateAt_ReadsTheHistory_AndTheValidity()
    {
        var c = Active(1);
        c.Suspend("x", new DateOnly(2027, 3, 1), T0.AddDays(10));
        c.Restore(null, T0.AddDays(20));

        c.StateAt(T0.AddDays(5)).ShouldBe(CertificateState.Active);
        c.StateAt(T0.AddDays(15)).ShouldBe(CertificateState.Suspended);
        c.StateAt(T0.AddDays(25)).ShouldBe(CertificateState.Active);
        c.StateAt(T0.AddYears(2)).ShouldBe(CertificateState.Expired);
        Should.Throw<DomainException>(() => c.StateAt(T0.AddDays(-1))).Code.ShouldBe("before-issue");
    }

    [Fact]
    public void Renew_MakesANewCertificate_NamingItsPredecessor_AndSupersedesTheOld()
    {
        var c = Active();
        var later = T0.AddYears(4);

        var renewal = c.Renew(Guid.NewGuid(), "2030010902000001", 5, later, 8);

        c.State.ShouldBe(CertificateState.Superseded);
        c.SupersededBy.ShouldBe("2030010902000001");
        renewal.State.ShouldBe(CertificateState.Active);
        renewal.PredecessorNumber.ShouldBe(c.Number);
        renewal.PredecessorId.ShouldBe(c.Id);
        renewal.Standards.ShouldBe(c.Standards);
        renewal.ValidUntil.ShouldBe(new DateOnly(2035, 11, 26));
        renewal.StatusListIndex.ShouldBe(8);
        renewal.PendingEvents().Single().Action.ShouldBe("certificate.issued");
        Should.Throw<DomainException>(() => c.Renew(Guid.NewGuid(), "3", 5, later, 9)).Code.ShouldBe("certificate-superseded");
    }

    [Fact]
    public void ChangeHolder_MakesANewVersion_UnderTheSameNumber_AndKeepsTheOldOneInTheVersions()
    {
        var c = Active();

        c.ChangeHolder(new LocalizedText("Maker Group Co.", "制造集团"), new LocalizedText("9 Avenue"), "Renamed", T0.AddDays(3));

        c.Version.ShouldBe(2);
        c.Number.ShouldBe("2026010902000001");
        c.HolderName.En.ShouldBe("Maker Group Co.");
        c.Versions.Select(v => v.HolderName.En).ShouldBe(["Maker Co.", "Maker Group Co."]);
        LastEvent(c).ShouldBe("certificate.changed");
    }

    [Fact]
    public void ChangeHolder_ToWhatItAlreadySays_IsRefused() =>
        Should.Throw<DomainException>(() => Active().ChangeHolder(new LocalizedText("Maker Co.", "制造商"), new LocalizedText("1 Road", "一路1号"), "x", T0))
            .Code.ShouldBe("nothing-changed");

    [Fact]
    public void ExtendModels_AddsSeriesModels_AsANewVersion_AndRefusesADuplicate()
    {
        var c = Active();

        c.ExtendModels([new SeriesModel("X14 Air", "Thinner chassis")], "New variant", T0.AddDays(3));

        c.Version.ShouldBe(2);
        c.Models.ShouldBe(["X14", "X14 Pro", "X14 Air"]);
        Should.Throw<DomainException>(() => c.ExtendModels([new SeriesModel("x14 pro", "again")], "dup", T0)).Code.ShouldBe("duplicate-model");
        Should.Throw<DomainException>(() => c.ExtendModels([], "none", T0)).Code.ShouldBe("models-required");
        c.Version.ShouldBe(2);
    }

    [Fact]
    public void Suspended_CannotBeChangedOrExtendedOrRenewed()
    {
        var c = Active();
        c.Suspend("x", new DateOnly(2027, 1, 1), T0);

        Should.Throw<DomainException>(() => c.ExtendModels([new SeriesModel("X15", "New")], "x", T0)).Code.ShouldBe("certificate-suspended");
        Should.Throw<DomainException>(() => c.Renew(Guid.NewGuid(), "2", 5, T0, 8)).Code.ShouldBe("certificate-suspended");
    }

    public static TheoryData<CertificateState> States() =>
        [CertificateState.Active, CertificateState.Suspended, CertificateState.Withdrawn, CertificateState.Cancelled, CertificateState.Expired, CertificateState.Superseded];

    private static Certificate In(CertificateState state)
    {
        var c = Active(1);
        switch (state)
        {
            case CertificateState.Suspended: c.Suspend("x", new DateOnly(2027, 1, 1), T0); break;
            case CertificateState.Withdrawn: c.Withdraw("x", T0); break;
            case CertificateState.Cancelled: c.Cancel("x", T0); break;
            case CertificateState.Expired: c.Expire(T0.AddYears(2)); break;
            case CertificateState.Superseded: c.Renew(Guid.NewGuid(), "2", 1, T0, 9); break;
        }

        return c;
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Allows_SaysExactlyWhatTheMethodsAccept_InEveryState(CertificateState state)
    {
        // A day inside the validity, so only the state decides (expiry has its own date rule, tested above).
        var at = T0.AddDays(1);
        foreach (var operation in Enum.GetValues<CertificateOperation>().Where(o => o != CertificateOperation.Expire))
        {
            var c = In(state);
            c.State.ShouldBe(state);
            Action act = operation switch
            {
                CertificateOperation.Suspend => () => c.Suspend("x", new DateOnly(2027, 6, 1), at),
                CertificateOperation.Restore => () => c.Restore("x", at),
                CertificateOperation.Withdraw => () => c.Withdraw("x", at),
                CertificateOperation.Cancel => () => c.Cancel("x", at),
                CertificateOperation.Renew => () => c.Renew(Guid.NewGuid(), "3", 1, at, 10),
                CertificateOperation.Change => () => c.ChangeHolder(new LocalizedText("Other"), new LocalizedText("Elsewhere"), "x", at),
                CertificateOperation.Extend => () => c.ExtendModels([new SeriesModel("X99", "New")], "x", at),
                _ => throw new InvalidOperationException(),
            };
            var allowed = c.Allows(operation);
            var refusal = Record.Exception(act) as DomainException;

            (refusal is null).ShouldBe(allowed, $"{operation} on a {state} certificate: {refusal?.Message}");
        }
    }
}
