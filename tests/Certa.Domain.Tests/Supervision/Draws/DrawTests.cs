using Certa.Domain.Common;
using Certa.Domain.Supervision.Draws;

namespace Certa.Domain.Tests.Supervision.Draws;

/// <summary>The persisted draw: it keeps the record it was made with, and that record re-runs to the same result.</summary>
public sealed class DrawTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Make_KeepsTheWrittenRecord_WhichVerifies()
    {
        var inputs = new DrawBuilder().Inputs();

        var draw = Draw.Make(Guid.NewGuid(), inputs, At);

        var record = DrawRecord.Draw(inputs);
        draw.RecordJson.ShouldBe(DrawRecordJson.Write(record));
        draw.ToRecord().Verify().ShouldBeEmpty();
        (draw.Reference, draw.AuthorityId, draw.DrawDate).ShouldBe(("test-draw", "cnca", new DateOnly(2026, 11, 27)));
        (draw.Seed, draw.Digest).ShouldBe((record.Result.Seed, record.Digest));
        (draw.PopulationSize, draw.SampleSize).ShouldBe((30, 6));
        draw.PublicRandom.ShouldBe("drand round 1000: 00ff");
        draw.MadeAt.ShouldBe(At);
    }

    [Fact]
    public void Make_RecordsOneEvent_NamingTheTargets()
    {
        var draw = Draw.Make(Guid.NewGuid(), new DrawBuilder().Inputs(), At);

        var made = draw.PendingEvents().ShouldHaveSingleItem();
        made.Action.ShouldBe("draw.made");
        var targets = draw.ToRecord().Result.Targets.Select(t => t.CertificateNumber).ToList();
        System.Text.Json.JsonSerializer.Serialize(made.Details).ShouldContain(targets[0]);
        draw.OwningOrganisation.ShouldBe("cnca");
    }

    [Fact]
    public void Make_WithoutAPublicRandomValue_IsRefused() =>
        Should.Throw<DomainException>(() => Draw.Make(Guid.NewGuid(), new DrawBuilder { PublicRandom = " " }.Inputs(), At))
            .Code.ShouldBe("draw-public-random-missing");

    [Fact]
    public void ARecordEditedAfterwards_NoLongerVerifies()
    {
        var draw = Draw.Make(Guid.NewGuid(), new DrawBuilder().Inputs(), At);

        var edited = DrawRecordJson.Read(draw.RecordJson.Replace("drand round 1000: 00ff", "drand round 1001: 00ff", StringComparison.Ordinal));

        edited.Verify().Select(d => d.What).ShouldContain("seed");
    }
}
